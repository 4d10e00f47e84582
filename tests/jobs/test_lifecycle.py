"""An offer's life: submitted to the clusters its organisation is a member
of, pending or published at once by each cluster's moderation choice,
published or refused by the staff, closed filled or not; only published,
unexpired offers on a job board are visible."""

import datetime

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory, PublicationFactory
from ancrage.jobs.models import JobBoard, Moderation, Offer, Publication
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership, Organisation
from ancrage.outbox.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(cast):
    return OfferFactory(organisation=Organisation.objects.get(name="Usinage Alpha"))


def test_submitting_follows_each_clusters_moderation(cast, offer):
    after = ClusterFactory(name="Cluster Après")
    JobBoard.objects.create(cluster=after, moderation=Moderation.AFTER)
    MembershipFactory(cluster=after, organisation=offer.organisation)
    created = lifecycle.submit(offer, [cast.cluster_a, after], by=cast.member_a)
    statuses = {p.cluster: p.status for p in created}
    assert statuses == {
        cast.cluster_a: Publication.Status.PENDING,  # a cluster moderates before by default
        after: Publication.Status.PUBLISHED,
    }
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.published_on == timezone.localdate()
    # Submitting again to the same cluster changes nothing.
    assert lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a) == []


def test_only_on_the_clusters_the_organisation_is_an_active_member_of(cast, offer):
    with pytest.raises(lifecycle.Refused, match="adhérente"):
        lifecycle.submit(offer, [cast.cluster_b], by=cast.member_a)
    former = ClusterFactory()
    MembershipFactory(
        cluster=former, organisation=offer.organisation, status=Membership.Status.FORMER
    )
    with pytest.raises(lifecycle.Refused):
        lifecycle.submit(offer, [former], by=cast.member_a)
    with pytest.raises(lifecycle.Refused, match="au moins un cluster"):
        lifecycle.submit(offer, [], by=cast.member_a)
    assert not offer.publications.exists()


def test_staff_publish_or_refuse_with_a_reason(cast, offer):
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SUBMITTED
    with pytest.raises(lifecycle.Refused, match="motif"):
        lifecycle.refuse(publication, cast.staff_a, "  ")
    lifecycle.publish(publication, cast.staff_a)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    with pytest.raises(lifecycle.Refused, match="déjà publiée"):
        lifecycle.publish(publication, cast.staff_a)
    # Withdrawn from its only job board: back to draft, the reason kept.
    lifecycle.refuse(publication, cast.staff_a, "Offre de formation, pas d'emploi.")
    publication.refresh_from_db()
    offer.refresh_from_db()
    assert publication.reason == "Offre de formation, pas d'emploi."
    assert publication.decided_by == cast.staff_a
    assert offer.status == Offer.Status.DRAFT


def test_closing_says_whether_the_position_was_filled_through_the_platform(offer):
    lifecycle.close(offer, filled=True, through_platform=True)
    offer.refresh_from_db()
    assert (offer.status, offer.filled, offer.filled_through_platform) == (
        Offer.Status.FILLED,
        True,
        True,
    )
    assert offer.closed_on == timezone.localdate()
    with pytest.raises(lifecycle.Refused, match="déjà close"):
        lifecycle.close(offer, filled=False)
    other = OfferFactory()
    lifecycle.close(other, filled=False, through_platform=True)
    other.refresh_from_db()
    assert (other.status, other.filled, other.filled_through_platform) == (
        Offer.Status.CLOSED,
        False,
        None,
    )
    with pytest.raises(lifecycle.Refused, match="close"):
        lifecycle.submit(other, [], by=None)


def test_visible_offers_are_published_unexpired_and_on_the_board(cast):
    today = timezone.localdate()
    shown = PublicationFactory(cluster=cast.cluster_a).offer
    PublicationFactory(cluster=cast.cluster_a, status=Publication.Status.PENDING)
    PublicationFactory(cluster=cast.cluster_a, status=Publication.Status.REFUSED)
    PublicationFactory(cluster=cast.cluster_a, offer__expires_on=today - datetime.timedelta(days=1))
    last_day = PublicationFactory(cluster=cast.cluster_a, offer__expires_on=today).offer
    elsewhere = PublicationFactory(cluster=cast.cluster_b).offer
    assert set(lifecycle.visible(cluster=cast.cluster_a)) == {shown, last_day}
    assert set(lifecycle.visible()) == {shown, last_day, elsewhere}


