"""A campaign's life: launch, open, remind, close, extend, reopen, next wave.

    launch(campaign, request)        draft → open now, or scheduled (opening later)
    refresh_audience(campaign)       a scheduled campaign's members chosen again
    open_campaign(campaign, now)     scheduled → open at its opening, invitations sent
    run_due_reminders(campaign, now) the scheduled reminders that are due, each once
    remind_now(campaign, now)        the staff's « Relancer maintenant » (once a day)
    close(campaign, now, force=…)    open → closed at the end of the closing day
    extend / reopen(campaign, day)   a new closing date (after today)
    next_wave(campaign, now)         the following wave of a series
    tick(now)                        whatever is due (the cron fallback of the tasks)

Every step locks the campaign's row and re-checks its state and dates, so
it is safe to run twice, late, or after the dates changed: the tasks
(`surveys.tasks`) only call these. Times are Paris time: a campaign opens at
8:00 on its opening day, reminders go at 9:00, answers are taken until the
end of the closing day."""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.surveys import audience, campaign_emails
from ancrage.surveys.campaign_periods import MAX_LENGTH, advance_label, next_dates
from ancrage.surveys.models import Campaign, Invitee, Recurrence, ReminderRun, Response, Status

PARIS = ZoneInfo("Europe/Paris")
OPENING_TIME = datetime.time(8)
REMINDER_TIME = datetime.time(9)
RECURRENCE_MONTHS = {
    Recurrence.QUARTERLY: 3,
    Recurrence.SEMIANNUAL: 6,
    Recurrence.YEARLY: 12,
}


class CampaignError(Exception):
    """A step refused, with the French message to show."""


def _at(day, time):
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def opening_at(campaign):
    return _at(campaign.opens_on, OPENING_TIME)


def reminder_at(campaign, day):
    return _at(campaign.opens_on + datetime.timedelta(days=day), REMINDER_TIME)


def closing_at(campaign):
    """The end of the closing day."""
    return _at(campaign.closes_on + datetime.timedelta(days=1), datetime.time(0))


def today(now):
    return now.astimezone(PARIS).date()


def _locked(campaign):
    return Campaign.objects.select_for_update().select_related("cluster").get(pk=campaign.pk)


def record(request, campaign, what, **details):
    audit.record(
        request,
        AuditEntry.Action.CAMPAIGN_UPDATED,
        campaign,
        cluster=campaign.cluster,
        what=what,
        **details,
    )


def _schedule(campaign):
    from ancrage.surveys import tasks

    transaction.on_commit(lambda: tasks.schedule(campaign.pk))


def _current_version(campaign):
    """Before any answer, a campaign takes its questionnaire's latest version."""
    version = campaign.questionnaire.current_version
    changed = version is not None and version.pk != campaign.version_id
    if changed and not campaign.responses.exists():
        campaign.version = version


def launch(campaign, request=None, now=None):
    """Invite the audience and open now, or schedule the opening. Launching
    twice does nothing the second time (CampaignError)."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.DRAFT:
            raise CampaignError(_("Cette campagne est déjà lancée."))
        if campaign.closes_on < today(now):
            raise CampaignError(
                _("La date de clôture est passée : modifiez les dates avant de lancer.")
            )
        audience.create_member_invitees(campaign, now)
        if not campaign.invitees.exists():
            raise CampaignError(
                _("Personne à inviter : choisissez des adhérents ou ajoutez des destinataires.")
            )
        _current_version(campaign)
        campaign.launched_at = now
        campaign.status = Status.SCHEDULED
        campaign.save(update_fields=["version", "launched_at", "status"])
        if campaign.opens_on <= today(now):
            _open(campaign, now)
        record(request, campaign, "launch", status=campaign.status)
        _schedule(campaign)
    return campaign


def refresh_audience(campaign, now=None):
    """A scheduled campaign whose audience changed: its member invitees are
    chosen again (nobody has answered yet); how many members it invites.
    The non-members added by hand or imported stay, even those whose SIREN
    links them to an organisation of the platform."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.SCHEDULED:
            return None
        campaign.invitees.filter(is_member=True).delete()
        audience.create_member_invitees(campaign, now)
        return campaign.invitees.filter(is_member=True).count()


def _open(campaign, now):
    """Open; invitations go unless the campaign is already past its closing
    (a worker down for weeks): it is then closed by the next step."""
    campaign.status = Status.OPEN
    campaign.save(update_fields=["status"])
    return send_invitations(campaign, now) if closing_at(campaign) > now else 0


