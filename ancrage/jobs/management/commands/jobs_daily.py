"""The job board's daily work, run from cron each morning: offers to
confirm or expire, saved-search alerts, reminders of applications waiting
for an answer, and the retention of candidates' data. Each step says what
it did; one that fails does not stop the others, and the command then
exits with an error."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

STEPS = [
    ("Offres à confirmer ou expirées", "ancrage.jobs.expiry.run"),
    ("Alertes des recherches enregistrées", "ancrage.jobs.alerts.run"),
    ("Relances des candidatures sans réponse", "ancrage.jobs.reminders.run"),
    ("Conservation des données des candidats", "ancrage.jobs.retention.run"),
]


class Command(BaseCommand):
    help = (
        "Travail quotidien de la bourse d'emploi : offres à confirmer ou expirées, alertes, "
        "relances des candidatures, conservation des données des candidats."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        failed = []
        for label, path in STEPS:
            try:
                summary = import_string(path)(today=today)
            except Exception:  # one step failing must not stop the others
                logger.exception("jobs_daily: %s failed", path)
                failed.append(label)
                self.stderr.write(f"{label} : échec (voir le journal)")
            else:
                self.stdout.write(f"{label} : {summary}")
        if failed:
            raise CommandError(f"Étapes en échec : {', '.join(failed)}")
