"""Secrecy of the dashboard's cells across a network, cell by cell: a
figure computed from others (a change, a gap) is hidden with them, a count
of no organisation is never hidden, a figure nobody gave is empty."""

from ancrage.core import secrecy
from ancrage.gpec.dashboard.cells import Shown, Table, count_cell, figure_cell
from ancrage.gpec.dashboard.tables import hide_derived
from ancrage.gpec.figures import Figure


def test_a_change_is_hidden_with_the_figure_a_year_earlier():
    # A year earlier, one organisation made 95 % of the headcount: hidden
    # (dominance), and so is the change, or it would give it back.
    before = figure_cell(Figure(100, 4, largest=95), secret=True)
    now = figure_cell(Figure(120, 5, largest=30), secret=True)
    change = figure_cell(Figure(20, 4), secret=True)
    needs_before = figure_cell(Figure(10, 4, largest=3), secret=True)
    needs_now = figure_cell(Figure(12, 5, largest=3), secret=True)
    needs_change = figure_cell(Figure(2, 4), secret=True)
    row = [Shown("X"), before, now, change, needs_before, needs_now, needs_change]
    table = Table("evolution", "Évolution", "Évolution", ["a"] * 7, rows=[row])
    hide_derived(table)
    assert before.reason == secrecy.DOMINANCE
    assert change.reason == secrecy.SECONDARY
    assert not now.hidden and not needs_change.hidden


def test_a_gap_is_hidden_with_the_needs():
    needs = figure_cell(Figure(30, 2), secret=True)
    gap = figure_cell(Figure(10, 2, public=True), secret=True)
    row = [Shown("X"), figure_cell(Figure(3, 4), secret=True), needs, Shown(20), gap]
    hide_derived(Table("offre", "Offre", "Offre", ["a"] * 5, rows=[row]))
    assert needs.reason == secrecy.FEW
    assert gap.hidden


def test_counts_and_figures_nobody_gave():
    assert not count_cell(0, secret=True).hidden
    assert not count_cell(0, secret=False).flagged
    assert count_cell(2, secret=True).plain == "secret"
    assert count_cell(2, secret=False).flagged
    nobody = figure_cell(Figure(0, 0), secret=True)
    assert nobody.value is None and not nobody.hidden and nobody.plain == "–"
    public = figure_cell(Figure(40, 1, public=True), secret=True)
    assert not public.hidden and public.plain == "40"
