"""The cluster's staff: the declarations of one of its active members, a
new one entered on its behalf, or « Rien n'a changé » for it (both marked
« saisie par l'équipe du cluster »). Another cluster's member answers 404."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ancrage.core.permissions import staff_required
from ancrage.gpec import declarations
from ancrage.gpec.models import Declaration
from ancrage.gpec.views.declaration_page import declaration_page, record
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


@staff_required
@require_POST
def unchanged(request, organisation_pk):
    """The member's last declaration taken again today, on its behalf. Back
    to the list of declarations when asked from there, else to the history."""
    membership = _membership(request, organisation_pk)
    history = reverse("gpec_declarations:history", args=[organisation_pk])
    back = request.POST.get("next", "")
    if not back.startswith(reverse("gpec_declarations:list")) or "//" in back:
        back = history
    declaration = declarations.declare_unchanged(
        membership.cluster, membership.organisation, request.user, on_behalf=True
    )
    if declaration is None:
        messages.error(
            request,
            _("%(name)s n'a encore rien déclaré : saisissez sa première déclaration.")
            % {"name": membership.organisation.name},
        )
        return redirect("gpec_declarations:declare_on_behalf", organisation_pk=organisation_pk)
    record(request, declaration)
    messages.success(
        request,
        _("C'est noté : les chiffres du %(date)s de %(name)s sont repris à la date d'aujourd'hui.")
        % {
            "date": declaration.unchanged_from.declared_on.strftime("%d/%m/%Y"),
            "name": membership.organisation.name,
        },
    )
    return redirect(back)
