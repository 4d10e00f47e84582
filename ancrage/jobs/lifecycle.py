"""An offer's life: draft → submitted → published → filled / closed /
expired, and its publication on each cluster's job board.

    submit(offer, clusters, by)       # a Publication per cluster: pending, or
                                      # published at once where the cluster
                                      # moderates after publication; a refused
                                      # one is submitted again
    publish(publication, by)          # the cluster's staff
    refuse(publication, by, reason)   # refused, or withdrawn once published
    close(offer, filled=…, through_platform=…)
    confirm(offer, by)                # « toujours d'actualité » (see `expiry`)
    expire(offer, why)                # no answer to the confirmation, or past
                                      # its expiry date
    visible(offers)                   # the offers anyone may read on a job board

Each function checks the state it starts from and raises `Refused` (with a
French message) otherwise, so a form posted twice or late changes nothing.
The people concerned are told by email (`notifications`): the staff of a
cluster when an offer awaits their moderation, or appeared at once on their
board moderated after publication (they may withdraw it); the
organisation's users when their offer is published, refused, withdrawn or
expired."""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.jobs import notifications
from ancrage.jobs.models import JobBoard, Moderation, Offer, Publication
from ancrage.organisations.models import Membership

OPEN = (Offer.Status.DRAFT, Offer.Status.SUBMITTED, Offer.Status.PUBLISHED)


class Refused(Exception):
    """The offer or publication is not in a state that allows the change."""


def moderation_of(cluster):
    board = JobBoard.objects.filter(cluster=cluster).first()
    return board.moderation if board else Moderation.BEFORE


def member_clusters(organisation):
    """The clusters the organisation may publish on: those it is an active member of."""
    from ancrage.clusters.models import Cluster

    return Cluster.objects.filter(
        memberships__organisation=organisation, memberships__status=Membership.Status.ACTIVE
    ).order_by("name")


def _settle(offer, today):
    """The offer's state from its publications (while it is open)."""
    statuses = set(offer.publications.values_list("status", flat=True))
    if Publication.Status.PUBLISHED in statuses:
        offer.status = Offer.Status.PUBLISHED
        offer.published_on = offer.published_on or today
    else:
        # Published again later, it is dated from then.
        offer.published_on = None
        pending = Publication.Status.PENDING in statuses
        offer.status = Offer.Status.SUBMITTED if pending else Offer.Status.DRAFT
    offer.save(update_fields=["status", "published_on", "updated_at"])


def _locked(offer):
    """The offer read again under a row lock: two people acting on it at
    once are served one after the other, each on the state the other left."""
    return Offer.objects.select_for_update().get(pk=offer.pk)


def _is_member(organisation_id, cluster_id):
    return Membership.objects.filter(
        organisation_id=organisation_id, cluster_id=cluster_id, status=Membership.Status.ACTIVE
    ).exists()


@transaction.atomic
def submit(offer, clusters, by):
    """Submit the offer to the job board of each of `clusters`: the new (or
    submitted again, once refused) publications. Clusters where the offer is
    pending or published are left as they are."""
    offer = _locked(offer)
    if offer.status not in OPEN:
        raise Refused(_("Cette offre est close : elle ne peut plus être soumise."))
    allowed = set(member_clusters(offer.organisation).values_list("pk", flat=True))
    clusters = list(clusters)
    if not clusters:
        raise Refused(_("Choisissez au moins un cluster où publier l'offre."))
    if any(cluster.pk not in allowed for cluster in clusters):
        raise Refused(
            _(
                "Une offre ne peut être publiée que sur les clusters dont "
                "l'organisation est adhérente."
            )
        )
    now = timezone.now()
    existing = {p.cluster_id: p for p in offer.publications.all()}
    created = []
    for cluster in clusters:
        after = moderation_of(cluster) == Moderation.AFTER
        status = Publication.Status.PUBLISHED if after else Publication.Status.PENDING
        publication = existing.get(cluster.pk)
        if publication is None:
            publication = Publication.objects.create(
                offer=offer, cluster=cluster, status=status, submitted_at=now
            )
        elif publication.status == Publication.Status.REFUSED:
            publication.status = status
            publication.submitted_at = now
            publication.decided_at = None
            publication.decided_by = None
            publication.reason = ""
            publication.save()
        else:
            continue
        created.append(publication)
    _settle(offer, timezone.localdate())
    for publication in created:
        if publication.status == Publication.Status.PENDING:
            notifications.awaiting_moderation(publication)
        else:
            notifications.published_at_once(publication)
    return created


@transaction.atomic
def publish(publication, by):
    offer = _locked(publication.offer)
    publication.refresh_from_db()
    publication.offer = offer
    if offer.status not in OPEN:
        raise Refused(_("Cette offre est close."))
    if not _is_member(offer.organisation_id, publication.cluster_id):
        raise Refused(_("Cette organisation n'est plus adhérente du cluster."))
    if publication.status == Publication.Status.PUBLISHED:
        raise Refused(_("Cette offre est déjà publiée."))
    publication.status = Publication.Status.PUBLISHED
    publication.decided_at = timezone.now()
    publication.decided_by = by
    publication.reason = ""
    publication.save()
    _settle(publication.offer, timezone.localdate())
    notifications.published(publication)


