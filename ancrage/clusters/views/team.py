"""The cluster's team: members, pending invitations and the administrators'
actions on them. Every action is a POST scoped to the current cluster (another
cluster's ids answer 404). With htmx, an action answers the team section
(`clusters/_team.html`, whose messages fill the page's live region out of band);
without JavaScript, it redirects to the team page. An administrator who demotes
themself is sent back to the team page (no more administrator controls)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from ancrage.clusters import team as operations
from ancrage.clusters.forms import InvitationForm, RoleForm
from ancrage.clusters.models import ClusterStaff, StaffInvitation
from ancrage.core.permissions import cluster_admin_required, staff_required


def _team_context(request, invitation_form=None):
    cluster = request.scope.cluster
    is_admin = request.scope.acting.is_cluster_admin
    members = ClusterStaff.objects.filter(cluster=cluster).select_related("user")
    invitations = (
        StaffInvitation.objects.filter(cluster=cluster, accepted_at=None, revoked_at=None)
        .select_related("invited_by")
        .order_by("-created_at", "-id")
    )
    if is_admin and invitation_form is None:
        invitation_form = InvitationForm(cluster=cluster)
    return {
        "cluster": cluster,
        "is_admin": is_admin,
        "members": members,
        "admin_count": sum(1 for member in members if member.is_admin),
        "invitations": invitations,
        "invitation_form": invitation_form,
        "roles": ClusterStaff.Role.choices,
    }


def _render_team(request, invitation_form=None):
    template = "clusters/_team.html" if request.htmx else "clusters/staff.html"
    return render(request, template, _team_context(request, invitation_form))


def _after_action(request):
    return _render_team(request) if request.htmx else redirect("cluster:staff")


def _reload(request, url):
    """Leave the team section for `url`: a full page load, with or without htmx."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@staff_required
def staff(request):
    return _render_team(request)


@cluster_admin_required
@require_POST
def invite(request):
    form = InvitationForm(request.POST, cluster=request.scope.cluster)
    invitation = operations.invite(request, form)
    if invitation is None:
        return _render_team(request, invitation_form=form)
    messages.success(
        request,
        _("Invitation envoyée à %(email)s : le lien est valable jusqu'au %(date)s.")
        % {"email": invitation.email, "date": _short_date(invitation.expires_at)},
    )
    return _after_action(request)


def _short_date(moment):
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


def _invitation(request, pk):
    return get_object_or_404(StaffInvitation, pk=pk, cluster=request.scope.cluster)


def _member(request, pk):
    return get_object_or_404(
        ClusterStaff.objects.select_related("user", "cluster"),
        pk=pk,
        cluster=request.scope.cluster,
    )


@cluster_admin_required
@require_POST
def invitation_resend(request, pk):
    invitation = _invitation(request, pk)
    try:
        operations.resend(request, invitation)
    except operations.TeamError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Invitation renvoyée à %(email)s ; l'ancien lien ne fonctionne plus.")
            % {"email": invitation.email},
        )
    return _after_action(request)


@cluster_admin_required
@require_POST
def invitation_revoke(request, pk):
    invitation = _invitation(request, pk)
    try:
        operations.revoke(request, invitation)
    except operations.TeamError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Invitation de %(email)s annulée.") % {"email": invitation.email}
        )
    return _after_action(request)


@cluster_admin_required
@require_POST
def member_role(request, pk):
    member = _member(request, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez un rôle dans la liste."))
        return _after_action(request)
    try:
        member = operations.change_role(request, member, form.cleaned_data["role"])
    except operations.TeamError as error:
        messages.error(request, str(error))
        return _after_action(request)
    if member.user_id == request.user.pk and not member.is_admin:
        messages.success(
            request,
            _("Vous êtes maintenant %(role)s : vous n'administrez plus l'équipe.")
            % {"role": member.get_role_display()},
        )
        return _reload(request, reverse("cluster:staff"))
    messages.success(
        request,
        _("%(name)s est maintenant %(role)s.")
        % {"name": member.user, "role": member.get_role_display()},
    )
    return _after_action(request)


@cluster_admin_required
@require_http_methods(["GET", "POST"])
def member_remove(request, pk):
    """GET asks for confirmation; POST removes the member from the team."""
    member = _member(request, pk)
    if request.method == "POST":
        try:
            operations.remove(request, member)
        except operations.TeamError as error:
            messages.error(request, str(error))
            return redirect("cluster:staff")
        if member.user_id == request.user.pk:
            messages.success(request, _("Vous ne faites plus partie de l'équipe du cluster."))
            return redirect("core:home")
        messages.success(
            request,
            _("%(name)s ne fait plus partie de l'équipe du cluster.") % {"name": member.user},
        )
        return redirect("cluster:staff")
    return render(
        request,
        "clusters/member_remove.html",
        {"cluster": request.scope.cluster, "member": member},
    )
