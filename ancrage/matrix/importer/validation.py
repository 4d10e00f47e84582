"""The validation pass: every row of the file checked, every problem
reported with its line, its column and the reason, before anything is
written. The rows that pass become `Row`s ready to write."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from ancrage.matrix.importer.columns import BY_KEY, SEPARATOR, recognise
from ancrage.matrix.importer.communes import Communes
from ancrage.matrix.importer.matching import Mismatch, Vocabulary, name_key, shared_lists
from ancrage.organisations.identifiers import clean_naf, clean_siren, clean_siret
from ancrage.referentiel.models import VocabularyEntry
from ancrage.referentiel.vocabulary import visible

EXAMPLE_NAME = "Usinage de l'Ouest (exemple)"
MAX_HEADCOUNT = 2_000_000
LENGTHS = {"name": 200, "first_name": 150, "last_name": 150, "email": 254}
MAX_CERTIFICATION = 60
POSTAL_CODE = re.compile(r"\d{5}")
VALUES = re.compile(rf"[{SEPARATOR}\n]")


@dataclass
class Problem:
    line: int | None  # None: the file as a whole
    column: str  # the column's title as the file writes it, or ""
    message: str

    def __str__(self):
        where = []
        if self.line is not None:
            where.append(_("ligne %(line)s") % {"line": self.line})
        if self.column:
            where.append(_("colonne « %(column)s »") % {"column": self.column})
        return f"{', '.join(where)} : {self.message}" if where else self.message


@dataclass
class Row:
    """A valid row. For the matrix axes, None means « cell left empty »: the
    profile keeps what it has."""

    line: int
    name: str
    siren: str = ""
    siret: str = ""
    commune: object = None
    postal_code: str = ""
    naf: str = ""
    headcount: int | None = None
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    occupation: object = None  # matching.Found
    skills: list | None = None  # [Found]
    activities: list | None = None
    markets: list | None = None
    certifications: list | None = None

    @property
    def name_key(self):
        """The normalised name and the commune (None without a commune)."""
        if self.name and self.commune is not None:
            return (name_key(self.name), self.commune.pk)
        return None


@dataclass
class Report:
    rows: list = field(default_factory=list)  # valid [Row]
    problems: list = field(default_factory=list)  # [Problem]
    total: int = 0  # rows read (empty lines aside)
    bad_lines: set = field(default_factory=set)
    ignored_columns: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems

    @property
    def readable(self):
        """True when the rows could be read (their problems are their own)."""
        return not any(problem.line is None for problem in self.problems)

    @property
    def refused(self):
        """True when the file as a whole is refused (no row can be imported)."""
        return not self.readable or not self.rows

    @property
    def additions(self):
        """The ROME items the valid rows need in the cluster's vocabulary."""
        items = {}
        for row in self.rows:
            for found in [row.occupation, *(row.skills or [])]:
                if found is not None and found.entry is None:
                    items.setdefault(found.key, found.item)
        return list(items.values())


def file_problem(message):
    return Report(problems=[Problem(None, "", str(message))])


def validate(cluster, table):
    """The report of every row of `table` (a reading.Table)."""
    positions, header_problems, ignored = recognise(table.header)
    if header_problems:
        return Report(problems=[Problem(None, "", str(p)) for p in header_problems])
    checker = _Checker(cluster, table.header, positions)
    checker.communes.preload(
        checker.commune_text(checker.values(cells))[1] for _line, cells in table.rows
    )
    report = Report(total=len(table.rows), ignored_columns=ignored)
    for problem in table.problems:
        column = checker.title_at(problem.column)
        report.problems.append(Problem(problem.line, column, str(problem.message)))
    seen = _Seen()
    identifiers = {checker.title("siren"), checker.title("siret")}
    for line, cells in table.rows:
        row, problems = checker.check(line, cells)
        # A row whose SIREN or SIRET is wrong is no organisation known yet.
        unknown = any(problem.column in identifiers for problem in problems)
        duplicate = None if unknown else seen.duplicate(row)
        if duplicate is not None:
            problems.append(_duplicate(row, duplicate, checker))
        report.problems.extend(problems)
        if not problems:
            report.rows.append(row)
    report.problems.sort(key=lambda problem: problem.line or 0)
    report.bad_lines = {problem.line for problem in report.problems}
    report.rows = [row for row in report.rows if row.line not in report.bad_lines]
    return report


