"""Supply per occupation: the people who could fill the needs of a
population (`gpec.population`), one figure per source.

    supply.supplies(population, occupation_ids)   # {occupation_id: figures.Supply}

Each source is a `Provider`: a key, a French label and a function
`compute(population, occupation_ids) -> {occupation_id: figures.Figure}`
answering with one or a few SQL statements (never one per occupation) for the
occupations it knows; an occupation it does not know is left out, so that
`Supply.total` only adds what some source knows. `PROVIDERS` lists the
sources the platform has, in the order the screens show them.

Plugging in a source (the jobs and training issues): write the function in
the app that owns the data, e.g. `ancrage/jobs/supply.py`:

    def cv_bank(population, occupation_ids):
        ...  # candidates of the CV bank per occupation, as gpec.figures.Figure
        return {occupation_id: Figure(value=candidates, organisations=..., public=...)}

and add it to `PROVIDERS` below with the key and label of `LABELS`:
`Provider("cv_bank", LABELS["cv_bank"], cv_bank)` (the training issue:
`Provider("training", LABELS["training"], ancrage.training.supply.leavers)`).
Nothing else changes: `occupations.occupation_figures` fills
`OccupationFigures.supply` from every provider, the tension indicator uses
`Supply.total`, and the screens show one column per key.

The sources today: « cv_bank », the candidates of the CV bank who seek the
occupation and live in the population's territory (the rule is in
`ancrage.jobs.cvbank_supply`), and « external »: the job seekers of the CSV
a cluster imported (`ExternalSupplyImport`, e.g. France Travail's per BMO basin and
ROME code). The rule:

- the import used is each scope cluster's latest one (by import time); across
  a network, when two clusters' latest imports give the same occupation and
  territory, the more recent import's line counts, once;
- the territory is the population's: the BMO basins of the communes of its
  organisations for lines given per basin, their départements for lines
  given per département. For an occupation, the basin lines are used when
  the import has any for those basins, else the département lines: the two
  are never added (a basin lies within départements);
- the figure is public (`Figure.public`): it reveals no organisation; its
  `organisations` counts the population's organisations located in the
  basins (or départements) that gave it."""

# ruff: noqa: S608

from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext_lazy as _

from ancrage.gpec.figures import Figure, Supply
from ancrage.gpec.models import ExternalSupply, ExternalSupplyImport
from ancrage.organisations.models import Organisation
from ancrage.territory.models import Commune

LABELS = {
    "cv_bank": _("candidats de la CVthèque"),
    "training": _("sortants de formation"),
    "external": _("demandeurs d'emploi (source importée)"),
}


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    compute: object  # (population, occupation_ids) -> {occupation_id: Figure}


def external(population, occupation_ids):
    """Job seekers per occupation in the population's territory (see the
    module's docstring for the rule)."""
    if not occupation_ids:
        return {}
    params = [population.member_ids()]
    places = f"""
        SELECT o.id, c.bmo_basin_id, c.department_id
        FROM {Organisation._meta.db_table} o
        JOIN {Commune._meta.db_table} c ON c.id = o.commune_id
        WHERE o.id = ANY(%s)
    """
    # Each organisation lies in one basin and one département: the
    # organisations behind an occupation's figure are the sum of those of
    # its basins (or départements).
    sql = f"""
        WITH places AS MATERIALIZED ({places}),
        per_basin AS (
            SELECT bmo_basin_id, COUNT(*) AS organisations FROM places
            WHERE bmo_basin_id IS NOT NULL GROUP BY bmo_basin_id
        ),
        per_department AS (
            SELECT department_id, COUNT(*) AS organisations FROM places GROUP BY department_id
        ),
        batches AS (
            SELECT DISTINCT ON (cluster_id) id, imported_at
            FROM {ExternalSupplyImport._meta.db_table}
            WHERE cluster_id = ANY(%s)
            ORDER BY cluster_id, imported_at DESC, id DESC
        ),
        basin_lines AS (
            SELECT DISTINCT ON (l.occupation_id, l.bmo_basin_id)
                l.occupation_id, l.bmo_basin_id, l.job_seekers
            FROM {ExternalSupply._meta.db_table} l JOIN batches b ON b.id = l.batch_id
            WHERE l.occupation_id = ANY(%s)
                AND l.bmo_basin_id IN (SELECT bmo_basin_id FROM per_basin)
            ORDER BY l.occupation_id, l.bmo_basin_id, b.imported_at DESC, b.id DESC
        ),
        department_lines AS (
            SELECT DISTINCT ON (l.occupation_id, l.department_id)
                l.occupation_id, l.department_id, l.job_seekers
            FROM {ExternalSupply._meta.db_table} l JOIN batches b ON b.id = l.batch_id
            WHERE l.occupation_id = ANY(%s) AND l.bmo_basin_id IS NULL
                AND l.department_id IN (SELECT department_id FROM per_department)
            ORDER BY l.occupation_id, l.department_id, b.imported_at DESC, b.id DESC
        ),
        by_basin AS (
            SELECT l.occupation_id, SUM(l.job_seekers)::bigint, SUM(p.organisations)::bigint
            FROM basin_lines l JOIN per_basin p ON p.bmo_basin_id = l.bmo_basin_id
            GROUP BY l.occupation_id
        )
        SELECT * FROM by_basin
        UNION ALL
        SELECT l.occupation_id, SUM(l.job_seekers)::bigint, SUM(p.organisations)::bigint
        FROM department_lines l JOIN per_department p ON p.department_id = l.department_id
        WHERE l.occupation_id NOT IN (SELECT occupation_id FROM by_basin)
        GROUP BY l.occupation_id
    """
    occupations = list(occupation_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [*params, list(population.scope.cluster_ids()), occupations, occupations]
        )
        rows = cursor.fetchall()
    return {
        occupation: Figure(value=seekers, organisations=count, public=True)
        for occupation, seekers, count in rows
    }


def _cv_bank(population, occupation_ids):
    """The CV bank's candidates (`ancrage.jobs.cvbank_supply`), imported when
    used: the jobs app sits above this one."""
    from ancrage.jobs.cvbank_supply import cv_bank

    return cv_bank(population, occupation_ids)


PROVIDERS = (
    Provider("cv_bank", LABELS["cv_bank"], _cv_bank),
    Provider("external", LABELS["external"], external),
)


def supplies(population, occupation_ids):
    """{occupation_id: Supply} for every occupation of `occupation_ids`."""
    found = {provider.key: provider.compute(population, occupation_ids) for provider in PROVIDERS}
    result = {}
    for occupation in occupation_ids:
        by_source = {
            key: figures[occupation] for key, figures in found.items() if occupation in figures
        }
        total = sum(figure.value for figure in by_source.values()) if by_source else None
        result[occupation] = Supply(by_source=by_source, total=total)
    return result
