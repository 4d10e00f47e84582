"""Whose facts a GPEC figure is computed over: the active members of a
cluster (or of every cluster of a network), narrowed by the matrix filters
and a BMO basin, as they stood on a day.

    population = for_request(scope, request.GET)          # today, the query string's filters
    population.shifted(years=-1)                          # the same members, a year earlier
    population.member_ids()                               # their ids, read once
    population.organisations_sql()                        # (SQL, params) of their ids
    population.latest_sql(WorkforceLine)                  # (SQL, params): each one's latest facts

The filters are the matrix's (`matrix.query`): métier, skills, activities and
markets need the member's matrix profile; territory and size do not, and
without any filter every active member counts, profile or not. `bassin`
(BMO basin codes) is the GPEC's own territory axis.

A fact counts when it was observed on or before `as_of` and less than
`freshness_months` before it. Of an organisation's facts of one kind
(workforce, forecasts, skill needs), only those of its latest source count
(the declaration or survey answer observed last): a later declaration
replaces an earlier one, it does not add to it. Across a network an
organisation member of two clusters counts once, with its latest source
among both.

SQL is assembled from table names and placeholders only: values are parameters."""

# ruff: noqa: S608

import datetime
import re
from dataclasses import dataclass, field, replace

from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from ancrage.core.dates import add_months
from ancrage.gpec.models import Declaration
from ancrage.matrix import facets, query
from ancrage.organisations.models import Membership, Organisation
from ancrage.territory.models import BmoBasin, Commune

BASIN_CODE = re.compile(r"[0-9A-Za-z]{1,5}")
MAX_BASINS = 50


