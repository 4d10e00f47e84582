"""A cluster's public member directory: active, listed members only, each
showing only what it publishes; the matrix only when published and validated."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ancrage.matrix.factories import (
    MatrixProfileFactory,
    ProfileActivityFactory,
    ProfileMarketFactory,
    ProfileSkillFactory,
)
from ancrage.matrix.models import State
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Organisation, PublicField
from ancrage.referentiel.models import Activity, Market
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from ancrage.territory.models import Commune
from tests.clusters.images import image_bytes

LIST = reverse("member_directory:list", args=["alpha"])


def listed(response):
    return [member.name for member in response.context["members"]]


@pytest.fixture
def directory(cast):
    lorient = Commune.objects.get(code="56121")
    nantes = CommuneFactory(code="44109", name="Nantes", department=DepartmentFactory(code="44"))
    everything = [choice for choice, _label in PublicField.choices]
    shown = MembershipFactory(
        cluster=cast.cluster_a,
        organisation__name="Bureau d'études Marée",
        organisation__description="Calculs de structures navales.",
        organisation__website="https://maree.example",
        organisation__commune=lorient,
        organisation__headcount=30,
        organisation__naf_code="71.12B",
        organisation__public_fields=everything,
    )
    hidden = MembershipFactory(
        cluster=cast.cluster_a,
        organisation__name="Discrète Mécanique",
        organisation__description="TEXTE-NON-PUBLIE",
        organisation__website="https://discrete.example",
        organisation__commune=nantes,
        organisation__headcount=7,
        organisation__naf_code="25.62B",
        organisation__public_fields=[],
    )
    MembershipFactory(
        cluster=cast.cluster_a,
        organisation__name="Invisible SA",
        organisation__listed_publicly=False,
    )
    MembershipFactory(cluster=cast.cluster_a, organisation__name="Ancienne SARL", status="former")
    MembershipFactory(cluster=cast.cluster_b, organisation__name="Membre de Bêta")
    return shown, hidden


def _matrix(membership, state=State.VALIDATED):
    profile = MatrixProfileFactory(
        membership=membership,
        state=state,
        occupation__label="Bureau d'études naval",
        occupation__occupation=None,
        certifications=["EN 9100", "ISO 9001"],
    )
    ProfileSkillFactory(profile=profile, entry__skill__label="Calcul de structures")
    ProfileActivityFactory(profile=profile, activity=Activity.objects.order_by("position").first())
    ProfileMarketFactory(profile=profile, market=Market.objects.order_by("position").first())
    return profile


def test_lists_active_listed_members_only(client, directory):
    assert listed(client.get(LIST)) == [
        "Bureau d'études Marée",
        "Discrète Mécanique",
        "Usinage Alpha",
    ]


def test_a_member_page_shows_only_published_fields(client, directory):
    shown, hidden = directory
    page = client.get(reverse("member_directory:detail", args=["alpha", shown.organisation_id]))
    text = page.content.decode()
    assert "Calculs de structures navales." in text
    assert "https://maree.example" in text
    assert "Lorient" in text and "PME" in text and "71.12B" in text

    text = client.get(
        reverse("member_directory:detail", args=["alpha", hidden.organisation_id])
    ).content.decode()
    assert "Discrète Mécanique" in text
    for secret in ("TEXTE-NON-PUBLIE", "discrete.example", "Nantes", "TPE", "25.62B"):
        assert secret not in text


def test_the_matrix_shows_when_published_and_validated(client, directory):
    shown, hidden = directory
    _matrix(shown)
    _matrix(hidden)
    url = reverse("member_directory:detail", args=["alpha", shown.organisation_id])
    text = client.get(url).content.decode()
    assert "Bureau d&#x27;études naval" in text
    assert "Calcul de structures" in text
    assert Activity.objects.order_by("position").first().label in text
    assert Market.objects.order_by("position").first().label in text
    assert "EN 9100" in text
    text = client.get(
        reverse("member_directory:detail", args=["alpha", hidden.organisation_id])
    ).content.decode()
    assert "Calcul de structures" not in text and "EN 9100" not in text


def test_an_unvalidated_matrix_stays_private(client, directory):
    shown, _hidden = directory
    _matrix(shown, state=State.SUBMITTED)
    url = reverse("member_directory:detail", args=["alpha", shown.organisation_id])
    text = client.get(url).content.decode()
    assert "Calcul de structures" not in text and "EN 9100" not in text


def test_certifications_can_be_published_without_the_matrix(client, directory):
    shown, _hidden = directory
    _matrix(shown)
    Organisation.objects.filter(pk=shown.organisation_id).update(
        public_fields=[PublicField.CERTIFICATIONS]
    )
    url = reverse("member_directory:detail", args=["alpha", shown.organisation_id])
    text = client.get(url).content.decode()
    assert "EN 9100" in text and "Calcul de structures" not in text


def test_search_and_place_filters(client, directory):
    assert listed(client.get(LIST, {"q": "maree"})) == ["Bureau d'études Marée"]
    assert listed(client.get(LIST, {"q": "beta"})) == []
    assert listed(client.get(LIST, {"commune": "56121"})) == ["Bureau d'études Marée"]
    assert listed(client.get(LIST, {"department": "56"})) == ["Bureau d'études Marée"]
    # Nantes is not offered: its only member does not publish its commune.
    response = client.get(LIST, {"commune": "44109"})
    assert listed(response) == []
    assert "Aucun adhérent publié dans cette commune." in response.content.decode()
    assert "Nantes" not in response.content.decode()


def test_search_by_siren_reveals_nothing(client, directory):
    shown, _hidden = directory
    assert listed(client.get(LIST, {"q": shown.organisation.siren})) == []


def test_unpublished_members_and_other_clusters_answer_404(client, cast, directory):
    for name, slug in [
        ("Invisible SA", "alpha"),
        ("Ancienne SARL", "alpha"),
        ("Membre de Bêta", "alpha"),
    ]:
        organisation = Organisation.objects.get(name=name)
        url = reverse("member_directory:detail", args=[slug, organisation.pk])
        assert client.get(url).status_code == 404


def test_the_logo_is_served_only_when_published(client, directory):
    shown, hidden = directory
    for membership in (shown, hidden):
        membership.organisation.logo.save("logo.png", ContentFile(image_bytes()))
    text = client.get(LIST).content.decode()
    assert reverse("member_directory:logo", args=["alpha", shown.organisation_id]) in text
    assert reverse("member_directory:logo", args=["alpha", hidden.organisation_id]) not in text
    url = reverse("member_directory:logo", args=["alpha", shown.organisation_id])
    version = Organisation.objects.get(pk=shown.organisation_id).logo_version
    response = client.get(url, {"v": version})
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    assert (
        client.get(
            reverse("member_directory:logo", args=["alpha", hidden.organisation_id])
        ).status_code
        == 404
    )


def test_list_queries_do_not_grow_with_the_page(client, cast, directory):
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for _number in range(25):
        membership = MembershipFactory(
            cluster=cast.cluster_a,
            organisation__commune=CommuneFactory(),
            organisation__public_fields=[PublicField.COMMUNE, PublicField.MATRIX],
        )
        MatrixProfileFactory(membership=membership, state=State.VALIDATED)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert len(response.context["members"]) == 20
    assert len(many) == len(few)
