from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ancrage.referentiel.importers.csvfiles import ImportFailed
from ancrage.referentiel.importers.download import downloaded
from ancrage.referentiel.importers.lock import ImportBusy
from ancrage.referentiel.importers.rome import read_publication
from ancrage.referentiel.importers.rome_update import apply


class Command(BaseCommand):
    help = (
        "Importe ou met à jour le ROME 4.0 de France Travail depuis ses fichiers CSV officiels "
        "(dossier ou archive zip publiée). Crée, met à jour, marque obsolète ce qui a disparu, "
        "ne supprime jamais ; une seconde importation de la même version ne change rien. "
        "Refuse une version plus ancienne que celle importée, ou une publication qui retirerait "
        "plus de 5 % d'une table (fichier incomplet ?), sauf avec --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="dossier des fichiers unix_…_v4NN_utf8.csv ou archive zip de France Travail",
        )
        parser.add_argument(
            "--download",
            action="store_true",
            help="télécharge la dernière publication (ANCRAGE_ROME_DOWNLOAD_URL) puis l'importe",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="montre ce qui changerait sans rien écrire"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="importe même une version plus ancienne que celle importée, ou une publication "
            "qui retirerait plus de 5 %% des métiers, appellations, compétences, liens, "
            "mobilités ou textes actuels",
        )

    def handle(self, *args, **options):
        if bool(options["path"]) == options["download"]:
            raise CommandError(
                "Donnez soit le chemin du dossier ou de l'archive zip du ROME, soit --download."
            )
        dry_run = options["dry_run"]
        try:
            publication = self.read(options)
            summary = apply(publication, dry_run=dry_run, force=options["force"])
        except ImportFailed as failure:
            raise CommandError(
                f"Import du ROME annulé, rien n'a été écrit ({len(failure.errors)} erreur(s)) :\n"
                + "\n".join(failure.lines())
            ) from None
        except ImportBusy as busy:
            raise CommandError(str(busy)) from None
        prefix = "[simulation] " if dry_run else ""
        published = f" du {publication.published_on:%d/%m/%Y}" if publication.published_on else ""
        self.stdout.write(f"{prefix}ROME 4.0, version {publication.version}{published}")
        for line in summary.lines():
            self.stdout.write(prefix + line)
        if not summary.changes:
            self.stdout.write(self.style.SUCCESS(f"{prefix}Aucun changement : déjà à jour."))
        elif dry_run:
            self.stdout.write(
                self.style.SUCCESS(f"{prefix}{summary.changes} changement(s), rien n'a été écrit.")
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"{summary.changes} changement(s) enregistré(s)."))

    def read(self, options):
        if not options["download"]:
            return read_publication(options["path"])
        url = settings.ANCRAGE_ROME_DOWNLOAD_URL
        self.stdout.write(f"Téléchargement de {url}…")
        with downloaded(url) as path:
            return read_publication(path)