@dataclass(frozen=True)
class Population:
    scope: query.Scope
    spec: query.Spec
    as_of: datetime.date
    freshness_months: int = 36
    basins: tuple = ()  # BmoBasin ids
    basin_codes: tuple = ()
    organisation_ids: tuple = ()  # one organisation (its own page)
    # What is read once: the organisations' ids (`member_ids`).
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def since(self):
        """Facts observed on or before this day are too old to count."""
        return add_months(self.as_of, -self.freshness_months)

    def shifted(self, years):
        return replace(self, as_of=add_months(self.as_of, 12 * years))

    def of_organisation(self, organisation_id):
        """The same scope and day, for one organisation only."""
        return replace(self, organisation_ids=(organisation_id,))

    @property
    def matrix_filtered(self):
        return bool(self.spec.q or any(self.spec.values[axis] for axis in query.AXES))

    @property
    def filtered(self):
        return bool(self.matrix_filtered or self.basins or self.organisation_ids)

    def query_string(self, **extra):
        pairs = dict(extra)
        if self.basin_codes:
            pairs["bassin"] = list(self.basin_codes)
        query_dict = QueryDict(mutable=True)
        for name, value in pairs.items():
            query_dict.setlist(name, value if isinstance(value, list) else [value])
        base = self.spec.query_string()
        extra_string = query_dict.urlencode()
        return "&".join(part for part in (base, extra_string) if part)

    @property
    def profile_filtered(self):
        """Whether a filter needs the members' matrix profiles (métier,
        skills, activities, markets, free text)."""
        return bool(self.spec.q or any(self.spec.values[axis] for axis in facets.PROFILE_AXES))

    def member_ids(self):
        """The ids of the organisations counted, sorted, read once per
        population and the populations `replace`d from it (`shifted`: the
        day does not change who counts)."""
        key = (self.scope, self.spec.query_string(), self.basins, self.organisation_ids)
        if key not in self.memo:
            sql, params = self.members_sql()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                self.memo[key] = sorted(row[0] for row in cursor.fetchall())
        return self.memo[key]

    def organisations_sql(self):
        """(SQL, params) selecting the ids of the organisations counted."""
        return "SELECT unnest(%s::bigint[])", [self.member_ids()]

    def members_sql(self):
        """(SQL, params) of the query `member_ids` runs, to use once as a
        subquery."""
        clusters = self.scope.cluster_ids()
        if self.profile_filtered:
            # The matrix applies the territory and size filters too.
            sql, params = facets.matching_organisations_sql(self.scope, self.spec)
        else:
            sql = (
                f"SELECT DISTINCT organisation_id FROM {Membership._meta.db_table} "
                "WHERE status = 'active' AND cluster_id = ANY(%s)"
            )
            params = [clusters]
        conditions, extra = [], []
        if not self.profile_filtered:
            for axis, (source, _column) in facets.COLUMNS.items():
                if self.spec.keys[axis]:
                    conditions.append(f"{source} = ANY(%s)")
                    extra.append(list(self.spec.keys[axis]))
        if self.basins:
            conditions.append("c.bmo_basin_id = ANY(%s)")
            extra.append(list(self.basins))
        if self.organisation_ids:
            conditions.append("o.id = ANY(%s)")
            extra.append(list(self.organisation_ids))
        if not conditions:
            # Reading the organisations (and their communes) only when a
            # filter needs them keeps the plan on the memberships' index.
            return sql, params
        if not self.profile_filtered:
            # A territory or a size: its organisations, then their memberships.
            return (
                f"SELECT o.id FROM {Organisation._meta.db_table} o "
                f"LEFT JOIN {Commune._meta.db_table} c ON c.id = o.commune_id "
                f"WHERE {' AND '.join(conditions)} AND EXISTS (SELECT 1 FROM "
                f"{Membership._meta.db_table} m WHERE m.organisation_id = o.id "
                "AND m.status = 'active' AND m.cluster_id = ANY(%s))",
                [*extra, clusters],
            )
        return (
            f"SELECT o.id FROM {Organisation._meta.db_table} o "
            f"LEFT JOIN {Commune._meta.db_table} c ON c.id = o.commune_id "
            f"WHERE o.id IN ({sql}) AND {' AND '.join(conditions)}",
            [*params, *extra],
        )

    def latest_sql(self, model):
        """(SQL, params) of the rows of `model` (a `gpec.models.Fact`) that
        count: for each organisation counted, its latest source's facts
        observed in (since, as_of], from the scope's clusters where it is an
        active member. Each organisation's latest source comes from the
        (organisation, observed_on DESC, id DESC) index alone (DISTINCT ON,
        no sort), then its rows are read. A declaration is a complete
        statement: a later one that gives none of these facts (no forecast,
        say) leaves the organisation without any, rather than keeping older
        ones. The planner expects very few rows: join the result to another
        table in a MATERIALIZED CTE, or after grouping."""
        table = model._meta.db_table
        clusters = self.scope.cluster_ids()
        window = "f.cluster_id = ANY(%s) AND f.observed_on > %s AND f.observed_on <= %s"
        window += self._active_only(clusters)
        window_params = [clusters, self.since, self.as_of]
        ids = self.member_ids()
        # A few organisations: their facts through the organisation index
        # (without a filter, the scope's clusters narrow the facts as much).
        narrow, narrow_params = "", []
        if self.filtered:
            narrow, narrow_params = " AND f.organisation_id = ANY(%s)", [ids]
        # Each organisation's latest declaration: facts older than it, from
        # another source, no longer count (a declaration is complete).
        declarations = (
            "SELECT DISTINCT ON (f.organisation_id) f.organisation_id, f.id, "
            "f.declared_on, f.created_at FROM "
            f"{Declaration._meta.db_table} f WHERE f.cluster_id = ANY(%s) "
            "AND f.declared_on > %s AND f.declared_on <= %s"
            + self._active_only(clusters)
            + narrow
            + " ORDER BY f.organisation_id, f.declared_on DESC, f.created_at DESC, f.id DESC"
        )
        sql = (
            f"SELECT f.* FROM {table} f LEFT JOIN ({declarations}) d "
            f"ON d.organisation_id = f.organisation_id WHERE {window}{narrow} "
            "AND (f.organisation_id, f.source_key) IN ("
            "SELECT DISTINCT ON (f.organisation_id) f.organisation_id, f.source_key "
            f"FROM {table} f WHERE {window} AND f.organisation_id = ANY(%s) "
            "ORDER BY f.organisation_id, f.observed_on DESC, f.id DESC) "
            "AND (d.id IS NULL OR f.source_key = 'declaration:' || d.id "
            "OR d.declared_on < f.observed_on "
            "OR (d.declared_on = f.observed_on AND d.created_at <= f.created_at))"
        )
        return sql, [
            *window_params,
            *narrow_params,
            *window_params,
            *narrow_params,
            *window_params,
            ids,
        ]

    @staticmethod
    def _active_only(clusters):
        """Across a network, only the clusters the organisation is still a
        member of (`f` is the fact or declaration)."""
        if len(clusters) < 2:
            return ""
        return (
            f" AND EXISTS (SELECT 1 FROM {Membership._meta.db_table} m "
            "WHERE m.cluster_id = f.cluster_id AND m.organisation_id = f.organisation_id "
            "AND m.status = 'active')"
        )


def for_request(scope, params, *, as_of=None, freshness_months=36):
    """The population the query string `params` describes (matrix filters
    and `bassin`); unknown values are dropped, as the matrix does."""
    spec = query.parse(scope, params)
    codes = []
    for value in params.getlist("bassin") if hasattr(params, "getlist") else []:
        value = value.strip()
        if BASIN_CODE.fullmatch(value) and value not in codes:
            codes.append(value)
    found = dict(BmoBasin.objects.filter(code__in=codes[:MAX_BASINS]).values_list("code", "pk"))
    kept = tuple(code for code in codes if code in found)
    return Population(
        scope=scope,
        spec=spec,
        as_of=as_of or timezone.localdate(),
        freshness_months=freshness_months,
        basins=tuple(found[code] for code in kept),
        basin_codes=kept,
    )
