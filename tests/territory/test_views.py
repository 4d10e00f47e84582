import pytest
from django.urls import reverse

from ancrage.territory.factories import CommuneFactory, DepartmentFactory

URL = reverse("territory:commune_autocomplete")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def communes(db):
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    return [
        CommuneFactory(code="56121", name="Lorient", postal_codes=["56100"], department=morbihan),
        CommuneFactory(code="56098", name="Lanester", postal_codes=["56600"], department=morbihan),
        CommuneFactory(code="56162", name="Plœmeur", postal_codes=["56270"], department=morbihan),
    ]


def test_htmx_options(client, communes, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(URL, {"q": "lorie", "listbox": "id_seat_listbox"}, **HTMX)
    html = response.content.decode()
    assert '<li id="id_seat_listbox-56121"' in html
    assert 'data-code="56121"' in html
    assert 'data-label="Lorient (56100)"' in html
    assert "Morbihan" in html
    assert "Lanester" not in html
    assert "<html" not in html
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "HX-Request" in response["Vary"]


def test_the_picker_sends_its_own_field(client, communes):
    response = client.get(URL, {"field": "seat", "seat": "ploemeur"}, **HTMX)
    assert 'data-code="56162"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "%<script>'\""},
        {"q": "x" * 10_000},
        {"q": "lorient", "listbox": '"><script>'},
        {"field": "q" * 10_000},
        {"field": "", "": "lor"},
    ],
)
def test_odd_input_never_fails(client, communes, params):
    response = client.get(URL, params, **HTMX)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_empty_query_makes_no_search(client, communes, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(URL, {"q": ""}, **HTMX)
    assert response.content.decode().strip() == ""


def test_bad_listbox_id_falls_back(client, communes):
    response = client.get(URL, {"q": "lorient", "listbox": "1 bad"}, **HTMX)
    assert 'id="communes-56121"' in response.content.decode()


def test_page_without_javascript(client, communes):
    response = client.get(URL, {"q": "56100"})
    html = response.content.decode()
    assert "<h1" in html
    assert "Rechercher une commune" in html
    assert "Lorient" in html
    assert "code INSEE 56121" in html
    assert 'value="56100"' in html
    assert "private" in response["Cache-Control"]


def test_page_says_when_nothing_matches(client, communes):
    response = client.get(URL, {"q": "zzzz"})
    assert "Aucune commune ne correspond à cette recherche." in response.content.decode()
