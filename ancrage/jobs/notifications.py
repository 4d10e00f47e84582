"""The emails of an offer's life, through the outbox (French templates
`emails/jobs_*`): the cluster's staff when an offer awaits their moderation,
or appeared at once on their board moderated after publication; the
organisation's users when their offer is published, refused or withdrawn
(with the reason), when it has not been updated for long (confirm it or
close it) and when it expired. Called by `lifecycle` and `expiry`, inside
their transaction: the emails leave once it commits."""

from django.conf import settings
from django.urls import reverse

from ancrage.jobs.models import Publication
from ancrage.outbox.services import queue_email


def _url(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def staff_emails(cluster):
    return list(
        cluster.staff.filter(user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def organisation_emails(organisation):
    return list(
        organisation.users.filter(user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def _context(publication):
    offer = publication.offer
    return {
        "title": offer.title,
        "organisation": offer.organisation.name,
        "cluster": publication.cluster.name,
    }


def awaiting_moderation(publication):
    """Tell the cluster's staff that the offer waits for their decision."""
    context = _context(publication) | {
        "url": _url("jobs_moderation:detail", publication.pk),
    }
    for email in staff_emails(publication.cluster):
        queue_email("jobs_offer_pending", email, context)


def published(publication):
    """Tell the organisation's users that the cluster published their offer."""
    context = _context(publication) | {"url": _url("jobs_company:detail", publication.offer_id)}
    for email in organisation_emails(publication.offer.organisation):
        queue_email("jobs_offer_published", email, context)


def refused(publication, *, withdrawn):
    """Tell the organisation's users that the cluster refused their offer, or
    withdrew it once published, and why."""
    context = _context(publication) | {
        "withdrawn": withdrawn,
        "reason": publication.reason,
        "url": _url("jobs_company:detail", publication.offer_id),
    }
    for email in organisation_emails(publication.offer.organisation):
        queue_email("jobs_offer_refused", email, context)


def published_at_once(publication):
    """Tell the staff of a cluster that moderates after publication that the
    offer is on their board: they may withdraw it."""
    context = _context(publication) | {
        "url": _url("jobs_moderation:detail", publication.pk),
    }
    for email in staff_emails(publication.cluster):
        queue_email("jobs_offer_published_after", email, context)


def _offer_context(offer):
    return {
        "title": offer.title,
        "organisation": offer.organisation.name,
        "clusters": ", ".join(
            offer.publications.filter(status=Publication.Status.PUBLISHED)
            .order_by("cluster__name")
            .values_list("cluster__name", flat=True)
        ),
    }


def confirmation_asked(offer, *, answer_days, since):
    """Ask the organisation's users whether their offer, not updated since
    `since`, is still current: confirm it or close it within `answer_days`."""
    context = _offer_context(offer) | {
        "since": since,
        "answer_days": answer_days,
        "url": _url("jobs_company:confirm", offer.pk),
    }
    for email in organisation_emails(offer.organisation):
        queue_email("jobs_offer_confirm", email, context)


def expired(offer, *, no_answer):
    """Tell the organisation's users that their offer expired: unconfirmed
    (`no_answer`), or past its expiry date."""
    context = _offer_context(offer) | {
        "no_answer": no_answer,
        "expires_on": offer.expires_on,
        "url": _url("jobs_company:detail", offer.pk),
    }
    for email in organisation_emails(offer.organisation):
        queue_email("jobs_offer_expired", email, context)
