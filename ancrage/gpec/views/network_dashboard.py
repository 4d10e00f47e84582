"""The GPEC dashboard over every cluster of a network (/plateforme/gpec/),
for the platform's administrators, and its XLSX export. The network is
chosen with `reseau` (its slug; the first network by name when absent). The
default assumptions apply, and statistical secrecy: a figure resting on
fewer than 3 organisations, or dominated by one, is « secret », and so is a
second one of a column whose total is shown."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Network
from ancrage.core.permissions import platform_admin_required
from ancrage.gpec import assumptions as gpec_assumptions
from ancrage.gpec.dashboard import board, exports, filters


def _network(request):
    """(networks by name, the one asked or the first, whether the one asked is unknown)."""
    networks = list(Network.objects.order_by("name"))
    wanted = request.GET.get("reseau", "")
    network = next((n for n in networks if n.slug == wanted), networks[0] if networks else None)
    return networks, network, bool(wanted) and network is not None and wanted != network.slug


def _board(request, network):
    assumptions = gpec_assumptions.defaults()
    found = filters.read(
        request,
        filters.NetworkScope.of(network),
        freshness_months=assumptions.freshness_months,
        fixed=[("reseau", network.slug)],
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
