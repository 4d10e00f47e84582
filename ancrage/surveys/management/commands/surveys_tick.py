"""Do whatever survey campaigns have due: open, remind, close, next wave.
The worker's tasks normally do it; run this from cron as a fallback (it is
safe to run at any time and as often as wanted)."""

from django.core.management.base import BaseCommand

from ancrage.surveys import campaigns


class Command(BaseCommand):
    help = "Ouvre, relance et clôture les campagnes d'enquête dont c'est l'heure."

    def handle(self, *args, **options):
        done = campaigns.tick()
        self.stdout.write(
            "Campagnes ouvertes : {opened}, relancées : {reminded}, clôturées : {closed}, "
            "vagues suivantes créées : {waves}".format(**done)
        )
