"""French error pages and the health probe."""

from django.db import connections
from django.test import RequestFactory
from django.urls import reverse

from ancrage.core import views
from tests.cast import login


def test_500_page_is_french_and_needs_nothing(db):
    response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.text
    assert 'lang="fr"' in response.text


def test_403_page_is_french(client, cast):
    login(client, cast.candidate)
    response = client.get(reverse("outbox:list"))
    assert response.status_code == 403
    assert "Accès refusé" in response.text


def test_400_page_is_french(db):
    response = views.bad_request(RequestFactory().get("/"))
    assert response.status_code == 400
    assert "Requête invalide" in response.text


def test_healthz_says_503_when_the_database_is_down(db, monkeypatch, tmp_path):
    # A real connection to a server that is not there.
    default = connections["default"]
    unreachable = {**default.settings_dict, "OPTIONS": {"host": str(tmp_path)}}
    monkeypatch.setattr(views, "connection", default.__class__(unreachable))
    response = views.healthz(RequestFactory().get("/healthz"))
    assert response.status_code == 503


def test_an_outdated_form_gets_the_french_page(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login(client, cast.staff_a)
    response = client.post(reverse("core:switch_context"), {"context": "x"})
    assert response.status_code == 403
    assert "La page a expiré" in response.text
    assert response["X-Ancrage-Error"] == "csrf"
