"""The public search of offers: French full text (stemming, accents),
occupation, skills, contract, commune and radius, remote, published since,
cluster; relevance or date; facet counts; the page, its Atom feed, and bad
input answered in French, never with a 500."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.jobs import lifecycle, search
from ancrage.jobs.factories import OfferFactory, OfferSkillFactory, PublicationFactory
from ancrage.jobs.search_forms import OfferSearchForm, as_querydict
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.territory.factories import CommuneFactory
from ancrage.territory.models import Commune

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def places(cast):
    """Lorient, Vannes (about 48 km away) and Saint-Nazaire (about 110 km)."""
    lorient = Commune.objects.get(code="56121")
    lorient.latitude, lorient.longitude, lorient.postal_codes = 47.7483, -3.3700, ["56100"]
    lorient.save()
    saint_nazaire = Commune.objects.get(code="44184")
    saint_nazaire.latitude, saint_nazaire.longitude = 47.2735, -2.2138
    saint_nazaire.postal_codes = ["44600"]
    saint_nazaire.save()
    vannes = CommuneFactory(
        code="56260",
        name="Vannes",
        department=lorient.department,
        latitude=47.6582,
        longitude=-2.7608,
        postal_codes=["56000"],
    )
    return {"lorient": lorient, "vannes": vannes, "saint_nazaire": saint_nazaire}


@pytest.fixture
def alpha(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def on_board(cluster, **fields):
    return PublicationFactory(
        cluster=cluster, **{f"offer__{k}": v for k, v in fields.items()}
    ).offer


def found(params, **kwargs):
    form = OfferSearchForm(as_querydict(params))
    assert form.is_valid(), form.errors
    return list(search.offers(form.cleaned_data, **kwargs))


def titles(params):
    return [offer.title for offer in found(params)]


def errors(params):
    form = OfferSearchForm(as_querydict(params))
    assert not form.is_valid()
    return form.errors


def test_only_visible_offers_are_found(cast, alpha, places):
    visible = on_board(cast.cluster_a, organisation=alpha, title="Soudeur TIG")
    OfferFactory(organisation=alpha, title="Soudeur brouillon")
    gone = on_board(cast.cluster_a, organisation=alpha, title="Soudeur pourvu")
    lifecycle.close(gone, filled=True)
    expired = on_board(cast.cluster_a, organisation=alpha, title="Soudeur expiré")
    expired.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    expired.save()
    assert titles({"q": "soudeur"}) == [visible.title]


def test_french_stemming_and_accents(cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title="Soudeurs qualifiés")
    on_board(cast.cluster_a, organisation=alpha, title="Électricien de maintenance")
    on_board(cast.cluster_a, organisation=alpha, title="Comptable", description="Bilans.")
    assert titles({"q": "soudeur"}) == ["Soudeurs qualifiés"]
    assert titles({"q": "electricien"}) == ["Électricien de maintenance"]
    assert titles({"q": "ÉLECTRICIENS"}) == ["Électricien de maintenance"]
    # The web search syntax: a word excluded.
    assert titles({"q": "maintenance -electricien"}) == []


def test_relevance_first_with_words_date_on_demand(cast, alpha, places):
    today = timezone.localdate()
    title_match = on_board(
        cast.cluster_a,
        organisation=alpha,
        title="Soudeur",
        published_on=today - datetime.timedelta(days=5),
    )
    description_match = on_board(
        cast.cluster_a,
        organisation=alpha,
        title="Chaudronnier",
        description="Travail avec un soudeur.",
        published_on=today,
    )
    assert found({"q": "soudeur"}) == [title_match, description_match]
    assert found({"q": "soudeur", "sort": "date"}) == [description_match, title_match]
    assert found({}) == [description_match, title_match]


def test_occupation_skills_contract_remote_since_cluster(cast, alpha, places):
    welder = OccupationFactory(code="H2913", label="Soudage manuel")
    souder, lire = SkillFactory(label="Souder à l'arc"), SkillFactory(label="Lire un plan")
    today = timezone.localdate()
    first = on_board(
        cast.cluster_a,
        organisation=alpha,
        title="A",
        occupation=welder,
        contract="cdd",
        remote="hybride",
        published_on=today - datetime.timedelta(days=20),
    )
    second = on_board(cast.cluster_b, title="B", contract="cdi")
    OfferSkillFactory(offer=first, skill=souder)
    OfferSkillFactory(offer=second, skill=lire, required=False)
    assert titles({"occupation": "H2913"}) == ["A"]
    assert sorted(titles({"skills_code": [souder.pk, lire.pk], "skills": ""})) == ["A", "B"]
    assert titles({"skills_code": [lire.pk], "skills": ""}) == ["B"]
    assert sorted(titles({"contract": ["cdd", "cdi"]})) == ["A", "B"]
    assert titles({"contract": "cdi"}) == ["B"]
    assert titles({"remote": "hybride"}) == ["A"]
    assert titles({"since": "7"}) == ["B"]
    assert titles({"cluster": cast.cluster_b.slug}) == ["B"]
    assert titles({"cluster": cast.cluster_a.slug}) == ["A"]


def test_commune_and_radius(cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title="Lorient", commune=places["lorient"])
    on_board(cast.cluster_a, organisation=alpha, title="Vannes", commune=places["vannes"])
    on_board(cast.cluster_a, organisation=alpha, title="Nazaire", commune=places["saint_nazaire"])
    assert titles({"commune": "56121", "radius": "10"}) == ["Lorient"]
    assert sorted(titles({"commune": "Lorient", "radius": "60"})) == ["Lorient", "Vannes"]
    assert len(titles({"commune": "56121", "radius": "200"})) == 3
    # No radius: 30 km.
    assert titles({"commune": "56121"}) == ["Lorient"]
    offers = found({"commune": "56121", "radius": "60"})
    distances = {offer.title: round(offer.distance_km) for offer in offers}
    assert distances["Lorient"] == 0 and 44 <= distances["Vannes"] <= 50


def test_facets_count_each_choice_across_its_own_filter(cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title="Soudeur 1", contract="cdi")
    on_board(
        cast.cluster_a, organisation=alpha, title="Soudeur 2", contract="cdi", remote="complet"
    )
    on_board(cast.cluster_a, organisation=alpha, title="Soudeur 3", contract="cdd")
    on_board(cast.cluster_a, organisation=alpha, title="Comptable", contract="cdd")
    form = OfferSearchForm(as_querydict({"q": "soudeur", "contract": "cdi"}))
    assert form.is_valid()
    counts = search.facets(form.cleaned_data)
    contract = {value: count for value, _label, count in counts["contract"]}
    remote = {value: count for value, _label, count in counts["remote"]}
    assert contract["cdi"] == 2 and contract["cdd"] == 1 and contract["stage"] == 0
    assert remote == {"site": 1, "hybride": 0, "complet": 1}
    assert counts["total"] == 2
    # Both facets chosen: each counts with the other's choice.
    form = OfferSearchForm(as_querydict({"q": "soudeur", "contract": "cdd", "remote": "site"}))
    assert form.is_valid()
    counts = search.facets(form.cleaned_data)
    contract = {value: count for value, _label, count in counts["contract"]}
    remote = {value: count for value, _label, count in counts["remote"]}
    assert contract["cdi"] == 1 and contract["cdd"] == 1
    assert remote == {"site": 1, "hybride": 0, "complet": 0}
    assert counts["total"] == 1


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"commune": "56121", "radius": "-5"}, "radius", "de 1 à 200"),
        ({"commune": "56121", "radius": "100000"}, "radius", "de 1 à 200"),
        ({"commune": "56121", "radius": "loin"}, "radius", "de 1 à 200"),
        ({"radius": "20"}, "commune", "Indiquez la commune"),
        ({"commune": "Atlantide"}, "commune", "Aucune commune ne correspond"),
        ({"occupation": "H9999"}, "occupation", "Aucun métier du ROME n'a le code « H9999 »"),
        ({"contract": "esclavage"}, "contract", "Contrat inconnu"),
        ({"remote": "lune"}, "remote", "Télétravail inconnu"),
        ({"since": "0"}, "since", "de 1 à 365"),
        ({"cluster": "inconnu"}, "cluster", "Aucun cluster"),
        ({"sort": "prix"}, "sort", "Tri inconnu"),
        ({"q": "x" * 201}, "q", "200 caractères"),
    ],
)
def test_bad_input_is_told_in_french(cast, places, params, field, message):
    assert message in " ".join(errors(params)[field])


def test_a_commune_without_location_is_refused(cast, places):
    CommuneFactory(code="56999", name="Île perdue", latitude=None, longitude=None)
    assert "n'est pas connue" in " ".join(errors({"commune": "56999"})["commune"])


def test_the_page_lists_results_with_distance_and_counts(client, cast, alpha, places):
    offer = on_board(
        cast.cluster_a,
        organisation=alpha,
        title="Soudeur TIG",
        commune=places["vannes"],
        contract="cdi",
    )
    on_board(
        cast.cluster_a,
        organisation=alpha,
        title="Soudeur MIG",
        commune=places["lorient"],
        contract="cdd",
    )
    response = client.get(
        reverse("jobs_search:search"),
        {"q": "soudeurs", "commune": "56121", "radius": "60", "contract": "cdi"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 offre" in html
    assert reverse("jobs_public:offer_slug", args=[offer.pk, "soudeur-tig"]) in html
    assert "Usinage Alpha" in html and "Vannes (56000)" in html
    assert "à 47 km" in html or "à 48 km" in html
    # Each contract counted with the other criteria.
    assert "CDI (1)" in html and "CDD (1)" in html and "Stage (0)" in html
    # What was typed stays.
    assert 'value="soudeurs"' in html and 'value="60"' in html
    assert "Soudeur MIG" not in html
    # The feed of this search.
    assert "flux.atom?q=soudeurs" in html


def test_the_page_says_what_is_wrong_and_never_fails(client, cast, places):
    url = reverse("jobs_search:search")
    for params in (
        {"commune": "56121", "radius": "-5"},
        {"commune": "56121", "radius": "100000"},
        {"commune": "Atlantide", "radius": "10"},
        {"occupation": "H9999"},
        {"page": "abc"},
        {"q": "\x00"},
        {"q": "'\"&|!:*()<>"},
        {"skills": "x" * 2000},
    ):
        response = client.get(url, params)
        assert response.status_code == 200, params
    response = client.get(url, {"commune": "56121", "radius": "-5"})
    assert "Le rayon se donne en kilomètres, de 1 à 200" in response.content.decode()
    assert 'value="-5"' in response.content.decode()


def test_the_page_pages_by_20(client, cast, alpha, places):
    for number in range(23):
        on_board(cast.cluster_a, organisation=alpha, title=f"Offre {number}")
    response = client.get(reverse("jobs_search:search"), {"page": "2"})
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == 3
    response = client.get(reverse("jobs_search:search"), {"page": "abc"})
    assert response.context["page"].number == 1


def test_the_page_escapes_what_companies_type(client, cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title=f"Soudeur {SCRIPT}")
    html = client.get(reverse("jobs_search:search"), {"q": SCRIPT}).content.decode()
    assert SCRIPT not in html
    html = client.get(reverse("jobs_search:search")).content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_htmx_gets_the_form_and_results_only(client, cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title="Soudeur")
    response = client.get(reverse("jobs_search:search"), {"q": "soudeur"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "Soudeur" in html and 'id="resultats"' in html


def test_the_feed_has_the_search_filters(client, cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title="Soudeur TIG", contract="cdi")
    on_board(cast.cluster_a, organisation=alpha, title="Soudeur MIG", contract="cdd")
    on_board(ClusterFactory(), title="Comptable")
    response = client.get(reverse("jobs_search:feed"), {"q": "soudeur", "contract": "cdi"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert "Soudeur TIG" in xml and "Soudeur MIG" not in xml and "Comptable" not in xml
    bad = client.get(reverse("jobs_search:feed"), {"radius": "-5", "commune": "56121"})
    assert bad.status_code == 200 and "<entry>" not in bad.content.decode()


def test_the_board_feed_still_works(client, cast, alpha, places):
    on_board(cast.cluster_a, organisation=alpha, title="Soudeur TIG")
    response = client.get(reverse("jobs_board:feed", args=[cast.cluster_a.slug]))
    assert response.status_code == 200 and "Soudeur TIG" in response.content.decode()


def test_anonymous_visitors_are_invited_to_save_as_candidates(client, cast, places):
    html = client.get(reverse("jobs_search:search"), {"q": "soudeur"}).content.decode()
    assert "Enregistrer cette recherche et recevoir les nouvelles offres" in html
    assert reverse("jobs_alerts:create") + "?q=soudeur" in html


def test_the_number_of_queries_does_not_grow_with_results(
    client, cast, alpha, places, django_assert_max_num_queries
):
    for number in range(20):
        on_board(cast.cluster_a, organisation=alpha, title=f"Soudeur {number}")
    with django_assert_max_num_queries(12):
        client.get(reverse("jobs_search:search"), {"q": "soudeur", "commune": "56121"})
