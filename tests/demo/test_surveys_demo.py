"""The demo's surveys: the four shipped questionnaires run over several waves,
answered by fictitious members, feeding the GPEC; a demo member account has
an open campaign to answer."""

from io import StringIO
from itertools import pairwise
from statistics import mean

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import User
from ancrage.demo import data
from ancrage.demo.surveys import BAROMETER, SKILLS_NEEDS
from ancrage.gpec.models import OccupationForecast, OrganisationFigures, SkillNeed, Source
from ancrage.surveys.models import Campaign, Invitee, Questionnaire, Response, Status
from ancrage.surveys.shipped import TEMPLATES
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory
from tests.cast import login
from tests.seeded import ensure_seeded_lists

pytestmark = pytest.mark.django_db

ESTUARY = "Chaudronnerie de l'Estuaire (fictive)"


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (and removed after it)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            # A module fixture runs before the autouse one that reseeds them.
            ensure_seeded_lists()
            RegionFactory(code="53", name="Bretagne")
            pays_de_la_loire = RegionFactory(code="52", name="Pays de la Loire")
            department = DepartmentFactory(
                code="44", name="Loire-Atlantique", region=pays_de_la_loire
            )
            for _, _, _, code, _ in data.CLUSTERS:
                CommuneFactory(code=code, department=department)
            CommuneFactory(code="44109", name="Nantes", population=320_000, department=department)
            call_command("load_demo", stdout=StringIO())
            yield
            transaction.set_rollback(True)


def test_neopolia_runs_the_four_shipped_templates_over_several_waves(loaded):
    questionnaires = Questionnaire.objects.filter(cluster__slug="neopolia")
    assert set(questionnaires.values_list("template_key", flat=True)) == set(TEMPLATES)
    barometer = Campaign.objects.filter(
        cluster__slug="neopolia", questionnaire__template_key=BAROMETER
    ).order_by("wave")
    assert [c.wave for c in barometer] == [1, 2, 3, 4, 5]
    assert [c.status for c in barometer] == [Status.CLOSED] * 4 + [Status.OPEN]
    assert barometer[4].is_accepting
    assert all(c.period_label.startswith("T") for c in barometer)
    for previous, campaign in pairwise(barometer):
        assert campaign.previous == previous
        assert campaign.opens_on > previous.closes_on
        assert campaign.version == previous.version
    assert barometer[0].version.is_frozen
    for campaign in barometer[:4]:
        submitted = campaign.responses.filter(state=Response.State.SUBMITTED).count()
        assert 0.55 <= submitted / campaign.invitees.count() <= 0.80
        assert campaign.reminder_runs.count() == 2
        assert campaign.invitees.filter(response=None, reminders_sent=2).exists()
    current = barometer[4]
    assert current.responses.filter(state=Response.State.DRAFT).exists()
    assert current.responses.filter(state=Response.State.SUBMITTED).exists()
    for campaign in Campaign.objects.all():
        keys = campaign.invitees.exclude(organisation=None).values_list("organisation", flat=True)
        assert len(keys) == len(set(keys))


def test_answers_are_stored_in_the_answers_format_and_show_trends(loaded):
    campaigns = Campaign.objects.filter(
        cluster__slug="neopolia", questionnaire__template_key=BAROMETER
    ).order_by("wave")
    welder = []
    for campaign in campaigns[:4]:
        rows = [
            row
            for answers in campaign.responses.filter(state="submitted").values_list(
                "answers", flat=True
            )
            for row in answers["metiers"]
        ]
        assert all(isinstance(row["metier"], int) for row in rows)
        assert all(row["postes_ouverts"].isdigit() for row in rows if "postes_ouverts" in row)
        welder.append(
            mean(
                int(row["difficulte"])
                for row in rows
                if row.get("difficulte")
                and campaign.cluster.vocabulary.filter(
                    occupation_id=row["metier"], occupation__code="H2913"
                ).exists()
            )
        )
    assert welder[-1] > welder[0] + 0.4


def test_submitted_answers_feed_the_gpec(loaded):
    facts = OccupationForecast.objects.filter(cluster__slug="neopolia", source=Source.SURVEY)
    assert facts.count() > 500
    response = Response.objects.get(pk=int(facts.first().source_key.split(":")[1]))
    assert response.state == Response.State.SUBMITTED
    assert SkillNeed.objects.filter(source=Source.SURVEY).exists()
    assert OrganisationFigures.objects.filter(confidence__isnull=False).exists()
    assert OrganisationFigures.objects.filter(turnover_keur__isnull=False).exists()


def test_the_observatory_invites_non_members(loaded):
    non_members = Invitee.objects.filter(
        campaign__cluster__slug="cluster-montagne", organisation=None
    )
    assert non_members.filter(is_member=False).count() >= 60
    assert all(
        email.endswith("example.org") for email in non_members.values_list("email", flat=True)
    )
    assert non_members.filter(response__state=Response.State.SUBMITTED).exists()


def test_a_demo_member_account_has_an_open_campaign_to_answer(loaded):
    today = timezone.localdate()
    open_invitations = Invitee.objects.filter(
        organisation__name=ESTUARY, campaign__status=Status.OPEN, campaign__closes_on__gte=today
    )
    assert open_invitations.filter(response=None).exists()
    draft = open_invitations.get(campaign__questionnaire__template_key=SKILLS_NEEDS).response
    assert draft.state == Response.State.DRAFT and draft.draft
    answered = Response.objects.filter(invitee__organisation__name=ESTUARY, state="submitted")
    assert answered.filter(answered_by__email="dirigeante.chaudronnerie@example.org").exists()


def test_a_second_load_adds_no_campaign(loaded):
    campaigns, responses = Campaign.objects.count(), Response.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert (Campaign.objects.count(), Response.objects.count()) == (campaigns, responses)


def test_the_team_reads_results_and_series_and_the_member_finds_its_surveys(loaded, client):
    campaigns = Campaign.objects.filter(
        cluster__slug="neopolia", questionnaire__template_key=BAROMETER
    ).order_by("wave")
    login(client, User.objects.get(email="equipe.neopolia@example.org"))
    page = client.get(reverse("survey_results:campaign", args=[campaigns[3].pk]))
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    series = client.get(reverse("survey_results:series", args=[campaigns[3].pk]))
    assert series.status_code == 200
    assert "Soudeur" in series.content.decode()
    client.logout()
    login(client, User.objects.get(email="dirigeante.chaudronnerie@example.org"))
    mine = client.get(reverse("respond:mine")).content.decode()
    assert "Baromètre trimestriel des métiers en tension" in mine
