"""The figures per skill: needs, holders, fragile and emerging skills,
people to train (the guide's examples)."""

import datetime

import pytest

from ancrage.gpec import skills
from ancrage.gpec.models import SkillNeed
from ancrage.matrix.factories import MatrixProfileFactory, ProfileSkillFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import (
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    VocabularyEntryFactory,
)
from ancrage.referentiel.models import OccupationSkill, VocabularyEntry
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from tests.gpec.figures_helpers import bands, declare, of_cluster

pytestmark = pytest.mark.django_db

NEW, SHORTAGE = SkillNeed.Kind.NEW, SkillNeed.Kind.SHORTAGE
TRAIN, RECRUIT = SkillNeed.Answer.TRAIN, SkillNeed.Answer.RECRUIT


def members(count, communes=None):
    first = MembershipFactory(**({"organisation__commune": communes[0]} if communes else {}))
    result = [first]
    for index in range(1, count):
        extra = {"organisation__commune": communes[index]} if communes else {}
        result.append(MembershipFactory(cluster=first.cluster, **extra))
    return first.cluster, [membership.organisation for membership in result]


def holds(organisation, cluster, skill):
    profile = MatrixProfileFactory(membership=organisation.memberships.get(cluster=cluster))
    entry = VocabularyEntry.objects.filter(cluster=cluster, skill=skill).first()
    entry = entry or VocabularyEntryFactory(cluster=cluster, for_skill=True, skill=skill)
    ProfileSkillFactory(profile=profile, entry=entry)


def need(**values):
    return {"horizon_years": 1, **values}


def test_needs_holders_and_fragile_skills():
    """A needs 2 welders at 1 year (new skill, train, priority high), B 3 at 3
    years (shortage, recruit), C some at 1 year without saying how many. A and
    B hold the skill in their matrix profile; welding is core to
    « chaudronnerie », where A has 10 people of whom 2 aged 55–59 and 3 aged 60+."""
    cluster, (a, b, c) = members(3)
    welding = SkillFactory(label="Soudage TIG")
    chaudronnerie = OccupationFactory(label="Chaudronnerie")
    OccupationSkillFactory(
        occupation=chaudronnerie, skill=welding, importance=OccupationSkill.Importance.CORE
    )
    declare(
        cluster,
        a,
        workforce=[(chaudronnerie, {"headcount": 10, **bands(1, 1, 1, 2, 2, 3)})],
        skills=[
            (welding, need(people=2, kind=NEW, preferred_answer=TRAIN, priority=1)),
        ],
    )
    declare(
        cluster,
        b,
        skills=[
            (welding, need(people=3, horizon_years=3, kind=SHORTAGE, preferred_answer=RECRUIT))
        ],
    )
    declare(cluster, c, skills=[(welding, need(kind=SHORTAGE, preferred_answer=TRAIN))])
    holds(a, cluster, welding)
    holds(b, cluster, welding)

    (figures,) = skills.skill_figures(of_cluster(cluster))
    assert figures.skill == welding
    assert figures.organisations == 3
    assert (figures.people.value, figures.people.organisations, figures.people.largest) == (5, 2, 3)
    assert figures.by_horizon[1].value == 2 and figures.by_horizon[1].organisations == 1
    assert figures.by_horizon[3].value == 3
    assert figures.by_kind == {"new": 1, "shortage": 2}
    assert figures.by_answer == {"recruit": 1, "train": 2}
    assert figures.high_priority == 1
    assert figures.holders == 2
    # (2 + 3) ÷ 10 in the occupation where welding is core.
    assert figures.holders_ageing_share.value == 0.5
    assert figures.holders_ageing_share.organisations == 1
    assert figures.fragile_reasons == [
        "détenue par moins de 3 organisations",
        "40 % ou plus de ses détenteurs ont 55 ans ou plus",
    ]


