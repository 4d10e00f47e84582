"""Operations on a cluster's team: invitations, roles, removals.

Each one writes its audit entry. The last administrator of a cluster can be
neither demoted nor removed; the check locks the cluster's administrators so
two concurrent requests cannot both pass it."""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.invitations import send_invitation
from ancrage.accounts.models import AuditEntry, default_invitation_expiry
from ancrage.clusters.models import ClusterStaff


class TeamError(Exception):
    """An operation the team rules refuse; the message is for the person."""


def invite(request, form):
    invitation = form.save(commit=False)
    invitation.cluster = form.cluster
    invitation.invited_by = request.user
    invitation.save()
    send_invitation(request, invitation, cluster=invitation.cluster)
    return invitation


def resend(request, invitation):
    """A new key (the old link stops working) and a new expiry date."""
    if invitation.status in ("accepted", "revoked"):
        raise TeamError(
            _("Cette invitation est %(status)s : elle ne peut plus être renvoyée.")
            % {"status": invitation.get_status_display()}
        )
    invitation.key = uuid.uuid4()
    invitation.expires_at = default_invitation_expiry()
    invitation.invited_by = request.user
    invitation.save(update_fields=["key", "expires_at", "invited_by"])
    send_invitation(request, invitation, cluster=invitation.cluster)


def revoke(request, invitation):
    if invitation.status in ("accepted", "revoked"):
        raise TeamError(
            _("Cette invitation est %(status)s : elle ne peut plus être annulée.")
            % {"status": invitation.get_status_display()}
        )
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(
        request,
        AuditEntry.Action.INVITATION_REVOKED,
        invitation,
        cluster=invitation.cluster,
        to=invitation.email,
    )


def _ensure_another_admin(member):
    admins = ClusterStaff.objects.select_for_update().filter(
        cluster_id=member.cluster_id, role=ClusterStaff.Role.ADMIN
    )
    if member.is_admin and not admins.exclude(pk=member.pk).exists():
        raise TeamError(
            _(
                "%(name)s est le dernier administrateur du cluster : "
                "nommez d'abord un autre administrateur."
            )
            % {"name": member.user}
        )


@transaction.atomic
def change_role(request, member, role):
    if role == member.role:
        return
    if role != ClusterStaff.Role.ADMIN:
        _ensure_another_admin(member)
    previous = member.role
    member.role = role
    member.save(update_fields=["role"])
    audit.record(
        request,
        AuditEntry.Action.STAFF_ROLE_CHANGED,
        member,
        cluster=member.cluster,
        changed=["role"],
        role_before=previous,
        role_after=role,
        person=member.user.email,
    )


@transaction.atomic
def remove(request, member):
    _ensure_another_admin(member)
    audit.record(
        request,
        AuditEntry.Action.STAFF_REMOVED,
        member,
        cluster=member.cluster,
        person=member.user.email,
        role=member.role,
    )
    member.delete()
