"""Brute-force protection, computed from the audit log.

Failed logins (`LOGIN_FAILED`) are counted per typed address and per IP,
failed MFA codes (`MFA_FAILED`) per account, over ANCRAGE_LOGIN_WINDOW
seconds. Attempts refused because of the limit are logged too, with
`reason: throttled`, but do not count: waiting the announced time is enough.

Failures are counted per account, whatever spelling was typed (`account_email`),
and per known browser (`known_devices`), so that nobody can lock an account's
owner out of the browser they usually log in from;
and the attempts on one account run one at a time (`one_attempt_at_a_time`), so
that parallel requests cannot all pass the check before a failure is written.
"""

import math
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from ancrage.accounts.forms import normalize_email
from ancrage.accounts.models import AuditEntry, User

THROTTLED = {"reason": "throttled"}


def _wait(entries, limit, now):
    """Seconds until fewer than `limit` of `entries` remain in the window."""
    window = timedelta(seconds=settings.ANCRAGE_LOGIN_WINDOW)
    recent = list(
        entries.filter(created_at__gt=now - window)
        .exclude(details__contains=THROTTLED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return 0
    return max(0, (recent[-1] + window - now).total_seconds())


def account_email(typed):
    """The address failures are counted under: the stored address of the
    account the database would log in (it compares case-insensitively, Unicode
    look-alikes included), or what was typed when no account matches."""
    typed = normalize_email(typed)
    stored = User.objects.filter(email__iexact=typed).values_list("email", flat=True).first()
    return stored or typed


# How long an attempt waits for the one before it; past that it is refused.
LOCK_TIMEOUT = "5s"


def login_keys(email, ip):
    """The locks of a login attempt: its IP (password spraying across accounts)
    then its account. Always in this order, so two attempts cannot deadlock."""
    return [f"login-ip:{ip}", f"login:{email}"] if ip else [f"login:{email}"]


@contextmanager
def one_attempt_at_a_time(*keys):
    """Run the check, the attempt and its audit entry in one transaction that
    holds locks on `keys` (e.g. "login:<address>"): concurrent attempts on the
    same account or from the same IP wait for each other, and each sees the
    previous failures. Yields False when the locks could not be had within
    LOCK_TIMEOUT: the caller refuses the attempt (BUSY_MESSAGE)."""
    with transaction.atomic():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_TIMEOUT])
                for key in keys:
                    cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
        except OperationalError:
            yield False
            return
        yield True


BUSY_MESSAGE = _lazy(
    "Trop de tentatives en même temps sur ce compte ou depuis cette adresse. "
    "Réessayez dans quelques secondes."
)


def login_wait(email, ip, device=None, now=None):
    """Seconds to wait before trying to log in again as `email` from `ip`.

    The account's failures are those of this known browser (`device`, see
    known_devices), or, from any other browser, those of unknown browsers."""
    now = now or timezone.now()
    failures = AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED)
    account = failures.filter(actor_email=email)
    if device:
        account = account.filter(details__device=device)
    else:
        account = account.exclude(details__has_key="device")
    waits = [_wait(account, _account_limit(), now)]
    if ip:
        waits.append(
            _wait(failures.filter(ip_address=ip), settings.ANCRAGE_LOGIN_MAX_FAILURES_PER_IP, now)
        )
    return max(waits)


def mfa_wait(user, now=None):
    """Seconds to wait before `user` may try another MFA code."""
    failures = AuditEntry.objects.filter(action=AuditEntry.Action.MFA_FAILED, actor=user)
    return _wait(failures, _account_limit(), now or timezone.now())


def _account_limit():
    return settings.ANCRAGE_LOGIN_MAX_FAILURES_PER_ACCOUNT


def wait_message(seconds):
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Trop de tentatives infructueuses. Par sécurité, attendez %(minutes)d minute "
        "avant de réessayer.",
        "Trop de tentatives infructueuses. Par sécurité, attendez %(minutes)d minutes "
        "avant de réessayer.",
        minutes,
    ) % {"minutes": minutes}
