"""Summary of a « one row per occupation » table question: per occupation,
the respondents, the sums of number columns, the means of scale columns, the
distribution of choice columns and, when the table has the barometer columns
(open unfilled positions, positions filled, time to fill, difficulty), the
tension score (`tension.tension_score`)."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ancrage.core.secrecy import Cell
from ancrage.surveys.models import GpecFact, Kind
from ancrage.surveys.results.figures import Column, Row, Summary, Table, count_cell, number, percent
from ancrage.surveys.results.summaries import decimal, is_average
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
    filled: object = None
    # Respondents who gave open or filled positions, and the largest number of
    # positions (open + filled) of one of them: the share's secrecy.
    positions_answers: int = 0
    positions_largest: object = None
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


def _scale_value(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _plain_value(value):
    return value if isinstance(value, (str, bool, int)) else None


def _parser(column):
    """How the summaries read a cell of `column`: its value, or None."""
    if column.kind == Kind.NUMBER:
        return decimal
    if column.kind == Kind.SCALE:
        return _scale_value
    return _plain_value


def _levels(values):
    """Difficulty levels as numbers: a number column's answers (1 to 4), or
    the values « 1 » to « 4 » of a single choice (the shipped templates'
    difficulty column)."""
    levels = []
    for value in values:
        kind = type(value)
        if kind is int:
            levels.append(value)
        elif kind is Decimal:
            levels.append(int(value) if value == value.to_integral_value() else float(value))
        elif kind is str and len(value) < 4 and value.isdigit():
            levels.append(int(value))
    return levels


class _PerRespondent:
    """Each respondent's figures in a column of an occupation, worked out once
    for the per-occupation table and the tension score."""

    def __init__(self):
        self.found = {}

    def _get(self, what, by_column, key, make):
        found = self.found.get((what, id(by_column), key))
        if found is None:
            found = [make(values) for values in by_column[key].values()]
            self.found[(what, id(by_column), key)] = found
        return found

    def sums(self, by_column, key):
        """A number column's total per respondent."""
        return self._get("sums", by_column, key, sum)

    def levels(self, by_column, key):
        """A difficulty column's levels per respondent (`_levels`)."""
        return self._get("levels", by_column, key, _levels)

    def floats(self, by_column, key):
        """A number column's values per respondent, as floats."""
        return self._get("floats", by_column, key, lambda values: [float(v) for v in values])

    def figures(self, column, by_column):
        """The numbers an averaged column's values stand for, per respondent."""
        if column.kind == Kind.NUMBER:
            return self.floats(by_column, column.key)
        return [[float(v) for v in levels] for levels in self.levels(by_column, column.key)]


def _is_mean(column):
    """Averaged per occupation: scales, the difficulty, the time to fill and
    the number columns asking for a rate or an average (`is_average`)."""
    return (
        column.kind == Kind.SCALE
        or column.gpec_fact == GpecFact.DIFFICULTY
        or (
            column.kind == Kind.NUMBER
            and (column.gpec_fact == GpecFact.TIME_TO_FILL or is_average(column))
        )
    )


def _mean_label(column):
    """« Délai (moyenne) »; a label already saying « moyenne » is kept as it is."""
    if "moyenne" in column.label.lower():
        return column.label
    return _("%(label)s (moyenne)") % {"label": column.label}


def collect(question, answers):
    """{occupation id: {column key: {respondent key: [values]}}} in one pass
    over the rows (each value parsed once), and the occupation column. The
    respondents of an occupation are the keys of its "" entry."""
    occupation_column = next((c for c in question.table_columns if c.kind == Kind.OCCUPATION), None)
    data = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    if occupation_column is None:
        return data, None
    parsers = [(c.key, _parser(c)) for c in question.table_columns if c is not occupation_column]
    occupation_key = occupation_column.key
    for key, rows in answers:
        if not isinstance(rows, list):
            continue
        for row in rows:
            if not isinstance(row, dict):
                continue
            occupation = row.get(occupation_key)
            if type(occupation) is not int:
                continue
            by_column = data[occupation]
            by_column[""].setdefault(key, [])  # the respondent counts for the occupation
            for column_key, parse in parsers:
                value = row.get(column_key)
                if value is None or value == "":
                    continue
                value = parse(value)
                if value is not None:
                    by_column[column_key][key].append(value)
    return data, occupation_column


