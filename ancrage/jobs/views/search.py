"""The public search of offers (/offres/, no login): the form and the
results, 20 a page, with the count of each contract and remote choice, and
its Atom feed (`feeds.SearchFeed`) with the same parameters. The form is a
GET form (works without JavaScript); with htmx, the form and the results are
swapped in place. A candidate saves the search from here (`alerts`)."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from ancrage.jobs import search
from ancrage.jobs.models import SavedSearch
from ancrage.jobs.search_forms import OfferSearchForm, query_of
from ancrage.jobs.views.public import PAGE_SIZE, offer_url


def run(query, *, with_facets=True):
    """(form, offers, facets) for `query` (a QueryDict): every visible offer,
    newest first, when nothing is asked; no offer when the form is wrong."""
    params = query_of(query)
    form = OfferSearchForm(query if params else None)
    if not form.is_bound:
        data = {}
    elif form.is_valid():
        data = form.cleaned_data
    else:
        return form, None, None
    facets = search.facets(data) if with_facets else None
    return form, search.offers(data), facets


def querystring(query):
    """The search's parameters as a query string (no page), '' when none."""
    return urlencode(query_of(query), doseq=True)


def can_save(request):
    """Whether the person acts as a candidate (who may save searches)."""
    acting = request.scope.acting
    return acting is not None and acting.kind == "candidate"


def _show_counts(form, facets):
    """Each contract and remote choice labelled with its count: « CDI (12) »."""
    for name in search.FACETS:
        rows = facets[name]
        field = form.fields[name]
        labels = {value: f"{label} ({count})" for value, label, count in rows}
        field.choices = [(value, labels.get(value, label)) for value, label in field.choices]


@login_not_required
@require_safe
def search_page(request):
    form, offers, facets = run(request.GET)
    page = None
    if offers is not None:
        paginator = Paginator(offers, PAGE_SIZE)
        # The facets' query counted the offers already.
        paginator.count = facets["total"]
        page = paginator.get_page(request.GET.get("page"))
        for item in page.object_list:
            item.url = offer_url(item)
        _show_counts(form, facets)
    params = querystring(request.GET)
    feed_url = reverse("jobs_search:feed")
    context = {
        "form": form,
        "page": page,
        "facets": facets,
        "radius": form.is_bound and form.is_valid() and form.cleaned_data.get("commune"),
        "params": params,
        "query": query_of(request.GET),
        "feed_url": f"{feed_url}?{params}" if params else feed_url,
        "can_save": can_save(request),
        "save_url": reverse("jobs_alerts:create") + (f"?{params}" if params else ""),
        "frequencies": SavedSearch.Frequency.choices,
    }
    template = "jobs/search/_area.html" if request.htmx else "jobs/search/search.html"
    return render(request, template, context)
