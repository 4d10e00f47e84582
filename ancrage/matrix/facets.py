"""The SQL behind the matrix cross-filter (`matrix.query`).

One common table expression, `base`, holds a row per matrix profile of the
scope's active memberships, with a boolean per filtered axis (« does this
profile pass the métier filter? »…). Each flag tests membership in a set
computed once (the profiles having one of the skills asked, found through
the (entry, profile) index…), not a subquery per profile. Everything else
reads `base`:

- the matching profiles / organisations: rows whose every flag is true;
- the facet counts, in ONE statement: for each axis, a GROUP BY over the
  profiles that pass every other axis's filter (standard faceting: a value's
  count is what a click on it would give when values of an axis are
  alternatives). Skills in « all of » mode are the exception: their own
  filter applies too, so each count is what adding that skill leaves
  (a skill already chosen shows the current total).

Counts are of matrix profiles, that is of memberships: in a cluster, one per
organisation; across a network, an organisation in two clusters counts in
each (the total also gives the organisations once). Vocabulary facets are
counted per entry, then summed per facet key (across a network, the ROME
item or the label), so the text keys are computed for the entries only.

Measured on the national data (30 random 3-facet filters, median): one
UNION ALL statement over a materialised CTE takes 21 ms for the largest
cluster and 91 ms across the 162-cluster network, against 189 ms and 869 ms
for one statement per axis. GROUPING SETS do not fit: each axis lifts a
different filter and joins a different table."""

# The statements are assembled from table names of the models' Meta and fixed
# SQL; every value a person sends travels as a parameter.
# ruff: noqa: S608

import re
from typing import NamedTuple

from django.db import connection

from ancrage.matrix.facets_vocabulary import ENTRY, clusters_sql, entries_sql, entry_key
from ancrage.matrix.models import MatrixProfile, ProfileActivity, ProfileMarket, ProfileSkill
from ancrage.organisations.models import Membership, Organisation
from ancrage.territory.models import Commune

PROFILE = MatrixProfile._meta.db_table
SKILL = ProfileSkill._meta.db_table
ACTIVITY = ProfileActivity._meta.db_table
MARKET = ProfileMarket._meta.db_table
MEMBERSHIP = Membership._meta.db_table
ORGANISATION = Organisation._meta.db_table
COMMUNE = Commune._meta.db_table
WORD = re.compile(r"\w+")
LEXEME = re.compile(r"'((?:[^']|'')*)'")
MAX_WORDS = 8

# Territory and size: the source of each axis's column of `base`, and its name.
COLUMNS = {
    "departement": ("c.department_id", "department_id"),
    "zone": ("c.employment_zone_id", "employment_zone_id"),
    "commune": ("o.commune_id", "commune_id"),
    "size": ("o.size_class", "size_class"),
}


def _skill_match(scope, spec):
    """(SQL, params): the profile `mp` passes the skills filter. In a cluster
    (hundreds of profiles) each profile's skills are looked up by index; across
    a network, the profiles having the skills are found once."""
    keys = list(spec.keys["skill"])
    if not scope.is_network:
        found = f"FROM {SKILL} ps WHERE ps.profile_id = mp.id AND ps.entry_id = ANY(%s)"
        if spec.skills_mode == "any":
            return f"EXISTS (SELECT 1 {found})", [keys]
        return f"(SELECT count(*) {found}) = %s", [keys, len(keys)]
    entries, params = entries_sql(scope, "skill", keys)
    if spec.skills_mode == "any":
        return (
            f"mp.id IN (SELECT ps.profile_id FROM {SKILL} ps WHERE ps.entry_id IN ({entries}))",
            params,
        )
    key = entry_key("ve", "skill", scope)
    return (
        f"mp.id IN (SELECT ps.profile_id FROM {SKILL} ps JOIN {ENTRY} ve ON ve.id = ps.entry_id "
        f"WHERE ps.entry_id IN ({entries}) GROUP BY ps.profile_id "
        f"HAVING count(DISTINCT {key}) = %s)",
        [*params, len(keys)],
    )


