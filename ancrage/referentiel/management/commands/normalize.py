import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format

from ancrage.referentiel import search

MAX_LIMIT = 20


def limit(value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_LIMIT:
        raise CommandError(f"--limit : un nombre entier de 1 à {MAX_LIMIT}, pas « {value} ».")
    return number


class Command(BaseCommand):
    help = (
        "Propose les métiers ROME d'un intitulé de poste tel qu'il est écrit dans une offre "
        "(« Usineur CN H/F »), le meilleur d'abord, avec l'appellation reconnue et un score."
    )

    def add_arguments(self, parser):
        parser.add_argument("title", help="l'intitulé de poste, entre guillemets")
        parser.add_argument(
            "--limit",
            default="3",
            help=f"nombre de métiers proposés, de 1 à {MAX_LIMIT} (défaut : 3)",
        )
        parser.add_argument("--json", action="store_true", help="écrit le résultat en JSON")

    def handle(self, *args, **options):
        found = search.normalize(options["title"], limit=limit(options["limit"]))
        if options["json"]:
            rows = [
                {
                    "code": item.code,
                    "label": item.label,
                    "matched_title": item.matched_title,
                    "score": item.score,
                }
                for item in found
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not found:
            self.stdout.write("Aucun métier trouvé.")
            return
        for rank, item in enumerate(found, start=1):
            self.stdout.write(
                f"{rank}. {item.code}  {item.label}\n"
                f"   appellation reconnue : {item.matched_title} "
                f"(score {number_format(item.score, 2)})"
            )
