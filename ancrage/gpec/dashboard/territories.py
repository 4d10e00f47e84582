"""The population's figures per territory of its organisations (the
département and the BMO basin of their commune), for the maps, and for the
whole population (the totals on top of the dashboard): members counted,
members with facts in the window (workforce, forecasts or skill needs) and
the day of each one's latest, headcount and recruitment needs at 1 and 3
years, with the same formulas as `gpec.occupations` (per organisation and
occupation: retirements declared, else estimated from the age bands; needs
= retirements + other departures + creations), added up per organisation,
then per territory. One SQL statement (GROUPING SETS)."""

# ruff: noqa: S608

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext as _

from ancrage.core import charts, secrecy
from ancrage.gpec.dashboard import cache
from ancrage.gpec.dashboard.cells import (
    Shown,
    Table,
    count_cell,
    figure_cell,
    integer,
    label_cell,
    plain_cell,
    within,
)
from ancrage.gpec.figures import Figure
from ancrage.gpec.models import OccupationForecast, SkillNeed, WorkforceLine
from ancrage.organisations.models import Organisation
from ancrage.territory.models import BmoBasin, Commune, Department

PARTS = ("retirements", "other_departures", "creations")
DEPARTMENT = "departement"
BASIN = "bassin"
HORIZONS = (1, 3)


@dataclass
class Totals:
    counted: int
    declared: int
    since: datetime.date  # facts observed on or before this day are too old
    as_of: datetime.date
    # The day of the most recent facts of each member counted: the oldest
    # and the newest of these days.
    oldest: datetime.date | None
    newest: datetime.date | None
    freshness_months: int
    # The largest single organisation's headcount ("headcount") and needs
    # at 1 and 3 years (1, 3): the dominance rule on the totals.
    largest: dict = field(default_factory=dict)


@dataclass
class Territory:
    kind: str  # DEPARTMENT or BASIN
    code: str
    name: str
    latitude: float | None
    longitude: float | None
    counted: int
    declared: int
    headcount: Figure
    needs: dict  # {years: Figure}

    @property
    def label(self):
        return f"{self.name} ({self.code})" if self.kind == DEPARTMENT else self.name


def _needs(years):
    """SQL: an organisation × occupation's needs at `years` (NULL when it
    gave none of the parts), from the columns of `j`."""
    parts = (f"retirements_{years}", f"other_{years}", f"creations_{years}")
    nulls = " AND ".join(f"{part} IS NULL" for part in parts)
    total = " + ".join(f"COALESCE({part}, 0)" for part in parts)
    return f"CASE WHEN {nulls} THEN NULL ELSE {total} END"


def _statement(population, assumptions):
    params = [population.member_ids()]
    workforce, workforce_params = population.latest_sql(WorkforceLine)
    forecasts, forecast_params = population.latest_sql(OccupationForecast)
    skill_params = [list(population.scope.cluster_ids()), population.since, population.as_of]
    parts, part_params = [], []
    for years in HORIZONS:
        parts += [
            f"COALESCE(f.retirements_{years}y, w.age_60_plus * %s::numeric "
            f"+ w.age_55_59 * %s::numeric) AS retirements_{years}",
            f"f.other_departures_{years}y AS other_{years}",
            f"f.creations_{years}y AS creations_{years}",
        ]
        part_params += [
            getattr(assumptions, f"retire_60_plus_{years}y"),
            getattr(assumptions, f"retire_55_59_{years}y"),
        ]
    needs = ", ".join(f"SUM({_needs(years)}) AS needs_{years}" for years in HORIZONS)
    totals = ", ".join(
        f"SUM(p.{name}), COUNT(p.{name}), MAX(p.{name})"
        for name in ("headcount", "needs_1", "needs_3")
    )
    sums = ", ".join(
        f"SUM({name}_{years}y) AS {name}_{years}y" for years in HORIZONS for name in PARTS
    )
    sql = f"""
        WITH orgs AS (
            SELECT o.id, c.department_id, c.bmo_basin_id, c.latitude, c.longitude
            FROM {Organisation._meta.db_table} o
            LEFT JOIN {Commune._meta.db_table} c ON c.id = o.commune_id
            WHERE o.id = ANY(%s)
        ),
        wf AS (
            SELECT organisation_id, occupation_id, observed_on, headcount, age_under_25,
                age_55_59, age_60_plus
            FROM ({workforce}) l
        ),
        fc AS (
            SELECT organisation_id, occupation_id, observed_on,
                {", ".join(f"{name}_{years}y" for years in HORIZONS for name in PARTS)}
            FROM ({forecasts}) l
        ),
        dates AS (
            SELECT organisation_id, MAX(observed_on) AS newest
            FROM (
                SELECT organisation_id, observed_on FROM wf
                UNION ALL SELECT organisation_id, observed_on FROM fc
                UNION ALL SELECT organisation_id, observed_on FROM {SkillNeed._meta.db_table}
                WHERE cluster_id = ANY(%s) AND observed_on > %s AND observed_on <= %s
                    AND organisation_id IN (SELECT id FROM orgs)
            ) facts GROUP BY organisation_id
        ),
        w AS (
            SELECT organisation_id, occupation_id, SUM(headcount) AS headcount,
                SUM(age_60_plus) FILTER (WHERE age_under_25 IS NOT NULL) AS age_60_plus,
                SUM(age_55_59) FILTER (WHERE age_under_25 IS NOT NULL) AS age_55_59
            FROM wf GROUP BY organisation_id, occupation_id
        ),
        f AS (
            SELECT organisation_id, occupation_id, {sums}
            FROM fc GROUP BY organisation_id, occupation_id
        ),
        j AS (
            SELECT COALESCE(w.organisation_id, f.organisation_id) AS organisation_id,
                w.headcount, {", ".join(parts)}
            FROM w FULL JOIN f
                ON f.organisation_id = w.organisation_id AND f.occupation_id = w.occupation_id
        ),
        p AS (
            SELECT organisation_id, SUM(headcount) AS headcount, {needs}
            FROM j GROUP BY organisation_id
        )
        SELECT GROUPING(d.id, b.id), COALESCE(d.code, b.code), COALESCE(d.name, b.name),
            AVG(orgs.latitude), AVG(orgs.longitude), COUNT(*), COUNT(dates.organisation_id),
            MIN(dates.newest), MAX(dates.newest), {totals}
        FROM orgs LEFT JOIN p ON p.organisation_id = orgs.id
        LEFT JOIN dates ON dates.organisation_id = orgs.id
        LEFT JOIN {Department._meta.db_table} d ON d.id = orgs.department_id
        LEFT JOIN {BmoBasin._meta.db_table} b ON b.id = orgs.bmo_basin_id
        GROUP BY GROUPING SETS ((d.id, d.code, d.name), (b.id, b.code, b.name), ())
    """
    return sql, [*params, *workforce_params, *forecast_params, *skill_params, *part_params]


