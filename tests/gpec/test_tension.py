"""The tension indicator on a 3-occupation example computed by hand (the
guide's example)."""

import pytest

from ancrage.gpec import tension
from ancrage.gpec.figures import Figure, Horizon, OccupationFigures, Supply


def occupation(label, *, difficult=None, vacancy=None, days=None, needs=0, supply=None, orgs=3):
    def figure(value):
        return Figure(value, 0 if value is None else orgs)

    zero = Figure(0, 0)
    horizon = Horizon(1, zero, zero, zero, zero, zero, zero, Figure(needs, orgs), zero)
    return OccupationFigures(
        occupation=label,
        organisations=orgs,
        headcount=zero,
        ages={},
        aged_headcount=zero,
        ageing_share=Figure(None, 0),
        women=zero,
        cadres=zero,
        contracts={},
        open_unfilled=zero,
        vacancy_rate=figure(vacancy),
        horizons={1: horizon, 3: horizon},
        difficulty_respondents=orgs,
        difficult_share=figure(difficult),
        reasons={},
        time_to_fill_days=figure(days),
        supply=Supply() if supply is None else Supply({"external": Figure(supply, 3)}, supply),
    )


def components(item):
    return {component.key: component for component in item.tension.components}


def test_three_occupations_standardised_by_hand():
    # Difficult shares 0.2, 0.5, 0.8: mean 0.5, standard deviation √0.06 = 0.2449,
    # z = −1.2247, 0, +1.2247. Vacancy rates 0.1, 0.1, 0.4: mean 0.2, deviation
    # √0.02 = 0.1414, z = −0.7071, −0.7071, +1.4142. Time to fill known for C
    # only: z = 0. No supply: needs ÷ supply unknown.
    a = occupation("A", difficult=0.2, vacancy=0.1)
    b = occupation("B", difficult=0.5, vacancy=0.1)
    c = occupation("C", difficult=0.8, vacancy=0.4, days=60)
    tension.apply([a, b, c])
    assert components(a)["difficulty"].z == pytest.approx(-1.2247)
    assert components(c)["vacancy"].z == pytest.approx(1.4142)
    assert components(c)["time_to_fill"].z == 0
    assert components(a)["time_to_fill"].z is None
    assert components(a)["needs_supply"].raw is None
    # A: (0.5 × −1.2247 + 0.1 × −0.7071) ÷ 0.6 = −1.1385
    assert a.tension.score == pytest.approx(-1.1385, abs=1e-4)
    assert a.tension.level == "faible"
    # B: (0.5 × 0 + 0.1 × −0.7071) ÷ 0.6 = −0.1179
    assert b.tension.score == pytest.approx(-0.1179, abs=1e-4)
    assert b.tension.level == "moyenne"
    # C: (0.5 × 1.2247 + 0.1 × 1.4142 + 0.1 × 0) ÷ 0.7 = 1.0768
    assert c.tension.score == pytest.approx(1.0768, abs=1e-4)
    assert c.tension.level == "forte"
    assert [component.weight for component in c.tension.components] == [0.5, 0.3, 0.1, 0.1]


def test_needs_over_supply_when_a_source_knows_it():
    # 10 needed for 5 job seekers = 2; 4 needed for none = 4 (0 counts as 1).
    a = occupation("A", needs=10, supply=5)
    b = occupation("B", needs=4, supply=0)
    c = occupation("C", needs=7)
    tension.apply([a, b, c])
    assert components(a)["needs_supply"].raw == 2.0
    assert components(b)["needs_supply"].raw == 4.0
    # mean 3, standard deviation 1
    assert components(a)["needs_supply"].z == -1.0
    assert a.tension.score == -1.0
    assert c.tension.score is None
    assert c.tension.level == "non calculée"


def test_few_respondents_still_scored_but_fragile():
    a = occupation("A", difficult=0.5, orgs=2)
    b = occupation("B", difficult=0.5)
    tension.apply([a, b])
    assert a.tension.score == 0
    assert a.tension.organisations == 2
    assert b.tension.organisations == 3
