"""The human text of stored answers (the JSON formats of `surveys.models`).

    labels = Labels.for_answers(version, (r.answers for r in responses))
    for response in responses:
        for question in questions:
            text = display(question, response.answers.get(question.key), labels)

`Labels.for_answers` loads, in four queries at most, the version's questions
(for the columns of its table questions) and the occupations, skills and
communes the answers name: `display` then runs without any query, whatever the number of
values. Without `labels`, `display` loads what the one value needs.

`display(question, value)` gives: choice labels (joined by « , » for several),
« Oui » / « Non », « Soudeur (H2913) », skill labels joined by « ; »,
« Lorient (56100) » for a commune, numbers in French (« 1 250,5 k€ »), dates
« 30/09/2026 »; for a table question, a list of dicts {column key: text}, one
per row. An empty or missing value gives "" (a table: [])."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ancrage.referentiel.models import Occupation, Skill
from ancrage.surveys.models import Kind
from ancrage.territory.models import Commune

THIN_SPACE = "\u202f"


def french_number(value):
    """« 1 250,5 » for Decimal("1250.5") (or "1250.5"); the text itself when it is no number."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    digits, _dot, decimals = text.lstrip("-").partition(".")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    result = sign + THIN_SPACE.join(groups)
    return f"{result},{decimals}" if decimals else result


def number_text(number):
    """How a number is stored: « 12 », « 1250.5 » (no exponent, no trailing zero)."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


class Labels:
    """Labels of the référentiel items and communes answers name, and the
    columns of table questions, loaded in bulk. Build it with
    `Labels.for_answers(version, answers_iter)` (answers dicts of one
    version's responses) or `Labels.for_values(question, value)`."""

    def __init__(self, occupations=None, skills=None, communes=None, columns=None):
        self.occupations = occupations or {}  # pk -> "Label (CODE)"
        self.skills = skills or {}  # pk -> label
        self.communes = communes or {}  # INSEE code -> "Name (postal code)"
        self.columns = columns  # table question pk -> [column questions], or None

    @classmethod
    def for_answers(cls, version, answers_iter):
        questions = list(version.questions.all())
        columns = {}
        for question in questions:
            if question.parent_id:
                columns.setdefault(question.parent_id, []).append(question)
        top = [q for q in questions if not q.parent_id]
        for question in top:
            if question.kind == Kind.TABLE:
                columns.setdefault(question.pk, [])
        wanted = {Kind.OCCUPATION: set(), Kind.SKILL: set(), Kind.COMMUNE: set()}
        for answers in answers_iter:
            for question in top:
                value = (answers or {}).get(question.key)
                if value in (None, "", []):
                    continue
                if question.kind == Kind.TABLE:
                    for row in value if isinstance(value, list) else []:
                        for column in columns.get(question.pk, []):
                            if isinstance(row, dict):
                                _collect(wanted, column.kind, row.get(column.key))
                else:
                    _collect(wanted, question.kind, value)
        labels = cls._load(wanted)
        labels.columns = columns
        return labels

    @classmethod
    def for_values(cls, question, value):
        wanted = {Kind.OCCUPATION: set(), Kind.SKILL: set(), Kind.COMMUNE: set()}
        if question.kind == Kind.TABLE:
            columns = list(question.columns.all())
            for row in value if isinstance(value, list) else []:
                for column in columns:
                    if isinstance(row, dict):
                        _collect(wanted, column.kind, row.get(column.key))
            labels = cls._load(wanted)
            labels.columns = {question.pk: columns}
            return labels
        _collect(wanted, question.kind, value)
        return cls._load(wanted)

    @classmethod
    def _load(cls, wanted):
        occupations = skills = communes = {}
        if wanted[Kind.OCCUPATION]:
            occupations = {
                pk: f"{label} ({code})"
                for pk, label, code in Occupation.objects.filter(
                    pk__in=wanted[Kind.OCCUPATION]
                ).values_list("pk", "label", "code")
            }
        if wanted[Kind.SKILL]:
            skills = dict(
                Skill.objects.filter(pk__in=wanted[Kind.SKILL]).values_list("pk", "label")
            )
        if wanted[Kind.COMMUNE]:
            communes = {
                commune.code: commune.label
                for commune in Commune.objects.filter(code__in=wanted[Kind.COMMUNE]).select_related(
                    "department"
                )
            }
        return cls(occupations, skills, communes)

    def columns_of(self, question):
        if self.columns is not None and question.pk in self.columns:
            return self.columns[question.pk]
        return list(question.columns.all())

    def occupation(self, pk):
        return self.occupations.get(_int(pk), str(pk))

    def skill(self, pk):
        return self.skills.get(_int(pk), str(pk))

    def commune(self, code):
        return self.communes.get(str(code), str(code))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _collect(wanted, kind, value):
    if value in (None, "", []):
        return
    if kind == Kind.OCCUPATION and _int(value) is not None:
        wanted[kind].add(_int(value))
    elif kind == Kind.SKILL and isinstance(value, list):
        wanted[kind].update(pk for pk in map(_int, value) if pk is not None)
    elif kind == Kind.COMMUNE:
        wanted[kind].add(str(value))


def choice_label(question, value):
    for choice in question.choices or []:
        if str(choice.get("value")) == str(value):
            return choice.get("label") or str(value)
    return str(value)


def display(question, value, labels=None):
    """The human text of `value`, the stored answer to `question`."""
    if question.kind == Kind.TABLE:
        if not isinstance(value, list) or not value:
            return []
        labels = labels or Labels.for_values(question, value)
        columns = labels.columns_of(question)
        return [
            {column.key: display(column, row.get(column.key), labels) for column in columns}
            for row in value
            if isinstance(row, dict)
        ]
    if value in (None, "", []):
        return ""
    kind = question.kind
    if kind in (Kind.OCCUPATION, Kind.SKILL, Kind.COMMUNE) and labels is None:
        labels = Labels.for_values(question, value)
    if kind == Kind.NUMBER:
        text = french_number(value)
        return f"{text} {question.unit}" if question.unit else text
    if kind == Kind.SINGLE_CHOICE:
        return choice_label(question, value)
    if kind == Kind.MULTIPLE_CHOICE:
        values = value if isinstance(value, list) else [value]
        return ", ".join(choice_label(question, each) for each in values)
    if kind == Kind.YES_NO:
        return _("Oui") if value is True else _("Non") if value is False else str(value)
    if kind == Kind.DATE:
        try:
            return datetime.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if kind == Kind.OCCUPATION:
        return labels.occupation(value)
    if kind == Kind.SKILL:
        values = value if isinstance(value, list) else [value]
        return " ; ".join(labels.skill(each) for each in values)
    if kind == Kind.COMMUNE:
        return labels.commune(value)
    return str(value)
