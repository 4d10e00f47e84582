"""The cells and tables of the GPEC dashboard, and how figures are written.

A `Shown` cell is a `core.secrecy.Cell` that the cluster's staff see with a
flag when it rests on fewer than 3 organisations (muted, with a « < 3 org. »
badge), and that anyone else sees as « secret » (its `reason` set). The same
`Table` is drawn on the page (cells render themselves) and written to the
XLSX workbook (`Shown.export`, the plain value)."""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.core import secrecy

DASH = "–"


def badge():
    """The markup flagging a fragile figure, after its value."""
    return format_html(
        ' <span class="badge text-bg-warning fw-normal" title="{}">{}'
        '<span class="visually-hidden"> {}</span></span>',
        _("Chiffre fragile : il repose sur moins de 3 organisations."),
        _("< 3 org."),
        _("(moins de 3 organisations)"),
    )


@dataclass
class Shown(secrecy.Cell):
    flagged: bool = False
    export: object = None  # what the spreadsheet holds when shown

    def markup(self, marks):
        """The cell's markup; `marks` caches the markup shared by many cells
        ({"badge": …, reason: « secret » span}), built once per page."""
        if self.reason:
            if self.reason not in marks:
                marks[self.reason] = secrecy.Cell.__html__(self)
            return marks[self.reason]
        if self.flagged:
            if "badge" not in marks:
                marks["badge"] = badge()
            return f'<span class="text-body-secondary">{escape(self.plain)}</span>{marks["badge"]}'
        return escape(self.plain)

    def __html__(self):
        return mark_safe(self.markup({}))  # noqa: S308 -- escaped in markup()

    __str__ = __html__

    @property
    def sheet_value(self):
        if self.reason:
            return _("secret")
        return str(self.export) if isinstance(self.export, Promise) else self.export


def within(years):
    """« à 1 an », « à 3 ans »."""
    return ngettext("à %(years)s an", "à %(years)s ans", years) % {"years": years}


def integer(value):
    if value is None:
        return DASH
    return f"{round(value):,}".replace(",", "\u202f")


def decimal(value, places=1):
    if value is None:
        return DASH
    return f"{value:,.{places}f}".replace(",", "\u202f").replace(".", ",")


def percent(share):
    """A share of 0–1 as « 22 % »."""
    if share is None:
        return DASH
    return f"{float(share) * 100:.0f}\u00a0%"


def percent_value(share):
    return None if share is None else round(float(share) * 100, 1)


def figure_cell(figure, secret, kind="integer"):
    """The cell of a `gpec.figures.Figure`: `kind` says how it is written
    (integer, percent, decimal, days)."""
    if figure is None or (not figure.organisations and not figure.public):
        return Shown(value=None, text=DASH)  # nobody gave it
    value = figure.value
    if kind == "percent":
        text, export = percent(value), percent_value(value)
    elif kind == "decimal":
        text = decimal(value)
        export = None if value is None else round(float(value), 2)
    else:
        text = integer(value)
        export = value if value is None or isinstance(value, int) else round(float(value), 2)
    base = figure.cell(text)
    cell = Shown(
        value=value,
        contributors=base.contributors,
        largest=base.largest,
        text=text,
        export=export,
    )
    if value is None:
        return cell
    if secret:
        cell.reason = base.reason
    else:
        cell.flagged = figure.fragile
    return cell


def count_cell(organisations, secret):
    """A number of organisations (each counts once: no dominance). None of
    them reveals nothing: 0 is neither flagged nor hidden."""
    cell = Shown(
        value=organisations,
        contributors=organisations or None,
        text=integer(organisations),
        export=organisations,
    )
    if secret:
        cell.reason = secrecy.primary_reason(cell)
    else:
        cell.flagged = 0 < organisations < secrecy.DEFAULT_RULES.min_contributors
    return cell


def plain_cell(value, text=None):
    """A cell not subject to secrecy (a level, a public figure)."""
    return Shown(value=value, text=text if text is not None else str(value), export=value)


def label_cell(key, text):
    """The label of a row: `key` identifies it, `text` is shown and exported."""
    return Shown(value=key, text=str(text), export=str(text))


@dataclass
class Table:
    """One table of the dashboard: `rows` of cells (the first one labels
    the row), an optional `total` row, and a sheet name (≤ 31 characters)."""

    key: str
    title: str
    sheet: str
    headers: list
    rows: list = field(default_factory=list)
    total: list | None = None
    empty: str = ""

    def rows_html(self):
        """The body's rows, built in Python: a network's tables hold
        thousands of cells, too many for a template loop."""
        return self._html(self.rows, ' class="fw-normal"')

    def total_html(self):
        return self._html([self.total], "", ' class="fw-bold"') if self.total else ""

    @staticmethod
    def _html(rows, label_attributes, attributes=""):
        marks = {}
        lines = []
        for row in rows:
            first, *rest = row
            cells = "".join(f'<td class="text-end">{cell.markup(marks)}</td>' for cell in rest)
            lines.append(
                f'<tr{attributes}><th scope="row"{label_attributes}>{first.markup(marks)}</th>'
                f"{cells}</tr>"
            )
        return mark_safe("".join(lines))  # noqa: S308 -- every cell escapes its text

    def sheet_rows(self, flag_column):
        """The rows as plain values; with `flag_column`, a last column naming
        the figures of the row that rest on fewer than 3 organisations."""
        rows = self.rows + ([self.total] if self.total else [])
        result = []
        for row in rows:
            values = [cell.sheet_value if isinstance(cell, Shown) else cell for cell in row]
            if flag_column:
                flagged = [
                    str(header)
                    for header, cell in zip(self.headers, row, strict=True)
                    if isinstance(cell, Shown) and cell.flagged
                ]
                values.append(", ".join(flagged))
            result.append(values)
        return result
