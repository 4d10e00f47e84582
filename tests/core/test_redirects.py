"""Where login, idle timeout and MFA send a person, and how they come back,
for ordinary requests, forms posted without JavaScript and htmx requests."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.cast import login

LOGIN_URL = reverse("accounts:login")
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/cluster/equipe/"}


def test_anonymous_htmx_request_makes_the_browser_go_to_the_login_page(client, db):
    response = client.post(reverse("cluster:invite"), **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{LOGIN_URL}?next=%2Fcluster%2Fequipe%2F"


def test_idle_timeout_during_an_htmx_action_comes_back_to_the_page(client, cast):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        login(client, cast.staff_a)
        client.get("/")
        traveller.shift(timedelta(hours=3))
        response = client.post(reverse("cluster:invite"), {"email": "x@exemple.fr"}, **HTMX)
    assert response["HX-Redirect"] == f"{LOGIN_URL}?next=%2Fcluster%2Fequipe%2F"
    assert "_auth_user_id" not in client.session


def test_a_form_posted_after_the_timeout_comes_back_to_its_page(client, cast):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        login(client, cast.staff_a)
        client.get("/")
        traveller.shift(timedelta(hours=3))
        response = client.post(
            reverse("cluster:invite"),
            {"email": "x@exemple.fr"},
            HTTP_REFERER="http://testserver/cluster/equipe/?tri=nom",
        )
    assert response["Location"] == f"{LOGIN_URL}?next=%2Fcluster%2Fequipe%2F%3Ftri%3Dnom"


def test_a_foreign_referer_is_not_a_way_back(client, db):
    response = client.post(
        reverse("cluster:invite"), HTTP_REFERER="https://pirate.example/cluster/equipe/"
    )
    assert response["Location"] == f"{LOGIN_URL}?next=%2F"


def test_mfa_is_asked_before_an_htmx_action(client, cast):
    client.force_login(cast.staff_a)  # password given, code not yet
    response = client.post(reverse("cluster:invite"), **HTMX)
    assert response["HX-Redirect"] == (
        f"{reverse('accounts:mfa_verify')}?next=%2Fcluster%2Fequipe%2F"
    )


def test_wrong_method_gets_the_french_page(client, cast):
    login(client, cast.staff_a)
    response = client.get(reverse("cluster:invite"))
    assert response.status_code == 405
    assert "Action impossible depuis cette adresse" in response.text
    assert response["Allow"] == "POST"
