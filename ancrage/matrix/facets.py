"""The SQL behind the matrix cross-filter (`matrix.query`).

One common table expression, `base`, holds a row per matrix profile of the
scope's active memberships, with a boolean per filtered axis (« does this
profile pass the métier filter? »…). Everything else reads it:

- the matching profiles / organisations: rows whose every flag is true;
- the facet counts, in ONE statement: for each axis, a GROUP BY over the
  profiles that pass every other axis's filter (standard faceting: a value's
  count is what a click on it would give when values of an axis are
  alternatives). Skills in « all of » mode are the exception: their own
  filter applies too, so each count is what adding that skill leaves
  (a skill already chosen shows the current total). Counts are of distinct
  organisations (an organisation in two clusters of a network counts once).

Measured on the national data (benchmarks/bench_crossfilter.py): one
UNION ALL statement over a materialised CTE beats one query per axis, since
the flags (EXISTS over skills, activities, markets, the text search) are
computed once."""

# The statements are assembled from table names of the models' Meta and fixed
# SQL; every value a person sends travels as a parameter.
# ruff: noqa: S608

import re
from typing import NamedTuple

from django.db import connection

from ancrage.clusters.models import Cluster
from ancrage.matrix.models import MatrixProfile, ProfileActivity, ProfileMarket, ProfileSkill
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.models import Occupation, Skill, VocabularyEntry
from ancrage.territory.models import Commune

PROFILE = MatrixProfile._meta.db_table
SKILL = ProfileSkill._meta.db_table
ACTIVITY = ProfileActivity._meta.db_table
MARKET = ProfileMarket._meta.db_table
MEMBERSHIP = Membership._meta.db_table
ORGANISATION = Organisation._meta.db_table
ENTRY = VocabularyEntry._meta.db_table
COMMUNE = Commune._meta.db_table
WORD = re.compile(r"\w+")
MAX_WORDS = 8

CLUSTER = Cluster._meta.db_table
OCCUPATION = Occupation._meta.db_table
ROME_SKILL = Skill._meta.db_table
# Territory and size: the source of each axis's column of `base`, and its name.
COLUMNS = {
    "departement": ("c.department_id", "department_id"),
    "zone": ("c.employment_zone_id", "employment_zone_id"),
    "commune": ("o.commune_id", "commune_id"),
    "size": ("o.size_class", "size_class"),
}


def entry_key(alias, kind, scope):
    """SQL for the facet key of vocabulary entry `alias`: its id in a cluster;
    across a network, its ROME item (`r<id>`) or its label (`l:<label>`)."""
    if not scope.is_network:
        return f"{alias}.id::text"
    link = "occupation_id" if kind == VocabularyEntry.Kind.OCCUPATION else "skill_id"
    return (
        f"(CASE WHEN {alias}.{link} IS NOT NULL THEN 'r' || {alias}.{link} "
        f"ELSE 'l:' || lower(btrim({alias}.label)) END)"
    )


def _skill_match(scope, spec):
    """(SQL, params): the profile `mp` passes the skills filter."""
    keys = list(spec.keys["skill"])
    if not scope.is_network:
        inner = f"SELECT ps.entry_id AS k FROM {SKILL} ps WHERE ps.profile_id = mp.id"
        condition, values = "ps.entry_id = ANY(%s)", [keys]
    else:
        key = entry_key("ve", "skill", scope)
        inner = (
            f"SELECT {key} AS k FROM {SKILL} ps JOIN {ENTRY} ve ON ve.id = ps.entry_id "
            "WHERE ps.profile_id = mp.id"
        )
        condition, values = f"{key} = ANY(%s)", [keys]
    if spec.skills_mode == "any":
        return f"EXISTS ({inner} AND {condition})", values
    return f"(SELECT count(DISTINCT k) FROM ({inner} AND {condition}) found) = %s", [
        *values,
        len(keys),
    ]


def text_query(text):
    """A prefix tsquery for the words of `text` (« usin » finds « usinage »),
    or "" when it has none."""
    words = WORD.findall(text.replace("_", " "))[:MAX_WORDS]
    return " & ".join(f"'{word}':*" for word in words)


