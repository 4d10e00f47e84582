"""Anonymised cluster benchmarks for one member's GPEC page: per occupation
it declares, the quartiles over the cluster's OTHER organisations of a ratio
each organisation has (its share of people aged 55 and over, its vacancy
rate…), with the organisation's own ratio computed the same way.

    everyone = cluster_population(cluster, assumptions)
    found = benchmarks(everyone, organisation_id, occupation_ids, assumptions)
    found[(occupation_id, "ageing_share")]   # Benchmark

Each organisation's ratio is computed from its latest facts
(`Population.latest_sql`), then the quartiles over those ratios
(`percentile_cont`, interpolated): one statement.

Secrecy. The organisation itself is left out of its benchmarks: were it
in, it could declare again with a very low then a very high figure and read
the others' figures off the median as it moves. A benchmark resting on
fewer than `secrecy.Rules.min_contributors` other organisations is
`fragile`: staff see it flagged. Members see less: a median of 3 or 4
figures is one of them (or the mean of two), and quartiles interpolate
between neighbouring ones, so members see the median only from
`MEDIAN_MIN` other organisations on and the quartiles from `QUARTILES_MIN`.

The ratios, per organisation and occupation:
- ageing_share: (55–59 + 60 and over) ÷ headcount, over the lines with age bands;
- vacancy_rate: open positions unfilled ÷ headcount;
- difficulty: the difficulty to recruit (1 to 4; its highest rating);
- time_to_fill_days: the time to fill a position, in days;
- needs_1y_rate, needs_3y_rate: recruitment needs ÷ headcount, the needs
  being retirements (declared, else estimated from the age bands and the
  cluster's assumptions) + other departures + creations, as in
  `gpec.occupations`.

SQL is assembled from table names and placeholders only: values are parameters."""

# ruff: noqa: S608

from dataclasses import dataclass

from django.db import connection
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from ancrage.core import secrecy
from ancrage.gpec import population
from ancrage.gpec.models import OccupationForecast, SkillNeed, WorkforceLine
from ancrage.matrix.query import Scope

MEDIAN_MIN = 5
QUARTILES_MIN = 10
# What members are shown under: a benchmark resting on fewer than MEDIAN_MIN
# organisations is « secret » (its tooltip gives the number).
MEMBER_RULES = secrecy.Rules(min_contributors=MEDIAN_MIN)
BANDS = WorkforceLine.AGE_BANDS

# (key, label, unit): "share" values are 0–1 shown as percentages.
METRICS = (
    ("ageing_share", _("Part des 55 ans et plus"), "share"),
    ("vacancy_rate", _("Postes ouverts non pourvus ÷ effectif"), "share"),
    ("difficulty", _("Difficulté à recruter (1 à 4)"), "score"),
    ("time_to_fill_days", _("Délai de recrutement (jours)"), "days"),
    ("needs_1y_rate", _("Besoins de recrutement à 1 an ÷ effectif"), "share"),
    ("needs_3y_rate", _("Besoins de recrutement à 3 ans ÷ effectif"), "share"),
)
LABELS = {key: label for key, label, _unit in METRICS}
UNITS = {key: unit for key, _label, unit in METRICS}


@dataclass
class Benchmark:
    """The quartiles of one ratio over the other organisations that have it
    (None when none has), and the organisation's own ratio (None when it
    has none)."""

    metric: str
    organisations: int
    q1: float | None
    median: float | None
    q3: float | None
    own: float | None

    @property
    def label(self):
        return LABELS[self.metric]

    @property
    def unit(self):
        return UNITS[self.metric]

    @property
    def fragile(self):
        return self.organisations < secrecy.DEFAULT_RULES.min_contributors

    @property
    def median_shown_to_members(self):
        return self.organisations >= MEDIAN_MIN

    @property
    def quartiles_shown_to_members(self):
        return self.organisations >= QUARTILES_MIN


def cluster_population(cluster, assumptions):
    """The cluster's active members, unfiltered, today: whom benchmarks compare with."""
    return population.for_request(
        Scope.of_cluster(cluster), QueryDict(), freshness_months=assumptions.freshness_months
    )


def _needs(horizon):
    """SQL of an organisation's needs at `horizon` years over `joined` (NULL
    when it gives no figure for any of their parts)."""
    parts = (f"retirements_{horizon}y", f"other_{horizon}y", f"creations_{horizon}y")
    known = " OR ".join(f"{part} IS NOT NULL" for part in parts)
    total = " + ".join(f"coalesce({part}, 0)" for part in parts)
    return f"CASE WHEN {known} THEN {total} END"


