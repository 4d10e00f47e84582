"""Import of a cluster's members from an XLSX or CSV file (one row per
organisation), for `ancrage import-members` and the staff upload screen.

`check()` reads and validates the whole file and writes nothing. `run()`
does the same in one transaction that holds the cluster's import lock, then
writes the valid rows if the file is valid, or if only valid rows are asked
for; otherwise nothing is written."""

from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.matrix.importer.reading import FileRefused, read_table
from ancrage.matrix.importer.summary import Summary, lines
from ancrage.matrix.importer.validation import Problem, Report, file_problem, validate
from ancrage.matrix.importer.writing import WriteRefused, write

__all__ = ["ImportBusy", "Outcome", "Report", "Summary", "check", "lines", "run"]

LOCK_KEY = "ancrage:member-import:%s"


class ImportBusy(Exception):
    def __init__(self):
        super().__init__(
            _(
                "Un import d'adhérents est déjà en cours pour ce cluster : attendez qu'il se "
                "termine puis recommencez. Rien n'a été écrit."
            )
        )


@dataclass
class Outcome:
    report: Report
    summary: Summary | None = None  # None: nothing written
    entry: AuditEntry | None = None  # the audit entry of a written import

    @property
    def written(self):
        return self.summary is not None


def check(cluster, data):
    """The validation report of the file whose bytes are `data`."""
    try:
        table = read_table(data)
    except FileRefused as refused:
        return file_problem(refused)
    return validate(cluster, table)


def run(cluster, data, *, valid_rows_only=False, dry_run=False, request=None, by=None, name=""):
    """Validate, then write unless the file has problems (or, with
    `valid_rows_only`, write the rows without any). `dry_run` undoes the
    writing at the end: the summary says what would have changed."""
    try:
        with transaction.atomic():
            _one_import_at_a_time(cluster)
            report = check(cluster, data)
            if report.refused or (report.problems and not valid_rows_only):
                return Outcome(report)
            try:
                summary = write(cluster, report, request=request, by=by)
            except WriteRefused as refused:
                transaction.set_rollback(True)
                report.problems.append(Problem(None, "", str(refused)))
                return Outcome(report)
            entry = audit.record(
                request,
                AuditEntry.Action.MEMBERS_IMPORTED,
                cluster,
                cluster=cluster,
                actor=by,
                file=name[:200],
                valid_rows_only=valid_rows_only,
                **summary.as_details(),
            )
            if dry_run:
                transaction.set_rollback(True)
                entry = None
    except IntegrityError:
        # Someone created the same establishment or membership meanwhile.
        report.problems.append(
            Problem(
                None,
                "",
                _(
                    "Des adhérents ont été modifiés pendant l'import : rien n'a été écrit, "
                    "recommencez l'import."
                ),
            )
        )
        return Outcome(report)
    return Outcome(report, summary, entry)


def _one_import_at_a_time(cluster):
    """Take the cluster's import lock until the transaction ends, or raise ImportBusy."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [LOCK_KEY % cluster.pk])
        (taken,) = cursor.fetchone()
    if not taken:
        raise ImportBusy
