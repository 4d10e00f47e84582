"""The network dashboard's figures, computed in the background and kept in
the database (`NetworkFigures`): over every cluster of a network (60,000
organisations on the national data) they take seconds to compute, and the
page must answer in less than two.

    figures = cached(population, "territories", lambda: ..., assumptions)
    computed_at(population)   # when the oldest figure read was computed
    is_stale(population)      # whether one of them is out of date

A request never computes a network's figures. It reads the latest stored
ones, even when the data moved since (the page gives their date and the view
asks for them again: `ask_once`), or raises `NotReady` when they were
never computed. The worker computes them (`gpec.tasks.refresh_network_board`)
inside `computing()`, where `cached` computes and stores whatever is missing
or out of date: its network, filters, day or assumptions are new, the state
of the data changed (the latest fact of each kind, the latest external supply
import, the memberships: their count, the latest, the active ones), or it is
older than `SECONDS`, for what the state does not see (an organisation
moving to another commune, a matrix profile edited). Today's page shows the
latest day computed until today's is.

For one cluster, figures are computed on every request (a few hundred
milliseconds): `cached` calls `compute` directly."""

# ruff: noqa: S608, S301 (pickles written by this module only, in our database)

import hashlib
import pickle
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.core.cache import cache as local_cache
from django.db import connection
from django.db.models import F
from django.db.models.functions import TruncDate
from django.utils import timezone

from ancrage.gpec.assumptions import DEFAULTS
from ancrage.gpec.models import (
    ExternalSupplyImport,
    NetworkFigures,
    OccupationForecast,
    SkillNeed,
    WorkforceLine,
)
from ancrage.organisations.models import Membership

SECONDS = 15 * 60
# Figures computed longer ago than this are deleted by `prune` (the nightly
# command): today's replace them.
KEEP_DAYS = 2
# A page read from out-of-date figures asks for them again at most this often
# (per web process; the task itself computes only what is out of date).
ASK_AGAIN_SECONDS = 60

_computing = ContextVar("gpec_network_computing", default=False)


class NotReady(Exception):
    """A network's figures were never computed for what the page asks."""


@contextmanager
def computing():
    """Within it, `cached` computes and stores what is missing or out of date."""
    token = _computing.set(True)
    try:
        yield
    finally:
        _computing.reset(token)


def _state_now():
    latest = ", ".join(
        f"(SELECT MAX(id) FROM {model._meta.db_table})"
        for model in (WorkforceLine, OccupationForecast, SkillNeed, ExternalSupplyImport)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {latest}, COUNT(*), MAX(id), COUNT(*) FILTER (WHERE status = 'active') "
            f"FROM {Membership._meta.db_table}"
        )
        return list(cursor.fetchone())


def data_state(population):
    """What changes when a figure of the network may: read once per request
    (the populations `shifted` from one share it)."""
    if "state" not in population.memo:
        population.memo["state"] = _state_now()
    return population.memo["state"]


def _digest(value):
    return hashlib.sha256(repr(value).encode()).hexdigest()


def _keys(population, name, assumptions):
    """(base, key): the figures' digest whatever the day, and for the day."""
    shares = ()
    if assumptions is not None:
        shares = tuple(str(getattr(assumptions, field)) for field in sorted(DEFAULTS))
    base = _digest(
        (
            name,
            population.scope.network.pk,
            population.spec.query_string(),
            population.basins,
            population.organisation_ids,
            population.freshness_months,
            shares,
        )
    )
    return base, _digest((base, population.as_of.isoformat()))


def _up_to_date(row, population):
    return (
        row.as_of == population.as_of
        and row.state == data_state(population)
        and row.computed_at >= timezone.now() - timedelta(seconds=SECONDS)
    )


def _loaded(row):
    """The figures of `row`, or None when they cannot be read back."""
    try:
        return pickle.loads(row.value)
    except (pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError, EOFError):
        return None  # pickled by another version of the code: computed again


def _stored(base, key, population):
    """The row to read: the day's; on today's page, else the latest of the
    earlier days' own figures (computed on that day, not asked for since)."""
    found = NetworkFigures.objects.filter(key=key).first()
    if found is None and population.as_of == timezone.localdate():
        found = (
            NetworkFigures.objects.alias(day=TruncDate("computed_at"))
            .filter(base=base, as_of__lt=population.as_of, as_of=F("day"))
            .order_by("-as_of")
            .first()
        )
    return found


def _store(population, base, key, value):
    row = NetworkFigures(
        network_id=population.scope.network.pk,
        key=key,
        base=base,
        as_of=population.as_of,
        state=data_state(population),
        computed_at=timezone.now(),
        value=pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
    )
    NetworkFigures.objects.bulk_create(
        [row],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["as_of", "state", "computed_at", "value"],
    )
    return row


def cached(population, name, compute, assumptions=None):
    """compute()'s result, stored when the population is a network's
    (`name` tells the figures apart)."""
    if not population.scope.is_network:
        return compute()
    base, key = _keys(population, name, assumptions)
    if _computing.get():
        row = NetworkFigures.objects.filter(key=key).first()
        value = _loaded(row) if row is not None and _up_to_date(row, population) else None
        if value is None:
            row = _store(population, base, key, compute())
            value = pickle.loads(row.value)  # a copy of its own, as a page reads it
    else:
        row = _stored(base, key, population)
        value = _loaded(row) if row is not None else None
        if value is None:
            raise NotReady(name)
        if not _up_to_date(row, population):
            population.memo["stale"] = True
    population.memo.setdefault("computed", []).append(row.computed_at)
    return value


def computed_at(population):
    """When the oldest of the network's figures read was computed (None
    for a cluster's)."""
    return min(population.memo.get("computed", []), default=None)


def is_stale(population):
    """Whether one of the network's figures read is out of date."""
    return population.memo.get("stale", False)


def ask_once(network, query):
    """Whether to ask the worker for the figures of `network` and `query`:
    once per state of the data, and again after `ASK_AGAIN_SECONDS` (a
    task lost, the day or `SECONDS` gone by), in this process."""
    asked = f"gpec-network-asked:{network.pk}:{_digest((query, _state_now()))}"
    return local_cache.add(asked, True, ASK_AGAIN_SECONDS)


def prune():
    """Delete the figures computed more than `KEEP_DAYS` ago: the number deleted."""
    old = timezone.now() - timedelta(days=KEEP_DAYS)
    return NetworkFigures.objects.filter(computed_at__lt=old).delete()[0]


def forget(using=None):
    """Delete every network's stored figures."""
    NetworkFigures.objects.using(using or "default").all().delete()
