"""The public search of offers, one queryset for the search page, its Atom
feed, the API and the saved searches' alerts:

    form = OfferSearchForm(request.GET)
    if form.is_valid():
        offers = search.offers(form.cleaned_data)       # sorted, annotated
        counts = search.facets(form.cleaned_data)       # {"contract": …, "remote": …}

Only the offers the public may see (`lifecycle.visible`, on the cluster's
board when one is asked). Words are matched in French on the offer's
`search_document` (config french_unaccent: « soudeur » finds « soudeurs »,
« electricien » finds « électricien »), with the web search syntax
(« "chef d'équipe" », « -nuit », « or »). Around a commune, the offers
within the radius are annotated with `distance_km`. With words, the most
relevant first (ts_rank_cd, then the newest), else the newest first."""

import datetime

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, F, Q
from django.utils import timezone

from ancrage.jobs import lifecycle
from ancrage.jobs.models import Contract, OfferSkill, Remote
from ancrage.jobs.search_forms import Sort
from ancrage.territory import distance
from ancrage.territory.forms import DEFAULT_RADIUS_KM

CONFIG = "french_unaccent"
FACETS = {"contract": Contract, "remote": Remote}


def text_query(text):
    return SearchQuery(text, search_type="websearch", config=CONFIG)


def _filtered(data, *, today=None, without=()):
    """The visible offers matching `data` (a search form's cleaned data),
    but the filters named in `without` (the facets count across their own)."""
    today = today or timezone.localdate()
    offers = lifecycle.visible(cluster=data.get("cluster"), today=today)
    text = (data.get("q") or "").strip()
    if text:
        offers = offers.filter(search_document=text_query(text))
    if data.get("occupation") is not None:
        offers = offers.filter(occupation=data["occupation"])
    if data.get("skills"):
        offers = offers.filter(
            pk__in=OfferSkill.objects.filter(skill__in=data["skills"]).values("offer")
        )
    if data.get("contract") and "contract" not in without:
        offers = offers.filter(contract__in=data["contract"])
    if data.get("remote") and "remote" not in without:
        offers = offers.filter(remote=data["remote"])
    if data.get("since"):
        offers = offers.filter(published_on__gte=today - datetime.timedelta(days=data["since"]))
    commune = data.get("commune")
    if commune is not None and commune.latitude is not None and commune.longitude is not None:
        offers = distance.within(
            offers, commune.latitude, commune.longitude, data.get("radius") or DEFAULT_RADIUS_KM
        )
    return offers


def offers(data, *, today=None):
    """The visible offers matching `data`, sorted, with what a list of
    results shows (organisation, commune); `rank` with words, `distance_km`
    around a commune."""
    found = _filtered(data, today=today).select_related("organisation", "commune__department")
    text = (data.get("q") or "").strip()
    newest = ["-published_on", "-pk"]
    if text:
        found = found.annotate(
            rank=SearchRank(F("search_document"), text_query(text), cover_density=True)
        )
        if data.get("sort") != Sort.DATE:
            return found.order_by("-rank", *newest)
    return found.order_by(*newest)


def _chosen(data, name):
    """The condition of the facet filter `name` (always true when not used)."""
    value = data.get(name)
    if not value:
        return Q()
    return Q(**{f"{name}__in": value}) if isinstance(value, list) else Q(**{name: value})


def facets(data, *, today=None):
    """In one aggregate query over the offers matching the other filters:
    for the contract and the remote work, [(value, label, count)] (a facet
    counts across its own filter, so each choice shows what it would
    find), and under "total" how many offers match everything."""
    base = _filtered(data, today=today, without=tuple(FACETS))
    aggregates = {"total": Count("pk", filter=_chosen(data, "contract") & _chosen(data, "remote"))}
    for name, choices in FACETS.items():
        others = Q()
        for other in FACETS:
            if other != name:
                others &= _chosen(data, other)
        for value in choices.values:
            aggregates[f"{name}_{value}"] = Count("pk", filter=others & Q(**{name: value}))
    counts = base.aggregate(**aggregates)
    result = {"total": counts["total"]}
    for name, choices in FACETS.items():
        result[name] = [
            (value, label, counts[f"{name}_{value}"]) for value, label in choices.choices
        ]
    return result
