"""What the GPEC dashboard is filtered by, read from the query string: the
matrix's axes (territory, size, market, activity, métier, skills, with the
matrix's facet panel and its counts), BMO basins (`bassin`), the day the
figures stand on (`au`), the horizon the occupations are ranked by
(`horizon`) and the occupation whose age pyramid is shown (`pyramide`).

Bad values never fail: an unreadable or out-of-range date falls back to
today with a French message; unknown filter values are dropped and counted,
as the matrix does."""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ancrage.gpec import population as populations
from ancrage.gpec.dashboard import cache
from ancrage.matrix import facets, facets_display, query
from ancrage.organisations.models import Organisation
from ancrage.territory.models import BmoBasin, Commune

EARLIEST = datetime.date(2000, 1, 1)
HORIZONS = (1, 3)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
# The axes of the matrix the dashboard filters by, in screen order.
AXES = ("departement", "zone", "commune", "size", "market", "activity", "metier", "skill")


@dataclass
class Filters:
    population: populations.Population
    as_of: datetime.date
    today: datetime.date
    horizon: int
    pyramid: str  # the ROME code asked for, "" for the first occupation
    panel: list  # matrix.facets_display.Facet, in AXES order
    basins: list  # [(code, name, selected)], the scope's members' basins
    errors: list = field(default_factory=list)
    ignored: int = 0
    fixed: list = field(default_factory=list)  # [(parameter, value)] kept by every link

    @property
    def horizons(self):
        return HORIZONS

    @property
    def spec(self):
        return self.population.spec

    def params(self, **extra):
        """The filters as (parameter, value) pairs, with `extra` ones."""
        pairs = list(self.fixed)
        pairs += self.spec.params()
        pairs += [("bassin", code) for code in self.population.basin_codes]
        if self.as_of != self.today:
            pairs.append(("au", self.as_of.isoformat()))
        if self.horizon != HORIZONS[0]:
            pairs.append(("horizon", str(self.horizon)))
        pairs += [(name, value) for name, value in extra.items() if value not in (None, "")]
        return pairs

    @property
    def clear_query(self):
        return urlencode(self.fixed)

    def query_string(self, **extra):
        return urlencode(self.params(**extra))

    @property
    def chips(self):
        """(title, label, query string without it) of each filter chosen."""
        labels = {f.axis: {v.param: v.label for v in f.values} for f in self.panel}
        found = [
            (facets_display.TITLES[axis], labels[axis].get(value, value), (axis, value))
            for axis, value in self.spec.params()
            if axis in AXES
        ]
        names = {code: name for code, name, _selected in self.basins}
        found += [
            (_("Bassin d'emploi"), names.get(code, code), ("bassin", code))
            for code in self.population.basin_codes
        ]
        return [
            (title, label, urlencode([p for p in self.params(pyramide=self.pyramid) if p != pair]))
            for title, label, pair in found
        ]


def parse_as_of(value, today):
    """(day, error message or "") for the `au` parameter."""
    value = (value or "").replace("\x00", "").strip()[:20]
    if not value:
        return today, ""
    for pattern in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if day > today:
            return today, _("La date « au » ne peut pas être dans le futur : chiffres à ce jour.")
        if day < EARLIEST:
            return today, _(
                "La date « au » doit être postérieure au %(day)s : chiffres à ce jour."
            ) % {"day": EARLIEST.strftime("%d/%m/%Y")}
        return day, ""
    return today, _("La date « au » n'est pas lisible (attendu : jj/mm/aaaa) : chiffres à ce jour.")


def parse_horizon(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return HORIZONS[0]
    return number if number in HORIZONS else HORIZONS[0]


def basins_of(scope, wanted):
    """The BMO basins of the scope's active members' communes, by name."""
    members, params = populations.Population(
        scope=scope, spec=query.Spec(), as_of=timezone.localdate()
    ).members_sql()
    sql = (
        f"SELECT DISTINCT b.code, b.name FROM {BmoBasin._meta.db_table} b "  # noqa: S608
        f"JOIN {Commune._meta.db_table} c ON c.bmo_basin_id = b.id "
        f"JOIN {Organisation._meta.db_table} o ON o.commune_id = c.id "
        f"WHERE o.id IN ({members}) ORDER BY b.name, b.code"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [(code, name, code in wanted) for code, name in rows]


def read(request, scope, *, freshness_months, fixed=()):
    """The dashboard's `Filters` for `request.GET` over `scope`."""
    params = request.GET
    today = timezone.localdate()
    as_of, error = parse_as_of(params.get("au"), today)
    population = populations.for_request(
        scope, params, as_of=as_of, freshness_months=freshness_months
    )
    spec = population.spec
    found = cache.cached(population, "facets", lambda: facets.counts(scope, spec))
    searches = facets_display.searches_in(params)
    by_axis = {f.axis: f for f in facets_display.panel(scope, spec, found.values, searches)}
    wanted_basins = [value.strip() for value in params.getlist("bassin")]
    ignored = len(spec.ignored) + len(
        {code for code in wanted_basins if code} - set(population.basin_codes)
    )
    pyramid = params.get("pyramide", "").strip()[:5]
    return Filters(
        population=population,
        as_of=as_of,
        today=today,
        horizon=parse_horizon(params.get("horizon")),
        pyramid=pyramid,
        panel=[by_axis[axis] for axis in AXES],
        basins=[
            (code, name, code in population.basin_codes)
            for code, name, _selected in cache.cached(
                population, "basins", lambda: basins_of(scope, ())
            )
        ],
        errors=[error] if error else [],
        ignored=ignored,
        fixed=list(fixed),
    )
