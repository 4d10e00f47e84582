"""Offers no longer current leave the job boards: a published offer not
updated for 60 days asks its organisation once to confirm it (an email with
the link); confirmed or edited, it counts as updated; unanswered 14 days
later, it expires (still published on its boards, no longer visible, closed
that day, the company told); an offer past its expiry date expires too."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs import expiry, lifecycle
from ancrage.jobs.factories import OfferFactory, PublicationFactory
from ancrage.jobs.models import Offer, Publication
from ancrage.organisations.factories import OrganisationUserFactory
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return datetime.timedelta(days=n)


def published(cast, *, updated_days_ago=0, title="Usineur / usineuse 5 axes", **fields):
    offer = OfferFactory(
        organisation=Organisation.objects.get(name="Usinage Alpha"),
        title=title,
        status=Offer.Status.PUBLISHED,
        published_on=TODAY - days(updated_days_ago),
        **fields,
    )
    PublicationFactory(cluster=cast.cluster_a, offer=offer)
    Offer.objects.filter(pk=offer.pk).update(updated_at=timezone.now() - days(updated_days_ago))
    offer.refresh_from_db()
    return offer


def emails(template):
    return list(OutgoingEmail.objects.filter(template=template).order_by("to"))


def test_an_offer_not_updated_for_60_days_asks_once_for_confirmation(cast):
    colleague = OrganisationUserFactory(
        organisation=Organisation.objects.get(name="Usinage Alpha"), user__email="rh@exemple.fr"
    ).user
    old = published(cast, updated_days_ago=60)
    recent = published(cast, updated_days_ago=59, title="Régleur / régleuse")
    summary = expiry.run(TODAY)
    assert summary.startswith("Offres : 1 confirmation(s) demandée(s), 0 expirée(s)")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.confirmation_asked_on == TODAY
    assert recent.confirmation_asked_on is None
    # Asking is not updating: the offer still dates from 60 days ago.
    assert timezone.localtime(old.updated_at).date() == TODAY - days(60)
    sent = emails("jobs_offer_confirm")
    assert [e.to for e in sent] == [cast.member_a.email, colleague.email]
    assert (
        sent[0].subject == "Votre offre est-elle toujours d'actualité ? Usineur / usineuse 5 axes"
    )
    assert f"/organisation/offres/{old.pk}/confirmer/" in sent[0].body_text
    assert "Cluster Alpha" in sent[0].body_text
    assert "sous 14 jours" in sent[0].body_text
    # Run again: no second email; the other offer is asked the next night.
    assert expiry.run(TODAY).startswith("Offres : 0 confirmation(s)")
    assert expiry.run(TODAY + days(1)).startswith("Offres : 1 confirmation(s)")
    assert len(emails("jobs_offer_confirm")) == 4


def test_unanswered_14_days_later_the_offer_expires(cast):
    offer = published(cast, updated_days_ago=80)
    expiry.run(TODAY - days(14))
    offer.refresh_from_db()
    assert offer.confirmation_asked_on == TODAY - days(14)
    expiry.run(TODAY - days(1))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    summary = expiry.run(TODAY)
    assert "1 expirée(s) sans confirmation" in summary
    offer.refresh_from_db()
    assert offer.status == Offer.Status.EXPIRED
    assert offer.closed_on == TODAY
    assert offer.filled is None
    # Still published on its board, for the record; no longer visible.
    assert offer.publications.get().status == Publication.Status.PUBLISHED
    assert not lifecycle.visible().filter(pk=offer.pk).exists()
    (sent,) = emails("jobs_offer_expired")
    assert sent.to == cast.member_a.email
    assert sent.subject == "Offre expirée : Usineur / usineuse 5 axes"
    assert "n'a pas été confirmée à temps" in sent.body_text
    assert f"/organisation/offres/{offer.pk}/" in sent.body_text
    # Nothing more the next night.
    assert expiry.run(TODAY + days(1)).endswith("0 expirée(s) à leur date d'expiration.")
    assert len(emails("jobs_offer_expired")) == 1


def test_an_offer_past_its_expiry_date_expires(cast):
    offer = published(cast, expires_on=TODAY - days(1))
    last_day = published(cast, expires_on=TODAY, title="Régleur / régleuse")
    pending = OfferFactory(
        organisation=offer.organisation, status=Offer.Status.SUBMITTED, expires_on=TODAY - days(3)
    )
    draft = OfferFactory(organisation=offer.organisation, expires_on=TODAY - days(3))
    summary = expiry.run(TODAY)
    assert summary.endswith("2 expirée(s) à leur date d'expiration.")
    for item, status in [
        (offer, Offer.Status.EXPIRED),
        (pending, Offer.Status.EXPIRED),
        (last_day, Offer.Status.PUBLISHED),
        (draft, Offer.Status.DRAFT),
    ]:
        item.refresh_from_db()
        assert item.status == status, item
    sent = [e for e in emails("jobs_offer_expired") if "5 axes" in e.subject]
    assert "a atteint sa date d'expiration" in sent[0].body_text


def test_confirming_keeps_the_offer_and_counts_as_an_update(client, cast):
    offer = published(cast, updated_days_ago=70)
    expiry.run(TODAY)
    login(client, cast.member_a)
    url = reverse("jobs_company:confirm", args=[offer.pk])
    content = client.get(url).content.decode()
    assert "Toujours d'actualité" in content
    assert reverse("jobs_company:close", args=[offer.pk]) in content
    assert "elle expirera le" in content
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs_company:detail", args=[offer.pk])
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.confirmation_asked_on is None
    assert timezone.localtime(offer.updated_at).date() == TODAY
    # 14 days later it does not expire; 60 days after the confirmation it asks again.
    expiry.run(TODAY + days(14))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.confirmation_asked_on is None
    expiry.run(TODAY + days(60))
    offer.refresh_from_db()
    assert offer.confirmation_asked_on == TODAY + days(60)


def test_editing_the_offer_counts_as_confirming(cast):
    offer = published(cast, updated_days_ago=70)
    expiry.run(TODAY)
    lifecycle.edited(offer, cast.member_a)
    offer.refresh_from_db()
    assert offer.confirmation_asked_on is None
    # Cluster A moderates before publication: the edited offer waits there again.
    assert offer.status == Offer.Status.SUBMITTED
    expiry.run(TODAY + days(14))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SUBMITTED


def test_a_closed_or_expired_offer_has_nothing_to_confirm(client, cast):
    offer = published(cast)
    lifecycle.close(offer, filled=False)
    login(client, cast.member_a)
    url = reverse("jobs_company:confirm", args=[offer.pk])
    assert "il n'y a rien à confirmer" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 200
    assert "Cette offre n&#x27;est plus publiée" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.CLOSED
    with pytest.raises(lifecycle.Refused):
        lifecycle.expire(offer)


def test_an_offer_closed_meanwhile_does_not_expire(cast):
    offer = published(cast, updated_days_ago=80)
    expiry.run(TODAY - days(14))
    lifecycle.close(offer, filled=True, through_platform=True)
    assert "0 expirée(s) sans confirmation" in expiry.run(TODAY)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.FILLED
