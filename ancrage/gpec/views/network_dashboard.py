"""The GPEC dashboard over every cluster of a network (/plateforme/gpec/),
for the platform's administrators, and its XLSX export. The network is
chosen with `reseau` (its slug; the first network by name when absent). The
default assumptions apply, and statistical secrecy: a figure resting on
fewer than 3 organisations, or dominated by one, is « secret », and so is a
second one of a column whose total is shown.

Only the territory and the day filter it: two views filtered on another axis
(size, market…) would be subtracted from each other (the organisations of
one size = everyone minus the others)."""

from types import SimpleNamespace

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Network
from ancrage.core.permissions import platform_admin_required
from ancrage.gpec import assumptions as gpec_assumptions
from ancrage.gpec.dashboard import board, exports, filters
from ancrage.matrix import facets_display
from ancrage.matrix.query import Scope

TERRITORY_AXES = ("departement", "zone", "commune")
ACCEPTED = (
    "reseau",
    *TERRITORY_AXES,
    *(axis + facets_display.SEARCH_SUFFIX for axis in TERRITORY_AXES),
    "bassin",
    "au",
    "horizon",
    "pyramide",
)


def _network(request):
    """(networks by name, the one asked or the first, whether the one asked is unknown)."""
    networks = list(Network.objects.order_by("name"))
    wanted = request.GET.get("reseau", "")
    network = next((n for n in networks if n.slug == wanted), networks[0] if networks else None)
    return networks, network, bool(wanted) and network is not None and wanted != network.slug


def _accepted(params):
    """(the query string's territory and day filters, the titles of the
    other axes asked for)."""
    kept = QueryDict(mutable=True)
    for key in ACCEPTED:
        if key in params:
            kept.setlist(key, params.getlist(key))
    dropped = [
        str(facets_display.TITLES[axis])
        for axis in filters.AXES
        if axis not in TERRITORY_AXES and any(value.strip() for value in params.getlist(axis))
    ]
    return kept, dropped


def _board(request, network):
    assumptions = gpec_assumptions.defaults()
    kept, dropped = _accepted(request.GET)
    found = filters.read(
        SimpleNamespace(GET=kept),  # the filters read nothing else of the request
        Scope.of_network(network),
        freshness_months=assumptions.freshness_months,
        fixed=[("reseau", network.slug)],
    )
    found.panel = [facet for facet in found.panel if facet.axis in TERRITORY_AXES]
    if dropped:
        found.errors.append(
            _(
                "Sur le tableau d'un réseau, seuls le territoire et la date filtrent les "
                "chiffres (secret statistique) : filtre ignoré : %(axes)s."
            )
            % {"axes": ", ".join(dropped)}
        )
    return board.build(found, assumptions, secret=True)


@platform_admin_required
@require_GET
def dashboard(request):
    networks, network, unknown = _network(request)
    context = {
        "networks": networks,
        "network": network,
        "unknown_network": unknown,
        "base_url": reverse("network_gpec:dashboard"),
        "export_url": reverse("network_gpec:export"),
        "declarations_url": None,
    }
    if network is not None:
        context["board"] = _board(request, network)
        context["clusters"] = network.clusters.count()
    return render(request, "gpec/dashboard/network.html", context)


@platform_admin_required
@require_GET
def export(request):
    """The network dashboard's tables as one XLSX workbook, logged."""
    _networks, network, _unknown = _network(request)
    if network is None:
        return dashboard(request)
    found = _board(request, network)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        what="gpec_network_dashboard",
        network=network.slug,
        filter=found.filters.query_string(),
        count=found.totals.declared,
        format="xlsx",
    )
    return exports.response(found, network.name, "gpec-reseau")
