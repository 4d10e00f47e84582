"""How long candidates' data is kept (CNIL guidance on recruitment data),
run each night by `jobs_daily`:

- a profile of the CV bank leaves it two years after the candidate's last
  activity (login or edit), with one warning email 30 days before: its
  consents are withdrawn, its CV discarded, its CV text, experience and
  education lines, skills and occupations emptied; the account stays;
- an application to a recruitment that ended (offer filled, closed or
  expired) is deleted, with its cover letter, 3 months after the end,
  unless the candidate is in the CV bank (an active consent)."""

import calendar
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.files import uploads
from ancrage.jobs.erase import discard_application
from ancrage.jobs.models import (
    Application,
    CandidateProfile,
    Consent,
    EducationLine,
    ExperienceLine,
    Offer,
)
from ancrage.outbox.services import queue_email

KEEP_DAYS = 730  # two years
WARN_DAYS_BEFORE = 30
KEEP_APPLICANTS_MONTHS = 3
ENDED = (Offer.Status.FILLED, Offer.Status.CLOSED, Offer.Status.EXPIRED)


def months_before(day, months):
    """`day` minus `months` calendar months (the 31st becomes the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _active_consent():
    return Consent.objects.filter(profile=OuterRef("pk"), withdrawn_at__isnull=True)


def holding_data(profiles=None):
    """Profiles that still hold something the CV bank would show."""
    profiles = CandidateProfile.objects.all() if profiles is None else profiles
    through_skills = CandidateProfile.skills.through.objects.filter(candidateprofile=OuterRef("pk"))
    through_occupations = CandidateProfile.occupations.through.objects.filter(
        candidateprofile=OuterRef("pk")
    )
    return profiles.filter(
        Exists(_active_consent())
        | Q(cv__isnull=False)
        | ~Q(cv_text="")
        | Exists(ExperienceLine.objects.filter(profile=OuterRef("pk")))
        | Exists(EducationLine.objects.filter(profile=OuterRef("pk")))
        | Exists(through_skills)
        | Exists(through_occupations)
    )


def expiry_date(profile):
    """The day the profile leaves the CV bank if nothing happens before."""
    return timezone.localdate(profile.last_activity_at) + timedelta(days=KEEP_DAYS)


def warn(today):
    """One email to each candidate whose profile expires within 30 days."""
    limit = _start_of(today - timedelta(days=KEEP_DAYS - WARN_DAYS_BEFORE))
    profiles = holding_data(
        CandidateProfile.objects.filter(
            last_activity_at__lt=limit, expiry_warned_on__isnull=True, user__is_active=True
        )
    ).select_related("user")
    url = settings.SITE_URL + reverse("accounts:login")
    count = 0
    for profile in profiles:
        with transaction.atomic():
            updated = CandidateProfile.objects.filter(
                pk=profile.pk, expiry_warned_on__isnull=True
            ).update(expiry_warned_on=today)
            if not updated:
                continue
            queue_email(
                "jobs_candidate_expiry_warning",
                profile.user.email,
                {
                    "user": profile.user,
                    "expires_on": max(
                        expiry_date(profile), today + timedelta(days=WARN_DAYS_BEFORE)
                    ),
                    "url": url,
                },
            )
            count += 1
    return count


@transaction.atomic
def empty(profile, now=None):
    """Take the profile out of the CV bank: it keeps the account, the name,
    the commune and the wishes, and loses what a company would read."""
    now = now or timezone.now()
    Consent.objects.filter(profile=profile, withdrawn_at__isnull=True).update(withdrawn_at=now)
    cv = profile.cv
    profile.experiences.all().delete()
    profile.educations.all().delete()
    profile.skills.clear()
    profile.occupations.clear()
    CandidateProfile.objects.filter(pk=profile.pk).update(cv=None, cv_text="")
    uploads.discard(cv)


def expire(today):
    """Empty the profiles inactive for two years whose candidate was warned at
    least 30 days ago (a profile never warned is warned first)."""
    limit = _start_of(today - timedelta(days=KEEP_DAYS))
    # A deactivated account is never warned (no email goes to it): its
    # profile is emptied at the limit all the same.
    profiles = holding_data(
        CandidateProfile.objects.filter(last_activity_at__lt=limit).filter(
            Q(expiry_warned_on__lte=today - timedelta(days=WARN_DAYS_BEFORE))
            | Q(user__is_active=False)
        )
    ).select_related("cv")
    count = 0
    for profile in profiles:
        empty(profile)
        count += 1
    return count


def ended_recruitment_applications(today):
    """Applications to recruitments that ended 3 months ago or more, of
    candidates not in the CV bank."""
    cutoff = months_before(today, KEEP_APPLICANTS_MONTHS)
    in_bank = Consent.objects.filter(profile=OuterRef("candidate"), withdrawn_at__isnull=True)
    return (
        Application.objects.annotate(ended_on=Coalesce("offer__closed_on", "offer__expires_on"))
        .filter(Q(offer__status__in=ENDED, ended_on__lte=cutoff) | Q(offer__expires_on__lte=cutoff))
        .exclude(Exists(in_bank))
        .select_related("cover_letter")
    )


def purge_applications(today):
    count = 0
    for application in ended_recruitment_applications(today):
        with transaction.atomic():
            discard_application(application)
        count += 1
    return count


def run(today=None) -> str:
    """The nightly pass; a one-line French summary."""
    today = today or timezone.localdate()
    warned = warn(today)
    expired = expire(today)
    purged = purge_applications(today)
    return _(
        "Conservation des données candidats : %(warned)s avertissement(s), "
        "%(expired)s profil(s) retiré(s) de la CVthèque, %(purged)s candidature(s) "
        "supprimée(s) après la fin du recrutement."
    ) % {"warned": warned, "expired": expired, "purged": purged}
