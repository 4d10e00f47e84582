"""Summary of a « one row per occupation » table question: per occupation,
the respondents, the sums of number columns, the means of scale columns, the
distribution of choice columns and, when the table has the barometer columns
(open unfilled positions, positions filled, time to fill, difficulty), the
tension score (`tension.tension_score`)."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ancrage.core.secrecy import Cell
from ancrage.surveys.models import GpecFact, Kind
from ancrage.surveys.results.figures import Column, Row, Summary, Table, count_cell, number, percent
from ancrage.surveys.results.summaries import decimal
from ancrage.surveys.results.tension import is_difficult, tension_score

BAROMETER_FACTS = {
    GpecFact.OPEN_UNFILLED,
    GpecFact.POSITIONS_FILLED,
    GpecFact.TIME_TO_FILL,
    GpecFact.DIFFICULTY,
}


@dataclass
class Barometer:
    """The tension figures of one occupation in one wave."""

    respondents: int
    open: object = None  # Decimal sum, or None when not asked
    open_largest: object = None
    filled: object = None
    difficulty_mean: object = None
    difficulty_answers: int = 0
    difficult_share: float | None = None
    mean_days: object = None
    days_answers: int = 0
    score: float | None = None

    @property
    def open_share(self):
        if self.open is None or self.filled is None or not (self.open + self.filled):
            return None
        return float(self.open / (self.open + self.filled))


def _rows_by_occupation(question, answers):
    """{occupation id: {respondent key: [rows]}} and the occupation column."""
    occupation_column = next((c for c in question.table_columns if c.kind == Kind.OCCUPATION), None)
    grouped = defaultdict(lambda: defaultdict(list))
    if occupation_column is None:
        return grouped, None
    for key, rows in answers:
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and isinstance(row.get(occupation_column.key), int):
                grouped[row[occupation_column.key]][key].append(row)
    return grouped, occupation_column


def _sum(rows, column):
    values = [decimal(row.get(column.key)) for row in rows]
    values = [v for v in values if v is not None]
    return sum(values) if values else None


def _scale_values(rows, column):
    return [
        row[column.key]
        for row in rows
        if isinstance(row.get(column.key), int) and not isinstance(row.get(column.key), bool)
    ]


def barometers(question, answers):
    """{occupation id: Barometer} for a table question with barometer columns."""
    facts = {c.gpec_fact: c for c in question.table_columns if c.gpec_fact in BAROMETER_FACTS}
    grouped, _column = _rows_by_occupation(question, answers)
    result = {}
    for occupation, by_key in grouped.items():
        figures = Barometer(respondents=len(by_key))
        for fact, attribute in (
            (GpecFact.OPEN_UNFILLED, "open"),
            (GpecFact.POSITIONS_FILLED, "filled"),
        ):
            if fact in facts:
                sums = [
                    s
                    for s in (_sum(rows, facts[fact]) for rows in by_key.values())
                    if s is not None
                ]
                setattr(figures, attribute, sum(sums) if sums else None)
                if attribute == "open" and sums:
                    figures.open_largest = max(sums)
        if GpecFact.DIFFICULTY in facts:
            column = facts[GpecFact.DIFFICULTY]
            levels = [
                max(v) for v in (_scale_values(rows, column) for rows in by_key.values()) if v
            ]
            if levels:
                figures.difficulty_answers = len(levels)
                figures.difficulty_mean = statistics.fmean(levels)
                difficult = [is_difficult(v, column.scale_min, column.scale_max) for v in levels]
                figures.difficult_share = sum(difficult) / len(levels)
        if GpecFact.TIME_TO_FILL in facts:
            column = facts[GpecFact.TIME_TO_FILL]
            days = []
            for rows in by_key.values():
                values = [
                    d for d in (decimal(row.get(column.key)) for row in rows) if d is not None
                ]
                if values:
                    days.append(statistics.fmean(float(d) for d in values))
            if days:
                figures.days_answers = len(days)
                figures.mean_days = statistics.fmean(days)
        figures.score = tension_score(
            difficult_share=figures.difficult_share,
            open_share=figures.open_share,
            mean_days=figures.mean_days,
        )
        result[occupation] = figures
    return result


def tension_table(question, answers, labels):
    found = barometers(question, answers)
    table = Table(
        "tension",
        _("Score de tension par métier (0 à 100)"),
        [
            Column("score", _("Score de tension"), compare="value"),
            Column("difficult", _("Part jugeant le recrutement difficile")),
            Column("open_share", _("Postes non pourvus / postes ouverts et pourvus")),
            Column("days", _("Délai moyen de recrutement (jours)")),
            Column("respondents", _("Répondants")),
        ],
        label_header=_("Métier"),
        chart=("bars", "score"),
    )
    ranked = sorted(found.items(), key=lambda i: (-(i[1].score or 0), labels.occupation(i[0])))
    for occupation, f in ranked:
        n = f.respondents
        share = None if f.difficult_share is None else 100 * f.difficult_share
        open_share = None if f.open_share is None else 100 * f.open_share
        table.rows.append(
            Row(
                occupation,
                labels.occupation(occupation),
                [
                    Cell(f.score, n, None, number(f.score, 1)),
                    Cell(share, n, None, percent(share)),
                    Cell(open_share, n, None, percent(open_share)),
                    Cell(f.mean_days, n, None, number(f.mean_days, 0)),
                    count_cell(n),
                ],
            )
        )
    return table


def table_question(question, answers, labels, public):
    grouped, occupation_column = _rows_by_occupation(question, answers)
    columns = [c for c in question.table_columns if c is not occupation_column]
    numbers = [c for c in columns if c.kind == Kind.NUMBER]
    scales = [c for c in columns if c.kind == Kind.SCALE]
    choices = [c for c in columns if c.kind in (Kind.SINGLE_CHOICE, Kind.YES_NO)]
    main = Table(
        "occupations",
        _("Par métier"),
        [Column("respondents", _("Répondants"), compare="value")]
        + [
            Column(c.key, _("%(label)s (total)") % {"label": c.label}, compare="value")
            for c in numbers
        ]
        + [
            Column(c.key, _("%(label)s (moyenne)") % {"label": c.label}, compare="value")
            for c in scales
        ],
        label_header=_("Métier"),
        chart=("bars", numbers[0].key if numbers else "respondents"),
    )
    ordered = sorted(grouped.items(), key=lambda i: (-len(i[1]), labels.occupation(i[0])))
    for occupation, by_key in ordered:
        cells = [count_cell(len(by_key))]
        for column in numbers:
            sums = [s for s in (_sum(rows, column) for rows in by_key.values()) if s is not None]
            total = sum(sums) if sums else None
            cells.append(Cell(total, len(sums), max(sums, default=None), number(total, 0)))
        for column in scales:
            values = [v for rows in by_key.values() for v in _scale_values(rows, column)]
            contributors = sum(1 for rows in by_key.values() if _scale_values(rows, column))
            mean = statistics.fmean(values) if values else None
            cells.append(Cell(mean, contributors, None, number(mean, 1)))
        main.rows.append(Row(occupation, labels.occupation(occupation), cells))
    tables = [main]
    for column in choices:
        tables.append(_choice_table(column, ordered, labels))
    if any(c.gpec_fact in BAROMETER_FACTS for c in columns):
        tables.insert(0, tension_table(question, answers, labels))
    return Summary(question, len(answers), tables)


def _choice_table(column, ordered, labels):
    if column.kind == Kind.YES_NO:
        options = [(True, _("Oui")), (False, _("Non"))]
    else:
        options = [(c.get("value"), c.get("label") or c.get("value")) for c in column.choices or []]
    table = Table(
        f"choices-{column.key}",
        column.label,
        [Column(str(value), str(label)) for value, label in options],
        label_header=_("Métier"),
        row_totals=True,
    )
    for occupation, by_key in ordered:
        counts = Counter(
            value
            for rows in by_key.values()
            for value in {
                row.get(column.key) for row in rows if row.get(column.key) not in (None, "")
            }
        )
        table.rows.append(
            Row(
                occupation,
                labels.occupation(occupation),
                [count_cell(counts.get(v, 0)) for v, _l in options],
            )
        )
    return table