def benchmarks(everyone, organisation_id, occupation_ids, assumptions):
    """{(occupation_id, metric): Benchmark} over `everyone` (a `Population`:
    the cluster's members, unfiltered) but `organisation_id`, for the
    occupations `occupation_ids`, with the own ratios of `organisation_id`."""
    if not occupation_ids:
        return {}
    workforce, workforce_params = everyone.latest_sql(WorkforceLine)
    forecasts, forecast_params = everyone.latest_sql(OccupationForecast)
    banded = " AND ".join(f"{band} IS NOT NULL" for band in BANDS)
    metrics = ", ".join(f"('{key}', {key})" for key, _label, _unit in METRICS)
    statement = f"""
        WITH wo AS (
            SELECT organisation_id, occupation_id, sum(headcount) AS headcount,
                   sum(headcount) FILTER (WHERE {banded}) AS aged,
                   sum(age_55_59) FILTER (WHERE {banded}) AS a55,
                   sum(age_60_plus) FILTER (WHERE {banded}) AS a60
            FROM ({workforce}) w WHERE occupation_id = ANY(%s) GROUP BY 1, 2
        ), fo AS (
            SELECT organisation_id, occupation_id, sum(open_unfilled) AS open_unfilled,
                   max(difficulty) AS difficulty, avg(time_to_fill_days) AS time_to_fill,
                   sum(retirements_1y) AS r1, sum(retirements_3y) AS r3,
                   sum(other_departures_1y) AS o1, sum(other_departures_3y) AS o3,
                   sum(creations_1y) AS c1, sum(creations_3y) AS c3
            FROM ({forecasts}) f WHERE occupation_id = ANY(%s) GROUP BY 1, 2
        ), joined AS (
            SELECT coalesce(wo.organisation_id, fo.organisation_id) AS organisation_id,
                   coalesce(wo.occupation_id, fo.occupation_id) AS occupation_id,
                   wo.headcount, wo.aged, wo.a55, wo.a60, fo.open_unfilled, fo.difficulty,
                   fo.time_to_fill,
                   coalesce(fo.r1, wo.a60 * %s + wo.a55 * %s) AS retirements_1y,
                   coalesce(fo.r3, wo.a60 * %s + wo.a55 * %s) AS retirements_3y,
                   fo.o1 AS other_1y, fo.o3 AS other_3y, fo.c1 AS creations_1y,
                   fo.c3 AS creations_3y
            FROM wo FULL JOIN fo ON fo.organisation_id = wo.organisation_id
                                AND fo.occupation_id = wo.occupation_id
        ), per_organisation AS (
            SELECT organisation_id, occupation_id,
                   CASE WHEN aged > 0 THEN (a55 + a60)::float / aged END AS ageing_share,
                   CASE WHEN headcount > 0
                        THEN open_unfilled::float / headcount END AS vacancy_rate,
                   difficulty::float AS difficulty,
                   time_to_fill::float AS time_to_fill_days,
                   CASE WHEN headcount > 0
                        THEN ({_needs(1)})::float / headcount END AS needs_1y_rate,
                   CASE WHEN headcount > 0
                        THEN ({_needs(3)})::float / headcount END AS needs_3y_rate
            FROM joined
        )
        SELECT p.occupation_id, m.metric, count(*) FILTER (WHERE p.organisation_id <> %s),
               percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY m.value)
                   FILTER (WHERE p.organisation_id <> %s),
               max(m.value) FILTER (WHERE p.organisation_id = %s)
        FROM per_organisation p
        CROSS JOIN LATERAL (VALUES {metrics}) AS m(metric, value)
        WHERE m.value IS NOT NULL
        GROUP BY 1, 2
    """
    occupations = list(occupation_ids)
    params = [
        *workforce_params,
        occupations,
        *forecast_params,
        occupations,
        assumptions.retire_60_plus_1y,
        assumptions.retire_55_59_1y,
        assumptions.retire_60_plus_3y,
        assumptions.retire_55_59_3y,
        organisation_id,
        organisation_id,
        organisation_id,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    return {
        (occupation_id, metric): Benchmark(metric, count, *(quartiles or (None,) * 3), own)
        for occupation_id, metric, count, quartiles, own in rows
    }


def skill_organisations(everyone, skill_ids):
    """{skill_id: organisations of `everyone` declaring a need for it}."""
    if not skill_ids:
        return {}
    needs, params = everyone.latest_sql(SkillNeed)
    statement = (
        f"SELECT skill_id, count(DISTINCT organisation_id) FROM ({needs}) n "
        "WHERE skill_id = ANY(%s) GROUP BY skill_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, list(skill_ids)])
        return dict(cursor.fetchall())