# GROUPING(d.id, b.id) of each grouping set.
BY_DEPARTMENT, BY_BASIN, WHOLE = 1, 2, 3


def territories(population, assumptions):
    """([Territory], Totals) of the population's organisations: the
    départements, then the basins, each by name (organisations without
    commune are counted in the totals only), and the totals. Across a
    network, kept in the cache (`dashboard.cache`)."""
    return cache.cached(
        population, "territories", lambda: _territories(population, assumptions), assumptions
    )


def _territories(population, assumptions):
    sql, params = _statement(population, assumptions)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = []
    # The grand total's row is there even when nobody is counted.
    totals = None
    for grouping, code, name, latitude, longitude, counted, declared, *rest in rows:
        oldest, newest, *sums = rest
        if grouping == WHOLE:
            totals = Totals(
                counted=counted,
                declared=declared,
                since=population.since,
                as_of=population.as_of,
                oldest=oldest,
                newest=newest,
                freshness_months=population.freshness_months,
                largest={"headcount": sums[2], 1: sums[5], 3: sums[8]},
            )
            continue
        if code is None:
            continue
        figures = [
            Figure(value=sums[i] or 0, organisations=sums[i + 1], largest=sums[i + 2])
            for i in (0, 3, 6)
        ]
        found.append(
            Territory(
                kind=BASIN if grouping == BY_BASIN else DEPARTMENT,
                code=code,
                name=name,
                latitude=latitude,
                longitude=longitude,
                counted=counted,
                declared=declared,
                headcount=figures[0],
                needs={1: figures[1], 3: figures[2]},
            )
        )
    found.sort(key=lambda t: (t.kind != DEPARTMENT, t.name, t.code))
    return found, totals


def table(found, kind, secret):
    """The table of one kind of territory; across a network, a column's
    cells are protected as a whole (its total is on top of the page)."""
    rows = [
        [
            label_cell(item.code, item.label),
            plain_cell(item.counted, integer(item.counted)),
            count_cell(item.declared, secret),
            figure_cell(item.headcount, secret),
            figure_cell(item.needs[1], secret),
            figure_cell(item.needs[3], secret),
        ]
        for item in found
        if item.kind == kind
    ]
    if secret:
        for index in (3, 4, 5):
            secrecy.protect([row[index] for row in rows], total_shown=True)
    title = _("Par département") if kind == DEPARTMENT else _("Par bassin d'emploi")
    return Table(
        key=f"territoire-{kind}",
        title=title,
        sheet=_("Départements") if kind == DEPARTMENT else _("Bassins d'emploi"),
        headers=[
            _("Département") if kind == DEPARTMENT else _("Bassin d'emploi"),
            _("Adhérents comptés"),
            _("Adhérents ayant déclaré"),
            _("Effectif déclaré"),
            _("Besoins à 1 an"),
            _("Besoins à 3 ans"),
        ],
        rows=rows,
        empty=_("Aucun adhérent n'a de commune renseignée."),
    )


def needs_map(found, kind, table_rows, horizon):
    """A dot map of the needs at `horizon` years of each territory of
    `kind`; a hidden figure is left out (the table says « secret »)."""
    cells = {row[0].value: row[4 if horizon == 1 else 5] for row in table_rows}
    points = []
    for item in found:
        if item.kind != kind or item.code not in cells:
            continue
        cell = cells[item.code]
        value = None if not isinstance(cell, Shown) else cell.shown_value
        points.append((item.label, item.latitude, item.longitude, value))
    return charts.dot_map(
        points,
        title=_("Besoins de recrutement %(within)s par territoire") % {"within": within(horizon)},
        desc=_(
            "Un disque par territoire, d'aire proportionnelle aux besoins ; "
            "le tableau donne les chiffres."
        ),
    )
