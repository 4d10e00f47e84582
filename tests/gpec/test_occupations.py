"""The figures per occupation, against hand-computed examples (the same as
docs/guide/gpec-calculs.md)."""

from decimal import Decimal

import pytest

from ancrage.gpec import assumptions, occupations
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory
from tests.gpec.figures_helpers import bands, declare, of_cluster

pytestmark = pytest.mark.django_db


@pytest.fixture
def example():
    """Three organisations with usinage workers (the guide's example):

    A: 10 people, 2 aged 55–59 and 2 aged 60+, no declared retirement,
       1 other departure and 2 creations at 1 year, 1 open position,
       difficulty 4 (few candidates), 60 days to fill;
    B: 20 people, 4 aged 55–59 and 2 aged 60+, 1 declared retirement and
       1 creation at 1 year, 2 open positions, difficulty 3 (pay), 90 days;
    C: 5 people without age bands, no creation, no open position,
       difficulty 1."""
    a, b, c = (MembershipFactory() for _ in range(3))
    cluster = a.cluster
    for membership in (b, c):
        membership.cluster = cluster
        membership.save()
    usinage = OccupationFactory(label="Usinage")
    declare(
        cluster,
        a.organisation,
        workforce=[(usinage, {"headcount": 10, "women": 2, "cdi": 9, **bands(1, 2, 2, 1, 2, 2)})],
        forecasts=[
            (
                usinage,
                {
                    "other_departures_1y": 1,
                    "creations_1y": 2,
                    "creations_3y": 3,
                    "open_unfilled": 1,
                    "difficulty": 4,
                    "difficulty_reason": "few_candidates",
                    "time_to_fill_days": 60,
                },
            )
        ],
    )
    declare(
        cluster,
        b.organisation,
        workforce=[(usinage, {"headcount": 20, "women": 5, "cdi": 18, **bands(2, 4, 4, 4, 4, 2)})],
        forecasts=[
            (
                usinage,
                {
                    "retirements_1y": 1,
                    "other_departures_1y": 0,
                    "creations_1y": 1,
                    "open_unfilled": 2,
                    "difficulty": 3,
                    "difficulty_reason": "pay",
                    "time_to_fill_days": 90,
                },
            )
        ],
    )
    declare(
        cluster,
        c.organisation,
        workforce=[(usinage, {"headcount": 5})],
        forecasts=[(usinage, {"creations_1y": 0, "open_unfilled": 0, "difficulty": 1})],
    )
    return cluster, usinage


def test_headcount_ages_and_contracts(example):
    cluster, usinage = example
    (figures,) = occupations.occupation_figures(of_cluster(cluster), assumptions.defaults(cluster))
    assert figures.occupation == usinage
    assert figures.organisations == 3
    assert (figures.headcount.value, figures.headcount.organisations) == (35, 3)
    assert figures.headcount.largest == 20
    assert isinstance(figures.headcount.value, int)
    # Age bands over A and B only (C gave none): 30 people.
    assert (figures.aged_headcount.value, figures.aged_headcount.organisations) == (30, 2)
    assert figures.ages["age_55_59"].value == 6
    assert figures.ages["age_60_plus"].value == 4
    # (6 + 4) ÷ 30
    assert figures.ageing_share.value == pytest.approx(0.3333)
    assert figures.ageing_share.organisations == 2
    assert (figures.women.value, figures.women.organisations) == (7, 2)
    assert figures.contracts["cdi"].value == 27
    assert figures.contracts["cdd"].organisations == 0 and figures.contracts["cdd"].value == 0
    assert figures.cadres.value == 0


