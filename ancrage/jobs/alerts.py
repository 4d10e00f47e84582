"""The email alerts of the candidates' saved searches, run each night
(`run`, called by the nightly `jobs_daily` command):

- a daily search is due when its last alert was sent before today, a
  weekly one 7 days or more after its last alert;
- each due search gets one email listing the offers that match it and
  were published on a job board since its last alert (through the outbox,
  `emails/jobs_alert_*`), with a link to change its frequency or stop it;
- its last alert then moves to now; nothing new, no email.

An offer is published at the moment its first current publication was
decided (or submitted, on a board that moderates after publication)."""

import datetime
import logging

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.jobs import search
from ancrage.jobs.models import Publication, SavedSearch
from ancrage.jobs.search_forms import OfferSearchForm, as_querydict
from ancrage.jobs.views.public import offer_url
from ancrage.outbox.services import queue_email

logger = logging.getLogger(__name__)

# The offers listed in one email; a link to the search shows the others.
MAX_LISTED = 20
# A weekly alert sent on a Monday is due again the next Monday.
WEEK_AGO = datetime.timedelta(days=6)


def due(today=None):
    """The saved searches whose alert is due `today`, with their user."""
    today = today or timezone.localdate()
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    daily = SavedSearch.objects.filter(
        frequency=SavedSearch.Frequency.DAILY, last_sent_at__lt=start_of_today
    )
    weekly = SavedSearch.objects.filter(
        frequency=SavedSearch.Frequency.WEEKLY, last_sent_at__lt=start_of_today - WEEK_AGO
    )
    return (daily | weekly).filter(user__is_active=True).select_related("user").order_by("pk")


def published_at():
    """The moment an offer went on a job board (its first current publication)."""
    first = (
        Publication.objects.filter(offer=OuterRef("pk"), status=Publication.Status.PUBLISHED)
        .annotate(at=Coalesce("decided_at", "submitted_at"))
        .order_by("at")
        .values("at")[:1]
    )
    return Subquery(first)


def new_offers(saved, until, today=None):
    """The offers matching `saved` published after its last alert and up
    to `until`, the most recent first; None when its query no longer
    validates (a cluster or an occupation gone)."""
    form = OfferSearchForm(as_querydict(saved.query))
    if not form.is_valid():
        return None
    since = saved.last_sent_at
    data = dict(form.cleaned_data, sort="date")
    return (
        search.offers(data, today=today)
        .filter(published_on__gte=timezone.localdate(since))
        .annotate(published_at=published_at())
        .filter(published_at__gt=since, published_at__lte=until)
    )


def _url(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def send(saved, offers, count):
    """Queue the alert email of `saved` listing `offers` (the first ones of
    the `count` new offers)."""
    params = as_querydict(saved.query).urlencode()
    search_url = _url("jobs_search:search") + (f"?{params}" if params else "")
    context = {
        "name": saved.name,
        "count": count,
        "offers": [
            {
                "title": offer.title,
                "organisation": offer.organisation.name,
                "commune": offer.commune.label,
                "contract": offer.get_contract_display(),
                "url": settings.SITE_URL + offer_url(offer),
            }
            for offer in offers
        ],
        "more": count - len(offers),
        "frequency": saved.get_frequency_display(),
        "search_url": search_url,
        "settings_url": _url("jobs_alerts:edit", saved.pk),
    }
    queue_email("jobs_alert", saved.user.email, context)


def _alert(saved, now, today):
    """Send `saved`'s alert if it has new offers; 1 if an email went out."""
    offers = new_offers(saved, now, today=today)
    if offers is None:
        return 0
    listed = list(offers[:MAX_LISTED])
    sent = 0
    if listed:
        count = offers.count() if len(listed) == MAX_LISTED else len(listed)
        send(saved, listed, count)
        sent = 1
    SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=now)
    return sent


def run(today=None):
    """Send the alerts due `today`; a one-line French summary."""
    now = timezone.now()
    sent = 0
    for saved in due(today):
        try:
            sent += _alert(saved, now, today)
        except Exception:  # one broken search must not stop the others' alerts
            logger.exception("Saved search %s: alert failed", saved.pk)
    if not sent:
        return _("Alertes des recherches enregistrées : aucune offre nouvelle.")
    return ngettext(
        "Alertes des recherches enregistrées : %(count)s courriel envoyé.",
        "Alertes des recherches enregistrées : %(count)s courriels envoyés.",
        sent,
    ) % {"count": sent}
