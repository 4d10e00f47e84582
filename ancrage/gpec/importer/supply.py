"""Import of external supply figures from a CSV: job seekers (and offers)
per ROME code and BMO basin or département, e.g. France Travail's
statistics. Separator « ; » or « , » told by the header, UTF-8 (with or
without a byte-order mark) or Latin-1 / Windows-1252.

    report = check(data)                 # every bad line, nothing written
    batch = save(cluster, report, label=…, period_end=…, user=…)

Columns (any order, case and accents aside): ``code_rome``, ``code_bassin``
or ``code_departement``, ``demandeurs_emploi``, and optionally ``offres``."""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ancrage.gpec.models import ExternalSupply, ExternalSupplyImport
from ancrage.gpec.validation import parse_count, unknown_occupation_message
from ancrage.referentiel.models import Occupation
from ancrage.referentiel.search.text import strip_accents
from ancrage.territory.models import BmoBasin, Department

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 200_000
ROME, BASIN, DEPARTMENT, SEEKERS, OFFERS = (
    "code_rome",
    "code_bassin",
    "code_departement",
    "demandeurs_emploi",
    "offres",
)
COLUMNS = (ROME, BASIN, DEPARTMENT, SEEKERS, OFFERS)
BATCH = 5000


@dataclass
class Problem:
    line: int | None
    column: str
    message: str


@dataclass
class Report:
    problems: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # unsaved ExternalSupply
    total: int = 0
    encoding: str = ""
    delimiter: str = ""

    @property
    def is_valid(self):
        return not self.problems and bool(self.lines)


def column_key(title):
    return "_".join(strip_accents(title).replace("-", " ").replace("_", " ").split())


def too_big(size):
    return _("Le fichier pèse %(size)s : %(max)s au plus. Découpez-le en plusieurs fichiers.") % {
        "size": filesizeformat(size),
        "max": filesizeformat(MAX_FILE_BYTES),
    }


def _refused(message):
    return Report(problems=[Problem(None, "", message)])


def _decoded(data):
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def check(data):
    """The report of the CSV whose bytes are `data`."""
    if not data.strip():
        return _refused(_("Le fichier est vide."))
    if len(data) > MAX_FILE_BYTES:
        return _refused(too_big(len(data)))
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        return _refused(
            _("Ce fichier n'est pas un fichier CSV (texte) : enregistrez-le au format « CSV ».")
        )
    text, encoding = _decoded(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return _refused(_("La première ligne doit porter les titres des colonnes."))
    report = Report(encoding=encoding, delimiter=delimiter)
    positions = _positions(header, report)
    if report.problems:
        return report
    _Lines(report, positions).read(reader)
    return report


def _positions(header, report):
    positions = {}
    for index, title in enumerate(header):
        key = column_key(title)
        if key in COLUMNS and key not in positions:
            positions[key] = index
    missing = [key for key in (ROME, SEEKERS) if key not in positions]
    if BASIN not in positions and DEPARTMENT not in positions:
        missing.append(f"{BASIN} / {DEPARTMENT}")
    if BASIN in positions and DEPARTMENT in positions:
        report.problems.append(
            Problem(
                1,
                "",
                _("Donnez le bassin ou le département, pas les deux : gardez une seule colonne."),
            )
        )
    if missing:
        report.problems.append(
            Problem(
                1,
                "",
                _(
                    "Colonne(s) manquante(s) : %(missing)s. La première ligne porte les titres "
                    "des colonnes (par exemple %(example)s)."
                )
                % {
                    "missing": ", ".join(missing),
                    "example": "code_rome;code_bassin;demandeurs_emploi;offres",
                },
            )
        )
    return positions


class _Lines:
    def __init__(self, report, positions):
        self.report, self.positions = report, positions
        self.occupations = dict(Occupation.objects.current().values_list("code", "pk"))
        if BASIN in positions:
            self.territory, self.places = BASIN, dict(BmoBasin.objects.values_list("code", "pk"))
        else:
            self.territory = DEPARTMENT
            self.places = dict(Department.objects.values_list("code", "pk"))
        self.seen = {}

    def read(self, reader):
        width = max(self.positions.values()) + 1
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error:
                self._fail(
                    line,
                    "",
                    _("Le fichier est illisible à partir de cette ligne (guillemet non fermé)."),
                )
                break
            if not any(cell.strip() for cell in cells):
                continue
            self.report.total += 1
            if self.report.total > MAX_ROWS:
                self.report.problems = [
                    Problem(
                        None,
                        "",
                        _("Le fichier compte plus de %(max)s lignes : découpez-le.")
                        % {"max": f"{MAX_ROWS:,}".replace(",", "\u202f")},
                    )
                ]
                self.report.lines = []
                return
            cells += [""] * (width - len(cells))
            self._line(line, cells)

    def _fail(self, line, column, message):
        self.report.problems.append(Problem(line, column, message))

    def _line(self, line, cells):
        failed = len(self.report.problems)
        value = {key: cells[index].strip() for key, index in self.positions.items()}
        code = value[ROME].upper()
        occupation = self.occupations.get(code)
        if occupation is None:
            message = _("Indiquez le code ROME.") if not code else unknown_occupation_message(code)
            self._fail(line, ROME, message)
        place_code = value[self.territory]
        if self.territory == DEPARTMENT and place_code.isdigit() and len(place_code) == 1:
            place_code = place_code.zfill(2)
        place = self.places.get(place_code.upper())
        if place is None:
            if not place_code:
                message = _("Indiquez le code du territoire.")
            elif self.territory == BASIN:
                message = _("Le bassin d'emploi BMO « %(code)s » est inconnu.") % {
                    "code": place_code[:20]
                }
            else:
                message = _("Le département « %(code)s » est inconnu.") % {"code": place_code[:20]}
            self._fail(line, self.territory, message)
        seekers, error = parse_count(value[SEEKERS])
        if error or seekers is None:
            self._fail(line, SEEKERS, error or _("Indiquez le nombre de demandeurs d'emploi."))
        offers, error = parse_count(value.get(OFFERS))
        if error:
            self._fail(line, OFFERS, error)
        if len(self.report.problems) > failed:
            return
        key = (occupation, place)
        if key in self.seen:
            self._fail(
                line,
                ROME,
                _("Ce métier et ce territoire figurent déjà à la ligne %(line)s.")
                % {"line": self.seen[key]},
            )
            return
        self.seen[key] = line
        self.report.lines.append(
            ExternalSupply(
                occupation_id=occupation,
                bmo_basin_id=place if self.territory == BASIN else None,
                department_id=place if self.territory == DEPARTMENT else None,
                job_seekers=seekers,
                offers=offers,
            )
        )


@transaction.atomic
def save(cluster, report, *, label, period_end, user):
    """The import and its lines, written together."""
    batch = ExternalSupplyImport.objects.create(
        cluster=cluster,
        label=label,
        period_end=period_end,
        imported_by=user,
        rows=len(report.lines),
    )
    for line in report.lines:
        line.batch = batch
    ExternalSupply.objects.bulk_create(report.lines, batch_size=BATCH)
    return batch
