"""The demo's job offers: in every cluster with members who have a métier,
offers of those métiers, mostly published and visible, some awaiting
moderation, a refused one with its reason, some filled through the job board
or not; EuroSIMA moderates after publication; the demo member account has a
published offer and a draft; loaded once."""

from collections import Counter

import pytest

from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.demo.jobs import REFUSAL, load_offers
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.jobs import lifecycle
from ancrage.jobs.models import Contract, JobBoard, Moderation, Offer, Publication
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory, VocabularyEntryFactory
from ancrage.territory.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clusters():
    found = []
    for slug in ("neopolia", "eurosima"):
        cluster = ClusterFactory(slug=slug, name=slug.title())
        ClusterStaffFactory(cluster=cluster, admin=True)
        entry = VocabularyEntryFactory(
            cluster=cluster, occupation=OccupationFactory(), label="Chaudronnier H/F"
        )
        for _number in range(60):
            membership = MembershipFactory(cluster=cluster, organisation__commune=CommuneFactory())
            MatrixProfileFactory(membership=membership, occupation=entry)
        found.append(cluster)
    estuary = MembershipFactory(
        cluster=found[0], organisation__siren=ESTUARY_SIREN, organisation__commune=CommuneFactory()
    )
    MatrixProfileFactory(membership=estuary, occupation=found[0].vocabulary.get())
    return found


def test_offers_in_every_cluster_in_every_state(clusters):
    made = load_offers()
    assert made == Offer.objects.count() > 10
    assert load_offers() == 0  # once
    neopolia, eurosima = clusters
    assert JobBoard.objects.get(cluster=eurosima).moderation == Moderation.AFTER
    assert JobBoard.objects.get(cluster=neopolia).moderation == Moderation.BEFORE
    for cluster in clusters:
        assert lifecycle.visible(cluster=cluster).exists()
    states = Counter(Offer.objects.values_list("status", flat=True))
    assert states[Offer.Status.PUBLISHED] > states[Offer.Status.SUBMITTED] > 0
    assert Offer.objects.filter(filled=True, filled_through_platform=True).exists()
    refused = Publication.objects.filter(status=Publication.Status.REFUSED)
    assert refused.exists() and {p.reason for p in refused} == {REFUSAL}
    for offer in Offer.objects.all():
        assert offer.title.startswith(("Chaudronnier", "Stage — Chaudronnier"))
        assert offer.skills.count() <= 4
        if offer.contract == Contract.CDD:
            assert offer.contract_months
        if offer.salary_min is not None:
            assert offer.salary_min <= offer.salary_max
        if offer.status != Offer.Status.DRAFT:
            assert offer.publications.exists()


def test_the_demo_member_account_has_a_published_offer_and_a_draft(clusters):
    load_offers()
    estuary = Offer.objects.filter(organisation__siren=ESTUARY_SIREN)
    assert sorted(estuary.values_list("status", flat=True)) == [
        Offer.Status.DRAFT,
        Offer.Status.PUBLISHED,
    ]
    assert lifecycle.visible(estuary).count() == 1
