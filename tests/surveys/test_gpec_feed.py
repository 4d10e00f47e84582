import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.gpec.models import OccupationForecast, OrganisationFigures, SkillNeed, Source
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.surveys.factories import (
    CampaignFactory,
    InviteeFactory,
    QuestionFactory,
    ResponseFactory,
    SectionFactory,
)
from ancrage.surveys.gpec_feed import facts_count, feed_campaign, feed_response
from ancrage.surveys.models import GpecFact, Kind, Response
from ancrage.surveys.shipped import TEMPLATES, instantiate

pytestmark = pytest.mark.django_db

CHOICES_1_4 = [{"value": str(n), "label": str(n)} for n in range(1, 5)]
REASONS = [{"value": "pay", "label": "Salaire"}, {"value": "other", "label": "Autre"}]


@pytest.fixture
def campaign():
    campaign = CampaignFactory(title="Baromètre", period_label="T3 2026")
    section = SectionFactory(version=campaign.version)
    q = lambda **kw: QuestionFactory(section=section, **kw)  # noqa: E731
    q(key="effectif", kind=Kind.NUMBER, gpec_fact=GpecFact.HEADCOUNT)
    q(key="ca", kind=Kind.NUMBER, gpec_fact=GpecFact.TURNOVER)
    q(key="confiance", kind=Kind.SCALE, scale_min=1, scale_max=5, gpec_fact=GpecFact.CONFIDENCE)
    q(key="competences", kind=Kind.SKILL, gpec_fact=GpecFact.SKILLS_SOUGHT)
    q(key="commentaire", kind=Kind.LONG_TEXT)
    table = q(key="metiers", kind=Kind.TABLE)
    col = lambda key, kind, fact, **kw: q(  # noqa: E731
        parent=table, key=key, kind=kind, gpec_fact=fact, **kw
    )
    col("metier", Kind.OCCUPATION, GpecFact.OCCUPATION)
    col("ouverts", Kind.NUMBER, GpecFact.OPEN_UNFILLED)
    col("pourvus", Kind.NUMBER, GpecFact.POSITIONS_FILLED)
    col("delai", Kind.NUMBER, GpecFact.TIME_TO_FILL)
    col("crea1", Kind.NUMBER, GpecFact.CREATIONS_1Y)
    col("crea3", Kind.NUMBER, GpecFact.CREATIONS_3Y)
    col("recr1", Kind.NUMBER, GpecFact.RECRUITMENTS_1Y)
    col("recr3", Kind.NUMBER, GpecFact.RECRUITMENTS_3Y)
    col("difficulte", Kind.SINGLE_CHOICE, GpecFact.DIFFICULTY, choices=CHOICES_1_4)
    col("raison", Kind.SINGLE_CHOICE, GpecFact.DIFFICULTY_REASON, choices=REASONS)
    col("note", Kind.SHORT_TEXT, "")
    return campaign


def respond(campaign, answers, **kwargs):
    invitee = kwargs.pop("invitee", None) or InviteeFactory(campaign=campaign)
    return ResponseFactory(invitee=invitee, campaign=campaign, answers=answers, **kwargs)


