import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format

from ancrage.referentiel import search
from ancrage.referentiel.models import Occupation
from ancrage.referentiel.search.engine import MAX_TEXT_LENGTH

# A UTF-8 character takes at most 4 bytes: reading this many is enough to
# tell a text that is too long, whatever the file's size.
MAX_BYTES = 4 * MAX_TEXT_LENGTH + 4


def _count(number):
    return number_format(number, force_grouping=True)


def read_text(path, stdin):
    """The UTF-8 text of `path` (or `stdin` for "-"), byte order mark removed;
    CommandError in French when it cannot be read."""
    name = "l'entrée standard" if path == "-" else path
    try:
        if path == "-":
            data = stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CommandError(f"{name} : fichier introuvable.") from None
    except IsADirectoryError:
        raise CommandError(f"{name} est un dossier : donnez un fichier texte.") from None
    except OSError as error:
        raise CommandError(f"{name} : lecture impossible ({error.strerror}).") from None
    too_long = CommandError(
        f"{name} : le texte dépasse {_count(MAX_TEXT_LENGTH)} caractères ; "
        "découpez-le en plusieurs parties."
    )
    if len(data) > MAX_BYTES:
        raise too_long
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CommandError(
            f"{name} : ce n'est pas un texte UTF-8 (octet invalide ligne {line}). "
            "Enregistrez le fichier en UTF-8 puis recommencez."
        ) from None
    if len(text) > MAX_TEXT_LENGTH:
        raise too_long
    return text


class Command(BaseCommand):
    help = (
        "Repère les compétences ROME citées dans un texte (offre d'emploi, CV, description de "
        "formation) et montre le passage reconnu de chacune."
    )
    # call_command(..., stdin=...) reads from that stream instead of sys.stdin.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="fichier texte UTF-8 à analyser, ou - pour l'entrée standard"
        )
        parser.add_argument(
            "--occupation",
            help="code ROME d'un métier (par exemple H2903) : "
            "seules ses compétences sont cherchées",
        )
        parser.add_argument("--json", action="store_true", help="écrit le résultat en JSON")

    def handle(self, *args, **options):
        occupation = None
        if options["occupation"]:
            code = options["occupation"].strip().upper()
            occupation = Occupation.objects.filter(code=code).first()
            if occupation is None:
                raise CommandError(f"--occupation : aucun métier n'a le code ROME « {code} ».")
        text = read_text(options["file"], options.get("stdin") or sys.stdin)
        found = search.extract_skills(text, occupation=occupation)
        if options["json"]:
            rows = [
                {
                    "ogr_code": skill.ogr_code,
                    "label": skill.label,
                    "kind": skill.kind,
                    "start": skill.start,
                    "end": skill.end,
                    "matched_text": skill.matched_text,
                    "score": skill.score,
                }
                for skill in found
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not found:
            self.stdout.write("Aucune compétence trouvée.")
            return
        for skill in found:
            line = text.count("\n", 0, skill.start) + 1
            self.stdout.write(
                f"{skill.label} ({skill.kind_label}, code OGR {skill.ogr_code or '—'})\n"
                f"   ligne {line} (caractères {skill.start} à {skill.end} du texte) : "
                f"« {' '.join(skill.matched_text.split())} »"
            )
        self.stdout.write(f"{len(found)} compétence(s) trouvée(s).")
