"""Open a logged-in browser session without typing the password each time."""

from django.conf import settings
from django.test import Client

from tests.cast import login


def log_in(page, live_server, user):
    """Log in with MFA verified through Django's test client, then hand the
    session cookie to the browser."""
    client = login(Client(), user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
