"""Every row of the workbook checked with the rules of the declaration form
(`gpec.validation`), every problem reported with its sheet, line and column,
before anything is written. The rows that pass are grouped into one
`Pending` declaration per member."""

from dataclasses import dataclass, field

from django.contrib.postgres.lookups import Unaccent
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from ancrage.gpec import validation
from ancrage.gpec.importer.columns import (
    CHOICE,
    CONTEXT,
    COUNT,
    FORECASTS,
    SKILLS,
    WORKFORCE,
    recognise,
)
from ancrage.gpec.importer.members import Members, NotFound
from ancrage.referentiel.models import Occupation, Skill
from ancrage.referentiel.search.text import strip_accents
from ancrage.referentiel.vocabulary import comparable


@dataclass
class Problem:
    sheet: str  # the tab's title, "" for the file as a whole
    line: int | None
    column: str  # "F « Effectif »", or ""
    message: str


@dataclass
class Pending:
    """One member's declaration, ready to be saved."""

    organisation: object
    declared_on: object = None  # None until a row gives it: the day of the import
    blocks: dict = field(default_factory=dict)  # {occupation pk: block}
    skills: list = field(default_factory=list)
    last_declared_on: object = None  # the member's last declaration, told by the preview

    @property
    def headcount(self):
        return sum(block.get("headcount") or 0 for block in self.blocks.values())


@dataclass
class Report:
    problems: list = field(default_factory=list)
    declarations: list = field(default_factory=list)  # [Pending], by member name
    total: int = 0  # data rows read
    refused: bool = False

    @property
    def is_valid(self):
        return not self.problems and bool(self.declarations)

    @property
    def bad_rows(self):
        return len({(problem.sheet, problem.line) for problem in self.problems if problem.line})


def file_problem(message):
    return Report(problems=[Problem("", None, "", str(message))], refused=True)


class _Row:
    """One row being checked: its cells by column key, its problems."""

    def __init__(self, table, positions, line, cells, report):
        self.table, self.line, self.report = table, line, report
        self.positions = positions
        self.cells = {
            key: cells[index] if index < len(cells) else "" for key, index in positions.items()
        }
        self.failed = False

    def blank(self):
        return not any(value for key, value in self.cells.items() if key not in CONTEXT)

    def fail(self, key, message):
        index = self.positions.get(key)
        column = ""
        if index is not None:
            column = f"{get_column_letter(index + 1)} « {self.table.header[index]} »"
        self.report.problems.append(Problem(self.table.title, self.line, column, str(message)))
        self.failed = True


