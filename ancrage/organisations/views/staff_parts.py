"""Staff screens for a member's establishments, contacts and users (people
invited to act for the organisation). Every action is scoped to the acting
cluster's membership: another cluster's ids answer 404. With htmx, actions on
users answer the users section (`organisations/_users.html`); without
JavaScript, they redirect to the member's page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.core.permissions import staff_required
from ancrage.organisations import services
from ancrage.organisations.access import staff_membership
from ancrage.organisations.forms_people import OrganisationInvitationForm
from ancrage.organisations.models import OrganisationInvitation, OrganisationUser
from ancrage.organisations.views.shared import (
    CONTACTS,
    ESTABLISHMENTS,
    record_delete,
    record_form,
)
from ancrage.organisations.views.staff import member_context


def _back(pk, anchor):
    return reverse("members:detail", args=[pk]) + anchor


def _record_view(records, anchor, handler):
    @staff_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk, item=None):
        membership = staff_membership(request, pk, write=True)
        return handler(
            request,
            membership.organisation,
            records,
            item,
            clusters=[request.scope.cluster],
            back=_back(pk, anchor),
            recorder=request.scope.cluster,
        )

    return view


establishment_add = _record_view(ESTABLISHMENTS, "#etablissements", record_form)
establishment_edit = _record_view(ESTABLISHMENTS, "#etablissements", record_form)
establishment_delete = _record_view(ESTABLISHMENTS, "#etablissements", record_delete)
contact_add = _record_view(CONTACTS, "#contacts", record_form)
contact_edit = _record_view(CONTACTS, "#contacts", record_form)
contact_delete = _record_view(CONTACTS, "#contacts", record_delete)


def _users_section(request, membership, invitation_form=None):
    if request.htmx:
        context = member_context(request, membership, invitation_form)
        return render(request, "organisations/_users.html", context)
    if invitation_form is not None:
        context = member_context(request, membership, invitation_form)
        return render(request, "organisations/detail.html", context)
    return redirect(_back(membership.organisation_id, "#utilisateurs"))


@staff_required
@require_POST
def invite(request, pk):
    membership = staff_membership(request, pk, write=True)
    form = OrganisationInvitationForm(request.POST, organisation=membership.organisation)
    if not form.is_valid():
        return _users_section(request, membership, invitation_form=form)
    invitation = services.invite(request, form, request.scope.cluster)
    moment = timezone.localtime(invitation.expires_at)
    messages.success(
        request,
        _("Invitation envoyée à %(email)s : le lien est valable jusqu'au %(date)s.")
        % {
            "email": invitation.email,
            "date": formats.date_format(moment, "SHORT_DATE_FORMAT"),
        },
    )
    return _users_section(request, membership)


def _invitation(request, membership, invitation_pk):
    return get_object_or_404(
        OrganisationInvitation,
        pk=invitation_pk,
        organisation=membership.organisation,
        cluster=request.scope.cluster,
    )


@staff_required
@require_POST
def invitation_resend(request, pk, invitation):
    membership = staff_membership(request, pk, write=True)
    invitation = _invitation(request, membership, invitation)
    try:
        services.resend(request, invitation)
    except services.MemberError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Invitation renvoyée à %(email)s ; l'ancien lien ne fonctionne plus.")
            % {"email": invitation.email},
        )
    return _users_section(request, membership)


@staff_required
@require_POST
def invitation_revoke(request, pk, invitation):
    membership = staff_membership(request, pk, write=True)
    invitation = _invitation(request, membership, invitation)
    try:
        services.revoke(request, invitation)
    except services.MemberError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Invitation de %(email)s annulée.") % {"email": invitation.email}
        )
    return _users_section(request, membership)


@staff_required
@require_POST
def user_remove(request, pk, link):
    membership = staff_membership(request, pk, write=True)
    link = get_object_or_404(
        OrganisationUser.objects.select_related("user", "organisation"),
        pk=link,
        organisation=membership.organisation,
    )
    services.remove_user(request, link, request.scope.cluster)
    messages.success(
        request,
        _("%(name)s ne représente plus %(organisation)s.")
        % {"name": link.user, "organisation": link.organisation.name},
    )
    return _users_section(request, membership)
