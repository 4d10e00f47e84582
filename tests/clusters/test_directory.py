from html import unescape

from django.urls import reverse

from ancrage.clusters.factories import ClusterFactory
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory


def test_directory_lists_clusters_with_seat_and_filters(
    client, cast, django_assert_max_num_queries
):
    cast.cluster_b.kind = "pole"
    cast.cluster_b.website = "https://beta.example.org"
    cast.cluster_b.save()
    RegionFactory(code="11", name="Île-de-France")  # no cluster there

    with django_assert_max_num_queries(6):
        response = client.get(reverse("clusters:public_list"))
    text = unescape(response.text)
    assert "Cluster Alpha" in text and "Cluster Bêta" in text
    assert "Lorient (Morbihan)" in text
    assert "https://beta.example.org" in text
    assert '<option value="53">Bretagne</option>' in text
    assert "Île-de-France" not in text

    by_kind = client.get(reverse("clusters:public_list"), {"kind": "pole"})
    assert "Cluster Bêta" in unescape(by_kind.text)
    assert "Cluster Alpha" not in by_kind.text
    by_region = client.get(reverse("clusters:public_list"), {"region": "53"})
    assert "Cluster Alpha" in by_region.text
    assert "Cluster Bêta" not in unescape(by_region.text)


def test_directory_empty_state_and_bad_filters(client, cast):
    nothing = client.get(reverse("clusters:public_list"), {"kind": "ptce"})
    assert "Aucun cluster ne correspond à ces critères" in unescape(nothing.text)
    for params in ({"kind": "<script>"}, {"region": "11"}, {"region": "x" * 10_000}):
        response = client.get(reverse("clusters:public_list"), params)
        assert response.status_code == 200
        assert "Corrigez les filtres signalés" in response.text
        assert "Cluster Alpha" not in response.text


def test_directory_without_any_cluster(client, db):
    response = client.get(reverse("clusters:public_list"))
    assert "Aucun cluster n'est encore inscrit" in unescape(response.text)


def test_public_detail_and_unknown_slug(client, cast):
    cast.cluster_a.description = "Chantiers navals du Morbihan."
    cast.cluster_a.save()
    response = client.get(reverse("clusters:public_detail", args=["alpha"]))
    assert "Chantiers navals du Morbihan." in response.text
    assert "Morbihan (56), Bretagne" in response.text
    assert f'href="{reverse("member_directory:list", args=["alpha"])}"' in response.text
    missing = client.get("/clusters/n-existe-pas/")
    assert missing.status_code == 404
    assert "introuvable" in unescape(missing.text).lower()


def test_region_filter_follows_the_seat(client, cast):
    occitanie = RegionFactory(code="76", name="Occitanie")
    gers = DepartmentFactory(code="32", name="Gers", region=occitanie)
    ClusterFactory(name="Gamma", slug="gamma", seat=CommuneFactory(department=gers))
    response = client.get(reverse("clusters:public_list"), {"region": "76"})
    assert "Gamma" in response.text
    assert "Cluster Alpha" not in response.text
