"""Who may see the profile: a consent per cluster with the exact text
shown and its date, withdrawn when unchecked or with « aucun »; and the
page of the companies that opened the profile or the CV."""

import html

import pytest
from django.urls import reverse

from ancrage.jobs.candidate_profile import profile_for
from ancrage.jobs.consent import consent_text
from ancrage.jobs.models import Consent, ProfileView
from ancrage.organisations.factories import OrganisationFactory
from tests.cast import login

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def candidate(client, cast):
    return login(client, cast.candidate)


def test_give_change_and_withdraw_consents(candidate, cast):
    url = reverse("jobs_candidate:visibility")
    page = text(candidate.get(url))
    assert consent_text(cast.cluster_a) in page
    assert consent_text(cast.cluster_b) in page

    response = candidate.post(url, {"clusters": [cast.cluster_a.pk, cast.cluster_b.pk]})
    assert response["Location"] == url
    profile = profile_for(cast.candidate)
    consents = {c.cluster: c for c in Consent.objects.filter(profile=profile)}
    assert set(consents) == {cast.cluster_a, cast.cluster_b}
    assert consents[cast.cluster_a].text == consent_text(cast.cluster_a)
    assert consents[cast.cluster_a].withdrawn_at is None
    first_alpha = consents[cast.cluster_a]

    # Saving the same choice again changes nothing: the first consent stays.
    candidate.post(url, {"clusters": [cast.cluster_a.pk, cast.cluster_b.pk]})
    assert Consent.objects.filter(profile=profile).count() == 2

    # Unchecking Bêta withdraws it, keeps the record.
    response = candidate.post(url, {"clusters": [cast.cluster_a.pk]}, follow=True)
    assert "Accord retiré pour : Cluster Bêta." in text(response)
    beta = Consent.objects.get(profile=profile, cluster=cast.cluster_b)
    assert beta.withdrawn_at is not None
    first_alpha.refresh_from_db()
    assert first_alpha.withdrawn_at is None

    page = text(candidate.get(url))
    assert "checked" in page
    assert "Historique de mes accords" in page and "en vigueur" in page

    # Checking Bêta again is a new consent; the withdrawn one stays as it was.
    candidate.post(url, {"clusters": [cast.cluster_a.pk, cast.cluster_b.pk]})
    assert Consent.objects.filter(profile=profile, cluster=cast.cluster_b).count() == 2

    response = candidate.post(url, {"none": "1", "clusters": [cast.cluster_a.pk]}, follow=True)
    assert "Votre profil n'est plus visible d'aucun cluster." in text(response)
    assert not Consent.objects.filter(profile=profile, withdrawn_at__isnull=True).exists()


def test_an_unknown_cluster_is_refused(candidate, cast):
    response = candidate.post(reverse("jobs_candidate:visibility"), {"clusters": ["999999"]})
    assert response.status_code == 200
    assert "Rien n'a changé." in text(response)
    assert not Consent.objects.exists()


def test_views_of_the_profile(candidate, cast):
    url = reverse("jobs_candidate:views")
    assert "Aucune entreprise n'a encore consulté votre profil" in text(candidate.get(url))
    profile = profile_for(cast.candidate)
    alpha, beta, gamma = (OrganisationFactory(name=n) for n in ("Alpha", "Bêta", "<b>Gamma</b>"))
    ProfileView.objects.create(profile=profile, organisation=alpha, what="profil")
    ProfileView.objects.create(profile=profile, organisation=alpha, what="cv")
    ProfileView.objects.create(profile=profile, organisation=beta, what="profil")
    ProfileView.objects.create(profile=profile, organisation=gamma, what="profil")
    # Another candidate's views are not shown.
    ProfileView.objects.create(
        profile=profile_for(cast.member_a),
        organisation=OrganisationFactory(name="Autre"),
        what="cv",
    )
    response = candidate.get(url)
    page = text(response)
    assert "3 entreprises ont consulté votre profil" in page
    assert "4 consultations en tout" in page
    assert "votre CV" in page and "Alpha" in page
    assert "Autre" not in page
    assert "<b>Gamma</b>" not in response.content.decode()