def _text_match(spec):
    """(SQL, params): the organisation's name, legal name or description, or
    the profile's comments and certifications, contain the words of `q`."""
    tsquery = text_query(spec.q)
    pattern = "%" + spec.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    name = "o.search_name LIKE upper(immutable_unaccent(translate(%s, '-''’', '   ')))"
    if not tsquery:
        return name, [pattern]
    tsq = "to_tsquery('french_unaccent', %s)"
    comments = " || ' ' || ".join(
        [
            "mp.occupation_comment",
            "array_to_string(mp.certifications, ' ')",
            *(
                f"coalesce((SELECT string_agg(comment, ' ') FROM {table} "
                "WHERE profile_id = mp.id), '')"
                for table in (SKILL, ACTIVITY, MARKET)
            ),
        ]
    )
    sql = (
        f"({name} OR o.search_document::tsvector @@ {tsq} "
        f"OR to_tsvector('french_unaccent', {comments}) @@ {tsq})"
    )
    return sql, [pattern, tsquery, tsquery]


def _flags(scope, spec):
    """[(axis, SQL, params)] for each axis the filter restricts."""
    flags = []
    if spec.keys["metier"]:
        if scope.is_network:
            metier = f"{entry_key('vo', 'occupation', scope)} = ANY(%s)"
        else:
            metier = "mp.occupation_id = ANY(%s)"
        flags.append(("metier", metier, [list(spec.keys["metier"])]))
    if spec.keys["skill"]:
        flags.append(("skill", *_skill_match(scope, spec)))
    for axis, table, column in (
        ("activity", ACTIVITY, "activity_id"),
        ("market", MARKET, "market_id"),
    ):
        if spec.keys[axis]:
            sql = (
                f"EXISTS (SELECT 1 FROM {table} x WHERE x.profile_id = mp.id "
                f"AND x.{column} = ANY(%s))"
            )
            flags.append((axis, sql, [list(spec.keys[axis])]))
    for axis, (source, _column) in COLUMNS.items():
        if spec.keys[axis]:
            flags.append((axis, f"{source} = ANY(%s)", [list(spec.keys[axis])]))
    if spec.q:
        flags.append(("q", *_text_match(spec)))
    return flags


def base_sql(scope, spec):
    """(SQL, params) of the `base` CTE body and the flag names it has."""
    flags = _flags(scope, spec)
    metier = entry_key("vo", "occupation", scope)
    columns = [
        "mp.id AS profile_id",
        "m.organisation_id AS org_id",
        "m.id AS membership_id",
        "o.name AS org_name",
        f"CASE WHEN mp.occupation_id IS NULL THEN NULL ELSE {metier} END AS metier_key",
        *(f"{source} AS {column}" for source, column in COLUMNS.values()),
    ]
    params = []
    for axis, sql, values in flags:
        columns.append(f"{sql} AS f_{axis}")
        params += values
    if scope.is_network:
        where = f"m.cluster_id IN (SELECT id FROM {CLUSTER} WHERE network_id = %s)"
        params.append(scope.network.pk)
    else:
        where = "m.cluster_id = %s"
        params.append(scope.cluster.pk)
    sql = (
        f"SELECT {', '.join(columns)} FROM {PROFILE} mp "
        f"JOIN {MEMBERSHIP} m ON m.id = mp.membership_id "
        f"JOIN {ORGANISATION} o ON o.id = m.organisation_id "
        f"LEFT JOIN {COMMUNE} c ON c.id = o.commune_id "
        f"LEFT JOIN {ENTRY} vo ON vo.id = mp.occupation_id "
        f"WHERE m.status = 'active' AND {where}"
    )
    return sql, params, [axis for axis, _sql, _values in flags]


def _all(names, but=None):
    conditions = [f"f_{name}" for name in names if name != but]
    return " AND ".join(conditions) or "TRUE"


def matching_profiles_sql(scope, spec):
    sql, params, names = base_sql(scope, spec)
    return f"SELECT profile_id FROM ({sql}) base WHERE {_all(names)}", params


def matching_organisations_sql(scope, spec):
    sql, params, names = base_sql(scope, spec)
    return f"SELECT org_id FROM ({sql}) base WHERE {_all(names)}", params


class Counts(NamedTuple):
    values: dict  # {axis: {key (str): organisations}}
    total: int  # matching organisations
    rows: int  # matching memberships (more than `total` across a network)


