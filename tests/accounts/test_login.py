from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.factories import DEFAULT_PASSWORD, UserFactory
from ancrage.accounts.models import AuditEntry

LOGIN_URL = reverse("accounts:login")


WRONG = "mauvais-mot-de-passe"


def attempt(client, email, password=WRONG, **extra):
    return client.post(LOGIN_URL, {"username": email, "password": password}, **extra)


@pytest.fixture
def person(db):
    return UserFactory(email="lea@exemple.fr", candidate=True)


def test_login_page_is_french_with_a_reset_link(client, db):
    response = client.get(LOGIN_URL)
    assert "Adresse électronique" in response.text
    assert reverse("accounts:password_reset") in response.text
    assert "Mot de passe oublié" in response.text


def test_success_is_audited_and_follows_a_safe_next(client, person):
    response = attempt(
        client, "LEA@exemple.fr ", DEFAULT_PASSWORD, HTTP_USER_AGENT="Mozilla/5.0 Firefox/140.0"
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN)
    assert (entry.actor, entry.ip_address) == (person, "127.0.0.1")
    assert "Firefox" in entry.user_agent
    client.logout()
    response = client.post(
        f"{LOGIN_URL}?next=/compte/",
        {"username": person.email, "password": DEFAULT_PASSWORD, "next": "/compte/"},
    )
    assert response["Location"] == "/compte/"


def test_unsafe_next_is_ignored(client, person):
    response = client.post(
        LOGIN_URL,
        {"username": person.email, "password": DEFAULT_PASSWORD, "next": "https://pirate.example/"},
    )
    assert response["Location"] == "/"


def test_failure_is_audited_with_the_typed_email_and_keeps_it(client, person):
    response = attempt(client, "Lea@Exemple.fr")
    assert response.status_code == 200
    assert "Adresse électronique ou mot de passe incorrect" in response.text
    assert 'value="Lea@Exemple.fr"' in response.text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED)
    assert entry.actor is None
    assert entry.actor_email == "lea@exemple.fr"
    assert entry.ip_address == "127.0.0.1"
    assert "_auth_user_id" not in client.session


def test_sixth_attempt_on_an_account_waits_then_the_wait_ends(client, person):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for _ in range(5):
            attempt(client, person.email)
            traveller.shift(timedelta(minutes=1))
        # Five failures at minutes 0 to 4; now minute 5: the right password is
        # not even checked, and the oldest failure leaves the window at minute 15.
        response = attempt(client, person.email, DEFAULT_PASSWORD)
        assert response.status_code == 429
        assert "attendez 10 minutes" in response.text
        assert f'value="{person.email}"' in response.text
        assert not AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN).exists()
        assert AuditEntry.objects.filter(details__reason="throttled").count() == 1
        # Another account from the same address is not blocked.
        other = UserFactory(email="autre@exemple.fr")
        assert attempt(client, other.email, DEFAULT_PASSWORD).status_code == 302
        client.logout()
        # Refused attempts do not extend the wait.
        traveller.shift(timedelta(minutes=9, seconds=59))
        assert attempt(client, person.email, DEFAULT_PASSWORD).status_code == 429
        traveller.shift(timedelta(seconds=2))
        response = attempt(client, person.email, DEFAULT_PASSWORD)
        assert response.status_code == 302
        assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN, actor=person).exists()


def test_twenty_first_attempt_from_one_address_waits(client, person):
    for number in range(20):
        attempt(client, f"inconnu{number}@exemple.fr")
    response = attempt(client, person.email, DEFAULT_PASSWORD)
    assert response.status_code == 429
    assert "Trop de tentatives infructueuses" in response.text
    assert "attendez 15 minutes" in response.text
    # From another address, the account itself is not blocked.
    response = attempt(client, person.email, DEFAULT_PASSWORD, REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 302


def test_logged_in_user_is_sent_on(client, person):
    client.force_login(person)
    assert client.get(LOGIN_URL)["Location"] == "/"


def test_logout_is_audited(client, person):
    client.force_login(person)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGOUT, actor=person).exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("email", ["", "<script>", "a" * 10_000, "😀@😀", "x@y"])
def test_odd_input_gets_a_french_form_error(client, db, email):
    response = attempt(client, email)
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED).count() == 1