def barometers(question, answers, data=None, per_respondent=None):
    """{occupation id: Barometer} for a table question with barometer columns."""
    facts = {c.gpec_fact: c for c in question.table_columns if c.gpec_fact in BAROMETER_FACTS}
    if data is None:
        data, _column = collect(question, answers)
    per_respondent = per_respondent or _PerRespondent()
    result = {}
    for occupation, by_column in data.items():
        figures = Barometer(respondents=len(by_column[""]))
        positions = Counter()
        for fact, attribute in (
            (GpecFact.OPEN_UNFILLED, "open"),
            (GpecFact.POSITIONS_FILLED, "filled"),
        ):
            if fact in facts:
                key = facts[fact].key
                sums = per_respondent.sums(by_column, key)
                setattr(figures, attribute, sum(sums) if sums else None)
                positions.update(dict(zip(by_column[key], sums, strict=True)))
        figures.positions_answers = len(positions)
        figures.positions_largest = max(positions.values(), default=None)
        if GpecFact.DIFFICULTY in facts:
            column = facts[GpecFact.DIFFICULTY]
            levels = [max(found) for found in per_respondent.levels(by_column, column.key) if found]
            if levels:
                figures.difficulty_answers = len(levels)
                figures.difficulty_mean = statistics.fmean(levels)
                difficult = [is_difficult(v, column.scale_min, column.scale_max) for v in levels]
                figures.difficult_share = sum(difficult) / len(levels)
        if GpecFact.TIME_TO_FILL in facts:
            days = [
                values[0] if len(values) == 1 else statistics.fmean(values)
                for values in per_respondent.floats(by_column, facts[GpecFact.TIME_TO_FILL].key)
            ]
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


def tension_table(question, answers, labels, data, per_respondent):
    found = barometers(question, answers, data, per_respondent)
    table = Table(
        "tension",
        _("Score de tension par métier (0 à 100)"),
        [
            Column("score", _("Score de tension"), compare="value"),
            Column("difficult", _("Part jugeant le recrutement difficile")),
            Column("open_share", _("Part des postes restés non pourvus")),
            Column("days", _("Délai moyen de recrutement (jours)")),
            Column("respondents", _("Répondants")),
        ],
        label_header=_("Métier"),
        chart=("bars", "score"),
        # The score with two of its components shown would give the third.
        derived={"score": ["difficult", "open_share", "days"]},
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
                    Cell(share, f.difficulty_answers, None, percent(share)),
                    # One organisation with most of the positions: the share is its own ratio.
                    Cell(
                        open_share,
                        f.positions_answers,
                        f.positions_largest,
                        percent(open_share),
                        base=None if f.open_share is None else f.open + f.filled,
                    ),
                    Cell(f.mean_days, f.days_answers, None, number(f.mean_days, 0)),
                    count_cell(n),
                ],
            )
        )
    return table


def table_question(question, answers, labels, public):
    data, occupation_column = collect(question, answers)
    columns = [c for c in question.table_columns if c is not occupation_column]
    # Numbers add up (positions, hires); scales, difficulty and time to fill are averaged.
    means = [c for c in columns if _is_mean(c)]
    numbers = [c for c in columns if c.kind == Kind.NUMBER and not _is_mean(c)]
    choices = [c for c in columns if c.kind in (Kind.SINGLE_CHOICE, Kind.YES_NO)]
    if public:
        # Shared: a breakdown shown with its mean (the difficulty) and the share
        # of difficult ratings would let them recompute its hidden cells.
        choices = [c for c in choices if not _is_mean(c)]
    main = Table(
        "occupations",
        _("Par métier"),
        [Column("respondents", _("Répondants"), compare="value")]
        + [
            Column(c.key, _("%(label)s (total)") % {"label": c.label}, compare="value")
            for c in numbers
        ]
        + [Column(c.key, _mean_label(c), compare="value") for c in means],
        label_header=_("Métier"),
        chart=("bars", numbers[0].key if numbers else "respondents"),
    )
    per_respondent = _PerRespondent()
    ordered = sorted(data.items(), key=lambda i: (-len(i[1][""]), labels.occupation(i[0])))
    for occupation, by_column in ordered:
        cells = [count_cell(len(by_column[""]))]
        for column in numbers:
            sums = per_respondent.sums(by_column, column.key)
            total = sum(sums) if sums else None
            cells.append(Cell(total, len(sums), max(sums, default=None), number(total, 0)))
        for column in means:
            found = per_respondent.figures(column, by_column)
            values = [v for figures in found for v in figures]
            mean = statistics.fmean(values) if values else None
            contributors = sum(1 for figures in found if figures)
            cells.append(Cell(mean, contributors, None, number(mean, 1)))
        main.rows.append(Row(occupation, labels.occupation(occupation), cells))
    tables = [main]
    for column in choices:
        tables.append(_choice_table(column, ordered, labels))
    if any(c.gpec_fact in BAROMETER_FACTS for c in columns):
        tables.insert(0, tension_table(question, answers, labels, data, per_respondent))
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
    for occupation, by_column in ordered:
        counts = Counter(
            value for values in by_column[column.key].values() for value in set(values)
        )
        table.rows.append(
            Row(
                occupation,
                labels.occupation(occupation),
                [count_cell(counts.get(value, 0)) for value, _label in options],
            )
        )
    return table
