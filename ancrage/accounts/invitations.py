"""Sending and finding invitations, whatever they invite to.

Concrete invitations (`clusters.StaffInvitation`, later an organisation's)
subclass `accounts.models.Invitation`; the link in the email carries a signed
token naming the model and the invitation's key, so one acceptance page
(`accounts:invitation`) serves them all."""

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry, Invitation
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
