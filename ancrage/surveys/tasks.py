"""The campaign's timed steps, run by the django-tasks worker: opening,
reminders, closing (and, on closing a recurring campaign, its next wave).
Each task re-reads the campaign and does only what is due (`surveys.campaigns`
checks state and dates under a lock), so a task run twice, late, or after the
dates changed does no harm. `surveys_tick` does the same from cron if the
worker was down."""

from django.utils import timezone
from django_tasks import task

from ancrage.surveys import campaigns
from ancrage.surveys.models import Campaign, Status


def _campaign(campaign_id):
    return Campaign.objects.filter(pk=campaign_id).first()


@task()
def open_campaign(campaign_id):
    campaign = _campaign(campaign_id)
    return bool(campaign and campaigns.open_campaign(campaign))


@task()
def send_reminders(campaign_id):
    campaign = _campaign(campaign_id)
    return bool(campaign and campaigns.run_due_reminders(campaign))


@task()
def close_campaign(campaign_id):
    campaign = _campaign(campaign_id)
    return bool(campaign and campaigns.close(campaign))


def _enqueue(job, when, campaign_id, now):
    """Run `job` at `when`; a backend that cannot defer runs only what is
    due now (the rest is left to `surveys_tick`)."""
    if job.get_backend().supports_defer:
        job.using(run_after=max(when, now)).enqueue(campaign_id)
    elif when <= now:
        job.enqueue(campaign_id)


def schedule(campaign_id, now=None):
    """Enqueue the campaign's next steps: its opening, the reminders still to
    come and its closing. Extending or reopening calls it again; the tasks
    already queued for the old dates then find nothing to do."""
    now = now or timezone.now()
    campaign = _campaign(campaign_id)
    if campaign is None or campaign.status not in (Status.SCHEDULED, Status.OPEN):
        return
    if campaign.status == Status.SCHEDULED:
        _enqueue(open_campaign, campaigns.opening_at(campaign), campaign.pk, now)
    done = set(campaign.reminder_runs.values_list("day", flat=True))
    closing = campaigns.closing_at(campaign)
    for day in sorted(set(campaign.reminder_days) - done):
        when = campaigns.reminder_at(campaign, day)
        if when >= now and when < closing:
            _enqueue(send_reminders, when, campaign.pk, now)
    _enqueue(close_campaign, closing, campaign.pk, now)
