"""Session idle timeout and mandatory MFA for privileged users."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

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
                return redirect(
                    f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}"
                )
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
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _resolve(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None
