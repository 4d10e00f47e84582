"""The vocabulary side of the cross-filter's SQL: the facet key of an entry
(its id in a cluster; across a network, the ROME item behind it or its
label), the entries having some keys, and the labels of network keys."""

# The statements are assembled from table names of the models' Meta and fixed
# SQL; every value a person sends travels as a parameter.
# ruff: noqa: S608

from django.db import connection

from ancrage.clusters.models import Cluster
from ancrage.referentiel.models import Occupation, Skill, VocabularyEntry

ENTRY = VocabularyEntry._meta.db_table
CLUSTER = Cluster._meta.db_table
OCCUPATION = Occupation._meta.db_table
ROME_SKILL = Skill._meta.db_table


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


def clusters_sql(scope):
    """(SQL, params): the ids of the scope's clusters."""
    if scope.is_network:
        return f"SELECT id FROM {CLUSTER} WHERE network_id = %s", [scope.network.pk]
    return "SELECT %s", [scope.cluster.pk]


def _keyed(kind, keys):
    """(SQL, params): entry `ve` has one of the network keys `keys`, written
    so that the index on the ROME link serves the `r<id>` keys."""
    link = "occupation_id" if kind == VocabularyEntry.Kind.OCCUPATION else "skill_id"
    rome = [int(key[1:]) for key in keys if key.startswith("r")]
    labels = [key[2:] for key in keys if key.startswith("l:")]
    conditions, params = [], []
    if rome:
        conditions.append(f"ve.{link} = ANY(%s)")
        params.append(rome)
    if labels:
        conditions.append(f"(ve.{link} IS NULL AND lower(btrim(ve.label)) = ANY(%s))")
        params.append(labels)
    return "(" + (" OR ".join(conditions) or "FALSE") + ")", params


def entries_sql(scope, kind, keys):
    """(SQL, params): the ids of the scope's entries whose key is in `keys`."""
    if not scope.is_network:
        return "SELECT unnest(%s::bigint[])", [list(keys)]
    clusters, params = clusters_sql(scope)
    keyed, keyed_params = _keyed(kind, keys)
    return (
        f"SELECT ve.id FROM {ENTRY} ve WHERE ve.kind = %s AND ve.cluster_id IN ({clusters}) "
        f"AND {keyed}",
        [kind, *params, *keyed_params],
    )


def existing_network_keys(scope, kind, keys):
    """The network facet keys among `keys` that some entry of the network has."""
    if not keys:
        return []
    entries, params = entries_sql(scope, kind, keys)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT {entry_key('ve', kind, scope)} FROM {ENTRY} ve "
            f"WHERE ve.id IN ({entries})",
            params,
        )
        return [row[0] for row in cursor.fetchall()]


def network_labels(scope, kind, keys):
    """{network key: label} for facet keys of the network's vocabularies."""
    if not keys:
        return {}
    rome = "rome_o.label" if kind == VocabularyEntry.Kind.OCCUPATION else "rome_s.label"
    entries, params = entries_sql(scope, kind, list(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {entry_key('ve', kind, scope)}, min(coalesce({rome}, btrim(ve.label))) "
            f"FROM {ENTRY} ve LEFT JOIN {OCCUPATION} rome_o ON rome_o.id = ve.occupation_id "
            f"LEFT JOIN {ROME_SKILL} rome_s ON rome_s.id = ve.skill_id "
            f"WHERE ve.id IN ({entries}) GROUP BY 1",
            params,
        )
        return dict(cursor.fetchall())
