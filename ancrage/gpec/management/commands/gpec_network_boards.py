"""Compute every network's GPEC dashboard for today, whole and per
département, so that the first visit of the day reads figures of the day,
after deleting the figures of earlier days. Run it from cron each night;
what is up to date is not computed again."""

import time

from django.core.management.base import BaseCommand

from ancrage.clusters.models import Network
from ancrage.gpec.dashboard import cache
from ancrage.gpec.dashboard import network as network_board


class Command(BaseCommand):
    help = (
        "Calcule le tableau de bord GPEC de chaque réseau de clusters, entier et par "
        "département, pour la date du jour."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reseau", help="le réseau à calculer (son slug) ; tous sinon")

    def handle(self, *args, **options):
        pruned = cache.prune()
        self.stdout.write(
            f"Chiffres calculés il y a plus de {cache.KEEP_DAYS} jours, supprimés : {pruned}"
        )
        networks = Network.objects.order_by("name")
        if options["reseau"]:
            networks = networks.filter(slug=options["reseau"])
        for network in networks:
            started = time.monotonic()
            codes = network_board.refresh_everything(network)
            self.stdout.write(
                f"{network.name} : tableau du réseau et de {len(codes)} départements "
                f"à jour en {time.monotonic() - started:.0f} s"
            )