def test_held_by_three_young_organisations_is_not_fragile():
    cluster, organisations = members(3)
    skill = SkillFactory()
    for organisation in organisations:
        holds(organisation, cluster, skill)
    (figures,) = skills.skill_figures(of_cluster(cluster))
    assert (figures.holders, figures.organisations, figures.people.value) == (3, 0, 0)
    assert figures.holders_ageing_share is None
    assert figures.fragile_reasons == []


def test_emerging_skills_over_three_yearly_windows():
    """As of 30 June 2026, windows end 30/06/2024, 30/06/2025, 30/06/2026:
    data declared by 1, 1 then 2 organisations → emerging; AI by 1, 2, 2 →
    not (not strictly more); drones by 0, 0, 1 → not (fewer than 2)."""
    cluster, (a, b, c) = members(3)
    data, ai, drones = (
        SkillFactory(label="Data"),
        SkillFactory(label="IA"),
        SkillFactory(label="Drones"),
    )
    one = {"people": 1}
    declare(cluster, a, on=datetime.date(2024, 3, 1), skills=[(data, one), (ai, one)])
    declare(cluster, a, on=datetime.date(2025, 3, 1), skills=[(data, one), (ai, one)])
    declare(cluster, b, on=datetime.date(2025, 3, 1), skills=[(ai, one)])
    declare(cluster, a, on=datetime.date(2026, 3, 1), skills=[(data, one), (ai, one)])
    declare(cluster, b, on=datetime.date(2026, 3, 1), skills=[(data, one), (ai, one)])
    declare(cluster, c, on=datetime.date(2026, 3, 1), skills=[(drones, one)])
    # Too old to count (before the first window).
    declare(cluster, c, on=datetime.date(2023, 3, 1), skills=[(data, one)])
    found = {item.skill.label: item for item in skills.skill_figures(of_cluster(cluster))}
    assert [(year, figure.value) for year, figure in found["Data"].trend] == [
        (2024, 1),
        (2025, 1),
        (2026, 2),
    ]
    assert found["Data"].emerging is True
    assert [figure.value for _year, figure in found["IA"].trend] == [1, 2, 2]
    assert found["IA"].emerging is False
    assert found["Drones"].emerging is False
    # The needs themselves are each organisation's latest: A and B for data.
    assert found["Data"].organisations == 2


def test_training_needs_by_departement():
    """A and B (Morbihan) and C (Loire-Atlantique) answer by training or need
    a new skill; D (Morbihan) recruits for a shortage: not a training need."""
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    loire = DepartmentFactory(code="44", name="Loire-Atlantique")
    communes = [CommuneFactory(department=d) for d in (morbihan, morbihan, loire, morbihan)]
    cluster, (a, b, c, d) = members(4, communes)
    usinage = SkillFactory(label="Usinage 5 axes")
    declare(cluster, a, skills=[(usinage, need(people=2, preferred_answer=TRAIN))])
    declare(cluster, b, skills=[(usinage, need(people=3, kind=NEW, preferred_answer=RECRUIT))])
    declare(cluster, c, skills=[(usinage, need(people=4, preferred_answer=TRAIN))])
    declare(cluster, d, skills=[(usinage, need(people=5, kind=SHORTAGE, preferred_answer=RECRUIT))])
    result = skills.training_needs(of_cluster(cluster))
    assert [
        (n.skill, n.horizon_years, n.department.code, n.people.value, n.organisations)
        for n in result
    ] == [(usinage, 1, "56", 5, 2), (usinage, 1, "44", 4, 1)]
    assert result[0].people.largest == 3


def test_skill_figures_in_a_few_queries(django_assert_max_num_queries):
    cluster, organisations = members(3)
    for organisation in organisations:
        declare(cluster, organisation, skills=[(SkillFactory(), {"people": 1})])
        holds(organisation, cluster, SkillFactory())
    # The population's organisations (read once), needs, holders, trend,
    # ageing, the skills.
    with django_assert_max_num_queries(6):
        result = skills.skill_figures(of_cluster(cluster))
    assert len(result) == 6
