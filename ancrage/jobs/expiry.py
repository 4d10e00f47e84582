"""Offers that are no longer current leave the job boards (run nightly).

A published offer not updated for `CONFIRM_AFTER_DAYS` days asks its
organisation's users once whether it is still current (a link to « Toujours
d'actualité » or « Clore l'offre »); confirmed, or edited, it counts as
updated. Without an answer `ANSWER_DAYS` days after the request, it
expires. An offer past its expiry date (`expires_on`) expires too. An
expired offer keeps its publications (the impact figures count it) but is no
longer visible.

    run(today=None)   # one French line: how many offers asked, expired
"""

import datetime

from django.db import transaction
from django.utils import timezone

from ancrage.jobs import lifecycle, notifications
from ancrage.jobs.models import Offer

CONFIRM_AFTER_DAYS = 60
ANSWER_DAYS = 14


def to_ask(today):
    """Published offers not updated for `CONFIRM_AFTER_DAYS` days and not asked yet."""
    return Offer.objects.filter(
        status=Offer.Status.PUBLISHED,
        confirmation_asked_on__isnull=True,
        updated_at__date__lte=today - datetime.timedelta(days=CONFIRM_AFTER_DAYS),
    )


def unanswered(today):
    """Published offers asked `ANSWER_DAYS` days ago or more and not confirmed."""
    return Offer.objects.filter(
        status=Offer.Status.PUBLISHED,
        confirmation_asked_on__lte=today - datetime.timedelta(days=ANSWER_DAYS),
    )


def past_their_date(today):
    """Open offers (published or awaiting moderation) whose expiry date has passed."""
    return Offer.objects.filter(
        status__in=(Offer.Status.SUBMITTED, Offer.Status.PUBLISHED), expires_on__lt=today
    )


def ask(offer, today):
    """Ask the organisation once to confirm the offer (the offer's update date is
    left as it is: asking is not updating)."""
    with transaction.atomic():
        since = timezone.localtime(offer.updated_at).date()
        asked = Offer.objects.filter(
            pk=offer.pk, status=Offer.Status.PUBLISHED, confirmation_asked_on__isnull=True
        ).update(confirmation_asked_on=today)
        if asked:
            offer.confirmation_asked_on = today
            notifications.confirmation_asked(offer, answer_days=ANSWER_DAYS, since=since)
    return bool(asked)


def _expire(offers, why, today):
    count = 0
    for offer in offers.select_related("organisation"):
        try:
            lifecycle.expire(offer, why, on=today)
        except lifecycle.Refused:
            continue  # closed meanwhile
        count += 1
    return count


def run(today=None):
    """Expire the offers past their date or unconfirmed, then ask for the
    confirmation of those not updated for long. A French summary line."""
    today = today or timezone.localdate()
    by_date = _expire(past_their_date(today), lifecycle.Expiry.DATE, today)
    no_answer = _expire(unanswered(today), lifecycle.Expiry.NO_ANSWER, today)
    asked = sum(ask(offer, today) for offer in to_ask(today).select_related("organisation"))
    return (
        f"Offres : {asked} confirmation(s) demandée(s), {no_answer} expirée(s) sans "
        f"confirmation, {by_date} expirée(s) à leur date d'expiration."
    )
