"""The cluster's staff: the declarations of one of its active members and a
new one entered on its behalf (marked « saisie par l'équipe du cluster »).
Another cluster's member answers 404."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.core.permissions import staff_required
from ancrage.gpec.models import Declaration
from ancrage.gpec.views.declaration_page import declaration_page
from ancrage.organisations.models import Membership


def _membership(request, organisation_pk):
    return get_object_or_404(
        Membership.objects.active().select_related("organisation", "cluster"),
        cluster=request.scope.cluster,
        organisation_id=organisation_pk,
    )


@staff_required
@require_safe
def history(request, organisation_pk):
    membership = _membership(request, organisation_pk)
    items = (
        Declaration.objects.filter(cluster=membership.cluster, organisation=membership.organisation)
        .select_related("entered_by", "unchanged_from")
        .order_by("-declared_on", "-pk")
    )
    return render(
        request,
        "gpec/declarations/history.html",
        {"membership": membership, "organisation": membership.organisation, "items": items},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@never_cache
def declare(request, organisation_pk):
    membership = _membership(request, organisation_pk)
    return declaration_page(
        request,
        membership.cluster,
        membership.organisation,
        on_behalf=True,
        back_url=reverse("gpec_declarations:history", args=[organisation_pk]),
    )
