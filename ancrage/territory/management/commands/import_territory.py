from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ancrage.territory import importer, positions

DEFAULT_SOURCE = Path(settings.BASE_DIR) / "node_modules/@etalab/decoupage-administratif/data"


class Command(BaseCommand):
    help = (
        "Importe ou met à jour régions, départements, EPCI et communes (Code officiel "
        "géographique), et, sur option, les zones d'emploi INSEE et les bassins BMO. "
        "Crée et met à jour, ne supprime jamais."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            default=str(DEFAULT_SOURCE),
            help="dossier des fichiers regions.json, departements.json, epci.json, communes.json "
            "(défaut : le paquet npm @etalab/decoupage-administratif)",
        )
        parser.add_argument(
            "--skip-cog", action="store_true", help="n'importe pas le découpage administratif"
        )
        parser.add_argument(
            "--zones-emploi", help="fichier CSV INSEE des zones d'emploi 2020 (CODGEO, ZE2020…)"
        )
        parser.add_argument(
            "--bassins",
            help="fichier CSV France Travail des bassins BMO (CODE_COMMUNE_INSEE, BE19…)",
        )
        parser.add_argument(
            "--positions",
            help="fichier CSV des positions des communes (code INSEE, latitude, longitude ; "
            "par exemple « Communes et villes de France » de data.gouv.fr), nécessaire aux "
            "recherches dans un rayon",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="montre ce qui changerait sans rien écrire"
        )

    def handle(self, *args, **options):
        try:
            cog = None if options["skip_cog"] else importer.read_cog(options["source"])
            zones = basins = points = None
            if options["zones_emploi"]:
                zones = importer.read_commune_zones(
                    options["zones_emploi"], "CODGEO", "ZE2020", "LIBZE2020"
                )
            if options["bassins"]:
                basins = importer.read_commune_zones(
                    options["bassins"], "CODE_COMMUNE_INSEE", "BE19", "NOMBE19"
                )
            if options["positions"]:
                points = positions.read_positions(options["positions"])
        except importer.ImportFailed as failure:
            raise CommandError(
                "Import annulé, rien n'a été écrit :\n" + "\n".join(failure.errors)
            ) from None
        report = importer.apply(cog, zones, basins, dry_run=options["dry_run"])
        prefix = "[simulation] " if options["dry_run"] else ""
        for line in report.lines():
            self.stdout.write(prefix + line)
        if points is not None:
            placed, unknown = positions.apply_positions(points, dry_run=options["dry_run"])
            self.stdout.write(f"{prefix}positions des communes : {placed} mise(s) à jour")
            if unknown:
                self.stdout.write(
                    f"{prefix}attention, positions : {unknown} commune(s) du fichier inconnue(s)"
                )
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.changes} changement(s)."))
