"""Sending and finding invitations, whatever they invite to.

Concrete invitations (`clusters.StaffInvitation`, later an organisation's)
subclass `accounts.models.Invitation`; the link in the email carries a signed
token naming the model and the invitation's key, so one acceptance page
(`accounts:invitation`) serves them all."""

import uuid

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry, Invitation, default_invitation_expiry
from ancrage.outbox.services import queue_email


def invitation_url(invitation):
    return settings.SITE_URL + reverse("accounts:invitation", args=[invitation.token])


def send_invitation(request, invitation, *, cluster=None):
    """Queue the invitation email and record it in the audit log."""
    inviter = invitation.invited_by
    queue_email(
        "invitation",
        invitation.email,
        {
            "invitation": invitation,
            "purpose": invitation.describe(),
            "inviter": inviter.get_full_name() or inviter.email if inviter else "",
            "url": invitation_url(invitation),
        },
    )
    audit.record(
        request,
        AuditEntry.Action.INVITATION_SENT,
        invitation,
        cluster=cluster,
        actor=inviter,  # None: the person of the request, if any
        to=invitation.email,
    )


def find_invitation(token):
    """The invitation a token designates (whatever its state), or None."""
    parsed = Invitation.parse_token(token)
    if parsed is None:
        return None
    label, key = parsed
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, Invitation):
        return None
    return model.objects.filter(key=key).first()


def renew(request, invitation):
    """Give a locked, open invitation a new key (the old link stops working)
    and a new expiry date, and send it again."""
    invitation.key = uuid.uuid4()
    invitation.expires_at = default_invitation_expiry()
    invitation.invited_by = request.user
    invitation.save(update_fields=["key", "expires_at", "invited_by"])
    send_invitation(request, invitation, cluster=invitation.cluster)
    return invitation


def revoke(request, invitation):
    """Revoke a locked, open invitation; audited in its cluster's log."""
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(
        request,
        AuditEntry.Action.INVITATION_REVOKED,
        invitation,
        cluster=invitation.cluster,
        to=invitation.email,
    )
    return invitation
