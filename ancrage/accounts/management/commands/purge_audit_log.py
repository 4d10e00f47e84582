from django.conf import settings
from django.core.management.base import BaseCommand

from ancrage.accounts.audit import purge_expired


class Command(BaseCommand):
    help = "Supprime les entrées du journal d'audit plus anciennes que la durée de conservation."

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(
            f"{deleted} entrée(s) du journal d'audit supprimée(s) "
            f"(conservation : {settings.ANCRAGE_AUDIT_RETENTION_DAYS} jours)."
        )
