"""The reminder of applications left unanswered: an application still new
or seen 14 days after it arrived, on an offer still open, is recalled to
each user of the company that published the offer — one email per user,
listing all their organisation's waiting applications — and only once
(`reminded_at`).

    run(today=None) -> str     # nightly, by `jobs_daily`"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.jobs import application_emails
from ancrage.jobs.models import Application, Offer
from ancrage.jobs.notifications import organisation_emails

WAIT_DAYS = 14
WAITING = (Application.Status.NEW, Application.Status.SEEN)
OPEN_OFFERS = (Offer.Status.SUBMITTED, Offer.Status.PUBLISHED)


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def waiting(today):
    """The applications to recall on `today`: received at least 14 days
    before, still new or seen, not recalled yet."""
    limit = _midnight(today - datetime.timedelta(days=WAIT_DAYS - 1))
    return (
        Application.objects.filter(
            status__in=WAITING,
            reminded_at__isnull=True,
            created_at__lt=limit,
            offer__status__in=OPEN_OFFERS,
        )
        .select_related("offer__organisation", "candidate__user")
        .order_by("offer__organisation_id", "created_at", "pk")
    )


@transaction.atomic
def run(today=None):
    """Send the reminders due on `today`; a one-line French summary."""
    today = today or timezone.localdate()
    by_organisation = {}
    for application in waiting(today).select_for_update(of=("self",)):
        by_organisation.setdefault(application.offer.organisation, []).append(application)
    emails = 0
    now = timezone.now()
    for organisation, applications in by_organisation.items():
        for address in organisation_emails(organisation):
            application_emails.reminder(address, organisation, applications)
            emails += 1
    reminded = [a.pk for applications in by_organisation.values() for a in applications]
    Application.objects.filter(pk__in=reminded).update(reminded_at=now)
    if not reminded:
        return _("Relance des candidatures : aucune candidature en attente depuis 14 jours.")
    return ngettext(
        "Relance des candidatures : %(count)d candidature en attente, %(emails)d courriel(s) "
        "à %(organisations)d organisation(s).",
        "Relance des candidatures : %(count)d candidatures en attente, %(emails)d courriel(s) "
        "à %(organisations)d organisation(s).",
        len(reminded),
    ) % {"count": len(reminded), "emails": emails, "organisations": len(by_organisation)}
