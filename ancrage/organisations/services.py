"""Operations on members that span several rows or write the audit log:
adding a member, inviting people to act for an organisation, removing them.

A member is added by SIREN first: an organisation already on the platform
(member of another cluster) gets a new membership, never a duplicate."""

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit, invitations
from ancrage.accounts.invitations import send_invitation
from ancrage.accounts.models import AuditEntry
from ancrage.organisations.models import (
    Membership,
    Organisation,
    OrganisationInvitation,
    OrganisationUser,
)
from ancrage.outbox.services import queue_email


class MemberError(Exception):
    """An operation the rules refuse; the message is for the person."""


def _already_member(organisation):
    return MemberError(
        _("« %(name)s » est déjà adhérente du cluster.") % {"name": organisation.name}
    )


@transaction.atomic
def attach(request, organisation, membership_form):
    """A new membership of the acting cluster for a known organisation."""
    cluster = request.scope.cluster
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if Membership.objects.filter(cluster=cluster, organisation=organisation).exists():
        raise _already_member(organisation)
    membership = membership_form.save(commit=False)
    membership.cluster = cluster
    membership.organisation = organisation
    membership.save()
    audit.record(
        request,
        AuditEntry.Action.MEMBER_ADDED,
        organisation,
        cluster=cluster,
        siren=organisation.siren,
        existing=True,
    )
    _tell_users(request, organisation, cluster, "organisation_attached")
    return membership


def _tell_users(request, organisation, cluster, template, **context):
    tell_users(organisation, cluster, template, by=request.user, **context)


def tell_users(organisation, cluster, template, by=None, **context):
    """Email the people who act for `organisation` what `cluster`'s staff
    (`by`, or the team when a command did it) just did to it
    (transparency: SIRENs are public, anyone may try)."""
    emails = OrganisationUser.objects.filter(
        organisation=organisation, user__is_active=True
    ).values_list("user__email", flat=True)
    context = {
        "organisation": organisation,
        "cluster": cluster,
        "by": (by.get_full_name() or by.email) if by else _("L'équipe du cluster"),
        "by_email": by.email if by else "",
        "when": timezone.localtime(),
        "url": settings.SITE_URL + reverse("organisation:home"),
        **context,
    }
    for email in sorted(emails):
        queue_email(template, email, context)


@transaction.atomic
def create(request, organisation_form, membership_form):
    """A new organisation, member of the acting cluster. Two people creating
    the same SIREN at once: the second is told, nothing is half-written."""
    cluster = request.scope.cluster
    siren = organisation_form.cleaned_data.get("siren")
    if siren:
        # No unique index on the SIREN (it may be blank): serialise its creations.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"siren:{siren}"])
        if Organisation.objects.filter(siren=siren).exists():
            raise MemberError(
                _("Une organisation de SIREN %(siren)s vient d'être ajoutée par ailleurs.")
                % {"siren": siren}
            )
    organisation = organisation_form.save()
    membership = membership_form.save(commit=False)
    membership.cluster = cluster
    membership.organisation = organisation
    membership.save()
    audit.record(
        request,
        AuditEntry.Action.MEMBER_ADDED,
        organisation,
        cluster=cluster,
        siren=organisation.siren,
        existing=False,
    )
    return membership


def record_update(request, action, obj, changed, cluster=None):
    audit.record(request, action, obj, cluster=cluster, changed=list(changed))


@transaction.atomic
def invite(request, form, cluster):
    """Send the invitation of the valid `form` on behalf of `cluster`."""
    invitation = form.save(commit=False)
    invitation.organisation = form.organisation
    invitation.cluster = cluster
    invitation.invited_by = request.user
    invitation.save()
    send_invitation(request, invitation, cluster=cluster)
    _tell_users(
        request,
        invitation.organisation,
        cluster,
        "organisation_invitation_notice",
        invitation=invitation,
    )
    return invitation


def _open(invitation, refusal):
    locked = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status in ("accepted", "revoked"):
        raise MemberError(refusal % {"status": locked.get_status_display()})
    return locked


@transaction.atomic
def resend(request, invitation):
    """A new key (the old link stops working) and a new expiry date."""
    invitation = _open(
        invitation, _("Cette invitation est %(status)s : elle ne peut plus être renvoyée.")
    )
    return invitations.renew(request, invitation)


@transaction.atomic
def revoke(request, invitation):
    invitation = _open(
        invitation, _("Cette invitation est %(status)s : elle ne peut plus être annulée.")
    )
    return invitations.revoke(request, invitation)


def remove_user(request, link, cluster):
    """`link` (an OrganisationUser) no longer acts for the organisation."""
    audit.record(
        request,
        AuditEntry.Action.MEMBER_UPDATED,
        link.organisation,
        cluster=cluster,
        person=link.user.email,
        removed=True,
    )
    link.delete()
