"""The strategy page of a cluster's staff: the priorities the GPEC figures
suggest (`gpec.levers`), each with its lever, the figures behind it and why,
a button to add it to the action plan; filtered like the dashboard
(`gpec.dashboard.filters`). Its XLSX export and the board-ready PDF
(`gpec.strategy_pdf`) read the same filters."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import download, table_response
from ancrage.gpec import assumptions as cluster_assumptions
from ancrage.gpec import strategy, strategy_pdf
from ancrage.gpec.dashboard import filters as dashboard_filters
from ancrage.gpec.models import Action
from ancrage.matrix.query import Scope

# The page lists this many priorities (the export has them all).
PAGE_PRIORITIES = 60


def computed(request):
    """(filters, strategy.Strategy) of the request's cluster and query string."""
    cluster = request.scope.cluster
    assumptions = cluster_assumptions.for_cluster(cluster)
    filters = dashboard_filters.read(
        request, Scope.of_cluster(cluster), freshness_months=assumptions.freshness_months
    )
    return filters, strategy.compute(filters.population, assumptions)


def planned(cluster):
    """{priority key: [Action]} of the cluster's plan."""
    found = {}
    for action in Action.objects.filter(cluster=cluster).exclude(priority_key="").order_by("pk"):
        found.setdefault(action.priority_key, []).append(action)
    return found


@staff_required
@require_safe
def page(request):
    filters, found = computed(request)
    actions = planned(request.scope.cluster)
    shown = found.priorities[:PAGE_PRIORITIES]
    return render(
        request,
        "gpec/strategy/page.html",
        {
            "filters": filters,
            "strategy": found,
            "rows": [(priority, actions.get(priority.key, [])) for priority in shown],
            "hidden_priorities": len(found.priorities) - len(shown),
            "query_string": filters.query_string(),
        },
    )


EXPORT_HEADERS = [
    gettext_lazy("Rang"),
    gettext_lazy("Levier"),
    gettext_lazy("Métier ou compétence"),
    gettext_lazy("Code ROME"),
    gettext_lazy("Territoire"),
    gettext_lazy("Score"),
    gettext_lazy("Organisations"),
    gettext_lazy("Moins de 3 organisations"),
    gettext_lazy("Chiffres"),
    gettext_lazy("Explication"),
]


def territory_label(priority):
    return priority.territory.name if priority.territory is not None else _("Tout le cluster")


def export_rows(priorities):
    for rank, priority in enumerate(priorities, start=1):
        yield [
            rank,
            str(priority.lever_label),
            priority.subject.label,
            "" if priority.is_skill else priority.subject.code,
            territory_label(priority),
            round(priority.score, 1),
            priority.organisations,
            _("oui") if priority.fragile else _("non"),
            " ; ".join(f"{item.label} : {item.text}" for item in priority.evidence),
            priority.explanation,
        ]


@staff_required
@require_safe
def export(request):
    filters, found = computed(request)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=request.scope.cluster,
        what="gpec_strategy",
        filter=filters.query_string(),
        rows=len(found.priorities),
    )
    return table_response(
        "xlsx",
        "priorites-gpec",
        [str(header) for header in EXPORT_HEADERS],
        list(export_rows(found.priorities)),
        title=_("Priorités"),
    )


@staff_required
@require_safe
def pdf(request):
    cluster = request.scope.cluster
    filters, found = computed(request)
    content = strategy_pdf.render(request, cluster, filters, found)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=cluster,
        what="gpec_strategy_pdf",
        filter=filters.query_string(),
        priorities=len(found.priorities),
    )
    name = slugify(f"strategie-emploi-competences-{cluster.slug}-{timezone.localdate()}")
    return download(f"{name}.pdf", content, "application/pdf")
