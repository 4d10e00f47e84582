"""Ways around the login limits and MFA that must stay closed."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from ancrage.accounts.factories import DEFAULT_PASSWORD, UserFactory
from ancrage.accounts.models import AuditEntry
from tests.accounts.test_login import LOGIN_URL, WRONG, attempt
from tests.cast import login


@pytest.fixture
def sarah(db):
    return UserFactory(email="sarah@exemple.fr")


def test_look_alike_spellings_share_the_account_limit(client, sarah):
    # PostgreSQL upper-cases « ſ » (long s) to « S »: both spellings log in as
    # sarah, so both count against her.
    for _ in range(5):
        attempt(client, "sarah@exemple.fr")
    response = attempt(client, "ſarah@exemple.fr", DEFAULT_PASSWORD)
    assert response.status_code == 429
    assert set(
        AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED).values_list(
            "actor_email", flat=True
        )
    ) == {"sarah@exemple.fr"}


@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_cannot_pass_the_check_together():
    UserFactory(email="cible@exemple.fr")

    def one_attempt(_):
        try:
            return attempt(Client(), "cible@exemple.fr").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(one_attempt, range(12)))
    assert statuses.count(200) == 5  # passwords really checked
    assert statuses.count(429) == 7
    checked = AuditEntry.objects.filter(
        action=AuditEntry.Action.LOGIN_FAILED, details__reason="invalid"
    )
    assert checked.count() == 5


def test_password_guesses_from_an_open_session_count_as_failed_logins(client, sarah):
    client.force_login(sarah)
    for _ in range(5):
        response = client.post(
            reverse("accounts:change_email"),
            {"email": "nouvelle@exemple.fr", "password": WRONG},
        )
        assert response.status_code == 200
    response = client.post(
        reverse("accounts:change_password"),
        {"old_password": DEFAULT_PASSWORD, "new_password1": "x" * 20, "new_password2": "x" * 20},
    )
    assert response.status_code == 429
    assert "Trop de tentatives infructueuses" in response.text
    sarah.refresh_from_db()
    assert sarah.check_password(DEFAULT_PASSWORD)  # nothing changed
    response = client.post(
        reverse("accounts:change_email"),
        {"email": "nouvelle@exemple.fr", "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == 429
    assert 'value="nouvelle@exemple.fr"' in response.text
    assert (
        AuditEntry.objects.filter(
            action=AuditEntry.Action.LOGIN_FAILED, details__reason="account"
        ).count()
        == 5
    )


@pytest.mark.parametrize("email", ["le\x00a@exemple.fr", "\x00"])
def test_a_nul_byte_is_a_wrong_address_not_an_error(client, db, email):
    response = attempt(client, email)
    assert response.status_code == 200
    assert "Adresse électronique" in response.text


def test_an_unusual_remote_address_is_not_an_error(client, sarah):
    response = attempt(client, sarah.email, REMOTE_ADDR="unix:")
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED)
    assert entry.ip_address is None


def test_the_admin_login_page_is_ours(client, db):
    response = client.get("/admin-technique/login/?next=/admin-technique/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/admin-technique/"


def test_admin_access_needs_mfa(client, db):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/admin-technique/")
    assert response["Location"].startswith(reverse("accounts:mfa_setup"))


def test_platform_admin_with_mfa_reaches_the_admin(client, db):
    login(client, UserFactory(platform_admin=True, with_mfa=True))
    assert client.get("/admin-technique/").status_code == 200


def test_a_demo_on_a_real_database_needs_its_own_secret_key():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "ancrage.settings",
        "DATABASE_URL": "postgres://demo@localhost/ancrage",
        "ANCRAGE_DEMO": "true",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DATABASE_URL is set" in result.stderr


def test_personal_events_stay_out_of_the_cluster_audit_log(client, cast):
    attempt(client, cast.staff_a.email, DEFAULT_PASSWORD)
    client.post(reverse("accounts:logout"))
    assert AuditEntry.objects.filter(cluster_id__isnull=False).count() == 0
    assert AuditEntry.objects.filter(actor=cast.staff_a).count() == 2


@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_on_many_accounts_from_one_ip_share_the_ip_limit(settings):
    settings.ANCRAGE_LOGIN_MAX_FAILURES_PER_IP = 3
    emails = [UserFactory(email=f"personne{n}@exemple.fr").email for n in range(10)]

    def one_attempt(email):
        try:
            return attempt(Client(), email).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(one_attempt, emails))
    assert statuses.count(200) == 3
    assert statuses.count(429) == 7


def test_an_attempt_that_cannot_get_its_turn_is_refused(client, sarah, settings, monkeypatch):
    from ancrage.accounts import throttle

    monkeypatch.setattr(throttle, "LOCK_TIMEOUT", "10ms")
    # Another connection holds the account's lock (a slow attempt in progress).
    default = connections["default"]
    other = default.__class__({**default.settings_dict})
    other.set_autocommit(False)
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ["login:sarah@exemple.fr"])
    try:
        response = attempt(client, "sarah@exemple.fr", DEFAULT_PASSWORD)
    finally:
        other.rollback()
        other.close()
    assert response.status_code == 429
    assert "Trop de tentatives en même temps" in response.text


def test_a_next_back_to_the_login_page_does_not_loop(client, sarah):
    login(client, sarah)
    response = client.get(f"{LOGIN_URL}?next={LOGIN_URL}")
    assert response.status_code == 302
    assert response["Location"] == "/"
