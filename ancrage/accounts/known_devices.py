"""Browsers an account has already logged in with ("known devices").

After a successful login the browser keeps a signed cookie naming the account
and a random device id. Failed logins made from that browser are counted apart
from the others, so someone who types wrong passwords for an address (on
purpose, to lock its owner out) blocks only the browsers that account has
never used: its owner still logs in from their usual one. This is OWASP's
"device cookie" defence against account lockout."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing

COOKIE = "ancrage_appareil"
SALT = "ancrage.known-device"
MAX_AGE = timedelta(days=365)


def _read(request):
    try:
        value = signing.loads(request.COOKIES.get(COOKIE, ""), salt=SALT, max_age=MAX_AGE)
        return str(value["email"]), str(value["device"])
    except (signing.BadSignature, KeyError, TypeError):
        return None, None


def device_for(request, email):
    """The id of this browser if it has logged in as `email` before, else None."""
    known_email, device = _read(request)
    return device if known_email is not None and known_email == email else None


def remember(request, response, email):
    """Mark this browser as known for `email` (keeping its id if it had one)."""
    device = device_for(request, email) or secrets.token_urlsafe(12)
    response.set_cookie(
        COOKIE,
        signing.dumps({"email": email, "device": device}, salt=SALT),
        max_age=int(MAX_AGE.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def details(device):
    """What to add to an audit entry of a failure from `device`."""
    return {"device": device} if device else {}
