"""The cluster's GPEC dashboard (/cluster/gpec/), for its staff, and its
XLSX export: figures resting on fewer than 3 organisations are shown,
flagged. Built by `gpec.dashboard` over the acting cluster's members, with
the cluster's assumptions."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.gpec import assumptions as gpec_assumptions
from ancrage.gpec.dashboard import board, exports, filters
from ancrage.matrix.query import Scope


def _board(request):
    cluster = request.scope.cluster
    assumptions = gpec_assumptions.for_cluster(cluster)
    found = filters.read(
        request, Scope.of_cluster(cluster), freshness_months=assumptions.freshness_months
    )
    return board.build(found, assumptions, secret=False)


@staff_required
@require_GET
def dashboard(request):
    return render(
        request,
        "gpec/dashboard/cluster.html",
        {
            "board": _board(request),
            "cluster": request.scope.cluster,
            "base_url": reverse("gpec_dashboard:dashboard"),
            "export_url": reverse("gpec_dashboard:export"),
            "declarations_url": reverse("gpec_declarations:list"),
        },
    )


@staff_required
@require_GET
def export(request):
    """The dashboard's tables as one XLSX workbook, logged."""
    cluster = request.scope.cluster
    found = _board(request)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=cluster,
        what="gpec_dashboard",
        filter=found.filters.query_string(),
        count=found.totals.declared,
        format="xlsx",
    )
    return exports.response(found, cluster.name, "gpec-tableau-de-bord")