@transaction.atomic
def refuse(publication, by, reason):
    """Refuse a pending publication, or withdraw a published one, with the
    reason the company reads."""
    if not reason.strip():
        raise Refused(_("Indiquez le motif : l'entreprise le lira."))
    offer = _locked(publication.offer)
    publication.refresh_from_db()
    publication.offer = offer
    if offer.status not in OPEN:
        raise Refused(_("Cette offre est close : elle n'est plus sur la bourse d'emploi."))
    if publication.status == Publication.Status.REFUSED:
        raise Refused(_("Cette offre est déjà refusée ou retirée."))
    withdrawn = publication.status == Publication.Status.PUBLISHED
    publication.status = Publication.Status.REFUSED
    publication.decided_at = timezone.now()
    publication.decided_by = by
    publication.reason = reason.strip()
    publication.save()
    _settle(offer, timezone.localdate())
    notifications.refused(publication, withdrawn=withdrawn)


@transaction.atomic
def edited(offer, by):
    """After the company changed a published or pending offer: on the job
    boards that moderate before publication, its publication waits for the
    staff's moderation again (they are told). An edited offer is up to date:
    a pending confirmation request is answered. The clusters concerned."""
    offer = _locked(offer)
    if offer.confirmation_asked_on is not None:
        offer.confirmation_asked_on = None
        offer.save(update_fields=["confirmation_asked_on", "updated_at"])
    again = []
    for publication in offer.publications.filter(status=Publication.Status.PUBLISHED):
        if moderation_of(publication.cluster) == Moderation.BEFORE:
            publication.status = Publication.Status.PENDING
            publication.submitted_at = timezone.now()
            publication.decided_at = publication.decided_by = None
            publication.save()
            again.append(publication)
    _settle(offer, timezone.localdate())
    for publication in again:
        notifications.awaiting_moderation(publication)
    return [publication.cluster for publication in again]


@transaction.atomic
def close(offer, *, filled, through_platform=None, on=None):
    """Close the offer, saying whether the position was filled, and if so
    whether through the job board (the impact figures count it)."""
    locked = _locked(offer)
    if locked.status not in OPEN:
        raise Refused(_("Cette offre est déjà close."))
    offer.refresh_from_db()
    offer.status = Offer.Status.FILLED if filled else Offer.Status.CLOSED
    offer.filled = bool(filled)
    offer.filled_through_platform = bool(through_platform) if filled else None
    offer.closed_on = on or timezone.localdate()
    offer.save()


@transaction.atomic
def confirm(offer, by):
    """The company says its published offer is still current (« Toujours
    d'actualité »): it counts as updated today, and the request is answered."""
    locked = _locked(offer)
    if locked.status != Offer.Status.PUBLISHED:
        raise Refused(_("Cette offre n'est plus publiée : il n'y a rien à confirmer."))
    locked.confirmation_asked_on = None
    locked.save(update_fields=["confirmation_asked_on", "updated_at"])
    offer.refresh_from_db()


class Expiry:
    """Why an offer expires."""

    NO_ANSWER = "sans_reponse"  # its confirmation was asked and not given
    DATE = "date"  # its expiry date has passed


@transaction.atomic
def expire(offer, why=Expiry.NO_ANSWER, on=None):
    """The offer leaves the job boards, expired (its publications stay, for
    the record and the impact figures); the company is told."""
    locked = _locked(offer)
    if locked.status not in (Offer.Status.SUBMITTED, Offer.Status.PUBLISHED):
        raise Refused(_("Seule une offre publiée ou en attente de modération peut expirer."))
    locked.status = Offer.Status.EXPIRED
    locked.closed_on = on or timezone.localdate()
    locked.save(update_fields=["status", "closed_on", "updated_at"])
    offer.refresh_from_db()
    notifications.expired(offer, no_answer=why == Expiry.NO_ANSWER)


def visible(offers=None, *, cluster=None, today=None):
    """The offers anyone may read: published, not past their expiry date,
    and published on `cluster`'s job board (on any when None) by an
    organisation still an active member of that cluster."""
    today = today or timezone.localdate()
    offers = Offer.objects.all() if offers is None else offers
    on_board = Publication.objects.filter(
        status=Publication.Status.PUBLISHED,
        cluster__memberships__organisation=F("offer__organisation"),
        cluster__memberships__status=Membership.Status.ACTIVE,
    )
    if cluster is not None:
        on_board = on_board.filter(cluster=cluster)
    return (
        offers.filter(status=Offer.Status.PUBLISHED)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .filter(pk__in=on_board.values("offer"))
    )
