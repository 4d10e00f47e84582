"""The cross-filter screen (« matrice ») for a cluster's staff, and its XLSX
export: members by any combination of métier, skills, activities, markets,
territory, size and free text, with live counts per facet value. The whole
filter is in the query string, so a link reproduces it; the same view
answers htmx with the page's body only. The network-wide screen
(`views.network`) shows the same page with its own scope."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import table_response
from ancrage.matrix import facets, facets_display, query
from ancrage.matrix.models import ProfileSkill
from ancrage.organisations.models import Membership

PAGE_SIZE = 50
VIEWS = ("list", "matrix")


@dataclass
class Column:
    axis: str
    key: str  # SQL key, as facets.counts() gives it
    label: str


def scope_of(request):
    return query.Scope.of_cluster(request.scope.cluster)


class Results:
    """The matching memberships, by organisation name, loaded a page at a
    time with what the list and the matrix show (a Paginator's object list)."""

    def __init__(self, scope, spec, rows, known=None):
        self.scope = scope
        self.spec = spec
        self.rows = rows
        # {start: ids} found with the counts, a page long: Paginator asks for
        # a shorter slice at the end of the list (orphans, a short last page).
        self.known = known or {}

    def count(self):
        return self.rows

    def __len__(self):
        return self.rows

    def __getitem__(self, page):
        start = page.start or 0
        limit = None if page.stop is None else max(page.stop - start, 0)
        ids = self.known.get(start)
        if ids is not None and limit is not None and limit <= PAGE_SIZE:
            ids = ids[:limit]
        else:
            ids = facets.matching_membership_ids(self.scope, self.spec, start, limit)
        return load(ids)


# No network has a million pages of results; above that, the SQL offset
# would overflow.
MAX_PAGE = 1_000_000


def page_number(value):
    """The page asked for, as Paginator.get_page reads it (1 when unreadable),
    at most MAX_PAGE (Paginator then falls back to the last page)."""
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError, OverflowError):
        return 1