def test_figures_skills_and_occupation_rows_become_dated_facts(campaign):
    skills = SkillFactory.create_batch(2)
    welder, fitter = OccupationFactory.create_batch(2)
    # 23:30 UTC on 30 June is 1 July in Paris.
    submitted = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
    response = respond(
        campaign,
        {
            "effectif": "42",
            "ca": "1250.5",
            "confiance": 4,
            "competences": [skills[0].pk, skills[1].pk],
            "commentaire": "Rien",
            "metiers": [
                {
                    "metier": welder.pk,
                    "ouverts": "3",
                    "pourvus": "1",
                    "delai": "90",
                    "crea1": "2",
                    "crea3": "5",
                    "recr1": "4",
                    "recr3": "8",
                    "difficulte": "4",
                    "raison": "pay",
                    "note": "urgent",
                },
                {"metier": fitter.pk, "ouverts": "0", "difficulte": "9", "raison": "other"},
                {"metier": None, "ouverts": "7"},
            ],
        },
        submitted_at=submitted,
    )
    assert feed_response(response) == 5

    figures = OrganisationFigures.objects.get()
    assert figures.headcount == 42
    assert figures.turnover_keur == Decimal("1250.5")
    assert figures.confidence == 4
    assert figures.organisation == response.invitee.organisation
    assert figures.cluster == campaign.cluster
    assert figures.observed_on == datetime.date(2026, 7, 1)
    assert figures.source == Source.SURVEY
    assert figures.source_key == f"survey-response:{response.pk}"
    assert figures.source_label == "Baromètre — T3 2026"
    assert set(SkillNeed.objects.values_list("skill", flat=True)) == {s.pk for s in skills}
    forecasts = {f.occupation_id: f for f in OccupationForecast.objects.all()}
    assert set(forecasts) == {welder.pk, fitter.pk}
    welding = forecasts[welder.pk]
    assert (
        welding.open_unfilled,
        welding.positions_filled,
        welding.time_to_fill_days,
        welding.creations_1y,
        welding.creations_3y,
        welding.recruitments_1y,
        welding.recruitments_3y,
        welding.difficulty,
        welding.difficulty_reason,
    ) == (3, 1, 90, 2, 5, 4, 8, 4, "pay")
    fitting = forecasts[fitter.pk]
    # Out-of-range difficulty and a reason that is not a DifficultyReason are ignored.
    assert (fitting.open_unfilled, fitting.difficulty, fitting.difficulty_reason) == (0, None, "")
    assert facts_count(campaign) == {"figures": 1, "skills": 2, "occupations": 2}


def test_difficulty_as_a_number_column(campaign):
    column = campaign.version.questions.get(key="difficulte")
    column.kind = Kind.NUMBER
    column.choices = []
    column.save()
    occupation = OccupationFactory()
    feed_response(respond(campaign, {"metiers": [{"metier": occupation.pk, "difficulte": "2"}]}))
    assert OccupationForecast.objects.get().difficulty == 2
    assert not OrganisationFigures.objects.exists()


def test_only_one_figure_answered_still_makes_a_row(campaign):
    feed_response(respond(campaign, {"confiance": 2}))
    figures = OrganisationFigures.objects.get()
    assert (figures.headcount, figures.turnover_keur, figures.confidence) == (None, None, 2)


def test_nonsense_values_are_skipped_without_crashing(campaign):
    response = respond(
        campaign,
        {
            "effectif": "-5",
            "ca": "beaucoup",
            "confiance": 9,
            "competences": "pas une liste",
            "metiers": [
                "pas une ligne",
                {"metier": 999999, "ouverts": "2"},
                {"metier": OccupationFactory().pk, "ouverts": "-1", "delai": "abc"},
            ],
        },
    )
    feed_response(response)
    assert not OrganisationFigures.objects.exists()
    assert not SkillNeed.objects.exists()
    forecast = OccupationForecast.objects.get()
    assert (forecast.open_unfilled, forecast.time_to_fill_days) == (None, None)


def test_resubmitting_replaces_the_facts(campaign):
    skills = SkillFactory.create_batch(3)
    response = respond(campaign, {"effectif": "10", "competences": [s.pk for s in skills]})
    feed_response(response)
    other = respond(campaign, {"effectif": "99"})
    feed_response(other)
    response.answers = {"effectif": "12", "competences": [skills[0].pk]}
    response.save()
    feed_response(response)
    mine = OrganisationFigures.objects.filter(source_key=f"survey-response:{response.pk}")
    assert [f.headcount for f in mine] == [12]
    assert SkillNeed.objects.count() == 1
    assert OrganisationFigures.objects.filter(headcount=99).exists()


def test_a_response_no_longer_submitted_loses_its_facts(campaign):
    response = respond(campaign, {"effectif": "10"})
    feed_response(response)
    response.state = Response.State.DRAFT
    response.save()
    feed_response(response)
    assert not OrganisationFigures.objects.exists()


def test_a_non_member_known_by_email_feeds_no_fact(campaign):
    invitee = InviteeFactory(campaign=campaign, organisation=None, name="Externe", is_member=False)
    assert feed_response(respond(campaign, {"effectif": "10"}, invitee=invitee)) == 0
    assert not OrganisationFigures.objects.exists()


