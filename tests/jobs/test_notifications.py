"""The emails of an offer's life, through the outbox: the staff of a cluster
that moderates before publication when an offer awaits them, of one that
moderates after when an offer appeared on their board; the
organisation's users when their offer is published, refused or withdrawn,
with the reason."""

import pytest

from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory
from ancrage.jobs.models import JobBoard, Moderation
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(cast):
    return OfferFactory(
        organisation=Organisation.objects.get(name="Usinage Alpha"),
        title="Usineur / usineuse 5 axes",
    )


def emails(template):
    return list(OutgoingEmail.objects.filter(template=template).order_by("to"))


def test_staff_are_told_an_offer_awaits_their_moderation(cast, offer):
    officer = ClusterStaffFactory(cluster=cast.cluster_a, user__email="officer-a@exemple.fr").user
    ClusterStaffFactory(
        cluster=cast.cluster_a, user__email="parti@exemple.fr", user__is_active=False
    )
    after = ClusterFactory(name="Cluster Après")
    JobBoard.objects.create(cluster=after, moderation=Moderation.AFTER)
    MembershipFactory(cluster=after, organisation=offer.organisation)
    ClusterStaffFactory(cluster=after, user__email="staff-apres@exemple.fr")
    (pending, published) = sorted(
        lifecycle.submit(offer, [cast.cluster_a, after], by=cast.member_a),
        key=lambda p: p.cluster_id != cast.cluster_a.pk,
    )
    sent = emails("jobs_offer_pending")
    # Only the staff of the cluster that moderates before publication, active.
    assert [e.to for e in sent] == [officer.email, cast.staff_a.email]
    email = sent[0]
    assert email.subject == "Offre à modérer : Usineur / usineuse 5 axes (Usinage Alpha)"
    assert "Usineur / usineuse 5 axes" in email.body_text
    assert f"/cluster/offres/{pending.pk}/" in email.body_text
    # The staff of the cluster that moderates after publication are told the
    # offer is on their board, so they may withdraw it.
    (after_email,) = emails("jobs_offer_published_after")
    assert after_email.to == "staff-apres@exemple.fr"
    assert after_email.subject == (
        "Offre publiée sur votre bourse d'emploi : Usineur / usineuse 5 axes (Usinage Alpha)"
    )
    assert "déjà visible" in after_email.body_text
    assert "retirez-la" in after_email.body_text
    assert f"/cluster/offres/{published.pk}/" in after_email.body_text
    assert set(OutgoingEmail.objects.values_list("template", flat=True)) == {
        "jobs_offer_pending",
        "jobs_offer_published_after",
    }


def test_the_organisation_is_told_of_publication_refusal_and_withdrawal(cast, offer):
    colleague = OrganisationUserFactory(
        organisation=offer.organisation, user__email="rh@exemple.fr"
    ).user
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.refuse(publication, cast.staff_a, "Le salaire manque.")
    (refused,) = emails("jobs_offer_refused")[:1]
    assert sorted(e.to for e in emails("jobs_offer_refused")) == [
        cast.member_a.email,
        colleague.email,
    ]
    assert refused.subject == "Offre refusée : Usineur / usineuse 5 axes — Cluster Alpha"
    assert "Usineur / usineuse 5 axes" in refused.body_text
    assert "Le salaire manque." in refused.body_text
    assert "n'a pas publié" in refused.body_text
    assert f"/organisation/offres/{offer.pk}/" in refused.body_text

    # Submitted again once refused: pending again, staff told again.
    OutgoingEmail.objects.all().delete()
    assert lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a) == [publication]
    publication.refresh_from_db()
    assert publication.status == publication.Status.PENDING
    assert publication.reason == ""
    assert [e.to for e in emails("jobs_offer_pending")] == [cast.staff_a.email]

    lifecycle.publish(publication, cast.staff_a)
    sent = emails("jobs_offer_published")
    assert [e.to for e in sent] == [cast.member_a.email, colleague.email]
    assert sent[0].subject == "Offre publiée : Usineur / usineuse 5 axes — Cluster Alpha"
    assert "Usineur / usineuse 5 axes" in sent[0].body_text
    assert f"/organisation/offres/{offer.pk}/" in sent[0].body_text

    lifecycle.refuse(publication, cast.staff_a, "Poste déjà pourvu d'après vos collègues.")
    withdrawn = [e for e in emails("jobs_offer_refused") if e.subject.startswith("Offre retirée")]
    assert len(withdrawn) == 2
    assert "Poste déjà pourvu d'après vos collègues." in withdrawn[0].body_text
    assert "a retiré votre offre" in withdrawn[0].body_text


def test_a_refused_change_sends_nothing(cast, offer):
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    OutgoingEmail.objects.all().delete()
    with pytest.raises(lifecycle.Refused):
        lifecycle.refuse(publication, cast.staff_a, " ")
    lifecycle.publish(publication, cast.staff_a)
    with pytest.raises(lifecycle.Refused):
        lifecycle.publish(publication, cast.staff_a)
    assert OutgoingEmail.objects.count() == 1
