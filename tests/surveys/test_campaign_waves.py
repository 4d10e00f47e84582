"""A series' waves and reopening: the organisations added by hand or
imported stay (even linked to the platform by their SIREN), closing early
keeps the next wave's planned dates, reopening sends no late reminder and
makes no second next wave."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    OrganisationUserFactory,
)
from ancrage.outbox.models import OutgoingEmail
from ancrage.surveys import campaigns
from ancrage.surveys.factories import CampaignFactory, InviteeFactory
from ancrage.surveys.models import Campaign, Recurrence, ReminderRun, Status

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
D = datetime.date


def at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def emails(template):
    return sorted(OutgoingEmail.objects.filter(template=template).values_list("to", flat=True))


@pytest.fixture
def cluster():
    cluster = ClusterFactory(name="Cluster Delta")
    member = MembershipFactory(cluster=cluster, organisation__name="Adhérent")
    OrganisationUserFactory(organisation=member.organisation, user__email="rh@adherent.fr")
    return cluster


def draft(cluster, **kwargs):
    kwargs.setdefault("opens_on", D(2026, 9, 1))
    kwargs.setdefault("closes_on", D(2026, 9, 30))
    return CampaignFactory(cluster=cluster, status=Status.DRAFT, launched_at=None, **kwargs)


def linked_non_member(campaign):
    """A non-member imported with a SIREN that names an organisation of the
    platform (not a member of this cluster)."""
    organisation = OrganisationFactory(name="Forge liée")
    return InviteeFactory(
        campaign=campaign,
        organisation=organisation,
        name="Forge liée",
        email="contact@forge.fr",
        siren=organisation.siren,
        is_member=False,
        invited_at=None,
    )


def test_the_next_wave_copies_the_non_members_linked_by_siren(cluster):
    campaign = draft(cluster)
    linked = linked_non_member(campaign)
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    assert emails("survey_invitation") == ["contact@forge.fr", "rh@adherent.fr"]
    with time_machine.travel(at(D(2026, 10, 2))):
        campaigns.tick()
        wave = campaigns.next_wave(campaign)
    copied = wave.invitees.get()
    assert (copied.organisation_id, copied.email, copied.is_member) == (
        linked.organisation_id,
        "contact@forge.fr",
        False,
    )
    # At launch the members are invited again, the linked non-member once.
    with time_machine.travel(at(D(2026, 10, 3), 10)):
        campaigns.launch(wave)
    assert sorted(wave.invitees.values_list("name", "is_member")) == [
        ("Adhérent", True),
        ("Forge liée", False),
    ]


def test_a_new_audience_keeps_the_non_members_linked_by_siren(cluster):
    campaign = draft(cluster, opens_on=D(2026, 9, 10))
    linked_non_member(campaign)
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
        campaign.refresh_from_db()
        assert campaign.status == Status.SCHEDULED and campaign.invitees.count() == 2
        campaign.audience_members = False
        campaign.save()
        assert campaigns.refresh_audience(campaign) == 0
    assert list(campaign.invitees.values_list("name", flat=True)) == ["Forge liée"]


def quarterly(cluster, **kwargs):
    return draft(
        cluster,
        title="Baromètre",
        period_label="T4 2026",
        recurrence=Recurrence.QUARTERLY,
        opens_on=D(2026, 11, 9),
        closes_on=D(2026, 12, 7),
        **kwargs,
    )


def test_closing_early_keeps_the_next_waves_planned_dates(cluster):
    campaign = quarterly(cluster)
    with time_machine.travel(at(D(2026, 11, 9), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 11, 23), 15)):
        assert campaigns.close(campaign, force=True)
    campaign.refresh_from_db()
    assert (campaign.closes_on, campaign.ends_on) == (D(2026, 12, 7), D(2026, 11, 23))
    wave = Campaign.objects.get(previous=campaign)
    assert wave.period_label == "T1 2027"
    assert (wave.opens_on, wave.closes_on) == (D(2027, 2, 9), D(2027, 3, 7))


def test_a_manual_wave_after_an_early_close_lasts_as_planned(cluster):
    campaign = draft(cluster, opens_on=D(2026, 9, 1), closes_on=D(2026, 9, 29))
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 9, 8))):
        assert campaigns.close(campaign, force=True)
    with time_machine.travel(at(D(2026, 10, 1))):
        wave = campaigns.next_wave(campaign)
    assert (wave.opens_on, wave.closes_on) == (D(2026, 10, 2), D(2026, 10, 30))


def test_reopening_sends_no_late_reminder_the_next_ones_go(cluster):
    campaign = draft(cluster, reminder_days=[3, 10, 20])
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 9, 2))):
        assert campaigns.close(campaign, force=True)
    with time_machine.travel(at(D(2026, 9, 15))):
        campaigns.reopen(campaign, D(2026, 10, 10))
        assert campaigns.tick()["reminded"] == 0
    assert dict(ReminderRun.objects.values_list("day", "sent")) == {3: 0, 10: 0}
    assert emails("survey_reminder") == []
    with time_machine.travel(at(D(2026, 9, 21), 10)):
        assert campaigns.tick()["reminded"] == 1
    assert emails("survey_reminder") == ["rh@adherent.fr"]


def test_a_skipped_reminder_day_still_allows_a_manual_reminder(cluster):
    campaign = draft(cluster, reminder_days=[14])
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 9, 2))):
        campaigns.close(campaign, force=True)
    with time_machine.travel(at(D(2026, 9, 15), 10)):
        campaigns.reopen(campaign, D(2026, 10, 10))
        assert campaigns.remind_now(campaign).sent == 1
        with pytest.raises(campaigns.CampaignError, match="aujourd'hui"):
            campaigns.remind_now(campaign)
    assert emails("survey_reminder") == ["rh@adherent.fr"]


def test_reopening_a_recurring_wave_keeps_its_one_next_wave(cluster):
    ClusterStaffFactory(cluster=cluster, user__email="equipe@delta.fr")
    campaign = quarterly(cluster)
    with time_machine.travel(at(D(2026, 11, 9), 10)):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 11, 23), 15)):
        campaigns.close(campaign, force=True)
    wave = Campaign.objects.get(previous=campaign)
    with time_machine.travel(at(D(2026, 11, 24))):
        with pytest.raises(campaigns.CampaignError, match="09/02/2027"):
            campaigns.reopen(campaign, D(2027, 2, 9))
        campaigns.reopen(campaign, D(2026, 12, 14))
    with time_machine.travel(at(D(2026, 12, 15), 1)):
        assert campaigns.tick() == {"opened": 0, "reminded": 0, "closed": 1, "waves": 0}
    campaign.refresh_from_db()
    assert campaign.status == Status.CLOSED
    assert list(Campaign.objects.filter(previous=campaign)) == [wave]
    wave.refresh_from_db()
    assert (wave.status, wave.opens_on, wave.closes_on) == (
        Status.SCHEDULED,
        D(2027, 2, 9),
        D(2027, 3, 7),
    )
    assert emails("survey_next_wave") == ["equipe@delta.fr"]
