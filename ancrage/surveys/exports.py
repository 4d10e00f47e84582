"""The answers of a campaign as XLSX workbooks, for the cluster's staff.

- `raw_workbook`: one row per submitted response with the organisation's
  identity and segments, a sheet per table question (one row per table line),
  and a "Questions" sheet describing each question and its GPEC mapping.
- `anonymised_workbook`: the same answers without any identity, so that no
  respondent can be recognised from the file:
  - respondents are numbered in a random order; free-text and commune
    answers are removed;
  - only coarse segments are kept (size class, département, membership),
    and every combination of the three is shared by at least `MIN_SEGMENT`
    respondents (k-anonymity, k = 3): the respondents of a smaller
    combination (the only ETI of a département) get their département
    blanked, then, if still too few, their size class, then their
    membership; if fewer than `MIN_SEGMENT` respondents end with all three
    blank, the smallest remaining combinations are blanked too. A blank cell
    counts as a value of its own. Their answers stay;
  - exact figures that a register could match are coarsened: a date keeps
    only its year (a creation date against SIRENE), a number is rounded to
    two significant figures (a turnover of 12 345 k€ becomes 12 000, a
    headcount of 137 becomes 140, figures below 100 stay as they are).

Values are written as people read them (`surveys.answers_display`: choice
labels, occupation and skill names, loaded in a few queries whatever the
number of responses); numbers and dates stay typed cells."""

import random
import re
from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ancrage.core.spreadsheets import xlsx_sheets_bytes
from ancrage.organisations.models import SizeClass
from ancrage.surveys.answers_display import Labels, choice_label, display
from ancrage.surveys.models import GpecFact, Kind, Question, Response

MIN_SEGMENT = 3
SIGNIFICANT_FIGURES = 2
JOIN = " ; "
FREE_TEXT = {Kind.SHORT_TEXT, Kind.LONG_TEXT}
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _rounded(number):
    """`number` rounded to `SIGNIFICANT_FIGURES` significant figures."""
    if not number:
        return number
    exponent = number.adjusted() - SIGNIFICANT_FIGURES + 1
    return number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def _cell(question, value, labels, coarse=False):
    """The cell for `value`, the stored answer to `question`: numbers and
    dates typed, the rest as `answers_display` writes it. `coarse`: numbers
    rounded to two significant figures and dates reduced to their year."""
    if value is None or value == "" or value == []:
        return None
    kind = question.kind
    if kind in (Kind.NUMBER, Kind.SCALE) and not isinstance(value, bool):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return None if coarse else str(value)
        if not number.is_finite():
            return None if coarse else str(value)
        if coarse and kind == Kind.NUMBER:
            number = _rounded(number)
        return int(number) if number == number.to_integral_value() else number
    if kind == Kind.DATE:
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            return None if coarse else str(value)
        return day.year if coarse else day
    if kind == Kind.MULTIPLE_CHOICE:
        items = value if isinstance(value, list) else [value]
        return JOIN.join(choice_label(question, item) for item in items)
    return display(question, value, labels)


def _questions(campaign):
    """The top-level questions of the campaign's version, each table with
    its `table_columns`."""
    questions = list(
        Question.objects.filter(version_id=campaign.version_id)
        .select_related("section")
        .order_by("section__position", "section_id", "position", "pk")
    )
    columns = {}
    for question in questions:
        if question.parent_id:
            columns.setdefault(question.parent_id, []).append(question)
    top = [question for question in questions if not question.parent_id]
    for question in top:
        question.table_columns = columns.get(question.pk, [])
    return top


def _responses(campaign):
    return list(
        Response.objects.filter(campaign=campaign, state=Response.State.SUBMITTED)
        .select_related("invitee__commune__department")
        .order_by("invitee__name", "pk")
    )


def _sheet_titles(tables, reserved):
    """A valid, unique sheet name for each table question."""
    used = {title.lower() for title in reserved}
    titles = {}
    for table in tables:
        base = " ".join(SHEET_FORBIDDEN.sub(" ", table.label).split()).strip("'") or table.key
        title, number = base[:31], 2
        while title.lower() in used:
            suffix = f" ({number})"
            title, number = base[: 31 - len(suffix)] + suffix, number + 1
        used.add(title.lower())
        titles[table.pk] = title
    return titles


def _questions_sheet(questions):
    headers = [_("Clé"), _("Question"), _("Type"), _("Section"), _("Tableau"), _("Choix")]
    headers.append(_("Alimente la GPEC"))
    rows = []
    for question in questions:
        for item, table in [(question, None)] + [(c, question) for c in question.table_columns]:
            rows.append(
                [
                    item.key,
                    item.label,
                    str(Kind(item.kind).label) if item.kind in Kind.values else item.kind,
                    question.section.title,
                    table.key if table else None,
                    JOIN.join(f"{c.get('value')} = {c.get('label')}" for c in item.choices) or None,
                    str(GpecFact(item.gpec_fact).label)
                    if item.gpec_fact in GpecFact.values
                    else None,
                ]
            )
    return (_("Questions"), headers, rows)


