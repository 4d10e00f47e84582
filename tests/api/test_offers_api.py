"""/api/v1/offers/: the visible offers, searched with the public search's
parameters, paginated; each wrong parameter told in French; described in
the OpenAPI schema."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory, OfferSkillFactory, PublicationFactory
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.territory.models import Commune

pytestmark = pytest.mark.django_db

OFFERS = "/api/v1/offers/"


@pytest.fixture
def alpha(cast):
    lorient = Commune.objects.get(code="56121")
    lorient.latitude, lorient.longitude = 47.7483, -3.3700
    lorient.save()
    return Organisation.objects.get(name="Usinage Alpha")


def on_board(cluster, **fields):
    return PublicationFactory(
        cluster=cluster, **{f"offer__{k}": v for k, v in fields.items()}
    ).offer


def titles(response):
    assert response.status_code == 200, response.content
    return [offer["title"] for offer in response.json()["results"]]


def test_urls():
    assert reverse("api:offer-list") == OFFERS
    assert reverse("api:offer-detail", args=[7]) == OFFERS + "7/"


def test_the_list_has_the_visible_offers_with_their_facts(client, cast, alpha):
    welder = OccupationFactory(code="H2913", label="Soudage manuel")
    offer = on_board(
        cast.cluster_a,
        organisation=alpha,
        title="Soudeurs TIG",
        occupation=welder,
        commune=Commune.objects.get(code="56121"),
    )
    OfferSkillFactory(offer=offer, skill=SkillFactory(label="Souder à l'arc"))
    OfferFactory(organisation=alpha, title="Soudeur brouillon")
    response = client.get(OFFERS, {"q": "soudeur", "commune": "56121", "radius": "20"})
    assert titles(response) == ["Soudeurs TIG"]
    item = response.json()["results"][0]
    assert item["url"] == f"http://testserver/offres/{offer.pk}-soudeurs-tig/"
    assert item["organisation"] == {"name": "Usinage Alpha"}
    assert item["occupation"] == {"code": "H2913", "label": "Soudage manuel"}
    assert item["commune"]["code"] == "56121"
    assert item["distance_km"] == 0.0
    assert item["contract"] == "cdi" and item["contract_label"] == "CDI"
    assert item["skills"] == [
        {"id": offer.skills.get().skill_id, "label": "Souder à l'arc", "required": True}
    ]
    assert client.get(OFFERS).json()["results"][0]["distance_km"] is None


def test_the_same_filters_as_the_page(client, cast, alpha):
    today = timezone.localdate()
    on_board(cast.cluster_a, organisation=alpha, title="Électricien", contract="cdd")
    on_board(
        cast.cluster_b,
        title="Soudeur",
        contract="cdi",
        remote="complet",
        published_on=today - datetime.timedelta(days=10),
    )
    assert titles(client.get(OFFERS, {"q": "electricien"})) == ["Électricien"]
    assert titles(client.get(OFFERS, {"contract": ["cdi", "stage"]})) == ["Soudeur"]
    assert titles(client.get(OFFERS, {"remote": "complet"})) == ["Soudeur"]
    assert titles(client.get(OFFERS, {"since": "3"})) == ["Électricien"]
    assert titles(client.get(OFFERS, {"cluster": "beta"})) == ["Soudeur"]
    assert titles(client.get(OFFERS, {"sort": "date"})) == ["Électricien", "Soudeur"]


def test_pages(client, cast, alpha):
    for number in range(25):
        on_board(cast.cluster_a, organisation=alpha, title=f"Offre {number}")
    body = client.get(OFFERS).json()
    assert body["count"] == 25 and len(body["results"]) == 20 and body["next"]
    assert len(client.get(OFFERS, {"limit": "1000"}).json()["results"]) == 25
    assert len(client.get(OFFERS, {"offset": "20"}).json()["results"]) == 5
    for params in ({"limit": "abc"}, {"offset": "abc"}, {"page": "abc"}, {"offset": "9" * 30}):
        assert client.get(OFFERS, params).status_code == 200, params


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"commune": "56121", "radius": "-5"}, "radius", "de 1 à 200"),
        ({"commune": "56121", "radius": "100000"}, "radius", "de 1 à 200"),
        ({"commune": "Atlantide"}, "commune", "Aucune commune ne correspond"),
        ({"radius": "10"}, "commune", "Indiquez la commune"),
        ({"occupation": "H9999"}, "occupation", "Aucun métier du ROME n'a le code « H9999 »."),
        ({"contract": "cdii"}, "contract", "Contrat inconnu « cdii »"),
        ({"since": "jamais"}, "since", "nombre de jours"),
        ({"cluster": "inconnu"}, "cluster", "Aucun cluster n'a l'identifiant « inconnu »."),
    ],
)
def test_each_wrong_parameter_is_told_in_french(client, cast, alpha, params, field, message):
    response = client.get(OFFERS, params)
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])


def test_the_detail_shows_only_visible_offers(client, cast, alpha):
    offer = on_board(cast.cluster_a, organisation=alpha, title="Soudeur")
    response = client.get(f"{OFFERS}{offer.pk}/")
    assert response.status_code == 200 and response.json()["title"] == "Soudeur"
    lifecycle.close(offer, filled=False)
    assert client.get(f"{OFFERS}{offer.pk}/").status_code == 404
    assert client.get(f"{OFFERS}999999/").status_code == 404


def test_the_list_takes_a_bounded_number_of_queries(
    client, cast, alpha, django_assert_max_num_queries
):
    for number in range(20):
        offer = on_board(cast.cluster_a, organisation=alpha, title=f"Soudeur {number}")
        OfferSkillFactory(offer=offer)
    with django_assert_max_num_queries(4):
        assert len(titles(client.get(OFFERS, {"q": "soudeur"}))) == 20


def test_the_schema_describes_the_offers(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/offers/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "occupation", "contract", "commune", "radius", "remote", "since"} <= names
    assert {"cluster", "sort", "limit", "offset"} <= names
    assert "400" in operation["responses"]
    assert "/api/v1/offers/{id}/" in schema["paths"]
