"""Campaign services: launch (invitees, addresses, emails through the
outbox), scheduled opening, reminders (once, to those who have not answered),
closing at the end of the closing day, next wave, extend and reopen."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.core.dates import add_months
from ancrage.organisations.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationUserFactory,
)
from ancrage.organisations.models import Membership, Role
from ancrage.outbox.models import OutgoingEmail
from ancrage.surveys import campaign_periods, campaigns
from ancrage.surveys.factories import (
    CampaignFactory,
    InviteeFactory,
    QuestionnaireFactory,
    ResponseFactory,
    VersionFactory,
)
from ancrage.surveys.models import Campaign, Invitee, Recurrence, ReminderRun, Response, Status

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
D = datetime.date


def at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def draft(cluster, **kwargs):
    kwargs.setdefault("opens_on", D(2026, 9, 1))
    kwargs.setdefault("closes_on", D(2026, 9, 30))
    return CampaignFactory(cluster=cluster, status=Status.DRAFT, launched_at=None, **kwargs)


def emails(template):
    return sorted(OutgoingEmail.objects.filter(template=template).values_list("to", flat=True))


@pytest.fixture
def cluster():
    return ClusterFactory(name="Cluster Gamma")


@pytest.fixture
def members(cluster):
    """Three members: two users, a contact only, nobody to write to."""
    users = MembershipFactory(cluster=cluster, organisation__name="Avec comptes")
    OrganisationUserFactory(organisation=users.organisation, user__email="un@a.fr")
    OrganisationUserFactory(organisation=users.organisation, user__email="deux@a.fr")
    contact = MembershipFactory(cluster=cluster, organisation__name="Avec contact")
    ContactFactory(organisation=contact.organisation, email="autre@b.fr", cluster=cluster)
    ContactFactory(organisation=contact.organisation, email="rh@b.fr", role=Role.HR, cluster=None)
    MembershipFactory(cluster=cluster, organisation__name="Sans adresse")
    MembershipFactory(cluster=cluster, organisation__name="Ancien", status=Membership.Status.FORMER)
    ContactFactory(organisation__name="Autre cluster", email="x@c.fr")
    return users, contact


@time_machine.travel(at(D(2026, 9, 1), 10))
def test_launch_invites_the_members_and_opens_now(cluster, members):
    campaign = draft(cluster)
    InviteeFactory(
        campaign=campaign,
        organisation=None,
        name="Externe",
        email="ext@d.fr",
        is_member=False,
        invited_at=None,
    )
    campaigns.launch(campaign)
    campaign.refresh_from_db()
    assert campaign.status == Status.OPEN
    invitees = {i.name: i for i in campaign.invitees.all()}
    assert set(invitees) == {"Avec comptes", "Avec contact", "Sans adresse", "Externe"}
    assert invitees["Avec comptes"].is_member and invitees["Avec comptes"].email == "deux@a.fr"
    assert invitees["Avec contact"].email == "rh@b.fr"
    assert invitees["Sans adresse"].email == "" and invitees["Sans adresse"].invited_at is None
    assert invitees["Externe"].invited_at is not None
    # All of an organisation's users receive it; a contact only when nobody has an account.
    assert emails("survey_invitation") == ["deux@a.fr", "ext@d.fr", "rh@b.fr", "un@a.fr"]
    external = OutgoingEmail.objects.get(to="ext@d.fr")
    assert "/enquete/" in external.body_text and "désinscrire" not in external.body_text
    assert "ne plus recevoir" in external.body_text
    assert 'href="http' in external.body_html and "Ne plus recevoir" in external.body_html
    member = OutgoingEmail.objects.get(to="un@a.fr")
    assert "/organisation/enquetes/" in member.body_text
    assert "ne plus recevoir" not in member.body_text
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CAMPAIGN_UPDATED).exists()


@time_machine.travel(at(D(2026, 9, 1), 10))
def test_launching_twice_does_nothing_the_second_time(cluster, members):
    campaign = draft(cluster)
    campaigns.launch(campaign)
    with pytest.raises(campaigns.CampaignError, match="déjà lancée"):
        campaigns.launch(campaign)
    assert OutgoingEmail.objects.filter(template="survey_invitation").count() == 3
    assert campaign.invitees.count() == 3


@time_machine.travel(at(D(2026, 9, 1), 10))
def test_an_empty_audience_is_not_launched(cluster):
    campaign = draft(cluster)
    with pytest.raises(campaigns.CampaignError, match="Personne à inviter"):
        campaigns.launch(campaign)
    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT
    assert not OutgoingEmail.objects.exists()


def test_a_filtered_audience_keeps_only_matching_members(cluster, members):
    campaign = draft(cluster, audience_filter="size=ge")
    with time_machine.travel(at(D(2026, 9, 1), 10)), pytest.raises(campaigns.CampaignError):
        campaigns.launch(campaign)
    campaign.audience_members = False
    campaign.audience_filter = ""
    campaign.save()
    InviteeFactory(
        campaign=campaign,
        organisation=None,
        name="Externe",
        email="ext@d.fr",
        is_member=False,
        invited_at=None,
    )
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    assert list(campaign.invitees.values_list("name", flat=True)) == ["Externe"]


def test_a_future_campaign_is_scheduled_then_opened_by_the_tick(cluster, members):
    campaign = draft(cluster)
    with time_machine.travel(at(D(2026, 8, 20))):
        campaigns.launch(campaign)
    campaign.refresh_from_db()
    assert campaign.status == Status.SCHEDULED
    assert not OutgoingEmail.objects.exists()
    with time_machine.travel(at(D(2026, 9, 1), 7)):
        assert campaigns.tick()["opened"] == 0
    with time_machine.travel(at(D(2026, 9, 1), 8)):
        assert campaigns.tick()["opened"] == 1
        assert campaigns.tick()["opened"] == 0
    campaign.refresh_from_db()
    assert campaign.status == Status.OPEN
    assert OutgoingEmail.objects.filter(template="survey_invitation").count() == 3


def test_reminders_go_once_to_those_who_have_not_answered(cluster, members):
    campaign = draft(cluster, reminder_days=[7, 14])
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    answered = campaign.invitees.get(name="Avec comptes")
    ResponseFactory(invitee=answered, campaign=campaign)
    started = campaign.invitees.get(name="Avec contact")
    ResponseFactory(invitee=started, state=Response.State.DRAFT, submitted_at=None)
    with time_machine.travel(at(D(2026, 9, 8), 8)):
        assert campaigns.tick()["reminded"] == 0
    with time_machine.travel(at(D(2026, 9, 8), 10)):
        assert campaigns.tick()["reminded"] == 1
        assert campaigns.tick()["reminded"] == 0
    assert emails("survey_reminder") == ["rh@b.fr"]
    started.refresh_from_db()
    assert started.reminders_sent == 1 and started.last_reminded_at is not None
    # Unsubscribed: no more emails.
    Invitee.objects.filter(pk=started.pk).update(unsubscribed_at=at(D(2026, 9, 9)))
    with time_machine.travel(at(D(2026, 9, 15), 10)):
        assert campaigns.tick()["reminded"] == 1
    assert emails("survey_reminder") == ["rh@b.fr"]
    assert sorted(campaign.reminder_runs.values_list("day", flat=True)) == [7, 14]


def test_missed_reminders_are_not_sent_one_after_the_other(cluster, members):
    campaign = draft(cluster, reminder_days=[3, 7])
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 9, 10), 10)):
        campaigns.tick()
    runs = dict(ReminderRun.objects.values_list("day", "sent"))
    assert runs == {3: 0, 7: 3}


def test_manual_reminder_once_a_day_and_it_invites_those_never_reached(cluster, members):
    campaign = draft(cluster)
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    nobody = campaign.invitees.get(name="Sans adresse")
    OrganisationUserFactory(organisation=nobody.organisation, user__email="enfin@e.fr")
    with time_machine.travel(at(D(2026, 9, 2), 10)):
        run = campaigns.remind_now(campaign)
        with pytest.raises(campaigns.CampaignError, match="aujourd'hui"):
            campaigns.remind_now(campaign)
    assert run.sent == 4
    assert emails("survey_invitation")[1] == "enfin@e.fr"
    nobody.refresh_from_db()
    assert nobody.invited_at is not None


def test_closing_at_the_end_of_the_closing_day_unless_extended(cluster, members):
    campaign = draft(cluster)
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 9, 30), 23)):
        assert campaigns.tick()["closed"] == 0
        campaigns.extend(campaign, D(2026, 10, 5))
    with time_machine.travel(at(D(2026, 10, 1), 0)):
        assert campaigns.tick()["closed"] == 0
    with time_machine.travel(at(D(2026, 10, 6), 0)):
        assert campaigns.tick()["closed"] == 1
    campaign.refresh_from_db()
    assert campaign.status == Status.CLOSED and campaign.closed_at is not None
    assert not Campaign.objects.filter(previous=campaign).exists()


def test_extend_and_reopen_refuse_past_dates(cluster, members):
    campaign = draft(cluster)
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 9, 10))):
        with pytest.raises(campaigns.CampaignError, match="postérieure"):
            campaigns.extend(campaign, D(2026, 9, 10))
        with pytest.raises(campaigns.CampaignError, match="clôturée"):
            campaigns.reopen(campaign, D(2026, 10, 10))
        assert campaigns.close(campaign, force=True)
        campaign.refresh_from_db()
        assert (campaign.closes_on, campaign.ends_on) == (D(2026, 9, 30), D(2026, 9, 10))
        campaigns.reopen(campaign, D(2026, 10, 10))
    campaign.refresh_from_db()
    assert campaign.status == Status.OPEN and campaign.closes_on == D(2026, 10, 10)
    assert campaign.closed_at is None


def test_closing_a_recurring_campaign_schedules_the_next_wave(cluster, members):
    ClusterStaffFactory(cluster=cluster, user__email="equipe@gamma.fr")
    campaign = draft(
        cluster,
        period_label="T3 2026",
        recurrence=Recurrence.QUARTERLY,
        reminder_days=[7],
        share_results=True,
        opens_on=D(2026, 9, 1),
        closes_on=D(2026, 9, 30),
    )
    InviteeFactory(
        campaign=campaign,
        organisation=None,
        name="Externe",
        email="ext@d.fr",
        is_member=False,
        invited_at=None,
        size_class="pme",
    )
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    ResponseFactory(invitee=campaign.invitees.get(name="Externe"), campaign=campaign)
    new_version = VersionFactory(questionnaire=campaign.questionnaire, number=1000)
    with time_machine.travel(at(D(2026, 10, 1), 1)):
        campaigns.tick()
        campaigns.tick()
    wave = Campaign.objects.get(previous=campaign)
    assert (wave.period_label, wave.wave, wave.status) == ("T4 2026", 2, Status.SCHEDULED)
    assert (wave.opens_on, wave.closes_on) == (D(2026, 12, 1), D(2026, 12, 30))
    assert wave.version == new_version
    assert wave.reminder_days == [7] and wave.share_results
    assert wave.recurrence == Recurrence.QUARTERLY
    copied = wave.invitees.get()
    assert (copied.email, copied.size_class) == ("ext@d.fr", "pme")
    assert not Response.objects.filter(campaign=wave).exists()
    assert emails("survey_next_wave") == ["equipe@gamma.fr"]
    # The wave opens by itself and invites the members again.
    with time_machine.travel(at(D(2026, 12, 1), 9)):
        campaigns.tick()
    wave.refresh_from_db()
    assert wave.status == Status.OPEN and wave.invitees.count() == 4


def test_manual_next_wave_is_a_draft_made_once(cluster):
    questionnaire = QuestionnaireFactory(cluster=cluster)
    campaign = CampaignFactory(
        cluster=cluster,
        questionnaire=questionnaire,
        period_label="Enquête RH",
        status=Status.CLOSED,
        opens_on=D(2026, 1, 5),
        closes_on=D(2026, 1, 25),
    )
    with time_machine.travel(at(D(2026, 3, 1))):
        wave = campaigns.next_wave(campaign)
        assert campaigns.next_wave(campaign) == wave
    assert wave.status == Status.DRAFT
    assert wave.period_label == "Enquête RH (vague 2)"
    assert (wave.opens_on, wave.closes_on) == (D(2026, 3, 2), D(2026, 3, 22))


@pytest.mark.parametrize(
    ("label", "months", "expected"),
    [
        ("T3 2026", 3, "T4 2026"),
        ("T4 2026", 3, "T1 2027"),
        ("T2 2026", 12, "T2 2027"),
        ("S1 2026", 6, "S2 2026"),
        ("S2 2026", 6, "S1 2027"),
        ("2026", 12, "2027"),
        ("2026", None, "2027"),
        ("2026", 3, "2026 (vague 3)"),
        ("Printemps (vague 2)", None, "Printemps (vague 3)"),
    ],
)
def test_advance_label(label, months, expected):
    assert campaign_periods.advance_label(label, months, 3) == expected


def test_add_months_keeps_the_day_or_the_end_of_the_month():
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 1, 15), 12) == D(2027, 1, 15)
