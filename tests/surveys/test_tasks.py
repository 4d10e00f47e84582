"""The timed steps of a campaign as django-tasks: launching, extending and
reopening queue the opening, the reminders and the closing at their Paris
time; each task does only what is due when it runs (twice, late, or after
the dates changed); `surveys_tick` is the cron fallback."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from ancrage.clusters.factories import ClusterFactory
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.outbox.models import OutgoingEmail
from ancrage.surveys import campaigns, tasks
from ancrage.surveys.factories import CampaignFactory
from ancrage.surveys.models import Campaign, Status

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
D = datetime.date


def at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def queued(backend):
    """[(task name, campaign id, run_after in Paris)] of the survey tasks queued."""
    return sorted(
        (result.task.name, result.args[0], result.task.run_after.astimezone(PARIS))
        for result in backend.results
        if result.task.module_path.startswith("ancrage.surveys.tasks")
    )


@pytest.fixture
def campaign():
    cluster = ClusterFactory()
    membership = MembershipFactory(cluster=cluster)
    OrganisationUserFactory(organisation=membership.organisation, user__email="m@x.fr")
    return CampaignFactory(
        cluster=cluster,
        status=Status.DRAFT,
        launched_at=None,
        opens_on=D(2026, 9, 1),
        closes_on=D(2026, 9, 30),
        reminder_days=[7, 40],
    )


def test_launching_a_future_campaign_queues_its_steps(
    campaign, dummy_tasks, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(D(2026, 8, 20))), django_capture_on_commit_callbacks(execute=True):
        campaigns.launch(campaign)
    assert queued(dummy_tasks) == [
        ("close_campaign", campaign.pk, at(D(2026, 10, 1), 0)),
        ("open_campaign", campaign.pk, at(D(2026, 9, 1), 8)),
        # J+40 falls after the closing: not queued.
        ("send_reminders", campaign.pk, at(D(2026, 9, 8), 9)),
    ]


def test_extending_queues_the_new_closing(
    campaign, dummy_tasks, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(D(2026, 9, 1), 10)):
        campaigns.launch(campaign)
        dummy_tasks.clear()
        with django_capture_on_commit_callbacks(execute=True):
            campaigns.extend(campaign, D(2026, 10, 20))
    steps = queued(dummy_tasks)
    assert ("close_campaign", campaign.pk, at(D(2026, 10, 21), 0)) in steps
    assert ("send_reminders", campaign.pk, at(D(2026, 10, 11), 9)) in steps


def test_tasks_do_only_what_is_due(campaign):
    with time_machine.travel(at(D(2026, 8, 20))):
        campaigns.launch(campaign)
        assert tasks.open_campaign.call(campaign.pk) is False
    with time_machine.travel(
        at(
            D(2026, 9, 1),
            8,
        )
    ):
        assert tasks.open_campaign.call(campaign.pk) is True
        assert tasks.open_campaign.call(campaign.pk) is False
        assert tasks.send_reminders.call(campaign.pk) is False
    with time_machine.travel(at(D(2026, 9, 8), 9)):
        assert tasks.send_reminders.call(campaign.pk) is True
        assert tasks.send_reminders.call(campaign.pk) is False
    with time_machine.travel(at(D(2026, 9, 30), 23)):
        assert tasks.close_campaign.call(campaign.pk) is False
    with time_machine.travel(at(D(2026, 10, 3))):
        assert tasks.close_campaign.call(campaign.pk) is True
        assert tasks.close_campaign.call(campaign.pk) is False
    assert list(OutgoingEmail.objects.values_list("template", flat=True).order_by("pk")) == [
        "survey_invitation",
        "survey_reminder",
    ]
    # A campaign deleted meanwhile: nothing to do.
    assert tasks.close_campaign.call(0) is False


def test_the_tick_command_catches_up(campaign):
    campaign.recurrence = "yearly"
    campaign.period_label = "2026"
    campaign.save()
    with time_machine.travel(at(D(2026, 8, 20))):
        campaigns.launch(campaign)
    with time_machine.travel(at(D(2026, 10, 2))):
        call_command("surveys_tick")
        call_command("surveys_tick")
    campaign.refresh_from_db()
    assert campaign.status == Status.CLOSED
    wave = Campaign.objects.get(previous=campaign)
    assert (wave.period_label, wave.opens_on, wave.status) == (
        "2027",
        D(2027, 9, 1),
        Status.SCHEDULED,
    )
    # Opened after its closing date (the worker was down): nobody is invited.
    assert not OutgoingEmail.objects.filter(template="survey_invitation").exists()
