"""Import of GPEC declarations by the cluster's staff, from the XLSX
template (`importer.template`): one declaration per member named in the
file, marked « importée par l'équipe du cluster ».

`check()` reads and validates the whole workbook and writes nothing. `run()`
does the same in one transaction that holds the cluster's import lock, then
saves the declarations only if no row has a problem: one bad row, nothing
written."""

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.gpec.declarations import save_declarations
from ancrage.gpec.importer.validation import Checker, Report, file_problem
from ancrage.gpec.importer.workbook import FileRefused, read_workbook
from ancrage.gpec.models import Source

__all__ = ["AUDIT_WHAT", "ImportBusy", "Outcome", "Report", "check", "run"]

LOCK_KEY = "ancrage:gpec-import:%s"
AUDIT_WHAT = "gpec_import"


class ImportBusy(Exception):
    def __init__(self):
        super().__init__(
            _(
                "Un import de déclarations est déjà en cours pour ce cluster : attendez qu'il "
                "se termine puis recommencez. Rien n'a été écrit."
            )
        )


@dataclass
class Outcome:
    report: Report
    entry: AuditEntry | None = None  # the audit entry of a written import

    @property
    def written(self):
        return self.entry is not None


def check(cluster, data):
    """The validation report of the workbook whose bytes are `data`."""
    try:
        tables = read_workbook(data)
    except FileRefused as refused:
        return file_problem(refused)
    return Checker(cluster, tables).run()


def run(cluster, data, *, user, request=None, name=""):
    """Validate, then save one declaration per member unless a row has a problem."""
    with transaction.atomic():
        _one_import_at_a_time(cluster)
        report = check(cluster, data)
        if not report.is_valid:
            return Outcome(report)
        today = timezone.localdate()
        saved = save_declarations(
            cluster,
            [
                (
                    pending.organisation,
                    pending.declared_on or today,
                    list(pending.blocks.values()),
                    pending.skills,
                )
                for pending in report.declarations
            ],
            user=user,
            on_behalf=True,
            source=Source.IMPORT,
        )
        entry = audit.record(
            request,
            AuditEntry.Action.UPDATE,
            cluster,
            cluster=cluster,
            actor=user,
            what=AUDIT_WHAT,
            file=name[:200],
            declarations=[declaration.pk for declaration in saved],
            organisations=len(saved),
            rows=report.total,
        )
    return Outcome(report, entry)


def _one_import_at_a_time(cluster):
    """Take the cluster's import lock until the transaction ends, or raise ImportBusy."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [LOCK_KEY % cluster.pk])
        (taken,) = cursor.fetchone()
    if not taken:
        raise ImportBusy
