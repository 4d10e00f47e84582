"""Login required, session idle timeout and mandatory MFA for privileged users.

Each sends the person to a page (login, MFA) and back afterwards to where they
were: `redirect_and_come_back` picks that place and, for htmx requests, makes
the browser itself go there instead of swapping a login page into a fragment.
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import middleware as auth_middleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect


def redirect_and_come_back(request, url_name):
    """Redirect to `url_name` with `next` = the page to come back to.

    The page is the one the person sees: for htmx, the browser's URL (the
    fragment's URL often answers POST only); for a form posted without
    JavaScript, the page the form was on (same site only), else home."""
    if request.htmx:
        back = request.htmx.current_url_abs_path or "/"
    elif request.method in ("GET", "HEAD"):
        back = request.get_full_path()
    else:
        referer = request.headers.get("Referer", "")
        parts = urlsplit(referer)
        same_site = url_has_allowed_host_and_scheme(
            referer, {request.get_host()}, request.is_secure()
        )
        back = (parts.path + (f"?{parts.query}" if parts.query else "")) if same_site else "/"
        back = back or "/"
    target = f"{reverse(url_name)}?{urlencode({'next': back})}"
    if request.htmx:
        return HttpResponseClientRedirect(target)
    return redirect(target)


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's, with htmx-aware redirects (see redirect_and_come_back)."""

    def handle_no_permission(self, request, view_func):
        return redirect_and_come_back(request, "accounts:login")


LAST_SEEN_KEY = "ancrage_last_seen"
# The session is written at most once a minute just to record activity.
LAST_SEEN_RESOLUTION = 60


class IdleTimeoutMiddleware:
    """Log privileged users out after ANCRAGE_PRIVILEGED_IDLE_TIMEOUT seconds
    without a request; everyone else keeps SESSION_COOKIE_AGE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY, now)
            timeout = settings.ANCRAGE_PRIVILEGED_IDLE_TIMEOUT
            if now - last_seen > timeout and request.user.is_privileged:
                logout(request)
                messages.info(
                    request,
                    _(
                        "Votre session a expiré après %(minutes)s minutes d'inactivité. "
                        "Reconnectez-vous pour continuer."
                    )
                    % {"minutes": timeout // 60},
                )
                return redirect_and_come_back(request, "accounts:login")
            if now - last_seen >= LAST_SEEN_RESOLUTION or LAST_SEEN_KEY not in request.session:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class MFARequiredMiddleware:
    """Privileged users must enrol a TOTP device at first login, then enter a
    code at every login, before they reach any other page."""

    ALLOWED_URL_NAMES = {
        "accounts:mfa_setup",
        "accounts:mfa_verify",
        "accounts:logout",
        "core:legal_notice",
        "core:privacy",
        "core:accessibility",
        "core:healthz",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(settings.STATIC_URL)
            and user.is_privileged
        ):
            match = request.resolver_match or _resolve(request.path_info)
            if match is None or match.view_name not in self.ALLOWED_URL_NAMES:
                has_device = user.totpdevice_set.filter(confirmed=True).exists()
                target = "accounts:mfa_verify" if has_device else "accounts:mfa_setup"
                return redirect_and_come_back(request, target)
        return self.get_response(request)


def _resolve(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None
