"""Comparison with the previous wave: questions matched by key, tables by
kind, rows by key (choice value, occupation…); each compared figure gets a
`Change` (arrow and variation) when both waves show it."""

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ancrage.surveys.results.figures import number


@dataclass
class Change:
    delta: Decimal
    unit: str  # "points" or "value"
    before: str

    @property
    def places(self):
        return 1 if self.unit == "points" or self.delta != self.delta.to_integral() else 0

    @property
    def shown_delta(self):
        """The variation as shown (rounded): a change rounding to zero is none."""
        return Decimal(number(self.delta, self.places).replace("\u202f", "").replace(",", "."))

    @property
    def arrow(self):
        delta = self.shown_delta
        return "▲" if delta > 0 else "▼" if delta < 0 else "="

    @property
    def text(self):
        delta = self.shown_delta
        if not delta:
            return "0"
        sign = "+" if delta > 0 else ""
        suffix = "\u202fpt" if self.unit == "points" else ""
        return f"{sign}{number(self.delta, self.places)}{suffix}"

    @property
    def plain(self):
        return f"{self.arrow} {self.text}"

    def __html__(self):
        return self.markup(_("Vague précédente : %(value)s"))

    def markup(self, title):
        """The arrow and variation, `title` (translated once for a whole
        table: hundreds of changes per page) giving the previous value. In a
        neutral colour: whether a rise is good depends on the question, the
        arrow and the sign say which way it went."""
        title = escape(title % {"value": self.before})
        return mark_safe(  # noqa: S308 (every value is escaped: Django's escape is html.escape)
            f'<span class="change text-body-secondary small text-nowrap" title="{title}">'
            f'<span aria-hidden="true">{self.arrow}</span> {escape(self.text)}</span>'
        )

    # Templates turn values into text before escaping them: the change's text is its markup.
    __str__ = __html__


def compare(current, previous):
    """Attach to the figures of `current` their change since `previous` (summaries)."""
    before = {summary.key: summary for summary in previous}
    for summary in current:
        old_summary = before.get(summary.key)
        if old_summary is None:
            continue
        for table in summary.tables:
            old_table = old_summary.table(table.key)
            if old_table is None:
                continue
            old_rows = {row.key: row for row in old_table.rows}
            old_columns = {column.key: i for i, column in enumerate(old_table.columns)}
            for index, column in enumerate(table.columns):
                if not column.compare or column.key not in old_columns:
                    continue
                for row in table.rows:
                    old_row = old_rows.get(row.key)
                    if old_row is None:
                        continue
                    cell, old = row.cells[index], old_row.cells[old_columns[column.key]]
                    if cell.shown_value is None or old.shown_value is None:
                        continue
                    cell.change = Change(
                        Decimal(str(cell.value)) - Decimal(str(old.value)),
                        column.compare,
                        old.plain,
                    )
