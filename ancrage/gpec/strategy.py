"""Everything the strategy page and its PDF show for a population: its
figures (`gpec.occupations`, `gpec.skills`), those of the previous years and
of the départements where its members are, and the ranked priorities
(`gpec.levers`).

    found = compute(population, assumptions)
    found.priorities        # [levers.Priority], best first
    found.occupations       # [OccupationFigures] of the population, needs at 1 year first

Départements: when the members are in at least two départements, each one
with at least `MIN_DEPARTMENT_MEMBERS` members (the `MAX_DEPARTMENTS` with the
most) gets its own priorities, over the same figures restricted to its
members; there, the « promouvoir » and « mobilité » rules read one previous
year (two for the whole population)."""

# ruff: noqa: S608

from dataclasses import dataclass, field, replace

from django.db import connection

from ancrage.gpec import levers, occupations, skills
from ancrage.gpec.figures import Figure
from ancrage.gpec.models import OccupationForecast, WorkforceLine
from ancrage.organisations.models import Organisation
from ancrage.territory.models import Commune, Department

MIN_DEPARTMENT_MEMBERS = 3
MAX_DEPARTMENTS = 6
HISTORY_YEARS = 2
DEPARTMENT_HISTORY_YEARS = 1


@dataclass
class Strategy:
    population: object
    respondents: int  # organisations with workforce or forecasts counted
    occupations: list
    skills: list
    priorities: list
    departments: list = field(default_factory=list)  # [Department] broken down

    @property
    def headcount(self):
        return Figure(self._sum(item.headcount for item in self.occupations), self.respondents)

    def needs(self, years):
        return Figure(
            self._sum(item.horizons[years].needs for item in self.occupations), self.respondents
        )

    @staticmethod
    def _sum(figures):
        return sum(float(figure.value or 0) for figure in figures)


def respondents(population):
    """How many organisations have workforce lines or forecasts that count."""
    workforce, workforce_params = population.latest_sql(WorkforceLine)
    forecasts, forecast_params = population.latest_sql(OccupationForecast)
    sql = (
        f"SELECT COUNT(*) FROM (SELECT organisation_id FROM ({workforce}) w "
        f"UNION SELECT organisation_id FROM ({forecasts}) f) o"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*workforce_params, *forecast_params])
        return cursor.fetchone()[0]


def departments_of(population):
    """[(Department, (organisation ids))] of the population's members, the
    départements with at least MIN_DEPARTMENT_MEMBERS, most members first;
    [] when the members are in a single département."""
    members, params = population.organisations_sql()
    sql = (
        f"SELECT c.department_id, ARRAY_AGG(o.id ORDER BY o.id) "
        f"FROM {Organisation._meta.db_table} o JOIN {Commune._meta.db_table} c "
        f"ON c.id = o.commune_id WHERE o.id IN ({members}) AND c.department_id IS NOT NULL "
        "GROUP BY c.department_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if len(rows) < 2:
        return []
    kept = sorted(
        (row for row in rows if len(row[1]) >= MIN_DEPARTMENT_MEMBERS),
        key=lambda row: (-len(row[1]), row[0]),
    )[:MAX_DEPARTMENTS]
    found = Department.objects.in_bulk([department_id for department_id, _ids in kept])
    return [(found[department_id], tuple(ids)) for department_id, ids in kept]


def _history(population, assumptions, years):
    return [
        occupations.occupation_figures(population.shifted(years=-shift), assumptions)
        for shift in range(1, years + 1)
    ]


def compute(population, assumptions):
    current = occupations.occupation_figures(population, assumptions)
    needed = skills.skill_figures(population)
    history = _history(population, assumptions, HISTORY_YEARS)
    breakdown = []
    for department, ids in departments_of(population):
        part = replace(population, organisation_ids=ids)
        breakdown.append(
            (
                department,
                occupations.occupation_figures(part, assumptions),
                skills.skill_figures(part),
                _history(part, assumptions, DEPARTMENT_HISTORY_YEARS),
            )
        )
    return Strategy(
        population=population,
        respondents=respondents(population),
        occupations=current,
        skills=needed,
        priorities=levers.priorities(current, needed, history=history, departments=breakdown),
        departments=[item[0] for item in breakdown],
    )