def test_a_refused_offer_may_be_submitted_again(cast, offer):
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.refuse(publication, cast.staff_a, "Le salaire manque.")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT
    assert lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a) == [publication]
    publication.refresh_from_db()
    offer.refresh_from_db()
    assert (publication.status, publication.reason, publication.decided_by) == (
        Publication.Status.PENDING,
        "",
        None,
    )
    assert offer.status == Offer.Status.SUBMITTED


def test_an_edited_offer_waits_again_where_the_cluster_moderates_before(cast, offer):
    after = ClusterFactory(name="Cluster Après")
    JobBoard.objects.create(cluster=after, moderation=Moderation.AFTER)
    MembershipFactory(cluster=after, organisation=offer.organisation)
    lifecycle.submit(offer, [cast.cluster_a, after], by=cast.member_a)
    before = offer.publications.get(cluster=cast.cluster_a)
    lifecycle.publish(before, cast.staff_a)
    pending_emails = OutgoingEmail.objects.filter(to=cast.staff_a.email).count()
    assert lifecycle.edited(offer, cast.member_a) == [cast.cluster_a]
    statuses = dict(offer.publications.values_list("cluster", "status"))
    assert statuses == {
        cast.cluster_a.pk: Publication.Status.PENDING,
        after.pk: Publication.Status.PUBLISHED,  # moderated after publication
    }
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED  # still on the other board
    assert OutgoingEmail.objects.filter(to=cast.staff_a.email).count() == pending_emails + 1


def test_a_former_member_is_off_the_board_and_cannot_be_published(cast, offer):
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.publish(publication, cast.staff_a)
    assert lifecycle.visible(cluster=cast.cluster_a).filter(pk=offer.pk).exists()
    Membership.objects.filter(organisation=offer.organisation).update(
        status=Membership.Status.FORMER
    )
    assert not lifecycle.visible().filter(pk=offer.pk).exists()
    lifecycle.refuse(publication, cast.staff_a, "Ancien adhérent.")
    with pytest.raises(lifecycle.Refused, match="plus adhérente"):
        lifecycle.publish(publication, cast.staff_a)


def test_a_withdrawn_offer_loses_its_publication_date_and_a_closed_one_cannot_be_refused(
    cast, offer
):
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.publish(publication, cast.staff_a)
    lifecycle.refuse(publication, cast.staff_a, "À revoir.")
    offer.refresh_from_db()
    assert (offer.status, offer.published_on) == (Offer.Status.DRAFT, None)
    lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.close(offer, filled=False)
    publication.refresh_from_db()
    with pytest.raises(lifecycle.Refused, match="close"):
        lifecycle.refuse(publication, cast.staff_a, "Trop tard.")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.CLOSED  # not reopened by a decision


def test_an_offer_expires_off_the_boards_and_a_confirmation_keeps_it(cast, offer):
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.publish(publication, cast.staff_a)
    Offer.objects.filter(pk=offer.pk).update(confirmation_asked_on=timezone.localdate())
    lifecycle.confirm(offer, cast.member_a)
    offer.refresh_from_db()
    assert offer.confirmation_asked_on is None
    assert offer.status == Offer.Status.PUBLISHED
    lifecycle.expire(offer, lifecycle.Expiry.NO_ANSWER)
    offer.refresh_from_db()
    assert (offer.status, offer.closed_on) == (Offer.Status.EXPIRED, timezone.localdate())
    assert offer.publications.get().status == Publication.Status.PUBLISHED
    assert not lifecycle.visible().filter(pk=offer.pk).exists()
    with pytest.raises(lifecycle.Refused, match="plus publiée"):
        lifecycle.confirm(offer, cast.member_a)
    with pytest.raises(lifecycle.Refused):
        lifecycle.expire(offer)
    with pytest.raises(lifecycle.Refused, match="close"):
        lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    # A draft neither expires nor is confirmed.
    draft = OfferFactory(organisation=offer.organisation)
    with pytest.raises(lifecycle.Refused):
        lifecycle.expire(draft, lifecycle.Expiry.DATE)
    with pytest.raises(lifecycle.Refused):
        lifecycle.confirm(draft, cast.member_a)