def load(ids):
    """The memberships `ids`, in that order, with their organisation and profile."""
    skills = ProfileSkill.objects.select_related("entry__skill", "entry__occupation")
    found = (
        Membership.objects.filter(pk__in=ids)
        .select_related(
            "cluster",
            "organisation__commune__department",
            "matrix__occupation__occupation",
        )
        .prefetch_related(
            Prefetch("matrix__skills", queryset=skills),
            "matrix__activities__activity",
            "matrix__markets__market",
        )
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def skill_key(scope, entry):
    """The facet key of a skill entry (see `facets_vocabulary.entry_key`), in Python."""
    if not scope.is_network:
        return str(entry.pk)
    if entry.skill_id:
        return f"r{entry.skill_id}"
    return "l:" + entry.label.strip().lower()


def hits_of(scope, membership):
    """{(axis, key)} a member's profile has, for the matrix's marks."""
    profile = membership.matrix
    return (
        {("skill", skill_key(scope, item.entry)) for item in profile.skills.all()}
        | {("activity", str(item.activity_id)) for item in profile.activities.all()}
        | {("market", str(item.market_id)) for item in profile.markets.all()}
    )


def columns_of(spec, panel):
    """The matrix's columns: the skills, activities and markets chosen, or
    else the most frequent skills among the results."""
    by_axis = {facet.axis: facet for facet in panel}
    columns = []
    for axis in ("skill", "activity", "market"):
        keys = [str(key) for key in spec.keys[axis]]
        labels = {v.param: v.label for v in by_axis[axis].values}
        columns += [
            Column(axis, key, labels.get(value, value))
            for key, value in zip(keys, spec.values[axis], strict=True)
        ]
    if columns:
        return columns, False
    top = [v for v in by_axis["skill"].values if v.count][: facets_display.MATRIX_DEFAULT_COLUMNS]
    # A skill's query-string value is its SQL key (entry id or network key).
    return [Column("skill", v.param, v.label) for v in top], True


def screen_context(request, scope, base_url, fixed=()):
    spec = query.parse(scope, request.GET)
    spec.fixed = list(fixed)
    number = page_number(request.GET.get("page"))
    window = ((number - 1) * PAGE_SIZE, PAGE_SIZE)
    found = facets.counts(scope, spec, page=window)
    searches = facets_display.searches_in(request.GET)
    panel = facets_display.panel(scope, spec, found.values, searches)
    view = request.GET.get("view") if request.GET.get("view") in VIEWS else "list"
    results = Results(scope, spec, found.rows, known={window[0]: found.page})
    page = Paginator(results, PAGE_SIZE).get_page(number)
    columns, default_columns = columns_of(spec, panel) if view == "matrix" else ([], False)
    rows = [
        (membership, [(column, (column.axis, column.key) in hits) for column in columns])
        for membership in page.object_list
        for hits in [hits_of(scope, membership)]
    ]
    labels = {facet.axis: {v.param: v.label for v in facet.values} for facet in panel}
    chips = [
        (
            facets_display.TITLES[axis],
            labels[axis].get(value, value),
            spec.query_string(without=(axis, value), view=view),
        )
        for axis, value in spec.params()
        if axis in query.AXES
    ]
    query_string = spec.query_string()
    # The shared link also keeps the matrix view (the list is the default).
    shared = spec.query_string(view="matrix" if view == "matrix" else None)
    share = base_url + ("?" + shared if shared else "")
    return {
        "spec": spec,
        "panel": panel,
        "total": found.total,
        "memberships_found": found.rows,
        "page": page,
        "rows": rows,
        "columns": columns,
        "default_columns": default_columns,
        "view": view,
        "chips": chips,
        "query_string": query_string,
        "clear_query": urlencode(spec.fixed),
        "list_query": spec.query_string(view="list"),
        "matrix_query": spec.query_string(view="matrix"),
        "share_url": request.build_absolute_uri(share),
        "base_url": base_url,
        "ignored": len(spec.ignored),
        "is_network": scope.is_network,
    }


def render_screen(request, context, template):
    if request.htmx and not request.htmx.boosted:
        return render(request, "matrix/crossfilter_body.html", context)
    return render(request, template, context)


@staff_required
@require_GET
def crossfilter(request):
    context = screen_context(request, scope_of(request), reverse("matrix:crossfilter"))
    context["cluster"] = request.scope.cluster
    return render_screen(request, context, "matrix/crossfilter.html")


EXPORT_HEADERS = [
    _("Organisation"),
    _("Raison sociale"),
    _("SIREN"),
    _("Commune"),
    _("Département"),
    _("Taille"),
    _("Effectif"),
    _("Métier"),
    _("Compétences clés"),
    _("Activités"),
    _("Marchés"),
    _("Certifications"),
    _("Site web"),
]


def export_row(membership):
    organisation = membership.organisation
    profile = membership.matrix
    commune = organisation.commune
    return [
        organisation.name,
        organisation.legal_name,
        organisation.siren,
        commune.name if commune else "",
        commune.department.code if commune else "",
        organisation.get_size_class_display(),
        organisation.headcount,
        profile.occupation.display_label if profile.occupation else "",
        " ; ".join(item.entry.display_label for item in profile.skills.all()),
        " ; ".join(item.activity.label for item in profile.activities.all()),
        " ; ".join(item.market.label for item in profile.markets.all()),
        " ; ".join(profile.certifications),
        organisation.website,
    ]


@staff_required
@require_GET
def export(request):
    """The whole result as XLSX (or CSV with `format=csv`), logged."""
    scope = scope_of(request)
    spec = query.parse(scope, request.GET)
    memberships = load(facets.matching_membership_ids(scope, spec))
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=request.scope.cluster,
        what="matrix",
        filter=spec.query_string(),
        count=len(memberships),
        format=fmt,
    )
    rows = [export_row(membership) for membership in memberships]
    return table_response(fmt, "matrice", EXPORT_HEADERS, rows, title=_("Matrice"))
