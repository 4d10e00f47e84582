"""The GPEC dashboard over every cluster of a network (/plateforme/gpec/),
for the platform's administrators, and its XLSX export. The network is
chosen with `reseau` (its slug; the first network by name when absent). The
default assumptions apply, and statistical secrecy: a figure resting on
fewer than 3 organisations, or dominated by one, is « secret », and so is a
second one of a column whose total is shown.

Only the département and the day filter it: two views filtered on another
axis (size, market…, or a basin, a zone or a commune inside a département)
would be subtracted from each other (the organisations of one size =
everyone minus the others). A département whose row the network's
département table hides cannot be chosen: its board would add up to it."""

from types import SimpleNamespace

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Network
from ancrage.core.permissions import platform_admin_required
from ancrage.gpec import assumptions as gpec_assumptions
from ancrage.gpec import population as populations
from ancrage.gpec.dashboard import board, exports, filters, territories
from ancrage.matrix import facets_display
from ancrage.matrix.query import Scope

TERRITORY_AXES = ("departement",)
ACCEPTED = (
    "reseau",
    *TERRITORY_AXES,
    *(axis + facets_display.SEARCH_SUFFIX for axis in TERRITORY_AXES),
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
    if any(value.strip() for value in params.getlist("bassin")):
        dropped.append(_("Bassin d'emploi"))
    return kept, dropped


def _hidden_departments(scope, kept, assumptions):
    """The départements asked for whose row the network's département table
    (on the same day, unfiltered) hides."""
    wanted = {value.strip() for value in kept.getlist("departement")} - {""}
    if not wanted:
        return set()
    as_of, _error = filters.parse_as_of(kept.get("au"), timezone.localdate())
    everyone = populations.for_request(
        scope, QueryDict(), as_of=as_of, freshness_months=assumptions.freshness_months
    )
    found, _totals = territories.territories(everyone, assumptions)
    table = territories.table(found, territories.DEPARTMENT, True)
    return {
        row[0].value
        for row in table.rows
        if row[0].value in wanted and any(cell.hidden for cell in row[2:])
    }


def _board(request, network):
    assumptions = gpec_assumptions.defaults()
    scope = Scope.of_network(network)
    kept, dropped = _accepted(request.GET)
    hidden = _hidden_departments(scope, kept, assumptions)
    if hidden:
        kept.setlist(
            "departement",
            [value for value in kept.getlist("departement") if value.strip() not in hidden],
        )
    found = filters.read(
        SimpleNamespace(GET=kept),  # the filters read nothing else of the request
        scope,
        freshness_months=assumptions.freshness_months,
        fixed=[("reseau", network.slug)],
    )
    found.panel = [facet for facet in found.panel if facet.axis in TERRITORY_AXES]
    if dropped:
        found.errors.append(
            _(
                "Sur le tableau d'un réseau, seuls le département et la date filtrent les "
                "chiffres (secret statistique) : filtre ignoré : %(axes)s."
            )
            % {"axes": ", ".join(dropped)}
        )
    if hidden:
        found.errors.append(
            _(
                "Secret statistique : les chiffres de ce département reposent sur trop peu "
                "d'organisations pour être montrés seuls : filtre ignoré : %(codes)s."
            )
            % {"codes": ", ".join(sorted(hidden))}
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
