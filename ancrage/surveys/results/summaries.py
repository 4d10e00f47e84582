"""One summary per question, computed in memory from the respondents'
answers (`loading.respondents`): the right figures for each kind of question.
`public=True` leaves out what may reveal one organisation (text answers,
minimums and maximums, medians, communes: only départements)."""

import datetime
import functools
import math
import statistics
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

from ancrage.core.secrecy import Cell
from ancrage.surveys.models import Question
from ancrage.surveys.results.figures import (
    Column,
    Row,
    Summary,
    Table,
    count_cell,
    number,
    share_cell,
)
from ancrage.surveys.results.words import words

NUMBER_BINS = 5


def questions_of(version):
    """The version's top-level questions in order, each with `.table_columns`, in one query."""
    questions = list(Question.objects.filter(version=version).select_related("section"))
    columns = defaultdict(list)
    for question in questions:
        if question.parent_id:
            columns[question.parent_id].append(question)
    top = [question for question in questions if not question.parent_id]
    for question in top:
        question.table_columns = columns[question.pk]
    return top


@functools.lru_cache(maxsize=4096)
def _decimal_text(text):
    """A number stored as text, parsed once: a wave's answers repeat the same
    few hundred texts thousands of times (Decimals are immutable, so shared)."""
    try:
        result = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return result if result.is_finite() else None


def decimal(value):
    """A stored number (a decimal as text, `surveys.answers`) as a Decimal, or None."""
    if type(value) is str:
        return _decimal_text(value)
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return result if result.is_finite() else None


def _distribution(key, caption, items, base, *, total_shown, chart="bars", label=""):
    """A table (label, respondents, %) from [(row key, row label, count)]."""
    table = Table(
        key,
        caption,
        [Column("count", _("Répondants")), Column("share", _("Part"), compare="points")],
        label_header=label,
        total_shown=total_shown,
        chart=(chart, "count"),
    )
    for row_key, row_label, count in items:
        table.rows.append(Row(row_key, row_label, [count_cell(count), share_cell(count, base)]))
    return table


def _choices(question):
    return [(c.get("value"), c.get("label") or c.get("value")) for c in question.choices or []]


def _plain(value):
    """Whether a stored choice is a plain value (not a list or dict left by bad data)."""
    return isinstance(value, (str, int, bool))


def single_choice(question, answers, labels, public):
    counts = Counter(value for _key, value in answers if _plain(value))
    items = [(value, label, counts.pop(value, 0)) for value, label in _choices(question)]
    items += [(value, str(value), count) for value, count in sorted(counts.items(), key=str)]
    table = _distribution(
        "distribution", _("Répartition des réponses"), items, len(answers), total_shown=True
    )
    return Summary(question, len(answers), [table])


def multiple_choice(question, answers, labels, public):
    counts = Counter(
        v
        for _key, values in answers
        if isinstance(values, list)
        for v in {v for v in values if _plain(v)}
    )
    items = [(value, label, counts.get(value, 0)) for value, label in _choices(question)]
    table = _distribution(
        "distribution",
        _("Réponses par choix (part des répondants ; plusieurs choix possibles)"),
        items,
        len(answers),
        total_shown=False,
    )
    return Summary(question, len(answers), [table])


def yes_no(question, answers, labels, public):
    counts = Counter(bool(value) for _key, value in answers)
    items = [(True, _("Oui"), counts[True]), (False, _("Non"), counts[False])]
    table = _distribution("distribution", _("Réponses"), items, len(answers), total_shown=True)
    return Summary(question, len(answers), [table])


def _indicators(values, contributions, public, places=1):
    """Count, mean, median (and for numbers sum, min, max) as a table."""
    n = len(values)
    table = Table("indicators", _("Indicateurs"), [Column("value", _("Valeur"), compare="value")])
    total = sum(values, Decimal(0))
    largest = max(contributions, default=None)
    table.rows.append(Row("count", _("Répondants"), [count_cell(n)]))
    if n:
        mean = total / n
        # The mean is the sum divided by the respondents: the sum's secrecy decision.
        cell = Cell(mean, n, largest, number(mean, places), base=total)
        table.rows.append(Row("mean", _("Moyenne"), [cell]))
        if not public:
            median = statistics.median(values)
            table.rows.append(
                Row(
                    "median",
                    _("Médiane"),
                    [
                        Cell(
                            median,
                            None,
                            None,
                            number(median, places),
                        )
                    ],
                )
            )
    return table, total, largest


def scale(question, answers, labels, public):
    values = [Decimal(v) for _key, v in answers if isinstance(v, int) and not isinstance(v, bool)]
    low = question.scale_min if question.scale_min is not None else min(values, default=1)
    high = question.scale_max if question.scale_max is not None else max(values, default=5)
    counts = Counter(int(v) for v in values)
    items = [(step, str(step), counts.get(step, 0)) for step in range(int(low), int(high) + 1)]
    distribution = _distribution(
        "distribution", _("Répartition"), items, len(values), total_shown=True, chart="histogram"
    )
    indicators, _total, _largest = _indicators(values, [], public)
    # The mean with the distribution would recompute its hidden cells.
    derived = [("indicators", "mean", "distribution")]
    return Summary(question, len(values), [indicators, distribution], derived=derived)