def open_campaign(campaign, now=None):
    """Open a scheduled campaign once its opening time has come; False otherwise."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.SCHEDULED or opening_at(campaign) > now:
            return False
        audience.create_member_invitees(campaign, now)
        _current_version(campaign)
        campaign.save(update_fields=["version"])
        _open(campaign, now)
        record(None, campaign, "open")
        _schedule(campaign)
    return True


def _waiting(campaign):
    """Invitees still expected to answer and not unsubscribed."""
    return (
        campaign.invitees.filter(unsubscribed_at=None)
        .exclude(response__state=Response.State.SUBMITTED)
        .select_related("campaign__cluster")
        .order_by("name", "pk")
    )


def send_invitations(campaign, now=None):
    """Invite the campaign's invitees not invited yet (an open campaign); how
    many emails were queued. Members without an address stay uninvited."""
    now = now or timezone.now()
    pending = list(_waiting(campaign).filter(invited_at=None))
    known = audience.addresses(
        [invitee.organisation_id for invitee in pending if invitee.organisation_id],
        campaign.cluster,
    )
    sent, invited = 0, []
    for invitee in pending:
        emails = audience.recipients(invitee, known)
        if emails:
            sent += campaign_emails.send("invitation", invitee, emails)
            invited.append(invitee.pk)
    Invitee.objects.filter(pk__in=invited).update(invited_at=now)
    return sent


def _remind(campaign, now):
    """Remind everyone still expected (inviting those never reached); emails queued."""
    waiting = list(_waiting(campaign))
    known = audience.addresses(
        [invitee.organisation_id for invitee in waiting if invitee.organisation_id],
        campaign.cluster,
    )
    sent, reminded, invited = 0, [], []
    for invitee in waiting:
        emails = audience.recipients(invitee, known)
        if not emails:
            continue
        if invitee.invited_at is None:
            sent += campaign_emails.send("invitation", invitee, emails)
            invited.append(invitee.pk)
        else:
            sent += campaign_emails.send("reminder", invitee, emails)
            reminded.append(invitee.pk)
    Invitee.objects.filter(pk__in=invited).update(invited_at=now)
    Invitee.objects.filter(pk__in=reminded).update(
        reminders_sent=F("reminders_sent") + 1, last_reminded_at=now
    )
    return sent


def run_due_reminders(campaign, now=None):
    """Send the scheduled reminder that is due, once. Reminders missed while
    the worker was down are not sent one after the other: only the latest."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.OPEN or closing_at(campaign) <= now:
            return None
        done = set(campaign.reminder_runs.values_list("day", flat=True))
        due = sorted(
            day
            for day in campaign.reminder_days
            if day not in done and reminder_at(campaign, day) <= now
        )
        if not due:
            return None
        for day in due[:-1]:
            ReminderRun.objects.create(campaign=campaign, day=day, ran_at=now, sent=0)
        return ReminderRun.objects.create(
            campaign=campaign, day=due[-1], ran_at=now, sent=_remind(campaign, now)
        )


def remind_now(campaign, request=None, now=None):
    """The staff's manual reminder, at most once a day (a day whose
    reminder wrote to nobody, or was skipped on reopening, does not count)."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.OPEN or closing_at(campaign) <= now:
            raise CampaignError(_("Seule une campagne ouverte peut être relancée."))
        day = (today(now) - campaign.opens_on).days
        run = campaign.reminder_runs.filter(day=day).first() or ReminderRun(
            campaign=campaign, day=day
        )
        if run.sent:
            raise CampaignError(_("Une relance est déjà partie aujourd'hui : réessayez demain."))
        run.ran_at, run.sent = now, _remind(campaign, now)
        run.save()
        record(request, campaign, "remind", sent=run.sent)
    return run


def close(campaign, request=None, now=None, force=False):
    """Close an open campaign at the end of its closing day (or now, when
    `force`d by staff: `closes_on` keeps the planned day, `closed_at` says
    when it closed); a recurring campaign then gets its next wave, dated
    from the planned dates."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.OPEN or (not force and closing_at(campaign) > now):
            return False
        campaign.status = Status.CLOSED
        campaign.closed_at = now
        campaign.save(update_fields=["status", "closed_at"])
        record(request, campaign, "close")
        if campaign.recurrence:
            next_wave(campaign, now=now, scheduled=True)
    return True


def _new_closing(campaign, day, now):
    if day <= today(now):
        raise CampaignError(_("La nouvelle date de clôture doit être postérieure à aujourd'hui."))
    if day > today(now) + MAX_LENGTH:
        raise CampaignError(_("La nouvelle date de clôture ne peut pas être à plus d'un an."))
    if day < campaign.opens_on:
        raise CampaignError(_("La date de clôture ne peut précéder l'ouverture."))
    following = Campaign.objects.filter(previous=campaign).first()
    if following is not None and day >= following.opens_on:
        raise CampaignError(
            _("La vague suivante ouvre le %(date)s : la clôture doit la précéder.")
            % {"date": following.opens_on.strftime("%d/%m/%Y")}
        )


