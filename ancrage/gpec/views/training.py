"""The training needs of a cluster's members, for its staff: per skill,
horizon and département, the people to train and the members concerned
(`gpec.skills.training_needs`: needs to be answered by training employees,
or new skills to acquire), most people first, filtered like the matrix
(territory, size, market, activity, métier, skills: `gpec.population.for_request`)
and by horizon; XLSX or CSV export, logged. Rows resting on fewer than 3
organisations (or dominated by one) are flagged. The training issue will
match these needs with the trainings of the catalogue."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core import secrecy
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import table_response
from ancrage.gpec import assumptions, skills
from ancrage.gpec.figures import horizon_label
from ancrage.gpec.population import for_request
from ancrage.matrix import facets, facets_display
from ancrage.matrix.query import Scope
from ancrage.matrix.views.crossfilter import page_number

PAGE_SIZE = 100
MAX_HORIZON = 20
# The matrix's axes, territory first.
AXES = ("departement", "zone", "commune", "size", "market", "activity", "metier", "skill")
FLAGS = {
    secrecy.FEW: gettext_lazy("moins de 3 organisations"),
    secrecy.DOMINANCE: gettext_lazy("une organisation pèse plus de 85 %"),
}


@dataclass
class Needs:
    population: object  # gpec.population.Population
    rows: list  # [TrainingNeed], most people first
    horizon: int | None  # None: every horizon
    horizons: list  # (years, label) of the horizons of the unfiltered rows
    error: str = ""

    def query_string(self, **extra):
        pairs = [*self.population.spec.params()]
        pairs += [("bassin", code) for code in self.population.basin_codes]
        if self.horizon is not None:
            pairs.append(("horizon", str(self.horizon)))
        pairs += [(name, value) for name, value in extra.items() if value not in (None, "")]
        return urlencode(pairs)


def parse_horizon(value):
    """(years or None for every horizon, error message or "")."""
    value = (value or "").replace("\x00", "").strip()
    if not value:
        return None, ""
    if value.isdigit() and 0 <= int(value) <= MAX_HORIZON:
        return int(value), ""
    return None, _("Horizon « %(value)s » inconnu : tous les horizons sont affichés.") % {
        "value": value[:20]
    }


def flag(need):
    """Why the row is fragile, in French, or ""."""
    return str(FLAGS.get(secrecy.primary_reason(need.people.cell()), ""))


def read(request):
    cluster = request.scope.cluster
    population = for_request(
        Scope.of_cluster(cluster),
        request.GET,
        freshness_months=assumptions.for_cluster(cluster).freshness_months,
    )
    every = skills.training_needs(population)
    horizon, error = parse_horizon(request.GET.get("horizon"))
    rows = [need for need in every if horizon is None or need.horizon_years == horizon]
    rows.sort(key=lambda need: -need.people.value)  # stable: the module's order for ties
    horizons = [
        (years, horizon_label(years))
        for years in sorted(
            {need.horizon_years for need in every if need.horizon_years is not None}
        )
    ]
    return Needs(population, rows, horizon, horizons, error)


def chips(needs, panel):
    """(title, label, query string without it) of each matrix filter chosen."""
    spec = needs.population.spec
    labels = {facet.axis: {v.param: v.label for v in facet.values} for facet in panel}
    result = []
    for axis, value in spec.params():
        if axis not in AXES:
            continue
        remaining = [pair for pair in spec.params() if pair != (axis, value)]
        if needs.horizon is not None:
            remaining.append(("horizon", str(needs.horizon)))
        result.append(
            (facets_display.TITLES[axis], labels[axis].get(value, value), urlencode(remaining))
        )
    return result


@staff_required
@require_safe
def training_list(request):
    needs = read(request)
    spec = needs.population.spec
    scope = needs.population.scope
    found = facets.counts(scope, spec)
    by_axis = {
        facet.axis: facet
        for facet in facets_display.panel(
            scope, spec, found.values, facets_display.searches_in(request.GET)
        )
    }
    panel = [by_axis[axis] for axis in AXES]
    page = Paginator(needs.rows, PAGE_SIZE).get_page(page_number(request.GET.get("page")))
    rows = [(need, flag(need)) for need in page.object_list]
    return render(
        request,
        "gpec/training/list.html",
        {
            "needs": needs,
            "panel": panel,
            "chips": chips(needs, panel),
            "page": page,
            "rows": rows,
            "flagged": any(text for _need, text in rows),
            "ignored": len(spec.ignored),
            "query_string": needs.query_string(),
            "base_url": reverse("gpec_training:list"),
        },
    )


HEADERS = [
    gettext_lazy("Compétence"),
    gettext_lazy("Horizon (années)"),
    gettext_lazy("Code du département"),
    gettext_lazy("Département"),
    gettext_lazy("Personnes à former"),
    gettext_lazy("Adhérents concernés"),
    gettext_lazy("Fragilité"),
]


@staff_required
@require_safe
def export(request):
    """Every row of the filtered view as XLSX (or CSV with `format=csv`), logged."""
    needs = read(request)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=request.scope.cluster,
        what="gpec_training_needs",
        filter=needs.query_string(),
        count=len(needs.rows),
        format=fmt,
    )
    rows = [
        [
            need.skill.label,
            need.horizon_years,
            need.department.code if need.department else "",
            need.department.name if need.department else "",
            need.people.value,
            need.organisations,
            flag(need),
        ]
        for need in needs.rows
    ]
    headers = [str(header) for header in HEADERS]
    return table_response(fmt, "besoins-formation", headers, rows, title=_("Besoins de formation"))
