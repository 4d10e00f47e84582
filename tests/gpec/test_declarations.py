"""Saving a declaration and its facts; « Rien n'a changé »."""

import datetime

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.gpec import declarations
from ancrage.gpec.factories import DeclarationFactory, WorkforceLineFactory
from ancrage.gpec.models import Declaration, OccupationForecast, SkillNeed, Source, WorkforceLine
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory, SkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def membership():
    return MembershipFactory()


def declare(
    membership,
    user=None,
    on_behalf=False,
    day=datetime.date(2025, 3, 14),
    source=Source.DECLARATION,
):
    usinage = OccupationFactory(label="Usinage")
    soudage = OccupationFactory(label="Soudage")
    return declarations.save_declaration(
        membership.cluster,
        membership.organisation,
        day,
        blocks=[
            {"occupation": usinage, "headcount": 12, "women": 2, "retirements_3y": 3},
            {"occupation": soudage, "headcount": 4, "difficulty": 4, "difficulty_reason": ""},
        ],
        skills=[{"skill": SkillFactory(), "horizon_years": 3, "people": 2, "kind": ""}],
        user=user,
        on_behalf=on_behalf,
        source=source,
    )


def test_a_declaration_saves_its_facts_dated_and_sourced(membership):
    declaration = declare(membership, on_behalf=True)
    lines = WorkforceLine.objects.filter(source_key=declaration.source_key)
    assert sorted((line.occupation.label, line.headcount) for line in lines) == [
        ("Soudage", 4),
        ("Usinage", 12),
    ]
    line = lines.get(occupation__label="Usinage")
    assert line.source == Source.DECLARATION
    assert line.observed_on == datetime.date(2025, 3, 14)
    assert line.on_behalf is True
    assert line.source_label == "Déclaration du 14/03/2025 (saisie par l'équipe du cluster)"
    assert line.women == 2 and line.age_under_25 is None
    forecasts = OccupationForecast.objects.filter(source_key=declaration.source_key)
    assert sorted((f.occupation.label, f.retirements_3y, f.difficulty) for f in forecasts) == [
        ("Soudage", None, 4),
        ("Usinage", 3, None),
    ]
    need = SkillNeed.objects.get(source_key=declaration.source_key)
    assert (need.horizon_years, need.people, need.kind) == (3, 2, "")


def test_a_declaration_replaces_nothing(membership):
    first = DeclarationFactory(cluster=membership.cluster, organisation=membership.organisation)
    WorkforceLineFactory(declaration=first)
    declare(membership)
    assert WorkforceLine.objects.count() == 3
    assert Declaration.objects.count() == 2


def test_last_declaration_is_the_latest_date_of_this_cluster(membership):
    assert declarations.last_declaration(membership.cluster, membership.organisation) is None
    older = declare(membership, day=datetime.date(2024, 1, 1))
    newer = declare(membership, day=datetime.date(2025, 1, 1))
    DeclarationFactory(organisation=membership.organisation, declared_on=datetime.date(2026, 1, 1))
    assert declarations.last_declaration(membership.cluster, membership.organisation) == newer
    assert older != newer


def test_nothing_changed_copies_the_last_facts_today(membership):
    last = declare(membership)
    again = declarations.declare_unchanged(membership.cluster, membership.organisation, None)
    assert again.unchanged_from == last
    assert again.declared_on == timezone.localdate()
    assert declarations.contents(again) == declarations.contents(last)
    line = WorkforceLine.objects.filter(source_key=again.source_key).first()
    assert line.observed_on == timezone.localdate()
    assert WorkforceLine.objects.count() == 4


def test_nothing_changed_needs_a_previous_declaration(membership):
    assert declarations.declare_unchanged(membership.cluster, membership.organisation, None) is None
    assert not Declaration.objects.exists()


def test_an_imported_declaration_and_its_facts_say_so(membership):
    declaration = declare(membership, on_behalf=True, source=Source.IMPORT)
    assert declaration.source == Source.IMPORT
    for model in (WorkforceLine, OccupationForecast, SkillNeed):
        fact = model.objects.filter(source_key=declaration.source_key).first()
        assert (fact.source, fact.on_behalf) == (Source.IMPORT, True)
        assert fact.source_label == ("Déclaration du 14/03/2025 (importée par l'équipe du cluster)")


def test_contents_of_several_declarations_in_three_queries(membership, django_assert_num_queries):
    first = declare(membership, day=datetime.date(2024, 1, 1))
    second = declare(membership)
    empty = DeclarationFactory(cluster=membership.cluster, organisation=membership.organisation)
    with django_assert_num_queries(3):
        found = declarations.contents_of([first, second, empty])
    assert found[empty.pk] == ([], [])
    assert found[first.pk] == declarations.contents(first)
    blocks, skills = found[second.pk]
    assert [block["occupation"].label for block in blocks] == ["Soudage", "Usinage"]
    assert blocks[1]["retirements_3y"] == 3 and len(skills) == 1


def test_several_declarations_are_saved_in_a_few_queries(django_assert_max_num_queries):
    cluster = ClusterFactory()
    memberships = MembershipFactory.create_batch(3, cluster=cluster)
    occupation, skill = OccupationFactory(), SkillFactory()
    items = [
        (
            membership.organisation,
            datetime.date(2025, 3, 14),
            [{"occupation": occupation, "headcount": 5, "creations_1y": 1}],
            [{"skill": skill, "people": 1}],
        )
        for membership in memberships
    ]
    with django_assert_max_num_queries(6):
        saved = declarations.save_declarations(
            cluster, items, user=None, on_behalf=True, source=Source.IMPORT
        )
    assert [declaration.organisation for declaration in saved] == [
        membership.organisation for membership in memberships
    ]
    for declaration in saved:
        blocks, skills = declarations.contents(declaration)
        assert [(b["headcount"], b["creations_1y"]) for b in blocks] == [(5, 1)]
        assert [s["skill"] for s in skills] == [skill]
    assert set(WorkforceLine.objects.values_list("source", flat=True)) == {Source.IMPORT}