def test_feed_campaign_refeeds_every_submitted_response(campaign, django_assert_max_num_queries):
    occupation = OccupationFactory()
    for headcount in range(1, 21):
        respond(campaign, {"effectif": str(headcount), "metiers": [{"metier": occupation.pk}]})
    respond(campaign, {"effectif": "5"}, state=Response.State.DRAFT, submitted_at=None)
    OrganisationFigures.objects.update(headcount=0)
    with django_assert_max_num_queries(20):
        assert feed_campaign(campaign) == 40
    assert sorted(OrganisationFigures.objects.values_list("headcount", flat=True)) == list(
        range(1, 21)
    )
    assert feed_campaign(campaign) == 40  # idempotent
    assert facts_count(campaign) == {"figures": 20, "skills": 0, "occupations": 20}
    assert set(OccupationForecast.objects.values_list("observed_on", flat=True)) == {
        timezone.localdate()
    }


COUNT_FIELDS = {
    GpecFact.OPEN_UNFILLED: "open_unfilled",
    GpecFact.POSITIONS_FILLED: "positions_filled",
    GpecFact.TIME_TO_FILL: "time_to_fill_days",
    GpecFact.CREATIONS_1Y: "creations_1y",
    GpecFact.CREATIONS_3Y: "creations_3y",
    GpecFact.RECRUITMENTS_1Y: "recruitments_1y",
    GpecFact.RECRUITMENTS_3Y: "recruitments_3y",
}


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_mapping_of_the_shipped_templates_feeds_its_fact(key):
    questionnaire = instantiate(ClusterFactory(), key)
    campaign = CampaignFactory(
        cluster=questionnaire.cluster,
        questionnaire=questionnaire,
        version=questionnaire.current_version,
    )
    skill, occupation = SkillFactory(), OccupationFactory()
    top = {
        GpecFact.HEADCOUNT: "120",
        GpecFact.TURNOVER: "3500.5",
        GpecFact.CONFIDENCE: 4,
        GpecFact.SKILLS_SOUGHT: [skill.pk],
        GpecFact.SKILLS_3Y: [skill.pk],
    }
    cell = {GpecFact.OCCUPATION: occupation.pk, GpecFact.DIFFICULTY: "3"}
    cell |= {GpecFact.DIFFICULTY_REASON: "few_candidates"}
    cell |= dict.fromkeys(COUNT_FIELDS, "5")
    answers, mapped = {}, set()
    questions = list(campaign.version.questions.all())
    for question in questions:
        if question.parent_id is None and question.gpec_fact in top:
            answers[question.key] = top[question.gpec_fact]
            mapped.add(question.gpec_fact)
        if question.kind == Kind.TABLE:
            columns = [c for c in questions if c.parent_id == question.pk and c.gpec_fact]
            answers[question.key] = [{c.key: cell[c.gpec_fact] for c in columns}]
            mapped.update(c.gpec_fact for c in columns)
    assert mapped, "the template maps no question to the GPEC"
    feed_response(respond(campaign, answers))

    if mapped & {GpecFact.HEADCOUNT, GpecFact.TURNOVER, GpecFact.CONFIDENCE}:
        figures = OrganisationFigures.objects.get()
        assert (GpecFact.HEADCOUNT not in mapped) or figures.headcount == 120
        assert (GpecFact.TURNOVER not in mapped) or figures.turnover_keur == Decimal("3500.5")
        assert (GpecFact.CONFIDENCE not in mapped) or figures.confidence == 4
    if GpecFact.SKILLS_SOUGHT in mapped:
        assert SkillNeed.objects.get(horizon_years=None).skill == skill
    if GpecFact.SKILLS_3Y in mapped:
        assert SkillNeed.objects.get(horizon_years=3).skill == skill
    if GpecFact.OCCUPATION in mapped:
        forecast = OccupationForecast.objects.filter(occupation=occupation).first()
        for fact, field in COUNT_FIELDS.items():
            if fact in mapped:
                assert getattr(forecast, field) == 5, field
        assert (GpecFact.DIFFICULTY not in mapped) or forecast.difficulty == 3
        assert (GpecFact.DIFFICULTY_REASON not in mapped) or (
            forecast.difficulty_reason == "few_candidates"
        )
