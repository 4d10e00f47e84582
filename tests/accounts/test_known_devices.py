"""Wrong passwords typed by someone else do not lock an account's owner out of
the browser they usually log in from."""

import pytest
from django.test import Client
from django.urls import reverse

from ancrage.accounts import known_devices
from ancrage.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.accounts.test_login import WRONG, attempt


@pytest.fixture
def lea(db):
    return UserFactory(email="lea@exemple.fr", candidate=True)


def usual_browser(lea):
    """A browser Léa has logged in with, then out."""
    client = Client()
    assert attempt(client, lea.email, DEFAULT_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))  # (Client.logout() would drop every cookie)
    assert known_devices.COOKIE in client.cookies
    return client


def test_the_owner_logs_in_from_her_usual_browser_while_others_are_locked(lea):
    browser = usual_browser(lea)
    stranger = Client()
    for _ in range(5):
        attempt(stranger, lea.email, REMOTE_ADDR="203.0.113.7")
    # The stranger (and any other new browser) must wait, even with the password…
    assert (
        attempt(stranger, lea.email, DEFAULT_PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    )
    assert attempt(Client(), lea.email, DEFAULT_PASSWORD).status_code == 429
    # …but Léa's usual browser is not locked.
    assert attempt(browser, lea.email, DEFAULT_PASSWORD).status_code == 302


def test_failures_from_the_usual_browser_count_for_it(lea):
    browser = usual_browser(lea)
    for _ in range(5):
        assert attempt(browser, lea.email, WRONG).status_code == 200
    assert attempt(browser, lea.email, DEFAULT_PASSWORD).status_code == 429
    # Other browsers are not affected by those.
    assert attempt(Client(), lea.email, DEFAULT_PASSWORD).status_code == 302


def test_a_cookie_of_another_account_or_forged_does_not_help(lea):
    browser = usual_browser(UserFactory(email="autre@exemple.fr"))
    for _ in range(5):
        attempt(Client(), lea.email)
    assert attempt(browser, lea.email, DEFAULT_PASSWORD).status_code == 429
    forged = Client()
    forged.cookies[known_devices.COOKIE] = "eyJlbWFpbCI6ImxlYUBleGVtcGxlLmZyIn0:faux:signature"
    assert attempt(forged, lea.email, DEFAULT_PASSWORD).status_code == 429


def test_the_cookie_is_kept_out_of_scripts(lea):
    browser = usual_browser(lea)
    cookie = browser.cookies[known_devices.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 365 * 24 * 3600
