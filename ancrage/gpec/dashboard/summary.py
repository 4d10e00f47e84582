"""The totals on top of the dashboard: members counted, members with facts
in the window (workforce, forecasts or skill needs), and the span of the
days those facts were observed on. One SQL statement."""

# ruff: noqa: S608

import datetime
from dataclasses import dataclass

from django.db import connection

from ancrage.gpec.models import OccupationForecast, SkillNeed, WorkforceLine


@dataclass
class Totals:
    counted: int
    declared: int
    since: datetime.date  # facts observed on or before this day are too old
    as_of: datetime.date
    oldest: datetime.date | None
    newest: datetime.date | None
    freshness_months: int

    @property
    def share(self):
        return self.declared / self.counted if self.counted else None


def totals(population):
    organisations, params = population.organisations_sql()
    parts, part_params = [], []
    for model in (WorkforceLine, OccupationForecast, SkillNeed):
        sql, model_params = population.latest_sql(model)
        parts.append(f"SELECT organisation_id, observed_on FROM ({sql}) {model._meta.model_name}")
        part_params += model_params
    sql = (
        f"SELECT (SELECT COUNT(*) FROM ({organisations}) o), "
        "COUNT(DISTINCT organisation_id), MIN(observed_on), MAX(observed_on) "
        f"FROM ({' UNION ALL '.join(parts)}) facts"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *part_params])
        counted, declared, oldest, newest = cursor.fetchone()
    return Totals(
        counted=counted,
        declared=declared,
        since=population.since,
        as_of=population.as_of,
        oldest=oldest,
        newest=newest,
        freshness_months=population.freshness_months,
    )