def is_average(question):
    """Whether a number question or column asks for a rate or an average (its
    unit is « % » or its label says « moyenne »): its answers are averaged,
    never added up."""
    unit = (question.unit or "").strip()
    return unit == "%" or "moyen" in question.label.lower()


def number_question(question, answers, labels, public):
    by_key = defaultdict(Decimal)
    for key, value in answers:
        parsed = decimal(value)
        if parsed is not None:
            by_key[key] += parsed
    values = list(by_key.values())
    # Whole numbers (headcounts, positions) are shown without decimals.
    places = 0 if all(v == v.to_integral_value() for v in values) else 2
    indicators, total, largest = _indicators(values, values, public, places=places + 1)
    if values and not is_average(question):
        indicators.rows.insert(
            1, Row("sum", _("Somme"), [Cell(total, len(values), largest, number(total, places))])
        )
        if not public:
            low, high = min(values), max(values)
            indicators.rows += [
                Row("min", _("Minimum"), [Cell(low, None, None, number(low, places))]),
                Row("max", _("Maximum"), [Cell(high, None, None, number(high, places))]),
            ]
    tables = [indicators]
    if not public and len(set(values)) > 1:
        tables.append(_bins(values, whole=not places))
    return Summary(question, len(values), tables, note=question.unit)


def _bins(values, *, whole):
    """Five bins from the wave's own minimum to its maximum: whole numbers get
    whole bounds (« 1 – 297 », « 298 – 594 »…). The bounds change from one
    wave to the next, so the bins are not compared with the previous wave."""
    low, high = min(values), max(values)
    if whole:
        width = math.ceil((high - low + 1) / NUMBER_BINS)
        bounds = [(low + width * i, low + width * (i + 1) - 1) for i in range(NUMBER_BINS)]
        counts = Counter(int((v - low) // width) for v in values)
        labels = [f"{number(start, 0)} – {number(min(end, high), 0)}" for start, end in bounds]
        labels = [
            label for (start, _end), label in zip(bounds, labels, strict=True) if start <= high
        ]
    else:
        width = (high - low) / NUMBER_BINS
        counts = Counter(min(int((v - low) / width), NUMBER_BINS - 1) for v in values)
        labels = [
            f"{number(low + width * i, 1)} – {number(low + width * (i + 1), 1)}"
            for i in range(NUMBER_BINS)
        ]
    items = [(index, label, counts.get(index, 0)) for index, label in enumerate(labels)]
    table = _distribution(
        "bins",
        _("Répartition des valeurs"),
        items,
        len(values),
        total_shown=True,
        chart="histogram",
    )
    for column in table.columns:
        column.compare = ""
    return table


def text(question, answers, labels, public):
    if public:
        return Summary(question, len(answers), note=_("Les réponses libres ne sont pas diffusées."))
    texts = [str(value) for _key, value in answers]
    return Summary(question, len(answers), words=words(texts), texts=texts)


def date(question, answers, labels, public):
    months = Counter()
    for _key, value in answers:
        try:
            day = datetime.date.fromisoformat(str(value))
        except ValueError:
            continue
        months[(day.year, day.month)] += 1
    items = [
        (f"{year}-{month:02d}", formats.date_format(datetime.date(year, month, 1), "F Y"), count)
        for (year, month), count in sorted(months.items())
    ]
    table = _distribution(
        "distribution",
        _("Réponses par mois"),
        items,
        sum(months.values()),
        total_shown=True,
        chart="histogram",
    )
    return Summary(question, sum(months.values()), [table])


def _ranking(question, answers, name, caption):
    counts = Counter()
    for _key, value in answers:
        counts.update(
            {v for v in (value if isinstance(value, list) else [value]) if isinstance(v, int)}
        )
    items = [
        (pk, name(pk), count)
        for pk, count in sorted(counts.items(), key=lambda i: (-i[1], name(i[0])))
    ]
    return _distribution("ranking", caption, items, len(answers), total_shown=False)


def occupation(question, answers, labels, public):
    table = _ranking(question, answers, labels.occupation, _("Métiers cités"))
    table.total_shown = True  # one occupation per respondent: the rows add up to the total
    return Summary(question, len(answers), [table])


def skill(question, answers, labels, public):
    table = _ranking(question, answers, labels.skill, _("Compétences citées (part des répondants)"))
    return Summary(question, len(answers), [table])


def commune(question, answers, labels, public):
    places = [(labels.communes.get(value), value) for _key, value in answers]
    departments = Counter(
        (place.department_code, place.department_name) for place, _code in places if place
    )
    unknown = sum(1 for place, _code in places if place is None)
    items = [
        (code, f"{name} ({code})", count) for (code, name), count in sorted(departments.items())
    ]
    if unknown:
        items.append(("", _("Commune inconnue"), unknown))
    table = _distribution(
        "departments",
        _("Répondants par département"),
        items,
        len(answers),
        total_shown=True,
        label=_("Département"),
    )
    summary = Summary(question, len(answers), [table])
    if not public:
        by_commune = Counter(code for place, code in places if place)
        summary.points = [
            (
                labels.communes[code].name,
                labels.communes[code].latitude,
                labels.communes[code].longitude,
                count,
            )
            for code, count in sorted(by_commune.items())
        ]
        summary.note = _("Position approximative des communes des répondants.")
    return summary
