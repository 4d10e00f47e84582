"""One import of the référentiel at a time.

The ROME and ESCO imports share one PostgreSQL advisory lock, taken by the
first statement of their transaction and released when it ends: a second
import started meanwhile stops at once instead of writing the same rows.
"""

from django.db import connection

LOCK_KEY = "ancrage:referentiel-import"
BUSY_MESSAGE = (
    "Un import du référentiel est déjà en cours (ROME ou ESCO) : attendez qu'il se termine "
    "puis relancez la commande. Rien n'a été écrit."
)


class ImportBusy(Exception):
    def __init__(self):
        super().__init__(BUSY_MESSAGE)


def one_import_at_a_time():
    """Take the lock for the current transaction, or raise ImportBusy."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [LOCK_KEY])
        (taken,) = cursor.fetchone()
    if not taken:
        raise ImportBusy
