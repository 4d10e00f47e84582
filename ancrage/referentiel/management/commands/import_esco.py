from django.core.management.base import BaseCommand, CommandError

from ancrage.referentiel.importers.csvfiles import ImportFailed
from ancrage.referentiel.importers.esco import apply, check_version, read_esco
from ancrage.referentiel.importers.lock import ImportBusy


class Command(BaseCommand):
    help = (
        "Importe ou met à jour les métiers et compétences ESCO (Commission européenne) depuis "
        "les fichiers CSV officiels (occupations_<langue>.csv, skills_<langue>.csv) et les relie "
        "au ROME quand leurs libellés concordent. Importez le ROME d'abord ; chaque import du "
        "ROME qui change quelque chose refait ensuite ces liens."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="dossier (ou archive zip) des fichiers CSV d'ESCO")
        parser.add_argument("--lang", default="fr", help="langue des fichiers (défaut : fr)")
        parser.add_argument(
            "--esco-version",
            default="",
            help="version d'ESCO importée, notée dans l'historique (35 caractères au plus)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="montre ce qui changerait sans rien écrire"
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        try:
            check_version(options["esco_version"])
            publication = read_esco(options["path"], options["lang"])
            report = apply(publication, options["esco_version"], dry_run=dry_run)
        except ImportFailed as failure:
            raise CommandError(
                f"Import d'ESCO annulé, rien n'a été écrit ({len(failure.errors)} erreur(s)) :\n"
                + "\n".join(failure.lines())
            ) from None
        except ImportBusy as busy:
            raise CommandError(str(busy)) from None
        prefix = "[simulation] " if dry_run else ""
        for line in report.summary.lines():
            self.stdout.write(prefix + line)
        self.stdout.write(
            f"{prefix}Liens vers le ROME : {report.linked_occupations} métier(s) ESCO sur "
            f"{report.occupations} relié(s) à un métier ROME, {report.linked_skills} "
            f"compétence(s) ESCO sur {report.skills} reliée(s) à une compétence ROME."
        )
        if not report.rome_loaded:
            self.stdout.write(
                self.style.WARNING(
                    "Le ROME n'est pas importé : importez-le (ancrage import-rome), il reliera "
                    "alors ESCO au ROME."
                )
            )
        changes = report.summary.changes
        if not changes:
            self.stdout.write(self.style.SUCCESS(f"{prefix}Aucun changement : déjà à jour."))
        elif dry_run:
            self.stdout.write(
                self.style.SUCCESS(f"{prefix}{changes} changement(s), rien n'a été écrit.")
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"{changes} changement(s) enregistré(s)."))
