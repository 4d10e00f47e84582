"""What keeps a network's GPEC dashboard from giving back its hidden
figures by arithmetic, besides the secrecy of each table: the rank of a
hidden figure, a tension component computed from a hidden figure, the age
pyramid of a hidden headcount, the figures of a year ago that the year-ago
tables hide. Each one is used by `dashboard.board` when `secret`."""

from ancrage.core import secrecy
from ancrage.gpec import tension


def hidden_last(rows, column):
    """Across a network, the rows whose `column` is hidden go last, by
    code: their rank would tell where their hidden figure lies."""
    rows.sort(key=lambda row: (row[column].hidden, row[0].value if row[column].hidden else ""))


def follow_order(table, rows):
    """Put `table`'s rows in the order of `rows` (the needs table's)."""
    order = {row[0].value: index for index, row in enumerate(rows)}
    table.rows.sort(key=lambda row: order.get(row[0].value, len(order)))


# The columns of the needs table a tension component is computed from.
COMPONENT_SOURCES = {"needs_supply": (5,), "vacancy": (2, 9)}


def hidden_components(figures, needs):
    """{(code, component key)} of the tension components hidden across a
    network: resting on fewer than 3 organisations, or computed from a
    figure the needs table hides (needs ÷ supply gives back the needs, the
    supply being public; the vacancy rate, its two parts)."""
    hidden_cells = {
        (row[0].value, index) for row in needs.rows for index in (2, 5, 9) if row[index].hidden
    }
    hidden = set()
    for item in figures:
        code = item.occupation.code
        for key, (_raw, organisations) in tension.raw_components(item).items():
            sources = COMPONENT_SOURCES.get(key, ())
            if organisations < secrecy.DEFAULT_RULES.min_contributors or any(
                (code, index) in hidden_cells for index in sources
            ):
                hidden.add((code, key))
    return hidden


def pyramid_gives_back(needs, item):
    """Whether the pyramid of `item` would give back a hidden figure across
    a network: its occupation's headcount is hidden in the needs table (the
    total of the needs table minus the pyramid's would return it), or one
    or two organisations gave a headcount without age bands (the headcount
    minus the pyramid's total would return theirs)."""
    row = next((row for row in needs.rows if row[0].value == item.occupation.code), None)
    without_bands = item.headcount.organisations - item.aged_headcount.organisations
    return (row is not None and row[2].hidden) or (
        0 < without_bands < secrecy.DEFAULT_RULES.min_contributors
    )


def hide_pyramid(pyramid):
    """Hide every count and share of the pyramid and its total."""
    for row in [*pyramid.rows, pyramid.total]:
        for cell in row[1:]:
            if cell.value is not None:
                cell.reason = cell.reason or secrecy.SECONDARY


def align_year_ago(comparison, then_needs, then_tension, now_tension):
    """Across a network, hide a figure of a year ago wherever the tables of
    a year ago (built with the same secrecy) hide it, and a score wherever
    the tension table hides it; `hide_derived` then hides their changes."""
    hidden = {
        (row[0].value, index) for row in then_needs.rows for index in (2, 5) if row[index].hidden
    }
    then_scores = {row[0].value for row in then_tension.rows if row[1].hidden}
    now_scores = {row[0].value for row in now_tension.rows if row[1].hidden}
    for row in comparison.rows:
        code = row[0].value
        for index, hide in (
            (1, (code, 2) in hidden),
            (4, (code, 5) in hidden),
            (7, code in then_scores),
            (8, code in now_scores),
        ):
            if hide and row[index].value is not None:
                row[index].reason = row[index].reason or secrecy.SECONDARY
