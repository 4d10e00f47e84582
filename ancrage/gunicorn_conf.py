"""Gunicorn settings that `ancrage serve` and `ancrage demo` load.

Each web process builds the référentiel's search indexes in the background
as soon as it starts, so that the first person to type in a picker does not
wait for them (2–3 s each with the full ROME).

Confirming the import of a 5,000-row member file takes 20–30 s on two cores
(benchmarks/RESULTS.md): a request may run up to two minutes."""

import threading

timeout = 120


def post_worker_init(worker):
    from ancrage.referentiel.search.indexes import warm

    threading.Thread(target=warm, name="référentiel-warm-up", daemon=True).start()
