"""Member schools and training bodies relay internship and work-study offers
to their students.

    is_school(organisation)                   # training body, higher ed, lycée
    offers_for(organisation)                  # the offers it may relay
    parse_addresses(text) -> (emails, errors) # one a line, or , ;
    relay(offer, organisation, by, addresses, message) -> Relay

A school sees the visible stage and alternance offers published on the job
boards of the clusters it is an active member of; it sends each address one
email (through the outbox) with the offer's link and its own message."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.jobs import lifecycle
from ancrage.jobs.application_emails import offer_link
from ancrage.jobs.models import SCHOOL_CONTRACTS, Offer, Publication, Relay
from ancrage.organisations.models import Membership, Organisation
from ancrage.outbox.services import queue_email

SCHOOL_KINDS = (
    Organisation.Kind.TRAINING_BODY,
    Organisation.Kind.HIGHER_EDUCATION,
    Organisation.Kind.LYCEE,
)
MAX_RECIPIENTS = 500
# The platform's address sends the relays: a school relays to at most this
# many addresses a day, so that it cannot be used to send mass mail.
MAX_RECIPIENTS_PER_DAY = 1500
MAX_MESSAGE = 5000
SEPARATORS = re.compile(r"[,;]")


def is_school(organisation):
    return organisation is not None and organisation.kind in SCHOOL_KINDS


def offers_for(organisation):
    """The visible internship and work-study offers published on the job
    boards of the clusters `organisation` is an active member of."""
    clusters = lifecycle.member_clusters(organisation)
    on_board = Publication.objects.filter(
        status=Publication.Status.PUBLISHED,
        cluster__in=clusters,
        cluster__memberships__organisation=F("offer__organisation"),
        cluster__memberships__status=Membership.Status.ACTIVE,
    )
    return lifecycle.visible(
        Offer.objects.filter(contract__in=SCHOOL_CONTRACTS, pk__in=on_board.values("offer"))
    )


def parse_addresses(text):
    """The distinct email addresses of `text` (one a line, or separated by
    commas or semicolons), and the errors: a list of (line number, what was
    typed, French message)."""
    emails, errors, seen = [], [], set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        for item in SEPARATORS.split(line):
            value = item.strip().strip("<>").strip()
            if not value:
                continue
            try:
                validate_email(value)
            except ValidationError:
                errors.append((number, item.strip(), _("adresse de courriel invalide")))
                continue
            key = value.lower()
            if key not in seen:
                seen.add(key)
                emails.append(value)
    return emails, errors


def recipients_today(organisation):
    """How many addresses `organisation` relayed offers to since midnight."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    total = Relay.objects.filter(organisation=organisation, relayed_at__gte=midnight).aggregate(
        total=Sum("recipients")
    )["total"]
    return total or 0


def relay(offer, organisation, by, addresses, message=""):
    """Send `offer` to each of `addresses` with the school's `message`; the
    Relay recorded."""
    if not addresses:
        raise ValueError("no address")
    if len(addresses) > MAX_RECIPIENTS:
        raise ValueError("too many addresses")
    context = {
        "organisation": organisation.name,
        "title": offer.title,
        "company": offer.organisation.name,
        "contract": offer.get_contract_display(),
        "commune": offer.commune.name,
        "period_start": offer.period_start,
        "period_end": offer.period_end,
        "rhythm": offer.rhythm,
        "message": (message or "").strip(),
        "url": offer_link(offer),
    }
    with transaction.atomic():
        record = Relay.objects.create(
            offer=offer,
            organisation=organisation,
            relayed_by=by,
            recipients=len(addresses),
            message=context["message"],
        )
        for address in addresses:
            queue_email("jobs_relay_offer", address, context)
    return record
