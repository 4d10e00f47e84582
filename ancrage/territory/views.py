"""Commune autocomplete: the options of the commune picker, or a small search
page when JavaScript is off. The data is public, so is the view."""

import re

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from ancrage.territory.models import Commune
from ancrage.territory.search import MAX_QUERY_LENGTH

LISTBOX_ID = re.compile(r"[A-Za-z][\w-]{0,99}")
DEFAULT_LISTBOX = "communes"
MAX_RESULTS = 10
CACHE_SECONDS = 300


def _query(request):
    """`q`, or the value of the picker's own input named by `field`."""
    query = request.GET.get("q")
    if query is None:
        query = request.GET.get(request.GET.get("field", "")[:100], "")
    return query[: MAX_QUERY_LENGTH * 10]


@login_not_required
@require_safe
def commune_autocomplete(request):
    query = _query(request)
    communes = list(Commune.objects.search(query, MAX_RESULTS)) if query.strip() else []
    listbox = request.GET.get("listbox", "")
    if not LISTBOX_ID.fullmatch(listbox):
        listbox = DEFAULT_LISTBOX
    if request.htmx:
        context = {"communes": communes, "listbox": listbox}
        response = render(request, "territory/commune_options.html", context)
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    else:
        context = {"communes": communes, "query": query[:MAX_QUERY_LENGTH]}
        response = render(request, "territory/commune_search.html", context)
        patch_cache_control(response, private=True, max_age=CACHE_SECONDS)
    patch_vary_headers(response, ["HX-Request"])
    return response