def text_query(text):
    """A prefix tsquery for the words of `text` (« usin » finds « usinage »),
    or "" when it has none."""
    words = WORD.findall(text.replace("_", " "))[:MAX_WORDS]
    return " & ".join(f"'{word}':*" for word in words)


def _like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _lexemes(tsquery):
    """The stemmed, unaccented words of a tsquery, as the text search sees them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsquery('french_unaccent', %s)::text", [tsquery])
        return [word.replace("''", "'") for word in LEXEME.findall(cursor.fetchone()[0])]


def _text_match(scope, spec):
    """(SQL, params): the organisation's name, legal name or description, or
    the profile's comments and certifications, contain the words of `q`.

    Across a network, names use the trigram index on `search_name` (a set
    computed once); in a cluster, each name is read. The
    other tests run row by row, so that `base` skips them for profiles the
    other filters already leave out (see `_useful`). The organisation's
    stored search document is text (a tsvector's text form, `'lexem':1 …`):
    casting it back for every organisation of a network costs ~0.3 s, so
    each stemmed word is looked for as the start of one of its lexemes with
    LIKE, which is what a prefix query matches. Comments and certifications
    (often empty) must contain each word, accents and case ignored."""
    name = "search_name LIKE upper(immutable_unaccent(translate(%s, '-''’', '   ')))"
    if scope.is_network:
        name = f"o.id IN (SELECT id FROM {ORGANISATION} WHERE {name})"
    else:
        name = f"o.{name}"
    params = ["%" + _like(spec.q) + "%"]
    words = WORD.findall(spec.q.replace("_", " "))[:MAX_WORDS]
    if not words:
        return name, params
    lexemes = _lexemes(text_query(spec.q))
    sql = f"({name}"
    if lexemes:
        sql += " OR o.search_document LIKE ALL (%s)"
        params.append([f"%'{_like(lexeme)}%" for lexeme in lexemes])
    contains = (
        "LIKE ALL (ARRAY(SELECT '%%' || upper(immutable_unaccent(w)) || '%%' "
        "FROM unnest(%s::text[]) w))"
    )
    sql += (
        " OR CASE WHEN mp.occupation_comment = '' AND cardinality(mp.certifications) = 0 "
        "THEN false ELSE upper(immutable_unaccent(mp.occupation_comment || ' ' || "
        f"array_to_string(mp.certifications, ' '))) {contains} END"
    )
    if scope.is_network:
        # Across a network, the profiles with such a comment are found once
        # (a scan of the comments that skips the empty ones).
        commented = " UNION ".join(
            f"SELECT profile_id FROM {table} WHERE comment <> '' "
            f"AND upper(immutable_unaccent(comment)) {contains}"
            for table in (SKILL, ACTIVITY, MARKET)
        )
        sql += f" OR mp.id IN ({commented})"
    else:
        # In a cluster, each profile's comments are read through the index (a
        # scalar subquery: EXISTS would become a scan of every cluster's).
        for table in (SKILL, ACTIVITY, MARKET):
            sql += (
                f" OR coalesce((SELECT true FROM {table} t WHERE t.profile_id = mp.id "
                f"AND t.comment <> '' AND upper(immutable_unaccent(t.comment)) {contains} "
                "LIMIT 1), false)"
            )
    return sql + ")", [*params, *[[_like(word) for word in words]] * 4]


def _flags(scope, spec):
    """[(axis, SQL, params)] for each axis the filter restricts."""
    flags = []
    if spec.keys["metier"]:
        entries, params = entries_sql(scope, "occupation", spec.keys["metier"])
        flags.append(("metier", f"mp.occupation_id IN ({entries})", params))
    if spec.keys["skill"]:
        flags.append(("skill", *_skill_match(scope, spec)))
    for axis, table, column in (
        ("activity", ACTIVITY, "activity_id"),
        ("market", MARKET, "market_id"),
    ):
        if spec.keys[axis]:
            if scope.is_network:
                sql = f"mp.id IN (SELECT profile_id FROM {table} WHERE {column} = ANY(%s))"
            else:
                sql = (
                    f"EXISTS (SELECT 1 FROM {table} x WHERE x.profile_id = mp.id "
                    f"AND x.{column} = ANY(%s))"
                )
            flags.append((axis, sql, [list(spec.keys[axis])]))
    for axis, (source, _column) in COLUMNS.items():
        if spec.keys[axis]:
            flags.append((axis, f"{source} = ANY(%s)", [list(spec.keys[axis])]))
    if spec.q:
        flags.append(("q", *_text_match(scope, spec)))
    return flags


PROFILE_AXES = ("metier", "skill", "activity", "market")


def base_sql(scope, spec):
    """(SQL, params) of the `base` CTE body and the flag names it has."""
    flags = _flags(scope, spec)
    columns = [
        "mp.id AS profile_id",
        "mp.organisation_id AS org_id",
        "mp.membership_id",
        "o.search_name AS org_name",  # accents and case ignored in the order
        "mp.occupation_id",
        *(f"{source} AS {column}" for source, column in COLUMNS.values()),
    ]
    params = []
    for axis, sql, values in flags:
        columns.append(f"{sql} AS f_{axis}")
        params += values
    clusters, cluster_params = clusters_sql(scope)
    profiles = (
        "SELECT mp.id, mp.occupation_id, mp.occupation_comment, mp.certifications, "
        f"m.id AS membership_id, m.organisation_id FROM {PROFILE} mp "
        f"JOIN {MEMBERSHIP} m ON m.id = mp.membership_id "
        f"WHERE m.status = 'active' AND m.cluster_id IN ({clusters})"
    )
    profile_params = list(cluster_params)
    on_profiles = [(axis, sql, values) for axis, sql, values in flags if axis in PROFILE_AXES]
    if scope.is_network and len(on_profiles) > 1:
        # Profiles failing two of these filters count nowhere: drop them
        # before reading their organisations (OFFSET 0 keeps this step
        # apart). Measured ~10 % faster across a network; in a cluster, the
        # tests per profile would run twice for nothing.
        passed = " + ".join(f"({sql})::int" for _axis, sql, _values in on_profiles)
        profiles += f" AND {passed} >= {len(on_profiles) - 1} OFFSET 0"
        for _axis, _sql, values in on_profiles:
            profile_params += values
    sql = (
        f"SELECT {', '.join(columns)} FROM ({profiles}) mp "
        f"JOIN {ORGANISATION} o ON o.id = mp.organisation_id "
        f"LEFT JOIN {COMMUNE} c ON c.id = o.commune_id"
    )
    names = [axis for axis, _sql, _values in flags]
    if len(names) > 1:
        sql = f"SELECT * FROM ({sql}) flagged WHERE {_useful(names)}"
    return sql, [*params, *profile_params], names


def _useful(names):
    """A profile failing two filters counts nowhere (each facet lifts only
    its own filter): `base` leaves it out. The text search, the costly test,
    runs only when the others leave it a say."""
    others = [name for name in names if name != "q"]
    passed = " + ".join(f"f_{name}::int" for name in others) or "0"
    if len(others) == len(names):
        return f"{passed} >= {len(names) - 1}"
    return (
        f"CASE WHEN {passed} >= {len(names) - 1} THEN true "
        f"WHEN {passed} = {len(names) - 2} THEN f_q ELSE false END"
    )


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
    values: dict  # {axis: {key (str): profiles}}
    total: int  # matching organisations
    rows: int  # matching profiles (memberships): more than `total` across a network
    page: list = []  # the memberships of the page asked for, in order


def _by_entry(scope, kind, per_entry):
    """SQL summing `per_entry` (entry_id, n) into facet keys."""
    return (
        f"SELECT '{'metier' if kind == 'occupation' else 'skill'}', "
        f"{entry_key('ve', kind, scope)}, sum(n)::bigint FROM ({per_entry}) per_entry "
        f"JOIN {ENTRY} ve ON ve.id = per_entry.entry_id GROUP BY 2"
    )


def _skill_counts(scope, passing):
    """SQL counting, per skill key, the profiles that pass `passing`. Across a
    network, a cluster may link two of its entries to one ROME skill: a
    profile with both counts once, so profiles are made distinct per key."""
    if not scope.is_network:
        return _by_entry(
            scope,
            "skill",
            f"SELECT ps.entry_id, count(*) AS n FROM base b JOIN {SKILL} ps "
            f"ON ps.profile_id = b.profile_id WHERE {passing} GROUP BY ps.entry_id",
        )
    return (
        f"SELECT 'skill', key, count(*) FROM (SELECT DISTINCT b.profile_id, "
        f"{entry_key('ve', 'skill', scope)} AS key FROM base b "
        f"JOIN {SKILL} ps ON ps.profile_id = b.profile_id "
        f"JOIN {ENTRY} ve ON ve.id = ps.entry_id WHERE {passing}) per_profile GROUP BY key"
    )


def counts(scope, spec, page=None):
    """The facet counts, the total and the rows, from one statement; with
    `page` = (offset, limit), also that page of matching memberships (by
    organisation name), so that `base` is computed once."""
    sql, params, names = base_sql(scope, spec)
    skill_but = None if spec.skills_mode == "all" else "skill"
    parts = [
        f"SELECT 'total', '', count(DISTINCT org_id) FROM base WHERE {_all(names)}",
        f"SELECT 'rows', '', count(*) FROM base WHERE {_all(names)}",
        _by_entry(
            scope,
            "occupation",
            "SELECT occupation_id AS entry_id, count(*) AS n FROM base "
            f"WHERE occupation_id IS NOT NULL AND {_all(names, 'metier')} GROUP BY occupation_id",
        ),
        _skill_counts(scope, _all(names, skill_but)),
    ]
    for axis, table, column in (
        ("activity", ACTIVITY, "activity_id"),
        ("market", MARKET, "market_id"),
    ):
        parts.append(
            f"SELECT '{axis}', x.{column}::text, count(*) FROM base b "
            f"JOIN {table} x ON x.profile_id = b.profile_id WHERE {_all(names, axis)} GROUP BY 2"
        )
    for axis, (_source, column) in COLUMNS.items():
        empty = "<> ''" if axis == "size" else "IS NOT NULL"
        parts.append(
            f"SELECT '{axis}', {column}::text, count(*) FROM base "
            f"WHERE {column} {empty} AND {_all(names, axis)} GROUP BY {column}"
        )
    parameters = list(params)
    if page is not None:
        # The rank orders the page: UNION ALL keeps no order.
        parts.append(
            "SELECT 'page', membership_id::text, rank FROM (SELECT membership_id, "
            "row_number() OVER (ORDER BY org_name, membership_id) AS rank FROM base "
            f"WHERE {_all(names)} ORDER BY org_name, membership_id OFFSET %s LIMIT %s) page"
        )
        parameters += list(page)
    statement = f"WITH base AS MATERIALIZED ({sql}) " + " UNION ALL ".join(parts)
    result = {axis: {} for axis in ("metier", "skill", "activity", "market", *COLUMNS)}
    totals = {}
    ranked = []
    with connection.cursor() as cursor:
        cursor.execute(statement, parameters)
        for axis, key, count in cursor.fetchall():
            if axis in ("total", "rows"):
                totals[axis] = count
            elif axis == "page":
                ranked.append((count, int(key)))
            else:
                result[axis][key] = count
    return Counts(result, totals["total"], totals["rows"], [pk for _rank, pk in sorted(ranked)])


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
