"""The demo's GPEC: three years of declarations for about two members in three
of every cluster, two for the demo member account (so « Rien n'a changé » is
for it), all of them valid by the declaration form's own rules; emerging
skills needed more each year, skills shared by at least three members; the
assumptions, the fictitious external supply and the action plans."""

import random
from collections import Counter

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.clusters.models import ClusterStaff
from ancrage.demo import data
from ancrage.demo.gpec import block, load_declarations
from ancrage.demo.gpec_plans import PLANS, load_plans
from ancrage.demo.gpec_stories import AGES, STORIES
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.gpec.declarations import contents, last_declaration
from ancrage.gpec.models import (
    Action,
    Assumptions,
    Declaration,
    DifficultyReason,
    ExternalSupply,
    ExternalSupplyImport,
    OccupationForecast,
    SkillNeed,
    Source,
    WorkforceLine,
)
from ancrage.gpec.validation import forecast_errors, workforce_errors
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory, VocabularyEntryFactory
from ancrage.referentiel.models import Occupation
from ancrage.referentiel.starter import OCCUPATIONS, SKILLS, load_starter
from ancrage.territory.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def test_every_demo_cluster_has_a_story_of_starter_items():
    assert set(STORIES) == {slug for _name, slug, *_rest in data.CLUSTERS}
    codes = {occupation.code for occupation in OCCUPATIONS}
    reasons = set(DifficultyReason.values)
    for story in STORIES.values():
        assert story.ages in AGES
        assert set(story.tense.split()) <= codes
        assert set(story.reasons.split()) <= reasons
        for keys in (story.emerging, story.shared, story.train):
            assert set(keys.split()) <= set(SKILLS)
    for plans in PLANS.values():
        assert {plan.subject for plan in plans} <= codes | set(SKILLS)


def test_demo_blocks_follow_the_declaration_rules():
    rng = random.Random(1)
    occupation = OccupationFactory()
    for story in STORIES.values():
        for headcount in (1, 2, 7, 40, 250):
            for year in range(3):
                for rank in (None, 0, 2):
                    values = block(rng, story, occupation, headcount, year, rank)
                    assert sum(values[band] for band in WorkforceLine.AGE_BANDS) == headcount
                    assert not workforce_errors(values)
                    assert not forecast_errors(values, headcount)
                    assert values["recruitments_3y"] >= values["creations_3y"]


def test_members_declare_over_three_years_and_the_demo_account_a_year_ago():
    cluster = ClusterFactory(slug="neopolia", name="Neopolia")
    entry = VocabularyEntryFactory(cluster=cluster, occupation=OccupationFactory())
    estuary = MembershipFactory(cluster=cluster, organisation__siren=ESTUARY_SIREN)
    MatrixProfileFactory(membership=estuary, occupation=entry)
    assert load_declarations() == 2
    assert load_declarations() == 0  # once
    last = last_declaration(cluster, estuary.organisation)
    assert (timezone.localdate() - last.declared_on).days > 365
    assert Declaration.objects.filter(organisation=estuary.organisation).count() == 2
    blocks, _skills = contents(last)
    assert blocks[0]["occupation"] == entry.occupation


@pytest.fixture
def mecabourg():
    """Mécabourg with 30 members of long standing, the starter référentiel
    and its vocabulary."""
    load_starter()
    cluster = ClusterFactory(slug="mecabourg", name="Mécabourg")
    for code in ("H2902", "H2903", "H2913", "H1203"):
        VocabularyEntryFactory(cluster=cluster, occupation=Occupation.objects.get(code=code))
    for number in range(30):
        MembershipFactory(
            cluster=cluster,
            organisation__headcount=5 + number * 3,
            since=timezone.localdate().replace(year=2015),
        )
    return cluster


def test_a_cluster_tells_its_story(mecabourg):
    made = load_declarations()
    declarations = Declaration.objects.filter(cluster=mecabourg)
    assert made == declarations.count() > 30
    members = Counter(declarations.values_list("organisation", flat=True))
    assert set(members.values()) == {3}  # three years each
    assert len(members) >= 15  # about three members in four declare
    # The occupations in tension are harder to recruit for every year.
    story = STORIES["mecabourg"]
    tense = OccupationForecast.objects.filter(
        cluster=mecabourg, occupation__code__in=story.tense.split()
    )
    years = sorted({day.year for day in declarations.values_list("declared_on", flat=True)})
    means = [
        sum(f.difficulty for f in tense.filter(observed_on__year=year))
        / tense.filter(observed_on__year=year).count()
        for year in years
    ]
    assert means[0] < means[-1]
    assert means[-1] > 3
    # Emerging skills: more needs in the latest declarations than the first ones.
    emerging = SkillNeed.objects.filter(
        cluster=mecabourg, skill__label__in=[SKILLS[k][1] for k in story.emerging.split()]
    )
    first, last = years[0], years[-1]
    assert (
        emerging.filter(observed_on__year=first).count()
        < emerging.filter(observed_on__year=last).count()
    )
    # Each shared skill: at least 3 members would share a person, in their latest declaration.
    latest = {d.organisation_id: d.source_key for d in declarations.order_by("declared_on")}
    for key in story.shared.split():
        sharing = {
            need.organisation_id
            for need in SkillNeed.objects.filter(
                cluster=mecabourg, skill__label=SKILLS[key][1], preferred_answer="share"
            )
            if latest[need.organisation_id] == need.source_key
        }
        assert len(sharing) >= 3
    # Traditional trades: many people of 55 and over in the latest declarations.
    lines = WorkforceLine.objects.filter(cluster=mecabourg, observed_on__year=last)
    people = sum(line.headcount for line in lines)
    older = sum(line.age_55_59 + line.age_60_plus for line in lines)
    assert older / people > 0.25
    assert load_declarations() == 0


def test_members_declare_the_occupations_of_their_survey_answers(mecabourg):
    member = mecabourg.memberships.order_by("pk").first()
    welder = Occupation.objects.get(code="H2913")
    OccupationForecast.objects.create(
        cluster=mecabourg,
        organisation=member.organisation,
        observed_on=timezone.localdate(),
        source=Source.SURVEY,
        source_key="survey-response:1",
        source_label="Enquête",
        occupation=welder,
        recruitments_1y=2,
    )
    load_declarations()
    declared = WorkforceLine.objects.filter(cluster=mecabourg, organisation=member.organisation)
    assert not declared.exists() or declared.filter(occupation=welder).exists()


def test_plans_assumptions_and_fictitious_supply(mecabourg):
    DepartmentFactory(code="01")
    ClusterStaffFactory(cluster=mecabourg, role=ClusterStaff.Role.ADMIN)
    load_declarations()
    made = load_plans()
    assert made > 0
    saved = Assumptions.objects.get(cluster=mecabourg)
    assert saved.freshness_months == 24
    batch = ExternalSupplyImport.objects.get(cluster=mecabourg)
    assert "chiffres fictifs de démonstration" in batch.label
    lines = ExternalSupply.objects.filter(batch=batch)
    assert batch.rows == lines.count() > 0
    assert all(line.department.code == "01" for line in lines)
    actions = Action.objects.filter(cluster=mecabourg)
    assert actions.count() == len(PLANS["mecabourg"])
    assert all(action.indicators.exists() for action in actions)
    assert {action.priority_key.split(":")[0] for action in actions} == {
        plan.lever for plan in PLANS["mecabourg"]
    }
    assert load_plans() == 0  # once
