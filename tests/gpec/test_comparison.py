"""The anonymised benchmarks of a member's page (`gpec.comparison`): the
quartiles over the cluster's organisations of each one's ratios, checked on
a hand-computed example of four organisations."""

import datetime

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.gpec import assumptions, comparison
from ancrage.gpec.factories import (
    DeclarationFactory,
    OccupationForecastFactory,
    SkillNeedFactory,
    WorkforceLineFactory,
)
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from ancrage.referentiel.factories import OccupationFactory, SkillFactory

pytestmark = pytest.mark.django_db


def ages(under_25=0, from_25=0, from_35=0, from_45=0, from_55=0, over_60=0):
    return {
        "age_under_25": under_25,
        "age_25_34": from_25,
        "age_35_44": from_35,
        "age_45_54": from_45,
        "age_55_59": from_55,
        "age_60_plus": over_60,
    }


@pytest.fixture
def example():
    """Four members declaring « Usinage », the benchmark of a fifth, E, whose
    page it is (E: 10 people, 3 of 55–59 and 2 of 60 and over, 3 open
    positions, difficulty 1, 5 creations at 1 year):

    org  headcount  55–59  60+  open  difficulty  days  retirements 1y  creations 1y
    A    10         2      2    1     4           90    1 (declared)    1
    B    20         2      2    4     2           30    (estimated)     2
    C    5          0      1    0     3           60    0               0
    D    10         0      0    —     —           —     (estimated 0)   —
    """
    cluster = ClusterFactory()
    usinage = OccupationFactory(code="H2903", label="Usinage")
    rows = [
        (
            10,
            ages(from_25=3, from_35=3, from_55=2, over_60=2),
            {
                "open_unfilled": 1,
                "difficulty": 4,
                "time_to_fill_days": 90,
                "retirements_1y": 1,
                "other_departures_1y": 0,
                "creations_1y": 1,
            },
        ),
        (
            20,
            ages(from_25=8, from_35=8, from_55=2, over_60=2),
            {"open_unfilled": 4, "difficulty": 2, "time_to_fill_days": 30, "creations_1y": 2},
        ),
        (
            5,
            ages(from_35=4, over_60=1),
            {
                "open_unfilled": 0,
                "difficulty": 3,
                "time_to_fill_days": 60,
                "retirements_1y": 0,
                "creations_1y": 0,
            },
        ),
        (10, ages(from_25=10), None),
    ]
    organisations = []
    for headcount, bands, forecast in rows:
        organisation = MembershipFactory(cluster=cluster).organisation
        declaration = DeclarationFactory(cluster=cluster, organisation=organisation)
        WorkforceLineFactory(
            declaration=declaration, occupation=usinage, headcount=headcount, **bands
        )
        if forecast:
            OccupationForecastFactory(declaration=declaration, occupation=usinage, **forecast)
        organisations.append(organisation)
    own = MembershipFactory(cluster=cluster).organisation
    declare_own(cluster, own, usinage, over_55=(3, 2))
    return cluster, usinage, organisations, own


def declare_own(cluster, own, usinage, over_55):
    declaration = DeclarationFactory(cluster=cluster, organisation=own)
    from_55, over_60 = over_55
    WorkforceLineFactory(
        declaration=declaration,
        occupation=usinage,
        headcount=10,
        **ages(from_25=10 - from_55 - over_60, from_55=from_55, over_60=over_60),
    )
    OccupationForecastFactory(
        declaration=declaration,
        occupation=usinage,
        open_unfilled=3,
        difficulty=1,
        time_to_fill_days=10,
        creations_1y=5,
    )


def compute(cluster, organisation, occupation):
    chosen = assumptions.for_cluster(cluster)
    everyone = comparison.cluster_population(cluster, chosen)
    return comparison.benchmarks(everyone, organisation.pk, [occupation.pk], chosen)


