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

The one source today, « external »: the job seekers of the CSV a cluster
imported (`ExternalSupplyImport`, e.g. France Travail's per BMO basin and
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
    organisations, params = population.organisations_sql()
    sql = f"""
        WITH orgs AS (
            SELECT o.id, c.bmo_basin_id, c.department_id
            FROM {Organisation._meta.db_table} o
            JOIN {Commune._meta.db_table} c ON c.id = o.commune_id
            WHERE o.id IN ({organisations})
        ),
        batches AS (
            SELECT DISTINCT ON (cluster_id) id, imported_at
            FROM {ExternalSupplyImport._meta.db_table}
            WHERE cluster_id = ANY(%s)
            ORDER BY cluster_id, imported_at DESC, id DESC
        ),
        lines AS (
            SELECT DISTINCT ON (l.occupation_id, l.bmo_basin_id, l.department_id)
                l.occupation_id, l.bmo_basin_id, l.department_id, l.job_seekers
            FROM {ExternalSupply._meta.db_table} l JOIN batches b ON b.id = l.batch_id
            WHERE l.occupation_id = ANY(%s)
            ORDER BY l.occupation_id, l.bmo_basin_id, l.department_id,
                b.imported_at DESC, b.id DESC
        ),
        by_basin AS (
            SELECT occupation_id, SUM(job_seekers) AS seekers, ARRAY_AGG(bmo_basin_id) AS places
            FROM lines WHERE bmo_basin_id IN (SELECT bmo_basin_id FROM orgs)
            GROUP BY occupation_id
        ),
        by_department AS (
            SELECT occupation_id, SUM(job_seekers) AS seekers, ARRAY_AGG(department_id) AS places
            FROM lines
            WHERE bmo_basin_id IS NULL AND department_id IN (SELECT department_id FROM orgs)
            GROUP BY occupation_id
        )
        SELECT b.occupation_id, b.seekers,
            (SELECT COUNT(*) FROM orgs WHERE orgs.bmo_basin_id = ANY(b.places))
        FROM by_basin b
        UNION ALL
        SELECT d.occupation_id, d.seekers,
            (SELECT COUNT(*) FROM orgs WHERE orgs.department_id = ANY(d.places))
        FROM by_department d
        WHERE NOT EXISTS (SELECT 1 FROM by_basin b WHERE b.occupation_id = d.occupation_id)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, list(population.scope.cluster_ids()), list(occupation_ids)])
        rows = cursor.fetchall()
    return {
        occupation: Figure(value=seekers, organisations=count, public=True)
        for occupation, seekers, count in rows
    }


PROVIDERS = (Provider("external", LABELS["external"], external),)


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
