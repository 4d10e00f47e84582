"""The coverage view: how many active members have each skill of the
vocabulary, each activity and each market; rare ones named."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ancrage.referentiel.factories import VocabularyEntryFactory
from tests.cast import login
from tests.matrix.test_crossfilter_data import build

pytestmark = pytest.mark.django_db
URL = "/cluster/matrice/couverture/"


@pytest.fixture
def sample(cast):
    return build(cast)


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def lines(response, key):
    table = next(t for t in response.context["tables"] if t.key == key)
    return {line.label: (line.count, line.members, line.filter_url) for line in table.lines}


def test_the_url_name():
    assert reverse("matrix:coverage") == URL


def test_counts_and_rare_capabilities(staff, sample, cast):
    VocabularyEntryFactory(cluster=cast.cluster_a, for_skill=True, skill=None, label="Soudage")
    response = staff.get(URL)
    skills = lines(response, "competences")
    # The former member's skills do not count; cluster B's entry is not listed.
    assert skills["Génie électrique"] == (
        2,
        ["Bureau Ouest", "Électro Naval"],
        f"/cluster/matrice/?skill={sample.electrical.pk}",
    )
    assert skills["Petit usinage"][:2] == (1, ["Usinage Alpha"])
    assert skills["Soudage"][:2] == (0, [])
    assert len(skills) == 4
    markets = lines(response, "marches")
    assert markets["Naval"] == (
        2,
        ["Usinage Alpha", "Électro Naval"],
        "/cluster/matrice/?market=naval",
    )
    assert markets["Spatial"][0] == 0
    activities = lines(response, "activites")
    assert activities["Fabrication"][:2] == (1, ["Usinage Alpha"])
    assert response.context["members"] == 3
    page = response.content.decode()
    assert "Un seul adhérent" in page and "Personne" in page
    table = next(t for t in response.context["tables"] if t.key == "competences")
    assert (table.nobody, table.single) == (1, 1)


def test_rarest_first_then_other_orders(staff, sample):
    order = [line.label for line in staff.get(URL).context["tables"][0].lines]
    assert order == ["Petit usinage", "Composite", "Génie électrique"]
    order = [line.label for line in staff.get(URL, {"tri": "nom"}).context["tables"][0].lines]
    assert order == ["Composite", "Génie électrique", "Petit usinage"]
    response = staff.get(URL, {"tri": "frequents"})
    assert [line.count for line in response.context["tables"][2].lines][:2] == [2, 2]
    assert staff.get(URL, {"tri": "\x00"}).status_code == 200


def test_queries_do_not_grow_with_the_vocabulary(staff, sample, cast):
    staff.get(URL)
    with CaptureQueriesContext(connection) as few:
        staff.get(URL)
    for number in range(20):
        VocabularyEntryFactory(
            cluster=cast.cluster_a, for_skill=True, skill=None, label=f"Compétence {number}"
        )
    with CaptureQueriesContext(connection) as many:
        staff.get(URL)
    assert len(many) == len(few)


def test_other_clusters_staff_see_their_own(client, cast, sample):
    login(client, cast.staff_b)
    response = client.get(URL)
    assert response.context["members"] == 1
    assert "Électro Naval" not in response.content.decode()
