"""The cross-filter over every cluster of a network, for the platform's
administrators. Vocabularies differ between clusters: métiers and skills are
counted by the ROME item behind each cluster's entry, and a cluster's own
items by their name (`matrix.query`). The network is chosen with `reseau`
(its slug; the first network by name when absent)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from ancrage.clusters.models import Network
from ancrage.core.permissions import platform_admin_required
from ancrage.matrix import query
from ancrage.matrix.views.crossfilter import render_screen, screen_context


@platform_admin_required
@require_GET
def crossfilter(request):
    networks = list(Network.objects.order_by("name"))
    wanted = request.GET.get("reseau", "")
    network = next((n for n in networks if n.slug == wanted), networks[0] if networks else None)
    if network is None:
        return render(request, "matrix/network.html", {"networks": [], "network": None})
    context = screen_context(
        request,
        query.Scope.of_network(network),
        reverse("network_matrix:crossfilter"),
        fixed=[("reseau", network.slug)],
    )
    context.update(
        networks=networks,
        network=network,
        clusters=network.clusters.count(),
        unknown_network=bool(wanted) and wanted != network.slug,
    )
    return render_screen(request, context, "matrix/network.html")
