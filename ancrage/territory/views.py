"""Commune autocomplete: the options of the commune picker, or a small search
page when JavaScript is off. The data is public, so is the view."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from ancrage.core.widgets import listbox_id, read_query
from ancrage.territory.models import Commune
from ancrage.territory.search import MAX_QUERY_LENGTH

DEFAULT_LISTBOX = "communes"
MAX_RESULTS = 10
CACHE_SECONDS = 300


@login_not_required
@require_safe
def commune_autocomplete(request):
    query = read_query(request, MAX_QUERY_LENGTH * 10)
    communes = list(Commune.objects.search(query, MAX_RESULTS)) if query.strip() else []
    listbox = listbox_id(request, DEFAULT_LISTBOX)
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
