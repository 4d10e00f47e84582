"""Suggestions of the référentiel pickers: the options of a combobox (htmx),
or a small search page when JavaScript is off. The référentiel is public, so
is the view; the acting cluster's vocabulary comes first for its staff and
its members, and no other cluster's entries ever show."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from ancrage.clusters.models import Cluster
from ancrage.core.widgets import listbox_id, read_query
from ancrage.referentiel.forms import picker_for
from ancrage.referentiel.search.engine import MAX_QUERY_LENGTH

DEFAULT_LISTBOX = "suggestions"
MAX_RESULTS = 10


def acting_cluster(request):
    """The cluster whose vocabulary counts: the staff's cluster, or a member
    company's only active cluster (none when it belongs to several)."""
    acting = request.scope.acting
    if acting is None:
        return None
    if acting.kind == "staff":
        return acting.cluster
    if acting.kind == "member":
        clusters = list(
            Cluster.objects.filter(
                memberships__organisation=acting.organisation, memberships__status="active"
            )[:2]
        )
        if len(clusters) == 1:
            return clusters[0]
    return None


@login_not_required
@require_safe
def suggestions(request):
    query = read_query(request, MAX_QUERY_LENGTH)
    target = request.GET.get("target") or "occupation"
    picker = picker_for(target, request.GET.get("select"), cluster=acting_cluster(request))
    options = picker.options(query, MAX_RESULTS) if picker and query.strip() else []
    if request.htmx:
        context = {"options": options, "listbox": listbox_id(request, DEFAULT_LISTBOX)}
        response = render(request, "referentiel/suggestion_options.html", context)
    else:
        context = {
            "options": options,
            "query": query,
            "target": target,
            "searched": bool(picker and query.strip()),
        }
        response = render(request, "referentiel/suggestions.html", context)
    # The cluster's vocabulary changes as its staff curate it: never cached.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["HX-Request"])
    return response
