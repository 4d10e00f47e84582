from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ancrage.clusters.models import Cluster
from ancrage.matrix.importer import ImportBusy, lines, run
from ancrage.matrix.importer.reading import MAX_FILE_BYTES, too_big
from ancrage.referentiel.importers.csvfiles import ImportFailed, unreadable


class Command(BaseCommand):
    help = (
        "Importe les adhérents d'un cluster depuis un fichier XLSX ou CSV (une ligne par "
        "organisation : SIREN/SIRET, nom, commune, NAF, effectif, contact, métier, "
        "compétences, activités, marchés, certifications). Toutes les lignes sont vérifiées "
        "d'abord ; rien n'est écrit tant qu'une ligne est en erreur, sauf avec "
        "--valid-rows-only. Réimporter le même fichier met à jour sans dupliquer."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="fichier .xlsx ou .csv")
        parser.add_argument("--cluster", required=True, help="identifiant (slug) du cluster")
        parser.add_argument(
            "--dry-run", action="store_true", help="montre ce qui changerait sans rien écrire"
        )
        parser.add_argument(
            "--valid-rows-only",
            action="store_true",
            help="importe les lignes valides et ignore celles qui sont en erreur",
        )

    def handle(self, *args, **options):
        cluster = Cluster.objects.filter(slug=options["cluster"]).first()
        if cluster is None:
            raise CommandError(f"Aucun cluster n'a l'identifiant « {options['cluster']} ».")
        path = Path(options["path"])
        data = self.read(path)
        dry_run = options["dry_run"]
        try:
            outcome = run(
                cluster,
                data,
                valid_rows_only=options["valid_rows_only"],
                dry_run=dry_run,
                name=path.name,
            )
        except ImportBusy as busy:
            raise CommandError(str(busy)) from None
        report = outcome.report
        problems = (
            ImportFailed(str(problem) for problem in report.problems) if report.problems else None
        )
        if not outcome.written:
            raise CommandError(
                f"Import annulé, rien n'a été écrit ({self.counted(report)}) :\n"
                + "\n".join(problems.lines())
            )
        prefix = "[simulation] " if dry_run else ""
        if problems is not None:
            self.stderr.write(
                f"{prefix}Lignes en erreur, ignorées ({self.counted(report)}) :\n"
                + "\n".join(problems.lines())
            )
        self.stdout.write(f"{prefix}{cluster.name} : {len(report.rows)} ligne(s) importée(s).")
        for line in lines(outcome.summary.as_details()):
            self.stdout.write(prefix + line)
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{prefix}Rien n'a été écrit."))
        else:
            self.stdout.write(self.style.SUCCESS("Import enregistré."))

    def read(self, path):
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise CommandError(f"{path} : {too_big(size)}")
            return path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"{path} : fichier introuvable.") from None
        except IsADirectoryError:
            raise CommandError(f"{path} : c'est un dossier, pas un fichier.") from None
        except OSError as error:
            raise CommandError(f"{path} : {unreadable(error)}") from None

    def counted(self, report):
        bad = len({problem.line for problem in report.problems if problem.line})
        if not bad:
            return f"{len(report.problems)} erreur(s)"
        return f"{bad} ligne(s) en erreur sur {report.total}, {len(report.problems)} erreur(s)"