def _skip_past_reminders(campaign, now):
    """Reminders whose time passed while the campaign was closed are marked
    done without writing (the next one still goes): reopening does not send
    a late reminder at once."""
    done = set(campaign.reminder_runs.values_list("day", flat=True))
    ReminderRun.objects.bulk_create(
        ReminderRun(campaign=campaign, day=day, ran_at=now, sent=0)
        for day in sorted(set(campaign.reminder_days) - done)
        if reminder_at(campaign, day) <= now
    )


def extend(campaign, day, request=None, now=None):
    """Push an open or scheduled campaign's closing date to `day`."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status not in (Status.OPEN, Status.SCHEDULED):
            raise CampaignError(_("Seule une campagne programmée ou ouverte peut être prolongée."))
        _new_closing(campaign, day, now)
        previous = campaign.closes_on
        campaign.closes_on = day
        campaign.save(update_fields=["closes_on"])
        record(request, campaign, "extend", closes_on=day.isoformat(), was=previous.isoformat())
        _schedule(campaign)
    return campaign


def reopen(campaign, day, request=None, now=None):
    """Open a closed campaign again until `day` (before its next wave's
    opening, if it has one: that wave stays as it is, and closing again
    makes no other). Reminders already past are skipped."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status != Status.CLOSED:
            raise CampaignError(_("Seule une campagne clôturée peut être rouverte."))
        _new_closing(campaign, day, now)
        campaign.status = Status.OPEN
        campaign.closes_on = day
        campaign.closed_at = None
        campaign.save(update_fields=["status", "closes_on", "closed_at"])
        _skip_past_reminders(campaign, now)
        record(request, campaign, "reopen", closes_on=day.isoformat())
        _schedule(campaign)
    return campaign


def next_wave(campaign, request=None, now=None, scheduled=False):
    """The wave after `campaign` (created once): same questionnaire (its
    current version), audience, non-member invitees (those added by hand or
    imported, without their answers), reminders, recurrence and sharing;
    its planned dates shifted by the recurrence (or right after this wave,
    for as long). Scheduled when a recurring wave closes, else a draft for
    staff to check and launch."""
    now = now or timezone.now()
    with transaction.atomic():
        campaign = _locked(campaign)
        existing = Campaign.objects.filter(previous=campaign).first()
        if existing is not None:
            return existing
        months = RECURRENCE_MONTHS.get(campaign.recurrence)
        opens_on, closes_on = next_dates(campaign, months, today(now))
        wave = Campaign.objects.create(
            cluster=campaign.cluster,
            questionnaire=campaign.questionnaire,
            version=campaign.questionnaire.current_version or campaign.version,
            title=campaign.title,
            period_label=advance_label(campaign.period_label, months, campaign.wave + 1),
            opens_on=opens_on,
            closes_on=closes_on,
            status=Status.SCHEDULED if scheduled else Status.DRAFT,
            audience_filter=campaign.audience_filter,
            audience_members=campaign.audience_members,
            reminder_days=list(campaign.reminder_days),
            recurrence=campaign.recurrence,
            share_results=campaign.share_results,
            previous=campaign,
            wave=campaign.wave + 1,
            created_by=request.user if request is not None else None,
            created_at=now,
            launched_at=now if scheduled else None,
        )
        Invitee.objects.bulk_create(
            Invitee(
                campaign=wave,
                organisation_id=invitee.organisation_id,
                name=invitee.name,
                email=invitee.email,
                siren=invitee.siren,
                size_class=invitee.size_class,
                commune_id=invitee.commune_id,
                unsubscribed_at=invitee.unsubscribed_at,
                created_at=now,
            )
            for invitee in campaign.invitees.filter(is_member=False).order_by("pk")
        )
        record(request, campaign, "next_wave", wave=wave.pk)
        if scheduled:
            campaign_emails.notify_next_wave(campaign, wave)
            _schedule(wave)
    return wave


def tick(now=None):
    """Do whatever is due (open, remind, close, next wave): {step: count}."""
    now = now or timezone.now()
    done = {"opened": 0, "reminded": 0, "closed": 0, "waves": 0}
    for campaign in Campaign.objects.filter(status=Status.SCHEDULED, opens_on__lte=today(now)):
        done["opened"] += open_campaign(campaign, now)
    for campaign in Campaign.objects.filter(status=Status.OPEN).order_by("pk"):
        if close(campaign, now=now):
            done["closed"] += 1
        elif run_due_reminders(campaign, now) is not None:
            done["reminded"] += 1
    orphans = Campaign.objects.filter(status=Status.CLOSED, next_wave=None).exclude(recurrence="")
    for campaign in orphans.order_by("pk"):
        next_wave(campaign, now=now, scheduled=True)
        done["waves"] += 1
    return done