def test_quartiles_over_the_other_organisations_ratios(example):
    cluster, usinage, _organisations, own = example
    found = compute(cluster, own, usinage)

    ageing = found[(usinage.pk, "ageing_share")]
    # Ratios 0.4, 0.2, 0.2, 0.0: quartiles interpolated at positions 0.75, 1.5, 2.25.
    assert ageing.organisations == 4
    assert ageing.q1 == pytest.approx(0.15)
    assert ageing.median == pytest.approx(0.2)
    assert ageing.q3 == pytest.approx(0.25)
    assert ageing.own == pytest.approx(0.5)
    assert not ageing.fragile

    vacancy = found[(usinage.pk, "vacancy_rate")]  # 0.1, 0.2, 0.0 (D gives no figure)
    assert (vacancy.organisations, vacancy.median, vacancy.own) == (3, pytest.approx(0.1), 0.3)
    difficulty = found[(usinage.pk, "difficulty")]
    assert (difficulty.organisations, difficulty.median, difficulty.own) == (3, 3, 1)
    assert found[(usinage.pk, "time_to_fill_days")].median == 60

    # Needs at 1 year ÷ headcount: A (1 + 0 + 1) / 10 = 0.2; B (2 × 0.3 + 2 × 0.02
    # estimated + 2) / 20 = 0.132; C 0; D 0 (its estimate: nobody of 55 or more).
    needs = found[(usinage.pk, "needs_1y_rate")]
    assert needs.organisations == 4
    assert needs.median == pytest.approx(0.066)
    assert needs.q3 == pytest.approx(0.132 + 0.25 * (0.2 - 0.132))
    # E: (3 × 0.02 + 2 × 0.3 estimated + 5) / 10.
    assert needs.own == pytest.approx(0.566)


def test_the_organisation_cannot_move_its_benchmarks(example):
    """Declaring again with extreme figures would otherwise let it read the
    others' figures off the moving median."""
    cluster, usinage, _organisations, own = example
    before = compute(cluster, own, usinage)[(usinage.pk, "ageing_share")]
    for over_55 in ((0, 0), (0, 10)):
        declare_own(cluster, own, usinage, over_55)
        after = compute(cluster, own, usinage)[(usinage.pk, "ageing_share")]
        assert (after.q1, after.median, after.q3) == (before.q1, before.median, before.q3)
    assert after.own == 1


def test_only_the_latest_facts_of_active_members_count(example):
    cluster, usinage, (_a, _b, _c, d), own = example
    # D declared again since: 10 people of 60 and over.
    later = DeclarationFactory(cluster=cluster, organisation=d, declared_on=timezone.localdate())
    WorkforceLineFactory(declaration=later, occupation=usinage, headcount=10, **ages(over_60=10))
    # A former member, another cluster's member, a declaration too old to count.
    former = MembershipFactory(cluster=cluster, status=Membership.Status.FORMER)
    other = MembershipFactory()
    old = MembershipFactory(cluster=cluster).organisation
    for organisation, on_cluster, day in (
        (former.organisation, cluster, timezone.localdate()),
        (other.organisation, other.cluster, timezone.localdate()),
        (old, cluster, timezone.localdate() - datetime.timedelta(days=4 * 366)),
    ):
        declaration = DeclarationFactory(
            cluster=on_cluster, organisation=organisation, declared_on=day
        )
        WorkforceLineFactory(
            declaration=declaration, occupation=usinage, headcount=4, **ages(over_60=4)
        )

    ageing = compute(cluster, own, usinage)[(usinage.pk, "ageing_share")]
    # 0.4, 0.2, 0.2 and D's 1.0 now.
    assert ageing.organisations == 4
    assert ageing.median == pytest.approx(0.3)


def test_fewer_than_three_organisations_is_fragile(example):
    cluster, _usinage, (a, *_others), _own = example
    alone = OccupationFactory(code="H2913", label="Soudage")
    for organisation in [*_others[:1], a]:
        declaration = DeclarationFactory(cluster=cluster, organisation=organisation)
        WorkforceLineFactory(declaration=declaration, occupation=alone, **ages(from_25=10))
    found = compute(cluster, a, alone)
    ageing = found[(alone.pk, "ageing_share")]
    assert ageing.organisations == 1  # the other one
    assert ageing.fragile
    assert not ageing.quartiles_shown_to_members


def test_no_occupation_no_query(example, django_assert_num_queries):
    cluster, _usinage, (a, *_others), _own = example
    chosen = assumptions.for_cluster(cluster)
    everyone = comparison.cluster_population(cluster, chosen)
    with django_assert_num_queries(0):
        assert comparison.benchmarks(everyone, a.pk, [], chosen) == {}


def test_organisations_declaring_a_skill(example):
    cluster, _usinage, organisations, _own = example
    skill = SkillFactory(label="Programmer une machine à commande numérique")
    for organisation in organisations[:3]:
        declaration = DeclarationFactory(cluster=cluster, organisation=organisation)
        SkillNeedFactory(declaration=declaration, skill=skill, people=2)
    everyone = comparison.cluster_population(cluster, assumptions.for_cluster(cluster))
    assert comparison.skill_organisations(everyone, [skill.pk]) == {skill.pk: 3}
