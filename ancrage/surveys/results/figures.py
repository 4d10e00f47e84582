"""The shapes every summary is made of: tables of `Cell`s (`core.secrecy`)
with an optional chart drawn from one of their columns, and French number
formats."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ancrage.core import charts
from ancrage.core.secrecy import Cell

THIN_SPACE = "\u202f"


def number(value, places=0):
    """« 1 250 », « 3,5 »: French grouping and decimal comma."""
    if value is None:
        return "—"
    if type(value) is int and not places:  # counts: thousands of them on a page
        return f"{value:,}".replace(",", THIN_SPACE)
    quantum = Decimal(1).scaleb(-places)
    exact = value if type(value) is Decimal else Decimal(str(value))
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return text.replace(",", THIN_SPACE).replace(".", ",")


def percent(value):
    return "—" if value is None else f"{number(value, 1)}{THIN_SPACE}%"


def count_cell(count):
    """A number of organisations."""
    return Cell(count, contributors=count, text=number(count))


def share_cell(count, base):
    """`count` out of `base` organisations, as a percentage."""
    value = Decimal(100 * count) / base if base else None
    return Cell(value, contributors=count, text=percent(value))


@dataclass
class Row:
    key: object
    label: str
    cells: list


@dataclass
class Column:
    key: str
    label: str
    # Compared with the previous wave: "" (not compared), "value" or "points".
    compare: str = ""


@dataclass
class Table:
    key: str
    caption: str
    columns: list  # [Column] after the label column
    rows: list = field(default_factory=list)
    label_header: str = ""
    total_shown: bool = False
    # Each row adds up to a figure shown elsewhere (secondary suppression by row).
    row_totals: bool = False
    # {column key: [column keys]}: a column computed from others in the same
    # row (hidden when one of them is, in shared summaries).
    derived: dict = field(default_factory=dict)
    # Chart: (kind, column key) with kind in "bars", "histogram"; or None.
    chart: tuple | None = None
    # Rows left out (the PDF report keeps the first ones).
    more: int = 0

    @property
    def wide(self):
        """Too many columns to stand beside its chart."""
        return len(self.columns) > 3

    def shorten(self, limit):
        if len(self.rows) > limit:
            self.more += len(self.rows) - limit
            self.rows = self.rows[:limit]

    def rows_html(self):
        """The body rows (built here: an occupation table has thousands of cells).
        A shown cell is its text, escaped; a hidden one renders itself."""
        before = _("Vague précédente : %(value)s")
        parts = []
        for row in self.rows:
            parts.append(
                f'<tr><th scope="row" class="fw-normal">{conditional_escape(row.label)}</th>'
            )
            for cell in row.cells:
                text = conditional_escape(cell) if cell.reason else escape(cell.plain)
                change = f" {cell.change.markup(before)}" if cell.change else ""
                parts.append(f'<td class="text-end">{text}{change}</td>')
            parts.append("</tr>")
        return mark_safe("".join(parts))  # noqa: S308 (every value is escaped)

    def column_index(self, key):
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def chart_markup(self, title):
        if not self.chart or not self.rows:
            return ""
        kind, key = self.chart
        index = self.column_index(key)
        data = [
            (row.label, row.cells[index].shown_value, row.cells[index].plain) for row in self.rows
        ]
        draw = charts.bars if kind == "bars" else charts.histogram
        return draw(data, title=title, desc=f"{self.caption} — {self.columns[index].label}")


@dataclass
class Summary:
    question: object
    answered: int
    tables: list = field(default_factory=list)
    words: list = field(default_factory=list)  # [(word, respondents)]
    texts: list = field(default_factory=list)  # every text answer (staff page only)
    points: list = field(default_factory=list)  # map: (label, latitude, longitude, count)
    note: str = ""
    # [(table key, row key, table key)]: the first column of that row is
    # computed from the cells of the other table (hidden when one of them is,
    # in shared summaries).
    derived: list = field(default_factory=list)

    @property
    def key(self):
        return self.question.key

    def texts_html(self):
        """The text answers as list items (built here: hundreds of them)."""
        return format_html_join(
            "", "<li>{}</li>", ((linebreaksbr(text, autoescape=True),) for text in self.texts)
        )

    def table(self, key):
        return next((table for table in self.tables if table.key == key), None)

    def charts(self):
        """(table, chart markup) for each table; none when nobody answered."""
        if not self.answered:
            return []
        title = self.question.label
        return [(table, table.chart_markup(title)) for table in self.tables]

    def map_markup(self):
        if not self.points:
            return ""
        return charts.dot_map(self.points, title=self.question.label, desc=self.note)
