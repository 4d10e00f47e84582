"""A candidate's saved searches (context « candidate »): save the search
of the public search page with a name and an alert frequency, list them,
rename one or change its frequency, delete it. Another person's saved
search answers 404. The alerts themselves leave each night (`jobs.alerts`)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.core.permissions import require_context
from ancrage.jobs.alert_forms import SavedSearchForm
from ancrage.jobs.models import Contract, Remote, SavedSearch
from ancrage.jobs.search_forms import SINCE_CHOICES, OfferSearchForm, as_querydict, query_of

candidate_required = require_context("candidate")
# Saved searches a candidate may keep.
MAX_SAVED = 20


def describe(query):
    """The criteria of a saved query, in French words: « soudeur · Lorient
    (56100), 30 km · CDI, CDD »."""
    query = query_of(query or {})

    def first(name):
        return query.get(name, [""])[0].strip()

    parts = []
    if first("q"):
        parts.append(f"« {first('q')} »")
    if first("occupation"):
        parts.append(first("occupation"))
    if query.get("skills"):
        parts.append(first("skills"))
    if first("commune"):
        radius = first("radius") or "30"
        parts.append(_("%(commune)s, %(km)s km") % {"commune": first("commune"), "km": radius})
    contracts = dict(Contract.choices)
    labels = [str(contracts[value]) for value in query.get("contract", []) if value in contracts]
    if labels:
        parts.append(", ".join(labels))
    remote = dict(Remote.choices).get(first("remote"))
    if remote:
        parts.append(str(remote))
    since = dict(SINCE_CHOICES).get(first("since"))
    if first("since") and since:
        parts.append(str(since).lower())
    if first("cluster"):
        parts.append(_("cluster %(slug)s") % {"slug": first("cluster")})
    return " · ".join(parts) or _("Toutes les offres")


def search_url(query):
    params = as_querydict(query).urlencode()
    url = reverse("jobs_search:search")
    return f"{url}?{params}" if params else url


def _saved_of(request, pk):
    return get_object_or_404(SavedSearch, pk=pk, user=request.user)


@candidate_required
@require_safe
def saved_list(request):
    searches = list(SavedSearch.objects.filter(user=request.user).order_by("name", "pk"))
    for saved in searches:
        saved.criteria = describe(saved.query)
        saved.url = search_url(saved.query)
    return render(request, "jobs/alerts/list.html", {"searches": searches, "max_saved": MAX_SAVED})


@candidate_required
@require_http_methods(["GET", "POST"])
def create(request):
    """Save the search whose parameters come in the query string (GET: the
    form to name it) or with the posted name and frequency."""
    source = request.POST if request.method == "POST" else request.GET
    query = query_of(source)
    search = OfferSearchForm(as_querydict(query))
    problem = None
    if not query:
        problem = _("Choisissez au moins un critère de recherche avant de l'enregistrer.")
    elif not search.is_valid():
        problem = _(
            "Cette recherche contient des critères à corriger : corrigez-les, puis enregistrez-la."
        )
    elif SavedSearch.objects.filter(user=request.user).count() >= MAX_SAVED:
        problem = _(
            "Vous avez déjà %(max)s recherches enregistrées : supprimez-en une pour en "
            "enregistrer une autre."
        ) % {"max": MAX_SAVED}
    if problem:
        messages.error(request, problem)
        return redirect(search_url(query))
    if request.method == "POST":
        form = SavedSearchForm(request.POST, instance=SavedSearch(user=request.user, query=query))
        if form.is_valid():
            saved = form.save()
            messages.success(
                request,
                _("Recherche « %(name)s » enregistrée.") % {"name": saved.name},
            )
            return redirect("jobs_alerts:list")
    else:
        name = Truncator(describe(query)).chars(100)
        form = SavedSearchForm(initial={"name": name, "frequency": SavedSearch.Frequency.DAILY})
    return render(
        request,
        "jobs/alerts/create.html",
        {
            "form": form,
            "query": query,
            "criteria": describe(query),
            "search_url": search_url(query),
        },
    )


@candidate_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    saved = _saved_of(request, pk)
    form = SavedSearchForm(request.POST or None, instance=saved)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Recherche « %(name)s » modifiée.") % {"name": saved.name})
        return redirect("jobs_alerts:list")
    return render(
        request,
        "jobs/alerts/edit.html",
        {
            "form": form,
            "saved": saved,
            "criteria": describe(saved.query),
            "search_url": search_url(saved.query),
        },
    )


@candidate_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    saved = _saved_of(request, pk)
    if request.method == "POST":
        saved.delete()
        messages.success(request, _("Recherche « %(name)s » supprimée.") % {"name": saved.name})
        return redirect("jobs_alerts:list")
    return render(
        request,
        "jobs/alerts/delete.html",
        {"saved": saved, "criteria": describe(saved.query)},
    )
