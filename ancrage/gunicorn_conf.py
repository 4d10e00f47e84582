"""Gunicorn settings that `ancrage serve` and `ancrage demo` load.

Each web process builds the référentiel's search indexes in the background
as soon as it starts, so that the first person to type in a picker does not
wait for them (2–3 s each with the full ROME).

Once built, the indexes are moved out of the garbage collector's reach
(gc.freeze): its full passes no longer walk those millions of objects, which
tripled the offer search's throughput under load (benchmarks/RESULTS.md).

Confirming the import of a 5,000-row member file takes 20–30 s on two cores
(benchmarks/RESULTS.md): a request may run up to two minutes."""

import gc
import threading

timeout = 120


def post_worker_init(worker):
    from ancrage.referentiel.search.indexes import warm

    def warm_then_freeze():
        warm()
        gc.collect()
        gc.freeze()

    threading.Thread(target=warm_then_freeze, name="référentiel-warm-up", daemon=True).start()
