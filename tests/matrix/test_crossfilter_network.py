"""The network-wide cross-filter, for the platform's administrators."""

import pytest
from django.urls import reverse

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.models import Network
from ancrage.organisations.factories import MembershipFactory
from tests.cast import login
from tests.matrix.test_crossfilter_data import _profile, build

pytestmark = pytest.mark.django_db
URL = "/plateforme/matrice/"


@pytest.fixture
def network(cast):
    network = Network.objects.create(name="Réseau Ouest", slug="ouest")
    cast.cluster_a.network = network
    cast.cluster_a.save()
    cast.cluster_b.network = network
    cast.cluster_b.save()
    Network.objects.create(name="Autre réseau", slug="autre")
    return network


@pytest.fixture
def admin(client):
    return login(client, UserFactory(platform_admin=True, with_mfa=True))


def test_the_url_name():
    assert reverse("network_matrix:crossfilter") == URL


def test_skills_grouped_by_rome_item_across_clusters(admin, cast, network):
    sample = build(cast)
    rome = f"r{sample.electrical.skill_id}"
    response = admin.get(URL, {"reseau": "ouest", "skill": rome})
    assert response.status_code == 200
    # Cluster A's « Génie électrique » and cluster B's entry are one ROME skill.
    names = [m.organisation.name for m, _marks in response.context["rows"]]
    assert names == ["Bêta Industrie", "Bureau Ouest", "Électro Naval"]
    skills = next(f for f in response.context["panel"] if f.axis == "skill")
    assert {v.label: v.count for v in skills.values}["Génie électrique"] == 3
    page = response.content.decode()
    assert "Cluster Bêta" in page  # the cluster column
    assert response.context["share_url"].endswith(f"/plateforme/matrice/?reseau=ouest&skill={rome}")
    assert "/cluster/matrice/export/" not in page


def test_first_network_by_default_and_unknown_one_said(admin, cast, network):
    build(cast)
    response = admin.get(URL)
    assert response.context["network"].slug == "autre"
    assert response.context["total"] == 0
    response = admin.get(URL, {"reseau": "inconnu"})
    assert "Le réseau demandé n'existe pas" in response.content.decode()


def test_matrix_view_and_htmx(admin, cast, network):
    sample = build(cast)
    response = admin.get(
        URL, {"reseau": "ouest", "view": "matrix", "skill": "l:composite"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.content.decode()
    assert [c.label for c in response.context["columns"]] == ["Composite"]
    assert response.context["total"] == 2
    assert sample.composite.label == "Composite"


def test_no_network_yet(admin):
    response = admin.get(URL)
    assert "Aucun réseau de clusters" in response.content.decode()


def test_cluster_staff_are_refused(client, cast, network):
    login(client, cast.staff_a)
    assert client.get(URL).status_code == 403


def test_an_organisation_in_two_clusters_counts_once_in_the_total(admin, cast, network):
    sample = build(cast)
    _profile(
        MembershipFactory(cluster=cast.cluster_b, organisation=sample.alpha),
        None,
        [sample.b_entry],
        ["fabrication"],
        ["naval"],
    )
    response = admin.get(URL, {"reseau": "ouest", "market": "naval"})
    assert (response.context["total"], response.context["memberships_found"]) == (3, 4)
    assert "3 adhérents trouvés" in response.content.decode()
    assert "(4 adhésions)" in response.content.decode()
    names = [m.organisation.name for m, _marks in response.context["rows"]]
    assert names == ["Bêta Industrie", "Électro Naval", "Usinage Alpha", "Usinage Alpha"]


def test_two_local_names_of_one_rome_skill_count_a_member_once(admin, cast, network):
    from ancrage.referentiel.factories import VocabularyEntryFactory

    sample = build(cast)
    # Cluster A also calls the same ROME skill « Petit usinage électrique »…
    local = VocabularyEntryFactory(
        cluster=cast.cluster_a,
        kind="skill",
        occupation=None,
        skill=sample.electrical.skill,
        label="Petit usinage électrique",
    )
    # …and one more member has both names of it.
    both = MembershipFactory(cluster=cast.cluster_a, organisation__name="Double Compte")
    _profile(both, sample.design, [sample.electrical, local], ["conception"], ["naval"])
    rome = f"r{sample.electrical.skill_id}"
    response = admin.get(URL, {"reseau": "ouest"})
    skills = next(f for f in response.context["panel"] if f.axis == "skill")
    counts = {v.param: v.count for v in skills.values}
    filtered = admin.get(URL, {"reseau": "ouest", "skill": rome})
    # The count announced is the number of members the click gives: 4, not 5.
    assert len(filtered.context["rows"]) == 4
    assert counts[rome] == 4
