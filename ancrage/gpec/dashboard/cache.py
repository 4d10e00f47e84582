"""The network dashboard's figures, kept in Django's cache: over every
cluster of a network (60,000 organisations on the national data) they take
seconds to compute, and the figures move only when the data does.

    figures = cached(population, "occupations", lambda: occupation_figures(...), assumptions)
    computed_at(population)   # when the oldest figure shown was computed (None for a cluster)

A figure is computed again when its network, filters, day, assumptions or the
state of the data change — the latest fact of each kind, the latest external
supply import, the memberships (their count, the latest, the active ones) —
and at least every `SECONDS`, for what the state does not see (an
organisation moving to another commune, a matrix profile edited). For one
cluster, figures are computed on every request (a few hundred milliseconds):
`cached` calls `compute` directly."""

# ruff: noqa: S608

import hashlib

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from ancrage.gpec.assumptions import DEFAULTS
from ancrage.gpec.models import (
    ExternalSupplyImport,
    OccupationForecast,
    SkillNeed,
    WorkforceLine,
)
from ancrage.organisations.models import Membership

SECONDS = 15 * 60
PREFIX = "gpec-network"


def data_state(population):
    """What changes when a figure of the network may: read once per request
    (the populations `shifted` from one share it)."""
    if "state" not in population.memo:
        latest = ", ".join(
            f"(SELECT MAX(id) FROM {model._meta.db_table})"
            for model in (WorkforceLine, OccupationForecast, SkillNeed, ExternalSupplyImport)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {latest}, COUNT(*), MAX(id), COUNT(*) FILTER (WHERE status = 'active') "
                f"FROM {Membership._meta.db_table}"
            )
            population.memo["state"] = cursor.fetchone()
    return population.memo["state"]


def _key(population, name, assumptions):
    shares = ()
    if assumptions is not None:
        shares = tuple(str(getattr(assumptions, field)) for field in sorted(DEFAULTS))
    described = repr(
        (
            population.spec.query_string(),
            population.basins,
            population.organisation_ids,
            population.as_of,
            population.freshness_months,
            shares,
            data_state(population),
        )
    )
    digest = hashlib.sha256(described.encode()).hexdigest()
    return f"{PREFIX}:{name}:{population.scope.network.pk}:{digest}"


def cached(population, name, compute, assumptions=None):
    """compute()'s result, from the cache when the population is a
    network's (`name` tells the figures apart)."""
    if not population.scope.is_network:
        return compute()
    key = _key(population, name, assumptions)
    found = cache.get(key)
    if found is None:
        found = (timezone.now(), compute())
        cache.set(key, found, SECONDS)
    population.memo.setdefault("computed", []).append(found[0])
    return found[1]


def computed_at(population):
    """When the oldest of the network's figures shown was computed (None
    for a cluster's)."""
    return min(population.memo.get("computed", []), default=None)
