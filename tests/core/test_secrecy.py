"""Statistical secrecy on hand-made tables."""

from decimal import Decimal

from ancrage.core.secrecy import (
    DOMINANCE,
    FEW,
    SECONDARY,
    Cell,
    Rules,
    primary_reason,
    protect,
    protect_total,
)


def test_a_count_from_fewer_than_three_organisations_is_hidden():
    cells = protect([Cell(2, contributors=2), Cell(3, contributors=3), Cell(0, contributors=0)])
    assert [cell.reason for cell in cells] == [FEW, "", FEW]


def test_a_sum_dominated_by_one_organisation_is_hidden():
    # 90 of 100 open positions come from one company: 90 % > 85 %.
    assert primary_reason(Cell(Decimal("100"), contributors=5, largest=Decimal("90"))) == DOMINANCE
    # 85 exactly is not "more than 85 %".
    assert primary_reason(Cell(Decimal("100"), contributors=5, largest=Decimal("85"))) == ""
    assert protect_total(Cell(40, contributors=4, largest=10)).reason == ""


def test_one_hidden_cell_with_a_shown_total_hides_the_next_smallest():
    # Sizes: TPE 2 (hidden, fewer than 3), PME 7, ETI 4, GE 12; total 25 shown.
    cells = [
        Cell(2, contributors=2),
        Cell(7, contributors=7),
        Cell(4, contributors=4),
        Cell(12, contributors=12),
    ]
    protect(cells, total_shown=True)
    assert [cell.reason for cell in cells] == [FEW, "", SECONDARY, ""]


def test_no_secondary_suppression_without_a_total_or_with_two_hidden_cells():
    cells = [Cell(2, contributors=2), Cell(7, contributors=7), Cell(4, contributors=4)]
    assert [c.reason for c in protect(cells)] == [FEW, "", ""]
    cells = [Cell(1, contributors=1), Cell(2, contributors=2), Cell(9, contributors=9)]
    assert [c.reason for c in protect(cells, total_shown=True)] == [FEW, FEW, ""]


def test_cells_without_contributors_are_not_subject_to_secrecy():
    cells = [Cell("Usinage", contributors=None), Cell(1, contributors=1), Cell(5, contributors=5)]
    protect(cells, total_shown=True)
    assert [c.reason for c in cells] == ["", FEW, SECONDARY]


def test_thresholds_can_be_set():
    rules = Rules(min_contributors=5, dominance=Decimal("0.5"))
    assert protect_total(Cell(4, contributors=4), rules).reason == FEW
    assert protect_total(Cell(10, contributors=6, largest=6), rules).reason == DOMINANCE


def test_a_hidden_cell_renders_secret_with_its_reason():
    hidden = protect_total(Cell(2, contributors=2, text="2"))
    html = hidden.__html__()
    assert "secret" in html and "moins de 3 organisations" in html
    assert hidden.plain == "secret"
    assert str(hidden) == html
    assert hidden.shown_value is None
    shown = protect_total(Cell(12, contributors=4, text="12 <b>"))
    assert shown.__html__() == "12 &lt;b&gt;"
    assert shown.shown_value == 12
    dominated = protect_total(Cell(100, contributors=4, largest=90))
    assert "plus de 85 %" in dominated.__html__()


def test_hidden_cells_standing_for_fewer_than_three_organisations_are_not_enough():
    # « 0 + 0 + 2 » hidden: the total minus the shown cells would give 2 organisations.
    cells = [
        Cell(0, contributors=0),
        Cell(0, contributors=0),
        Cell(2, contributors=2),
        Cell(4, contributors=4),
        Cell(9, contributors=9),
    ]
    protect(cells, total_shown=True)
    assert [c.reason for c in cells] == [FEW, FEW, FEW, SECONDARY, ""]


def test_a_mean_is_compared_with_its_sum_for_dominance():
    # Sum 100 over 4 organisations, the largest gives 40: neither the sum nor the mean is dominated.
    assert protect_total(Cell(Decimal(25), 4, Decimal(40), base=Decimal(100))).reason == ""
    assert protect_total(Cell(Decimal(25), 4, Decimal(90), base=Decimal(100))).reason == DOMINANCE


def test_a_total_of_zero_or_less_with_contributions_is_hidden():
    from ancrage.core.secrecy import Cell, primary_reason

    assert primary_reason(Cell(Decimal(-1002), contributors=3, largest=Decimal(-1000)))
    assert primary_reason(Cell(Decimal(0), contributors=3, largest=Decimal(500)))
    assert not primary_reason(Cell(Decimal(0), contributors=3, largest=Decimal(0)))