def counts(scope, spec):
    """The facet counts, the total and the rows, from one statement."""
    sql, params, names = base_sql(scope, spec)
    skill_key = entry_key("ve", "skill", scope)
    skill_but = None if spec.skills_mode == "all" else "skill"
    parts = [
        f"SELECT 'total', '', count(DISTINCT org_id) FROM base WHERE {_all(names)}",
        f"SELECT 'rows', '', count(*) FROM base WHERE {_all(names)}",
        "SELECT 'metier', metier_key, count(DISTINCT org_id) FROM base "
        f"WHERE metier_key IS NOT NULL AND {_all(names, 'metier')} GROUP BY metier_key",
        f"SELECT 'skill', {skill_key}, count(DISTINCT b.org_id) FROM base b "
        f"JOIN {SKILL} ps ON ps.profile_id = b.profile_id JOIN {ENTRY} ve ON ve.id = ps.entry_id "
        f"WHERE {_all(names, skill_but)} GROUP BY 2",
    ]
    for axis, table, column in (
        ("activity", ACTIVITY, "activity_id"),
        ("market", MARKET, "market_id"),
    ):
        parts.append(
            f"SELECT '{axis}', x.{column}::text, count(DISTINCT b.org_id) FROM base b "
            f"JOIN {table} x ON x.profile_id = b.profile_id WHERE {_all(names, axis)} GROUP BY 2"
        )
    for axis, (_source, column) in COLUMNS.items():
        empty = "<> ''" if axis == "size" else "IS NOT NULL"
        parts.append(
            f"SELECT '{axis}', {column}::text, count(DISTINCT org_id) FROM base "
            f"WHERE {column} {empty} AND {_all(names, axis)} GROUP BY {column}"
        )
    statement = f"WITH base AS MATERIALIZED ({sql}) " + " UNION ALL ".join(parts)
    result = {axis: {} for axis in ("metier", "skill", "activity", "market", *COLUMNS)}
    totals = {}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for axis, key, count in cursor.fetchall():
            if axis in ("total", "rows"):
                totals[axis] = count
            else:
                result[axis][key] = count
    return Counts(result, totals["total"], totals["rows"])


def matching_membership_ids(scope, spec, offset=0, limit=None):
    """The matching memberships' ids, by organisation name, for one page.
    Cheaper than ordering the joined querysets: the planner sees one table."""
    sql, params, names = base_sql(scope, spec)
    statement = (
        f"SELECT membership_id FROM ({sql}) base WHERE {_all(names)} "
        "ORDER BY org_name, membership_id OFFSET %s"
    )
    params = [*params, offset]
    if limit is not None:
        statement += " LIMIT %s"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [row[0] for row in cursor.fetchall()]


def existing_network_keys(scope, kind, keys):
    """The network facet keys among `keys` that some entry of the network has."""
    if not keys:
        return []
    key = entry_key("ve", kind, scope)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT {key} FROM {ENTRY} ve "
            "WHERE ve.kind = %s AND ve.cluster_id IN "
            f"(SELECT id FROM {CLUSTER} WHERE network_id = %s) "
            f"AND {key} = ANY(%s)",
            [kind, scope.network.pk, keys],
        )
        return [row[0] for row in cursor.fetchall()]


def network_labels(scope, kind, keys):
    """{network key: label} for facet keys of the network's vocabularies."""
    if not keys:
        return {}
    key = entry_key("ve", kind, scope)
    rome = "rome_o.label" if kind == VocabularyEntry.Kind.OCCUPATION else "rome_s.label"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {key}, min(coalesce({rome}, btrim(ve.label))) FROM {ENTRY} ve "
            f"LEFT JOIN {OCCUPATION} rome_o ON rome_o.id = ve.occupation_id "
            f"LEFT JOIN {ROME_SKILL} rome_s ON rome_s.id = ve.skill_id "
            "WHERE ve.kind = %s AND ve.cluster_id IN "
            f"(SELECT id FROM {CLUSTER} WHERE network_id = %s) "
            f"AND {key} = ANY(%s) GROUP BY 1",
            [kind, scope.network.pk, list(keys)],
        )
        return dict(cursor.fetchall())
