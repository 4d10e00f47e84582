"""Changing one's address: the new address is kept as pending and replaces
the old one only when the signed, time-limited link sent to it is followed."""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry, User
from ancrage.outbox.services import queue_email

SALT = "ancrage.email-verification"
MAX_AGE_DAYS = 3


class VerificationError(Exception):
    """The link cannot be used; `reason` says why (invalid, outdated, taken)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def make_token(user, email):
    return signing.dumps({"user": user.pk, "email": email}, salt=SALT)


def request_change(request, user, email):
    """Store `email` as pending and send the verification link to it."""
    user.pending_email = email
    user.save(update_fields=["pending_email"])
    audit.record(request, AuditEntry.Action.EMAIL_CHANGE_REQUESTED, user, new=email)
    url = settings.SITE_URL + reverse("accounts:verify_email", args=[make_token(user, email)])
    queue_email(
        "email_verification",
        email,
        {"user": user, "email": email, "url": url, "days": MAX_AGE_DAYS},
    )


def confirm(request, token):
    """Make the pending address the account's address; return the user."""
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE_DAYS * 24 * 3600)
        user_pk, email = int(value["user"]), str(value["email"])
    except signing.SignatureExpired as error:
        raise VerificationError("expired") from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise VerificationError("invalid") from error
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_pk, is_active=True).first()
        if user is None or user.pending_email.lower() != email.lower():
            raise VerificationError("outdated")
        if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
            raise VerificationError("taken")
        previous = user.email
        user.email = email
        user.pending_email = ""
        user.email_verified_at = timezone.now()
        try:
            with transaction.atomic():
                user.save(update_fields=["email", "pending_email", "email_verified_at"])
        except IntegrityError as error:
            raise VerificationError("taken") from error
        audit.record(request, AuditEntry.Action.EMAIL_VERIFIED, user, actor=user, previous=previous)
        # The old address hears of it: if the change was not wanted, its
        # owner knows whom to alert.
        queue_email("email_changed", previous, {"user": user, "previous": previous})
    return user
