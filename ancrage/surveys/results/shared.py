"""Statistical secrecy on summaries shown outside the cluster's staff
(`core.secrecy`, whose docstring gives the rules)."""

from ancrage.core.secrecy import SECONDARY, protect


def _hide(cell):
    if not cell.hidden:
        cell.reason = SECONDARY


def protect_summary(summary):
    """Hide every figure of `summary` that could reveal one organisation."""
    for table in summary.tables:
        for index in range(len(table.columns)):
            protect([row.cells[index] for row in table.rows], total_shown=table.total_shown)
        if table.row_totals:
            for row in table.rows:
                protect(row.cells, total_shown=True)
        for key, sources in table.derived.items():
            index = table.column_index(key)
            indexes = [table.column_index(source) for source in sources]
            for row in table.rows:
                if any(row.cells[i].hidden for i in indexes):
                    _hide(row.cells[index])
    for table_key, row_key, source_key in summary.derived:
        table, source = summary.table(table_key), summary.table(source_key)
        if table is None or source is None:
            continue
        if any(cell.hidden for row in source.rows for cell in row.cells):
            for row in table.rows:
                if row.key == row_key:
                    _hide(row.cells[0])
    summary.points = []
    summary.texts = []
    summary.words = []
    return summary
