"""Bring database rows in line with a publication, writing only what differs.

Rows are compared as plain values (no model instances for unchanged rows)
and written in bulk: bulk_create, bulk_update, one UPDATE for the rows that
become obsolete. Bulk writes send no signals; importers bump the
référentiel's revision themselves.
"""

from ancrage.referentiel.importers.summary import quoted

BATCH = 2000


def upsert(model, key, fields, rows, summary, kind, *, retire=None, adopt=None):
    """Make the rows of `model` keyed by the unique field `key` match `rows`
    ({key: {field: value}} with the `fields`, which include `label`).

    Missing rows are created, rows whose fields differ are updated (restored
    when they were obsolete). When `retire(row)` says a row absent from
    `rows` came from the publication, it is marked obsolete, never deleted.
    `adopt(values)` gives a key under which a row without `key` (written by
    hand or by the starter vocabulary) is taken over instead of creating a
    duplicate. `kind(values)` names the kind counted in `summary`.
    Returns {key: pk} of the rows in `rows`."""
    obsoletable = "is_obsolete" in fields
    existing, orphans = {}, {}
    for row in model.objects.order_by().values("pk", key, *fields):
        if row[key] is not None:
            existing[row[key]] = row
        elif adopt is not None:
            orphans.setdefault(adopt(row), row)
    created, updated, changed_fields = [], [], set()
    for row_key, values in rows.items():
        row = existing.get(row_key)
        if row is None and adopt is not None:
            row = orphans.pop(adopt(values), None)
            if row is not None:
                changed_fields.add(key)
        if row is None:
            created.append(model(**{key: row_key}, **values))
            summary.count(kind(values), "added", quoted(values["label"]))
            continue
        changed = [name for name, value in values.items() if row[name] != value]
        if not changed and row[key] == row_key:
            continue
        changed_fields.update(changed)
        updated.append(model(pk=row["pk"], **{key: row_key}, **values))
        change = "restored" if obsoletable and row["is_obsolete"] else "updated"
        example = quoted(values["label"])
        if row["label"] != values["label"]:
            example = f"{quoted(row['label'])} → {example}"
        summary.count(kind(values), change, example)
    model.objects.bulk_create(created, batch_size=BATCH)
    if updated:
        model.objects.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
    if retire is not None:
        gone = [
            row
            for row_key, row in existing.items()
            if row_key not in rows and retire(row) and not row["is_obsolete"]
        ]
        for row in gone:
            summary.count(kind(row), "obsoleted", quoted(row["label"]))
        for start in range(0, len(gone), BATCH):
            pks = [row["pk"] for row in gone[start : start + BATCH]]
            model.objects.filter(pk__in=pks).update(is_obsolete=True)
    return dict(model.objects.filter(**{f"{key}__in": list(rows)}).values_list(key, "pk"))


def replace_links(model, scope, pair, rows, summary, kind, describe):
    """Make the links of `model` whose `scope` field is in `scope[1]` (the
    fiches of the publication) exactly `rows` ({(a_id, b_id): {field: value}}):
    create, update and delete. `pair` names the two id fields;
    `describe((a_id, b_id))` gives an example label."""
    scope_field, scope_ids = scope
    value_fields = list(next(iter(rows.values()))) if rows else []
    existing = {}
    stale = []
    for pk, a, b, *values in (
        model.objects.filter(**{f"{scope_field}__in": scope_ids})
        .order_by()
        .values_list("pk", *pair, *value_fields)
        .iterator(chunk_size=BATCH)
    ):
        if (a, b) in rows:
            existing[a, b] = (pk, dict(zip(value_fields, values, strict=True)))
        else:
            stale.append((pk, (a, b)))
    created, updated = [], []
    for link, values in rows.items():
        found = existing.get(link)
        if found is None:
            created.append(model(**dict(zip(pair, link, strict=True)), **values))
            summary.count(kind, "added", describe(link))
        elif found[1] != values:
            updated.append(model(pk=found[0], **values))
            summary.count(kind, "updated", describe(link))
    for _, link in stale:
        summary.count(kind, "removed", describe(link))
    for start in range(0, len(stale), BATCH):
        model.objects.filter(pk__in=[pk for pk, _ in stale[start : start + BATCH]]).delete()
    model.objects.bulk_create(created, batch_size=BATCH)
    if updated:
        model.objects.bulk_update(updated, value_fields, batch_size=BATCH)