class Checker:
    def __init__(self, cluster, tables):
        self.cluster, self.tables = cluster, tables
        self.report = Report()
        self.members = Members(cluster)
        self.today = timezone.localdate()
        self.pending = {}  # {organisation pk: Pending}
        self.dates = {}  # {organisation pk: (date, sheet title, line)}
        self.seen = set()  # (sheet key, organisation, item, horizon) already met
        self.workforce_rows = set()  # (organisation, occupation) the Effectifs sheet names
        self.occupations = self._occupations()
        self.skills = _Skills(tables.get(SKILLS.key))

    def _occupations(self):
        codes = set()
        for sheet in (WORKFORCE, FORECASTS):
            table = self.tables.get(sheet.key)
            positions, _problems = recognise(sheet, table.header) if table else ({}, [])
            if "occupation" in positions:
                codes.update(
                    cells[positions["occupation"]].strip().upper()
                    for _line, cells in table.rows
                    if positions["occupation"] < len(cells)
                )
        return Occupation.objects.current().in_bulk(codes, field_name="code")

    def run(self):
        for sheet in (WORKFORCE, FORECASTS, SKILLS):
            table = self.tables.get(sheet.key)
            if table is not None:
                self._sheet(sheet, table)
        self.report.declarations = sorted(
            self.pending.values(), key=lambda item: comparable(item.organisation.name)
        )
        return self.report

    def _sheet(self, sheet, table):
        positions, problems = recognise(sheet, table.header)
        for index, message in problems:
            column = "" if index is None else get_column_letter(index + 1)
            self.report.problems.append(Problem(table.title, 1, column, str(message)))
        for problem in table.problems:
            column = "" if problem.column is None else get_column_letter(problem.column + 1)
            self.report.problems.append(Problem(table.title, problem.line, column, problem.message))
        if problems:
            return
        for line, cells in table.rows:
            row = _Row(table, positions, line, cells, self.report)
            if row.blank():
                continue
            self.report.total += 1
            self._row(sheet, row)

    def _row(self, sheet, row):
        organisation = self._organisation(row)
        declared_on = self._date(row)
        values = self._values(sheet, row)
        item = self._skill(row) if sheet is SKILLS else self._occupation(row)
        if sheet is WORKFORCE and organisation is not None and item is not None:
            self.workforce_rows.add((organisation.pk, item.pk))
        if row.failed:
            return
        pending = self.pending.setdefault(organisation.pk, Pending(organisation))
        self._same_date(row, pending, declared_on)
        key = (sheet.key, organisation.pk, item.pk, values.get("horizon_years"))
        if key in self.seen:
            if sheet is SKILLS:
                message = _(
                    "La compétence « %(skill)s » est déjà demandée plus haut pour cet adhérent "
                    "à cet horizon."
                ) % {"skill": item.label}
                row.fail("skill_code" if "skill_code" in row.positions else "skill", message)
            else:
                row.fail("occupation", validation.duplicate_occupation_message(item.label))
            return
        self.seen.add(key)
        if sheet is WORKFORCE:
            self._workforce(row, pending, item, values)
        elif sheet is FORECASTS:
            self._forecasts(row, pending, item, values)
        else:
            pending.skills.append({"skill": item, **values})

    def _organisation(self, row):
        try:
            return self.members.find(
                row.cells.get("siren", "").strip(), row.cells.get("name", "").strip()
            )
        except NotFound as error:
            column = error.column
            row.fail(column if column in row.positions else _present(row, "siren", "name"), error)
            return None

    def _date(self, row):
        declared_on, error = validation.parse_date(row.cells.get("declared_on"))
        if error is None and declared_on is not None:
            error = validation.declared_on_error(declared_on, self.today)
        if error:
            row.fail("declared_on", error)
        return declared_on

    def _same_date(self, row, pending, declared_on):
        if declared_on is None:
            return
        first = self.dates.get(pending.organisation.pk)
        if first is None:
            self.dates[pending.organisation.pk] = (declared_on, row.table.title, row.line)
            pending.declared_on = declared_on
        elif first[0] != declared_on:
            row.fail(
                "declared_on",
                _(
                    "Une déclaration n'a qu'une date : cet adhérent a déjà le %(date)s "
                    "(« %(sheet)s », ligne %(line)s)."
                )
                % {"date": first[0].strftime("%d/%m/%Y"), "sheet": first[1], "line": first[2]},
            )

    def _values(self, sheet, row):
        values = {}
        for column in sheet.columns:
            if column.kind not in (COUNT, CHOICE):
                continue
            if column.kind == COUNT:
                value, error = validation.parse_count(row.cells.get(column.key))
            else:
                value, error = validation.parse_choice(row.cells.get(column.key), column.choices)
            if error:
                row.fail(column.key, error)
            values[column.key] = value
        return values

    def _occupation(self, row):
        code = row.cells.get("occupation", "").strip().upper()
        if not code:
            row.fail("occupation", _("Indiquez le code ROME du métier de ces chiffres."))
            return None
        occupation = self.occupations.get(code)
        if occupation is None:
            row.fail("occupation", validation.unknown_occupation_message(code))
        return occupation

    def _skill(self, row):
        skill, key, error = self.skills.find(
            row.cells.get("skill_code", ""), row.cells.get("skill", "")
        )
        if error:
            row.fail(key if key in row.positions else _present(row, "skill_code", "skill"), error)
        return skill

    def _workforce(self, row, pending, occupation, values):
        if values["headcount"] is None:
            row.fail("headcount", _("Indiquez l'effectif du métier (0 s'il n'y a personne)."))
            return
        for key, message in validation.workforce_errors(values).items():
            row.fail(key, message)
        if not row.failed:
            pending.blocks.setdefault(occupation.pk, {"occupation": occupation}).update(values)

    def _forecasts(self, row, pending, occupation, values):
        block = pending.blocks.get(occupation.pk)
        if block is None:
            # Refused in the Effectifs sheet (reported there), or missing from it.
            if (pending.organisation.pk, occupation.pk) not in self.workforce_rows:
                table = self.tables.get(WORKFORCE.key)
                row.fail(
                    "occupation",
                    _(
                        "Ce métier n'a pas de ligne dans la feuille « %(sheet)s » pour cet "
                        "adhérent : ajoutez-y son effectif."
                    )
                    % {"sheet": table.title if table else WORKFORCE.title},
                )
            else:
                row.failed = True
            return
        for key, message in validation.forecast_errors(values, block["headcount"]).items():
            row.fail(key, message)
        if not row.failed:
            block.update(values)


def _present(row, *keys):
    """The first of `keys` the sheet has a column for."""
    return next(key for key in keys if key in row.positions)


class _Skills:
    """The skills a sheet names, by OGR code or exact label, read in two queries."""

    def __init__(self, table):
        self.by_code, self.by_label = {}, {}
        if table is None:
            return
        positions, _problems = recognise(SKILLS, table.header)
        codes, labels = set(), set()
        for _line, cells in table.rows:
            if "skill_code" in positions and positions["skill_code"] < len(cells):
                codes.add(cells[positions["skill_code"]].strip())
            if "skill" in positions and positions["skill"] < len(cells):
                labels.add(cells[positions["skill"]].strip())
        current = Skill.objects.filter(is_obsolete=False)
        numbers = [int(code) for code in codes if code.isdigit() and len(code) < 10]
        self.by_code = {
            str(skill.ogr_code): skill for skill in current.filter(ogr_code__in=numbers)
        }
        keys = [strip_accents(" ".join(label.split())) for label in labels if label]
        if keys:
            named = current.annotate(key=Lower(Unaccent("label"))).filter(key__in=keys)
            for skill in named:
                self.by_label.setdefault(comparable(skill.label), []).append(skill)

    def find(self, code, label):
        """``(skill, None, None)`` or ``(None, column key, message)``."""
        code, label = code.strip(), label.strip()
        if code:
            skill = self.by_code.get(code)
            if skill is None:
                return (
                    None,
                    "skill_code",
                    _("Le code compétence « %(code)s » n'existe pas dans le référentiel.")
                    % {"code": code[:40]},
                )
            return skill, None, None
        if not label:
            return None, "skill", _("Indiquez la compétence (son code ou son libellé).")
        found = self.by_label.get(comparable(label), [])
        if len(found) == 1:
            return found[0], None, None
        if found:
            return (
                None,
                "skill",
                _("Plusieurs compétences s'intitulent « %(label)s » : donnez son code.")
                % {"label": label[:80]},
            )
        return None, "skill", validation.unknown_skill_message(label)
