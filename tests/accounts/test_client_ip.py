"""The address written in the audit log and used by the per-IP login limit."""

import pytest
from django.test import RequestFactory

from ancrage.accounts.audit import client_ip


def request(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_proxy_the_header_is_ignored(settings):
    settings.ANCRAGE_TRUSTED_PROXIES = 0
    assert client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.7", "198.51.100.7"),
        # A client that forges the header can only prepend: the proxy appends.
        ("1.2.3.4, 198.51.100.7", "198.51.100.7"),
        ("", "10.0.0.2"),
        ("pas-une-adresse", "10.0.0.2"),
        ("2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_one_proxy_its_entry_is_used(settings, forwarded, expected):
    settings.ANCRAGE_TRUSTED_PROXIES = 1
    assert client_ip(request("10.0.0.2", forwarded)) == expected


def test_behind_two_proxies(settings):
    settings.ANCRAGE_TRUSTED_PROXIES = 2
    assert client_ip(request("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2")) == "198.51.100.7"
    assert client_ip(request("10.0.0.3", "10.0.0.2")) == "10.0.0.3"