class _Seen:
    """The organisations the rows name, as the writing finds them: by SIREN,
    else by name and commune. Two rows with different SIRENs are two
    organisations even with the same name; a row without one is the
    organisation of the same name and commune in any row."""

    def __init__(self):
        self.sirens = {}  # SIREN: line
        self.named = {}  # name key: line of its first row
        self.named_without_siren = {}  # name key: line of its first row without a SIREN

    def duplicate(self, row):
        """(line, "siren" or "name") of the earlier row of the same
        organisation, or None (and then the row is remembered)."""
        key = row.name_key
        if row.siren and row.siren in self.sirens:
            return self.sirens[row.siren], "siren"
        earlier = self.named_without_siren if row.siren else self.named
        if key is not None and key in earlier:
            return earlier[key], "name"
        if row.siren:
            self.sirens[row.siren] = row.line
        if key is not None:
            self.named.setdefault(key, row.line)
            if not row.siren:
                self.named_without_siren.setdefault(key, row.line)
        return None


def _duplicate(row, earlier, checker):
    first_line, by = earlier
    if by == "siren":
        column = checker.title("siren" if "siren" in checker.positions else "siret")
        message = _("même SIREN (%(siren)s) que la ligne %(line)s : une ligne par organisation.")
    else:
        column = checker.title("name")
        message = _(
            "même organisation (nom et commune) que la ligne %(line)s : une ligne par organisation."
        )
    return Problem(row.line, column, message % {"siren": row.siren, "line": first_line})


