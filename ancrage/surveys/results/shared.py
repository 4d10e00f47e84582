"""Statistical secrecy on summaries shown outside the cluster's staff."""

from ancrage.core.secrecy import protect


def protect_summary(summary):
    """Hide every figure of `summary` that could reveal one organisation."""
    for table in summary.tables:
        for index in range(len(table.columns)):
            protect([row.cells[index] for row in table.rows], total_shown=table.total_shown)
        if table.row_totals:
            for row in table.rows:
                protect(row.cells, total_shown=True)
    summary.points = []
    summary.texts = []
    summary.words = []
    return summary
