"""Operations on a cluster's team: invitations, roles, removals.

Each one writes its audit entry. Each one first locks the cluster's row
(`_lock_cluster`), then reads again what it changes: two administrators acting
at the same moment (two demotions, a double-submitted invitation) run one
after the other, and the second sees what the first did. The last
administrator of a cluster can be neither demoted nor removed."""

from django.db import transaction
from django.utils.translation import gettext as _

from ancrage.accounts import audit, invitations
from ancrage.accounts.invitations import send_invitation
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Cluster, ClusterStaff, StaffInvitation


class TeamError(Exception):
    """An operation the team rules refuse; the message is for the person."""


def _lock_cluster(cluster_id):
    """Lock the cluster's row until the end of the transaction. FOR NO KEY
    UPDATE: team operations wait for each other, while inserting rows that
    point to the cluster (an accepted invitation) does not wait."""
    return Cluster.objects.select_for_update(no_key=True).get(pk=cluster_id)


def _refuse_if_in_team(cluster, email):
    if ClusterStaff.objects.filter(cluster=cluster, user__email__iexact=email).exists():
        raise TeamError(_("%(email)s fait déjà partie de l'équipe du cluster.") % {"email": email})


@transaction.atomic
def invite(request, form):
    """The new invitation, or None when the form is invalid. The form is
    validated under the lock, so its duplicate checks cannot race."""
    _lock_cluster(form.cluster.pk)
    if not form.is_valid():
        return None
    invitation = form.save(commit=False)
    invitation.cluster = form.cluster
    invitation.invited_by = request.user
    invitation.save()
    send_invitation(request, invitation, cluster=invitation.cluster)
    return invitation


def _locked_open_invitation(invitation, refusal):
    """The invitation, locked with its cluster; `refusal` (with %(status)s)
    when it was accepted or revoked meanwhile."""
    cluster = _lock_cluster(invitation.cluster_id)
    locked = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
    locked.cluster = cluster
    if locked.status in ("accepted", "revoked"):
        raise TeamError(refusal % {"status": locked.get_status_display()})
    return locked


@transaction.atomic
def resend(request, invitation):
    """A new key (the old link stops working) and a new expiry date."""
    invitation = _locked_open_invitation(
        invitation, _("Cette invitation est %(status)s : elle ne peut plus être renvoyée.")
    )
    _refuse_if_in_team(invitation.cluster, invitation.email)
    return invitations.renew(request, invitation)


@transaction.atomic
def revoke(request, invitation):
    invitation = _locked_open_invitation(
        invitation, _("Cette invitation est %(status)s : elle ne peut plus être annulée.")
    )
    return invitations.revoke(request, invitation)


def _locked_member(member):
    """`member` read again once the cluster is locked."""
    cluster = _lock_cluster(member.cluster_id)
    try:
        fresh = ClusterStaff.objects.select_related("user").get(pk=member.pk, cluster=cluster)
    except ClusterStaff.DoesNotExist:
        raise TeamError(
            _("%(name)s ne fait plus partie de l'équipe du cluster.") % {"name": member.user}
        ) from None
    fresh.cluster = cluster
    return fresh


def _ensure_another_admin(member):
    """Call with the cluster locked (see `_locked_member`)."""
    others = ClusterStaff.objects.filter(
        cluster_id=member.cluster_id, role=ClusterStaff.Role.ADMIN
    ).exclude(pk=member.pk)
    if member.is_admin and not others.exists():
        raise TeamError(
            _(
                "%(name)s est le dernier administrateur du cluster : "
                "nommez d'abord un autre administrateur."
            )
            % {"name": member.user}
        )


@transaction.atomic
def change_role(request, member, role):
    """The member as it now is."""
    member = _locked_member(member)
    if role == member.role:
        return member
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
    return member


@transaction.atomic
def remove(request, member):
    member = _locked_member(member)
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
