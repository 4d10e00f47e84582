"""The GPEC dashboard over every cluster of a network (/plateforme/gpec/),
for the platform's administrators, and its XLSX export. The network is
chosen with `reseau` (its slug; the first network by name when absent).
What the board shows and hides is `dashboard.network`'s.

The figures are computed by the worker (`tasks.refresh_network_board`): the
page reads the latest ones and says when they were computed. When they were
never computed it says they are being computed and reloads itself; when
they are out of date it asks for them again."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Network
from ancrage.core.permissions import platform_admin_required
from ancrage.gpec import tasks
from ancrage.gpec.dashboard import cache, exports
from ancrage.gpec.dashboard import network as network_board


def _network(request):
    """(networks by name, the one asked or the first, whether the one asked is unknown)."""
    networks = list(Network.objects.order_by("name"))
    wanted = request.GET.get("reseau", "")
    network = next((n for n in networks if n.slug == wanted), networks[0] if networks else None)
    return networks, network, bool(wanted) and network is not None and wanted != network.slug


def _ask(network, params):
    """Ask the worker for the figures of the board, once per state of the
    data (and again a minute later)."""
    query = network_board.computed_query(params)
    if cache.ask_once(network, query):
        tasks.refresh_network_board.enqueue(network.pk, query)


def _board(request, network):
    """The board, or None while its figures are computed for the first time."""
    try:
        found = network_board.board(network, request.GET)
    except cache.NotReady:
        _ask(network, request.GET)
        try:  # a worker that runs tasks at once (the tests') has computed them
            return network_board.board(network, request.GET)
        except cache.NotReady:
            return None
    if found.stale:
        _ask(network, request.GET)
    return found


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
        context["pending"] = context["board"] is None
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
    if found is None:
        return redirect(f"{reverse('network_gpec:dashboard')}?{request.GET.urlencode()}")
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
