"""The demo's job offers: in every cluster with members who have a métier,
offers of those métiers, mostly published and visible, some awaiting
moderation, a refused one with its reason, some filled through the job board
or not; EuroSIMA moderates after publication; the demo member account has a
published offer and a draft; loaded once. Then candidates in every
cluster's territory with their consents (the consent page's text), views,
saved searches and applications in every status; the demo candidate
account's whole story; applications on the demo member account's offer."""

from collections import Counter

import pytest

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.demo.candidates import CANDIDATES_PER_CLUSTER, DEMO_CANDIDATE
from ancrage.demo.jobs import REFUSAL, load_offers
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.jobs import lifecycle
from ancrage.jobs.consent import consent_text
from ancrage.jobs.models import (
    Application,
    ApplicationEvent,
    ApplicationNote,
    CandidateProfile,
    Consent,
    Contract,
    JobBoard,
    Moderation,
    Offer,
    ProfileView,
    Publication,
    Relay,
    SavedSearch,
)
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.matrix.models import ProfileSkill
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Organisation
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
        skills = [
            VocabularyEntryFactory(cluster=cluster, for_skill=True, label=label)
            for label in ("Souder à l'arc TIG", "Lire un plan", "Rouler une tôle")
        ]
        profiles = []
        for _number in range(60):
            membership = MembershipFactory(
                cluster=cluster,
                organisation__commune=CommuneFactory(department=cluster.seat.department),
            )
            profiles.append(MatrixProfileFactory(membership=membership, occupation=entry))
        ProfileSkill.objects.bulk_create(
            ProfileSkill(profile=profile, entry=skill) for profile in profiles for skill in skills
        )
        found.append(cluster)
    estuary = MembershipFactory(
        cluster=found[0], organisation__siren=ESTUARY_SIREN, organisation__commune=CommuneFactory()
    )
    MatrixProfileFactory(membership=estuary, occupation=found[0].vocabulary.get(kind="occupation"))
    MembershipFactory(cluster=found[0], organisation__kind=Organisation.Kind.LYCEE)
    UserFactory(email=DEMO_CANDIDATE, candidate=True, first_name="Léa", last_name="Dumas")
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


def test_every_cluster_has_candidates_who_consented_and_applications(clusters):
    load_offers()
    demo = CandidateProfile.objects.get(user__email=DEMO_CANDIDATE)
    for cluster in clusters:
        consents = Consent.objects.filter(cluster=cluster, withdrawn_at=None).exclude(profile=demo)
        assert consents.count() >= CANDIDATES_PER_CLUSTER
        assert {c.text for c in consents} == {consent_text(cluster)}
        applications = Application.objects.filter(offer__publications__cluster=cluster)
        assert set(applications.values_list("status", flat=True)) >= set(
            Application.Status.values
        ) - {Application.Status.HIRED}
        assert Offer.objects.filter(
            publications__cluster=cluster,
            status=Offer.Status.FILLED,
            filled_through_platform=True,
            applications__status=Application.Status.HIRED,
        ).exists()
    for profile in CandidateProfile.objects.prefetch_related("occupations", "skills"):
        assert profile.user.is_candidate and profile.headline and profile.cv_text
        assert profile.occupations.exists() and profile.skills.count() >= 3
        assert profile.commune_id and profile.contracts
    for application in Application.objects.prefetch_related("events"):
        steps = [event.status for event in application.events.all()]
        assert steps[0] == Application.Status.NEW and steps[-1] == application.status
        assert application.created_at.date() >= application.offer.published_on
    assert CandidateProfile.objects.exclude(cv=None).count() <= 21
    assert ProfileView.objects.exists() and SavedSearch.objects.exists()
    assert ApplicationNote.objects.exists()
    school = Organisation.objects.get(kind=Organisation.Kind.LYCEE)
    relayable = lifecycle.visible(cluster=clusters[0]).filter(
        contract__in=(Contract.WORK_STUDY, Contract.INTERNSHIP)
    )
    assert Relay.objects.filter(organisation=school).exists() == relayable.exists()


def test_the_demo_candidate_has_a_complete_story(clusters):
    load_offers()
    profile = CandidateProfile.objects.get(user__email=DEMO_CANDIDATE)
    assert profile.headline and profile.summary and profile.qualification
    assert profile.occupations.exists() and profile.skills.count() >= 3
    assert profile.commune_id and profile.contracts and profile.available_from
    assert profile.experiences.count() == 2 and profile.educations.exists()
    with profile.cv.file.open("rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert "Chaudronnière" in profile.cv_text
    consent = Consent.objects.get(profile=profile)
    assert consent.cluster.slug == "neopolia" and consent.text == consent_text(consent.cluster)
    statuses = list(profile.applications.values_list("status", flat=True))
    assert len(statuses) == 3 and len(set(statuses)) == 3
    assert SavedSearch.objects.filter(user=profile.user).exists()
    assert (
        ProfileView.objects.filter(profile=profile).values("organisation").distinct().count() == 3
    )
    events = ApplicationEvent.objects.filter(application__candidate=profile)
    assert events.count() > 3


def test_the_demo_member_accounts_offer_has_applications_in_several_statuses(clusters):
    load_offers()
    offer = Offer.objects.get(organisation__siren=ESTUARY_SIREN, status=Offer.Status.PUBLISHED)
    statuses = set(offer.applications.values_list("status", flat=True))
    assert len(statuses) >= 4
    assert offer.applications.filter(candidate__user__email=DEMO_CANDIDATE).exists()
