"""The staff's campaign pages: create with the audience, add and remove
non-members, launch (once), follow-up by segment, extend and reopen, bad
input, and a constant number of queries on the list and follow-up pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    OrganisationUserFactory,
)
from ancrage.organisations.models import SizeClass
from ancrage.outbox.models import OutgoingEmail
from ancrage.surveys.factories import (
    CampaignFactory,
    InviteeFactory,
    QuestionnaireFactory,
    ResponseFactory,
)
from ancrage.surveys.models import Campaign, Invitee, Status
from ancrage.territory.models import Commune
from tests.cast import login

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def form_data(questionnaire, **overrides):
    data = {
        "questionnaire": questionnaire.pk,
        "title": "Baromètre des métiers",
        "period_label": "T1 2027",
        "opens_on": (TODAY() + DAY).isoformat(),
        "closes_on": (TODAY() + 30 * DAY).isoformat(),
        "reminder_text": "7, 14",
        "recurrence": "quarterly",
        "audience": "all",
    }
    data.update(overrides)
    return data


def test_create_a_campaign_with_a_selection(staff, cast):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    response = staff.post(
        reverse("campaigns:create"),
        form_data(questionnaire, audience="selection", size=["pme", "tpe"], departement=["56"]),
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:audience", kwargs={"pk": campaign.pk})
    assert campaign.cluster == cast.cluster_a and campaign.status == Status.DRAFT
    assert campaign.version == questionnaire.current_version
    assert campaign.reminder_days == [7, 14]
    assert campaign.audience_filter == "departement=56&size=pme&size=tpe"
    page = staff.get(reverse("campaigns:edit", kwargs={"pk": campaign.pk})).content.decode()
    assert 'value="pme" id="id_size_1" checked' in page or "checked" in page
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CAMPAIGN_UPDATED).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"closes_on": TODAY().isoformat()}, "La clôture ne peut pas précéder l&#x27;ouverture."),
        (
            {"opens_on": (TODAY() - DAY).isoformat()},
            "L&#x27;ouverture ne peut pas être dans le passé.",
        ),
        ({"reminder_text": "7, 45"}, "La relance à J+45 tomberait après la clôture"),
        ({"reminder_text": "sept"}, "séparés par des virgules"),
        ({"audience": "selection"}, "Choisissez au moins un critère"),
        ({"opens_on": "31/02/2027"}, "Saisissez une date valide"),
        ({"closes_on": "9999-12-31"}, "Une campagne dure un an au plus"),
        ({"opens_on": "9999-12-01"}, "L&#x27;ouverture ne peut pas être à plus de deux ans."),
    ],
)
def test_bad_input_is_explained_and_kept(staff, cast, overrides, message):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    data = form_data(questionnaire, **overrides)
    response = staff.post(reverse("campaigns:create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Baromètre des métiers" in page and "T1 2027" in page
    assert not Campaign.objects.exists()


def test_another_clusters_questionnaire_is_refused(staff, cast):
    other = QuestionnaireFactory(cluster=cast.cluster_b)
    response = staff.post(reverse("campaigns:create"), form_data(other))
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Campaign.objects.exists()


def test_the_audience_count_follows_the_filter(staff, cast):
    MembershipFactory(cluster=cast.cluster_a)
    url = reverse("campaigns:audience_count")
    assert "2 adhérents seront invités" in staff.get(url, {"audience": "all"}).content.decode()
    assert (
        "Choisissez au moins un critère"
        in staff.get(url, {"audience": "selection"}).content.decode()
    )
    page = staff.get(url, {"audience": "selection", "size": "ge"}).content.decode()
    assert "0 adhérent" in page
    assert "Aucun adhérent" in staff.get(url, {"audience": "none"}).content.decode()


def draft_of(cast, **kwargs):
    return CampaignFactory(
        cluster=cast.cluster_a,
        status=Status.DRAFT,
        launched_at=None,
        opens_on=TODAY(),
        closes_on=TODAY() + 20 * DAY,
        **kwargs,
    )


def test_non_members_are_added_checked_and_removed(staff, cast):
    campaign = draft_of(cast)
    url = reverse("campaigns:audience", kwargs={"pk": campaign.pk})
    page = staff.get(url).content.decode()
    assert "Usinage Alpha" in page and "membre-a@exemple.fr" in page
    data = {"name": "Forge Externe", "email": "rh@forge.fr", "siren": "", "size_class": "pme"}
    assert staff.post(url, data).status_code == 302
    invitee = Invitee.objects.get(campaign=campaign)
    assert (invitee.organisation, invitee.is_member, invitee.size_class) == (None, False, "pme")
    again = staff.post(url, {**data, "email": "RH@forge.fr", "name": "Doublon"}).content.decode()
    assert "Cette adresse est déjà invitée à cette campagne." in again and "Doublon" in again
    bad = staff.post(url, {**data, "email": "pas-une-adresse"}).content.decode()
    assert "Saisissez une adresse électronique valide." in bad and "pas-une-adresse" in bad
    siren = staff.post(url, {**data, "email": "b@forge.fr", "siren": "12"}).content.decode()
    assert "SIREN" in siren and Invitee.objects.count() == 1
    remove = reverse(
        "campaigns:remove_invitee", kwargs={"pk": campaign.pk, "invitee_pk": invitee.pk}
    )
    assert staff.post(remove).status_code == 302
    assert not Invitee.objects.exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CAMPAIGN_INVITEES).count() == 2


def test_a_draft_lists_the_organisations_added_by_hand_or_imported(staff, cast):
    campaign = draft_of(cast)
    linked = OrganisationFactory(name="Forge liée")
    InviteeFactory(campaign=campaign, organisation=linked, email="rh@forge.fr", is_member=False)
    imported_member = MembershipFactory(cluster=cast.cluster_a, organisation__name="Fonderie")
    InviteeFactory(campaign=campaign, organisation=imported_member.organisation, is_member=True)
    page = staff.get(reverse("campaigns:audience", kwargs={"pk": campaign.pk})).content.decode()
    added = page.split("Destinataires ajoutés", 1)[1]
    assert "Forge liée" in added and "rh@forge.fr" in added
    # A member of the audience is listed once, among the members to invite.
    assert "Fonderie" in page.split("Destinataires ajoutés", 1)[0] and "Fonderie" not in added


def test_an_answered_invitee_stays(staff, cast):
    response = ResponseFactory(invitee__campaign__cluster=cast.cluster_a)
    invitee = response.invitee
    url = reverse(
        "campaigns:remove_invitee", kwargs={"pk": invitee.campaign_id, "invitee_pk": invitee.pk}
    )
    page = staff.post(url, follow=True).content.decode()
    assert "a déjà répondu" in page
    assert Invitee.objects.filter(pk=invitee.pk).exists()


def test_a_non_member_added_to_an_open_campaign_is_invited_at_once(staff, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a)
    url = reverse("campaigns:audience", kwargs={"pk": campaign.pk})
    staff.post(url, {"name": "Forge", "email": "rh@forge.fr", "siren": "", "size_class": ""})
    assert OutgoingEmail.objects.get().to == "rh@forge.fr"
    assert Invitee.objects.get().invited_at is not None


def test_launch_once(staff, cast):
    campaign = draft_of(cast)
    url = reverse("campaigns:launch", kwargs={"pk": campaign.pk})
    page = staff.post(url, follow=True).content.decode()
    assert "La campagne est ouverte" in page
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["membre-a@exemple.fr"]
    page = staff.post(url, follow=True).content.decode()
    assert "Cette campagne est déjà lancée." in page
    assert OutgoingEmail.objects.count() == 1


def test_an_empty_audience_is_not_launched(staff, cast):
    campaign = draft_of(cast, audience_members=False)
    page = staff.post(reverse("campaigns:launch", kwargs={"pk": campaign.pk}), follow=True)
    assert "Personne à inviter" in page.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT


def test_extend_and_reopen_from_the_follow_up_page(staff, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a)
    extend = reverse("campaigns:extend", kwargs={"pk": campaign.pk})
    past = staff.post(extend, {"closing-closes_on": TODAY().isoformat()}).content.decode()
    assert "La nouvelle date de clôture doit être postérieure à aujourd&#x27;hui." in past
    assert TODAY().isoformat() in past
    new = TODAY() + 60 * DAY
    assert staff.post(extend, {"closing-closes_on": new.isoformat()}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.closes_on == new
    staff.post(reverse("campaigns:close", kwargs={"pk": campaign.pk}))
    campaign.refresh_from_db()
    assert campaign.status == Status.CLOSED
    reopen = reverse("campaigns:reopen", kwargs={"pk": campaign.pk})
    assert staff.post(reopen, {"closing-closes_on": new.isoformat()}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Status.OPEN


def test_manual_reminder_and_next_wave(staff, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a, recurrence="yearly", period_label="2026")
    InviteeFactory(campaign=campaign, organisation=None, email="x@y.fr", is_member=False)
    remind = reverse("campaigns:remind", kwargs={"pk": campaign.pk})
    assert "Relance envoyée : 1 message part." in staff.post(remind, follow=True).content.decode()
    assert "déjà partie aujourd" in staff.post(remind, follow=True).content.decode()
    response = staff.post(reverse("campaigns:next_wave", kwargs={"pk": campaign.pk}))
    wave = Campaign.objects.get(previous=campaign)
    assert response["Location"] == reverse("campaigns:detail", kwargs={"pk": wave.pk})
    assert (wave.period_label, wave.status) == ("2027", Status.DRAFT)


def _populate(campaign, count):
    commune = Commune.objects.get(code="56121")
    for index in range(count):
        invitee = InviteeFactory(
            campaign=campaign,
            size_class=SizeClass.PME if index % 2 else SizeClass.TPE,
            commune=commune if index % 3 else None,
            is_member=bool(index % 2),
        )
        if index % 2:
            ResponseFactory(invitee=invitee, campaign=campaign)


def test_follow_up_by_segment_in_constant_queries(staff, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a)
    _populate(campaign, 3)
    url = reverse("campaigns:detail", kwargs={"pk": campaign.pk})
    staff.get(url)
    with CaptureQueriesContext(connection) as few:
        staff.get(url)
    _populate(campaign, 9)
    with CaptureQueriesContext(connection) as many:
        page = staff.get(url).content.decode()
    assert len(many) == len(few)
    assert "<strong>42 %</strong>" in page  # 1 + 4 submitted out of 3 + 9
    assert "Morbihan (56)" in page and "Non-adhérents" in page and "5 / 5" in page
    assert "voir la réponse" in page
    fragment = staff.get(reverse("campaigns:progress", kwargs={"pk": campaign.pk}))
    assert 'hx-trigger="every 15s"' in fragment.content.decode()


def test_list_by_state_in_constant_queries(staff, cast):
    CampaignFactory(cluster=cast.cluster_b, title="Enquête de Bêta")
    _populate(CampaignFactory(cluster=cast.cluster_a, title="Ouverte A"), 2)
    staff.get(reverse("campaigns:list"))
    with CaptureQueriesContext(connection) as few:
        staff.get(reverse("campaigns:list"))
    for _index in range(4):
        _populate(CampaignFactory(cluster=cast.cluster_a, status=Status.CLOSED), 2)
    with CaptureQueriesContext(connection) as many:
        page = staff.get(reverse("campaigns:list")).content.decode()
    assert len(many) == len(few)
    assert "Ouverte A" in page and "1 / 2 (50 %)" in page
    assert "Enquête de Bêta" not in page


def test_editing_a_scheduled_campaigns_audience_chooses_its_members_again(staff, cast):
    campaign = CampaignFactory(
        cluster=cast.cluster_a,
        status=Status.DRAFT,
        launched_at=None,
        opens_on=TODAY() + 5 * DAY,
        closes_on=TODAY() + 20 * DAY,
    )
    staff.post(reverse("campaigns:launch", kwargs={"pk": campaign.pk}))
    campaign.refresh_from_db()
    assert campaign.status == Status.SCHEDULED and campaign.invitees.count() == 1
    assert not OutgoingEmail.objects.exists()
    data = form_data(
        campaign.questionnaire,
        opens_on=campaign.opens_on.isoformat(),
        closes_on=campaign.closes_on.isoformat(),
        audience="selection",
        size="ge",
    )
    page = staff.post(reverse("campaigns:edit", kwargs={"pk": campaign.pk}), data, follow=True)
    assert "Plus personne n&#x27;est invité" in page.content.decode()
    assert not campaign.invitees.exists()


def test_an_open_campaign_keeps_its_dates_and_audience(staff, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a, reminder_days=[3])
    data = form_data(
        campaign.questionnaire, title="Nouveau titre", reminder_text="5", audience="none"
    )
    staff.post(reverse("campaigns:edit", kwargs={"pk": campaign.pk}), data)
    before = (campaign.opens_on, campaign.closes_on, campaign.audience_members)
    campaign.refresh_from_db()
    assert campaign.title == "Nouveau titre" and campaign.reminder_days == [5]
    assert (campaign.opens_on, campaign.closes_on, campaign.audience_members) == before


def test_a_closed_campaigns_invitees_stay(staff, cast):
    invitee = InviteeFactory(campaign__cluster=cast.cluster_a, campaign__status=Status.CLOSED)
    url = reverse(
        "campaigns:remove_invitee", kwargs={"pk": invitee.campaign_id, "invitee_pk": invitee.pk}
    )
    assert "ne changent plus" in staff.post(url, follow=True).content.decode()
    assert Invitee.objects.filter(pk=invitee.pk).exists()
    audience = reverse("campaigns:audience", kwargs={"pk": invitee.campaign_id})
    page = staff.post(audience, {"name": "X", "email": "x@y.fr"}, follow=True).content.decode()
    assert "on ne peut plus y inviter personne" in page
    assert Invitee.objects.count() == 1


def test_the_audience_page_in_constant_queries(staff, cast):
    campaign = draft_of(cast)
    url = reverse("campaigns:audience", kwargs={"pk": campaign.pk})
    staff.get(url)
    with CaptureQueriesContext(connection) as few:
        staff.get(url)
    for index in range(5):
        membership = MembershipFactory(cluster=cast.cluster_a)
        OrganisationUserFactory(organisation=membership.organisation)
        InviteeFactory(campaign=campaign, organisation=None, email=f"n{index}@x.fr")
    with CaptureQueriesContext(connection) as many:
        page = staff.get(url).content.decode()
    assert len(many) == len(few)
    assert "6 adhérents" in page and "n4@x.fr" in page


def test_a_draft_or_a_scheduled_member_is_not_removed(staff, cast):
    draft = ResponseFactory(
        invitee__campaign__cluster=cast.cluster_a, state="draft", submitted_at=None
    )
    url = reverse(
        "campaigns:remove_invitee",
        kwargs={"pk": draft.invitee.campaign_id, "invitee_pk": draft.invitee_id},
    )
    assert (
        "a commencé à répondre : son brouillon est conservé"
        in staff.post(url, follow=True).content.decode()
    )
    scheduled = InviteeFactory(campaign__cluster=cast.cluster_a, campaign__status=Status.SCHEDULED)
    url = reverse(
        "campaigns:remove_invitee",
        kwargs={"pk": scheduled.campaign_id, "invitee_pk": scheduled.pk},
    )
    assert "modifiez la sélection de la campagne" in staff.post(url, follow=True).content.decode()
    assert Invitee.objects.filter(pk__in=[draft.invitee_id, scheduled.pk]).count() == 2


def test_a_non_member_found_by_siren_gets_the_non_member_links():
    from ancrage.surveys.campaign_emails import links

    invitee = InviteeFactory(is_member=False)
    found = links(invitee)
    assert found["unsubscribe_url"] and found["space_url"]
    member = links(InviteeFactory())
    assert not member["unsubscribe_url"] and member["space_url"]


def test_a_closing_date_beyond_a_year_is_refused(staff, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a)
    page = staff.post(
        reverse("campaigns:extend", kwargs={"pk": campaign.pk}),
        {"closing-closes_on": "9999-12-31"},
        follow=True,
    )
    assert "ne peut pas être à plus d&#x27;un an" in page.content.decode()
    campaign.refresh_from_db()
    assert campaign.closes_on.year < 9999
