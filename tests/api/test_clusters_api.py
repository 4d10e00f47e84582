import pytest
from django.urls import reverse


def names(response):
    return [cluster["name"] for cluster in response.json()["results"]]


def test_list_and_filters(client, cast):
    cast.cluster_b.kind = "pole"
    cast.cluster_b.save()
    url = reverse("api:cluster-list")

    assert names(client.get(url)) == ["Cluster Alpha", "Cluster Bêta"]
    assert names(client.get(url, {"kind": "pole"})) == ["Cluster Bêta"]
    assert names(client.get(url, {"region": "53"})) == ["Cluster Alpha"]
    assert names(client.get(url, {"region": "52", "kind": "grappe"})) == []
    assert names(client.get(url, {"kind": "", "region": ""})) == ["Cluster Alpha", "Cluster Bêta"]
    first = client.get(url, {"region": "53"}).json()["results"][0]
    assert first["seat_commune_code"] == "56121"
    assert first["kind"] == "grappe"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"kind": "club"}, "kind", "Type inconnu « club »"),
        ({"region": "99"}, "region", "Aucune région n'a le code INSEE « 99 »"),
        ({"region": "bretagne"}, "region", "2 ou 3 chiffres"),
        ({"region": "5" * 10_000}, "region", "2 ou 3 chiffres"),
    ],
)
def test_bad_filters_answer_400_naming_the_field(client, cast, params, field, message):
    response = client.get(reverse("api:cluster-list"), params)
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [field]
    assert message in body[field][0]


def test_detail(client, cast):
    response = client.get(reverse("api:cluster-detail", args=["alpha"]))
    assert response.json()["seat_commune_name"] == "Lorient"
    assert client.get(reverse("api:cluster-detail", args=["inconnu"])).status_code == 404


def test_schema_documents_the_filters_and_docs_respond(client, db):
    schema = client.get(reverse("api-schema"), {"format": "json"})
    assert schema.status_code == 200
    operation = schema.json()["paths"]["/api/v1/clusters/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert sorted(parameters["kind"]["schema"]["enum"]) == ["grappe", "pole", "ptce", "regional"]
    assert parameters["kind"]["in"] == "query"
    assert "Code INSEE de la région" in parameters["region"]["description"]
    assert "400" in operation["responses"]
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("limit=99999999999999999999", 2),
        ("offset=99999999999999999999", 0),
        ("limit=-3&offset=abc", 2),
        ("limit=1", 1),
    ],
)
def test_out_of_range_pagination_is_not_an_error(client, cast, query, count):
    response = client.get(f"/api/v1/clusters/?{query}")
    assert response.status_code == 200
    assert len(response.json()["results"]) == count