def test_retirements_estimated_declared_and_used(example):
    cluster, _usinage = example
    (figures,) = occupations.occupation_figures(of_cluster(cluster), assumptions.defaults(cluster))
    one, three = figures.horizons[1], figures.horizons[3]
    # A: 0.30 × 2 + 0.02 × 2 = 0.64; B: 0.30 × 2 + 0.02 × 4 = 0.68.
    assert one.retirements_estimated.value == Decimal("1.32")
    assert one.retirements_estimated.organisations == 2
    assert one.retirements_estimated.largest == Decimal("0.68")
    # 3 years: A 0.80 × 2 + 0.20 × 2 = 2.0; B 0.80 × 2 + 0.20 × 4 = 2.4.
    assert three.retirements_estimated.value == Decimal("4.4")
    assert (one.retirements_declared.value, one.retirements_declared.organisations) == (1, 1)
    # Declared else estimated: A's estimate 0.64 + B's declared 1.
    assert one.retirements.value == Decimal("1.64")
    assert one.retirements.organisations == 2
    assert one.retirements.largest == 1
    # Replacement: A 0.64 + 1 other, B 1 + 0 other.
    assert one.replacement.value == Decimal("2.64")
    assert one.replacement.largest == Decimal("1.64")
    # Needs: A 1.64 + 2 creations = 3.64, B 1 + 1 = 2, C 0 + 0 = 0.
    assert one.needs.value == Decimal("5.64")
    assert (one.needs.organisations, one.needs.largest) == (3, Decimal("3.64"))
    assert (one.creations.value, one.creations.organisations) == (3, 3)
    assert one.planned_recruitments.organisations == 0
    # 3 years: A 2.0 + 3 creations, B 2.4 (no declared retirement at 3 years).
    assert three.needs.value == Decimal("7.4")
    assert three.needs.organisations == 2


def test_vacancy_difficulty_and_time_to_fill(example):
    cluster, _usinage = example
    (figures,) = occupations.occupation_figures(of_cluster(cluster), assumptions.defaults(cluster))
    assert (figures.open_unfilled.value, figures.open_unfilled.organisations) == (3, 3)
    # 3 open ÷ 35 people.
    assert figures.vacancy_rate.value == pytest.approx(0.0857)
    assert figures.difficulty_respondents == 3
    # A (4) and B (3) of 3 respondents.
    assert figures.difficult_share.value == pytest.approx(0.6667)
    assert figures.reasons == {"few_candidates": 1, "pay": 1}
    assert figures.time_to_fill_days.value == 75.0
    assert figures.time_to_fill_days.organisations == 2


def test_the_cluster_assumptions_are_used(example):
    cluster, _usinage = example
    mine = assumptions.defaults(cluster)
    mine.retire_60_plus_1y = Decimal("0.5")
    mine.retire_55_59_1y = Decimal("0")
    (figures,) = occupations.occupation_figures(of_cluster(cluster), mine)
    # A: 0.5 × 2; B: 0.5 × 2.
    assert figures.horizons[1].retirements_estimated.value == Decimal("2")


def test_sorted_by_needs_and_a_handful_of_queries(example, django_assert_max_num_queries):
    cluster, _usinage = example
    soudage = OccupationFactory(label="Soudage")
    membership = MembershipFactory(cluster=cluster)
    declare(
        cluster,
        membership.organisation,
        workforce=[(soudage, {"headcount": 3})],
        forecasts=[(soudage, {"creations_1y": 9})],
    )
    population = of_cluster(cluster)
    # One statement per supply source among them.
    with django_assert_max_num_queries(5):
        result = occupations.occupation_figures(population, assumptions.defaults(cluster))
    assert [item.occupation.label for item in result] == ["Soudage", "Usinage"]
    assert result[0].horizons[1].needs.value == 9
    assert all(item.tension is not None and item.supply is not None for item in result)


def test_a_forecast_without_workforce_still_counts(example):
    cluster, usinage = example
    membership = MembershipFactory(cluster=cluster)
    declare(cluster, membership.organisation, forecasts=[(usinage, {"retirements_1y": 2})])
    (figures,) = occupations.occupation_figures(of_cluster(cluster), assumptions.defaults(cluster))
    assert figures.organisations == 4
    assert figures.headcount.organisations == 3
    assert figures.horizons[1].retirements.value == Decimal("3.64")


def test_nothing_declared():
    membership = MembershipFactory()
    cluster = membership.cluster
    assert occupations.occupation_figures(of_cluster(cluster), assumptions.defaults(cluster)) == []