def _header(question, coarse=False):
    if coarse and question.kind == Kind.DATE:
        return _("%(question)s (année)") % {"question": question.label}
    return f"{question.label} ({question.unit})" if question.unit else question.label


def _workbook(version, questions, respondents, identity_headers, answers_title, coarse=False):
    """`respondents`: [(identity cells, answers)]; the first identity cell
    names the respondent on the table sheets. `coarse`: see `_cell`."""
    labels = Labels.for_answers(version, [answers for _identity, answers in respondents])
    simple = [question for question in questions if question.kind != Kind.TABLE]
    tables = [question for question in questions if question.kind == Kind.TABLE]
    main = (
        answers_title,
        identity_headers + [_header(question, coarse) for question in simple],
        [
            identity
            + [_cell(question, answers.get(question.key), labels, coarse) for question in simple]
            for identity, answers in respondents
        ],
    )
    sheets = [main]
    titles = _sheet_titles(tables, [answers_title, _("Questions")])
    for table in tables:
        rows = []
        for identity, answers in respondents:
            lines = answers.get(table.key)
            for line, row in enumerate(lines if isinstance(lines, list) else [], start=1):
                if isinstance(row, dict):
                    rows.append(
                        [identity[0], line]
                        + [_cell(c, row.get(c.key), labels, coarse) for c in table.table_columns]
                    )
        headers = [identity_headers[0], _("Ligne")] + [
            _header(c, coarse) for c in table.table_columns
        ]
        sheets.append((titles[table.pk], headers, rows))
    sheets.append(_questions_sheet(questions))
    return xlsx_sheets_bytes(sheets)


def _size_label(value):
    return str(SizeClass(value).label) if value in SizeClass.values else None


def _answers(response):
    return response.answers if isinstance(response.answers, dict) else {}


def raw_workbook(campaign):
    questions = _questions(campaign)
    respondents = []
    for response in _responses(campaign):
        invitee = response.invitee
        commune = invitee.commune
        identity = [
            invitee.name,
            invitee.siren or None,
            _("Oui") if invitee.is_member else _("Non"),
            _size_label(invitee.size_class),
            commune.name if commune else None,
            commune.department.name if commune else None,
            response.submitted_at,
        ]
        respondents.append((identity, _answers(response)))
    headers = [
        _("Organisation"),
        _("SIREN"),
        _("Adhérent"),
        _("Taille"),
        _("Commune"),
        _("Département"),
        _("Envoyée le"),
    ]
    return _workbook(campaign.version, questions, respondents, headers, _("Réponses"))


def _without_free_text(questions):
    kept = []
    for question in questions:
        if question.kind in FREE_TEXT or question.kind == Kind.COMMUNE:
            continue
        question.table_columns = [
            c for c in question.table_columns if c.kind not in FREE_TEXT | {Kind.COMMUNE}
        ]
        kept.append(question)
    return kept


def _small_rows(segments):
    """The rows whose combination of segments fewer than `MIN_SEGMENT`
    respondents share."""
    counts = Counter(tuple(row) for row in segments)
    return [row for row in segments if counts[tuple(row)] < MIN_SEGMENT]


def _blank_small_segments(segments, order):
    """`segments` made k-anonymous (k = `MIN_SEGMENT`): the rows of a too
    small combination get their columns blanked one by one, in `order`; if
    fewer than `MIN_SEGMENT` rows end all blank, the smallest remaining
    combinations are blanked whole until they are enough."""
    for index in order:
        for row in _small_rows(segments):
            row[index] = None
    blank = [None] * len(order)
    while 0 < sum(row == blank for row in segments) < MIN_SEGMENT:
        counts = Counter(tuple(row) for row in segments if row != blank)
        if not counts:
            break
        smallest = min(counts, key=lambda combination: (counts[combination], str(combination)))
        for row in segments:
            if tuple(row) == smallest:
                row[:] = blank
    return segments


def anonymised_workbook(campaign, rng=None):
    questions = _without_free_text(_questions(campaign))
    responses = _responses(campaign)
    (rng or random.SystemRandom()).shuffle(responses)
    segments = _blank_small_segments(
        [
            [
                _size_label(response.invitee.size_class),
                response.invitee.commune.department.name if response.invitee.commune else None,
                _("Oui") if response.invitee.is_member else _("Non"),
            ]
            for response in responses
        ],
        order=[1, 0, 2],  # département first, then size class, then membership
    )
    respondents = [
        ([number, *segment], _answers(response))
        for number, (segment, response) in enumerate(zip(segments, responses, strict=True), 1)
    ]
    headers = [_("Répondant"), _("Taille"), _("Département"), _("Adhérent")]
    return _workbook(campaign.version, questions, respondents, headers, _("Réponses"), coarse=True)