class _Checker:
    def __init__(self, cluster, header, positions):
        self.cluster = cluster
        self.header = header
        self.positions = positions
        self.vocabulary = Vocabulary(cluster)
        self.activities, self.markets = shared_lists()
        self.communes = Communes()

    def title(self, key):
        index = self.positions.get(key)
        return self.title_at(index) if index is not None else str(BY_KEY[key].title)

    def title_at(self, index):
        if index is None:
            return ""
        title = self.header[index] if index < len(self.header) else ""
        return visible(title) or _("n° %(number)s") % {"number": index + 1}

    def values(self, cells):
        """{column key: cell text} of a row."""
        return {
            key: cells[index] if index < len(cells) else "" for key, index in self.positions.items()
        }

    def check(self, line, cells):
        values = self.values(cells)
        problems = []

        def report(key, message):
            problems.append(Problem(line, self.title(key), str(message)))

        row = Row(line=line, name=visible(values.get("name", "")))
        self._identity(row, values, report)
        self._commune(row, values, report)
        self._company(row, values, report)
        self._contact(row, values, report)
        self._matrix(row, values, report)
        return row, problems

    def _identity(self, row, values, report):
        if not row.name:
            report("name", _("le nom de l'organisation est obligatoire."))
        elif len(row.name) > LENGTHS["name"]:
            report("name", _too_long(LENGTHS["name"], row.name))
        elif name_key(row.name) == name_key(EXAMPLE_NAME):
            report("name", _("c'est la ligne d'exemple du modèle : supprimez-la."))
        for key, clean in (("siren", clean_siren), ("siret", clean_siret)):
            try:
                setattr(row, key, clean(visible(values.get(key, ""))))
            except ValidationError as error:
                report(key, _identifier_message(error))
        if row.siret and row.siren and not row.siret.startswith(row.siren):
            report(
                "siret",
                _(
                    "le SIRET %(siret)s n'est pas un établissement du SIREN %(siren)s (il "
                    "doit commencer par ses 9 chiffres)."
                )
                % {"siret": row.siret, "siren": row.siren},
            )
        elif row.siret and not row.siren:
            row.siren = row.siret[:9]

    def commune_text(self, values):
        """(column key, text to resolve) of a row's commune, or (None, "")."""
        code = visible(values.get("commune_code", ""))
        name = visible(values.get("commune", ""))
        postal = _postal(values)
        if code:
            return "commune_code", code
        if name:
            if POSTAL_CODE.fullmatch(postal) and not any(c.isdigit() for c in name):
                return "commune", f"{name} ({postal})"
            return "commune", name
        if POSTAL_CODE.fullmatch(postal):
            return "postal_code", postal
        return None, ""

    def _commune(self, row, values, report):
        postal = _postal(values)
        if postal and not POSTAL_CODE.fullmatch(postal):
            report(
                "postal_code",
                _("un code postal compte 5 chiffres (« %(value)s »).") % {"value": postal},
            )
            postal = ""
        row.postal_code = postal
        key, text = self.commune_text(values)
        if key is None:
            typed = visible(values.get("siren", "")) or visible(values.get("siret", ""))
            if not typed:
                key = "commune" if "commune" in self.positions else "commune_code"
                report(
                    key,
                    _(
                        "sans SIREN ni SIRET, la commune est obligatoire : avec le nom, elle "
                        "sert à reconnaître l'organisation."
                    ),
                )
            return
        try:
            row.commune = self.communes.resolve(text)
        except ValidationError as error:
            report(key, _lowered(error.messages[0]))
            return
        if not row.postal_code and row.commune.postal_codes:
            row.postal_code = row.commune.postal_codes[0]

    def _company(self, row, values, report):
        try:
            row.naf = clean_naf(visible(values.get("naf", "")))
        except ValidationError as error:
            report("naf", _lowered(error.messages[0]))
        headcount = re.sub(r"\s", "", visible(values.get("headcount", "")))
        if not headcount:
            return
        if not headcount.isdigit():
            if headcount.startswith("-") and headcount[1:].isdigit():
                message = _("l'effectif ne peut pas être négatif (« %(value)s »).")
            else:
                message = _("l'effectif est un nombre entier de salariés (« %(value)s »).")
            report("headcount", message % {"value": headcount})
        elif int(headcount) > MAX_HEADCOUNT:
            report(
                "headcount", _("effectif invraisemblable (« %(value)s »).") % {"value": headcount}
            )
        else:
            row.headcount = int(headcount)

    def _contact(self, row, values, report):
        email = visible(values.get("email", "")).lower()
        if len(email) > LENGTHS["email"]:
            report("email", _too_long(LENGTHS["email"], email))
        elif email:
            try:
                validate_email(email)
            except ValidationError:
                report(
                    "email",
                    _("« %(value)s » n'est pas une adresse électronique valide.")
                    % {"value": email},
                )
            else:
                row.email = email
        for key in ("first_name", "last_name"):
            value = visible(values.get(key, ""))
            if len(value) > LENGTHS[key]:
                report(key, _too_long(LENGTHS[key], value))
            else:
                setattr(row, key, value)
        if (row.first_name or row.last_name) and not email and "email" in self.positions:
            report("email", _("le nom d'un contact ne suffit pas : donnez aussi son adresse."))

    def _matrix(self, row, values, report):
        occupation = visible(values.get("occupation", ""))
        if occupation:
            try:
                row.occupation = self.vocabulary.match(VocabularyEntry.Kind.OCCUPATION, occupation)
            except Mismatch as error:
                report("occupation", str(error))
        skills = self._several(
            "skills",
            values,
            lambda text: self.vocabulary.match(VocabularyEntry.Kind.SKILL, text),
            report,
        )
        if skills is not None:
            unique = list({found.key: found for found in skills}.values())
            limit = self.cluster.matrix_max_skills
            if len(unique) > limit:
                report(
                    "skills",
                    _(
                        "%(count)s compétences clés pour %(limit)s au plus dans ce cluster : "
                        "ne gardez que les compétences remarquables."
                    )
                    % {"count": len(unique), "limit": limit},
                )
            row.skills = unique
        row.activities = self._several("activities", values, self.activities.match, report)
        row.markets = self._several("markets", values, self.markets.match, report)
        certifications = _split(values.get("certifications", ""))
        if certifications is not None:
            for value in certifications:
                if len(value) > MAX_CERTIFICATION:
                    report("certifications", _too_long(MAX_CERTIFICATION, value))
            seen = set()
            row.certifications = []
            for value in certifications:
                if value.casefold() not in seen:
                    seen.add(value.casefold())
                    row.certifications.append(value)

    def _several(self, key, values, match, report):
        texts = _split(values.get(key, ""))
        if texts is None:
            return None
        found = []
        for text in texts:
            try:
                found.append(match(text))
            except Mismatch as error:
                report(key, str(error))
        return found


def _postal(values):
    return visible(values.get("postal_code", "")).replace(" ", "")


def _split(cell):
    """The values of a multi-valued cell, or None when it is empty."""
    texts = [visible(part) for part in VALUES.split(cell or "")]
    texts = [text for text in texts if text]
    return texts or None


def _too_long(limit, value):
    return _("%(limit)s caractères au plus (%(length)s ici).") % {
        "limit": limit,
        "length": len(value),
    }


def _identifier_message(error):
    message = _lowered(error.messages[0])
    if "chiffres" in message:
        message += " " + _(
            "Si le tableur a retiré les zéros de tête, mettez la colonne au format Texte."
        )
    return message


def _lowered(message):
    """A form's message inside a report line: « ligne 4, colonne X : le SIREN… »."""
    message = str(message)
    return message[:1].lower() + message[1:] if message[:2] != message[:2].upper() else message
