"""The organisation's side: per cluster it is an active member of, its last
declaration, a new one (pre-filled) or « Rien n'a changé » in one click.
A cluster the organisation is not an active member of answers 404."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ancrage.core.permissions import require_context
from ancrage.gpec import declarations
from ancrage.gpec.models import Declaration
from ancrage.gpec.views.declaration_page import declaration_page, record
from ancrage.organisations.models import Membership

member_required = require_context("member")


def _membership(request, cluster_pk):
    return get_object_or_404(
        Membership.objects.active().select_related("cluster"),
        cluster_id=cluster_pk,
        organisation=request.scope.organisation,
    )


@member_required
@require_safe
def mine(request):
    organisation = request.scope.organisation
    memberships = list(
        Membership.objects.active().filter(organisation=organisation).select_related("cluster")
    )
    latest = {
        declaration.cluster_id: declaration
        for declaration in Declaration.objects.filter(organisation=organisation)
        .select_related("entered_by")
        .order_by("cluster_id", "-declared_on", "-pk")
        .distinct("cluster_id")
    }
    rows = [(membership.cluster, latest.get(membership.cluster_id)) for membership in memberships]
    return render(request, "gpec/declarations/mine.html", {"rows": rows})


@member_required
@require_http_methods(["GET", "POST"])
@never_cache
def declare(request, cluster_pk):
    membership = _membership(request, cluster_pk)
    return declaration_page(
        request,
        membership.cluster,
        request.scope.organisation,
        on_behalf=False,
        back_url=reverse("gpec_declarations:mine"),
    )


@member_required
@require_POST
def unchanged(request, cluster_pk):
    membership = _membership(request, cluster_pk)
    declaration = declarations.declare_unchanged(
        membership.cluster, request.scope.organisation, request.user
    )
    if declaration is None:
        messages.error(
            request, _("Aucune déclaration précédente à reprendre : déclarez vos chiffres.")
        )
        return redirect("gpec_declarations:declare", cluster_pk=membership.cluster_id)
    record(request, declaration)
    messages.success(
        request,
        _("C'est noté : vos chiffres du %(date)s sont repris à la date d'aujourd'hui.")
        % {"date": declaration.unchanged_from.declared_on.strftime("%d/%m/%Y")},
    )
    return redirect("gpec_declarations:mine")
