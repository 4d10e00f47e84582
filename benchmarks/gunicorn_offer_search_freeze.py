"""Gunicorn settings for the `--gc-freeze` variant of locust_offer_search:
the product's (ancrage/gunicorn_conf.py), except that each worker, once the
référentiel's indexes are built, moves them out of the garbage collector's
reach (gc.freeze), so its full passes no longer walk those objects."""

import gc
import threading

from ancrage.gunicorn_conf import *  # noqa: F403


def post_worker_init(worker):
    from ancrage.referentiel.search.indexes import warm

    def warm_then_freeze():
        warm()
        gc.collect()
        gc.freeze()

    threading.Thread(target=warm_then_freeze, name="référentiel-warm-up", daemon=True).start()
