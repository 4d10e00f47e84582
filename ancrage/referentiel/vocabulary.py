"""Operations on a cluster's vocabulary: add, rename, merge, move, remove.

Each one locks the cluster's row first (`_lock_cluster`), then reads again
what it changes, so two people curating the same vocabulary act one after
the other: no duplicate slips in between two checks, positions stay dense
(1, 2, 3… in each list) and a merge never loses a row pointing to the entry
it removes. Each one writes an audit entry (`vocabulary.*`).

Rules: a ROME item appears once in a list (as itself or under a local name);
no two entries of a list show the same name; an entry another row still
refers to is merged, not removed.
"""

import unicodedata

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.dispatch import Signal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Cluster
from ancrage.referentiel.models import Occupation, VocabularyEntry
from ancrage.referentiel.search.text import strip_accents

LABEL_MAX_LENGTH = VocabularyEntry._meta.get_field("label").max_length
UP, DOWN = "up", "down"
NAMELESS = gettext_lazy("Le nom doit contenir au moins une lettre ou un chiffre.")


# Sent inside a merge, before the removed entry is deleted, for data that
# names entries by id without a foreign key (the matrix's pending proposals).
entries_merged = Signal()


class VocabularyError(Exception):
    """An operation the vocabulary rules refuse; the message is for the person."""


def kind_of(item):
    """The kind of entry a ROME item makes."""
    return (
        VocabularyEntry.Kind.OCCUPATION
        if isinstance(item, Occupation)
        else VocabularyEntry.Kind.SKILL
    )


def comparable(text):
    """`text` without case, accents or extra spaces, to compare names."""
    return " ".join(strip_accents(text).split())


def entries(cluster, kind):
    """The entries of one list of `cluster`, in order, with their ROME item."""
    return (
        VocabularyEntry.objects.filter(cluster=cluster, kind=kind)
        .select_related("occupation", "skill")
        .order_by("position", "id")
    )


def _lock_cluster(cluster_id):
    """Lock the cluster's row until the end of the transaction. FOR NO KEY
    UPDATE: vocabulary operations wait for each other (and for team
    operations), inserting rows that point to the cluster does not."""
    return Cluster.objects.select_for_update(no_key=True).get(pk=cluster_id)


def _locked(entry):
    """`entry` read again and locked, once its cluster is locked."""
    _lock_cluster(entry.cluster_id)
    try:
        return (
            VocabularyEntry.objects.select_for_update(of=("self",))
            .select_related("occupation", "skill", "cluster")
            .get(pk=entry.pk, cluster_id=entry.cluster_id)
        )
    except VocabularyEntry.DoesNotExist:
        raise VocabularyError(
            _("« %(label)s » n'est plus dans le vocabulaire : rechargez la page.")
            % {"label": entry.display_label}
        ) from None


def _renumber(cluster_id, kind, order=None):
    """Positions 1, 2, 3… in `order` (entry ids), or in the current order."""
    current = list(
        VocabularyEntry.objects.filter(cluster_id=cluster_id, kind=kind)
        .order_by("position", "id")
        .only("id", "position")
    )
    if order is not None:
        rank = {pk: index for index, pk in enumerate(order)}
        current.sort(key=lambda entry: rank[entry.pk])
    changed = []
    for position, entry in enumerate(current, start=1):
        if entry.position != position:
            entry.position = position
            changed.append(entry)
    VocabularyEntry.objects.bulk_update(changed, ["position"])


def visible(text):
    """`text` as a name is kept: without format characters (zero-width
    spaces, byte-order marks, direction marks: Unicode category Cf), spaces
    collapsed."""
    text = "".join(char for char in str(text or "") if unicodedata.category(char) != "Cf")
    return " ".join(text.split())


def is_nameless(text, cleaned):
    """True when `text` was typed but `cleaned` (its visible form) has no
    letter or digit to show: « \u200b », « --- »."""
    return bool(str(text or "").strip()) and not any(char.isalnum() for char in cleaned)


def _clean_label(label):
    if "\x00" in str(label or ""):
        raise VocabularyError(_("Le caractère nul n’est pas autorisé."))
    cleaned = visible(label)
    if is_nameless(label, cleaned):
        raise VocabularyError(str(NAMELESS))
    label = cleaned
    if len(label) > LABEL_MAX_LENGTH:
        raise VocabularyError(
            _("Le nom compte %(length)s caractères : %(max)s au plus.")
            % {"length": len(label), "max": LABEL_MAX_LENGTH}
        )
    return label


def _refuse_same_name(cluster_id, kind, label, exclude=None):
    """Refuse `label` when another entry of the list already shows it."""
    wanted = comparable(label)
    others = entries(cluster_id, kind).exclude(pk=exclude.pk if exclude else None)
    for other in others:
        if comparable(other.display_label) == wanted:
            raise VocabularyError(
                _(
                    "« %(label)s » est déjà dans la liste : choisissez un autre nom "
                    "ou fusionnez les deux éléments."
                )
                % {"label": other.display_label}
            )


def _refuse_same_rome_item(cluster_id, item):
    field = "occupation" if kind_of(item) == VocabularyEntry.Kind.OCCUPATION else "skill"
    existing = (
        VocabularyEntry.objects.filter(cluster_id=cluster_id, **{field: item})
        .select_related("occupation", "skill")
        .order_by("position", "id")
        .first()
    )
    if existing is None:
        return
    if existing.label:
        message = _("« %(item)s » est déjà dans le vocabulaire, sous le nom « %(label)s ».")
    else:
        message = _("« %(item)s » est déjà dans le vocabulaire.")
    raise VocabularyError(message % {"item": item, "label": existing.label})


def _next_position(cluster_id, kind):
    last = VocabularyEntry.objects.filter(cluster_id=cluster_id, kind=kind).aggregate(
        last=Max("position")
    )["last"]
    return (last or 0) + 1


def _create(request, cluster, kind, item, label, by=None):
    entry = VocabularyEntry.objects.create(
        cluster=cluster,
        kind=kind,
        occupation=item if kind == VocabularyEntry.Kind.OCCUPATION else None,
        skill=item if kind == VocabularyEntry.Kind.SKILL else None,
        label=label,
        position=_next_position(cluster.pk, kind),
        created_by=by or (request.user if request and request.user.is_authenticated else None),
    )
    _renumber(cluster.pk, kind)
    entry.refresh_from_db(fields=["position"])
    return entry


def _audit(request, action, entry, actor=None, **details):
    audit.record(
        request, action, entry, cluster=entry.cluster, actor=actor, kind=entry.kind, **details
    )


@transaction.atomic
def add_rome_item(request, cluster, item, *, by=None):
    """Add a ROME occupation or skill to the cluster's list, at the end.
    Without a request (a command such as the member import), `by` is the
    person it is done for, if any."""
    cluster = _lock_cluster(cluster.pk)
    _refuse_same_rome_item(cluster.pk, item)
    kind = kind_of(item)
    _refuse_same_name(cluster.pk, kind, item.label)
    entry = _create(request, cluster, kind, item, "", by=by)
    _audit(request, AuditEntry.Action.VOCABULARY_ADD, entry, actor=by, rome=_rome_reference(entry))
    return entry


@transaction.atomic
def add_own_item(request, cluster, kind, label, item=None):
    """Add an item of the cluster's own (e.g. « Shaper »), linked to a close
    ROME item when one is given."""
    label = _clean_label(label)
    if not label:
        raise VocabularyError(_("Donnez un nom à cet élément."))
    if item is not None and kind_of(item) != kind:
        raise VocabularyError(_("Le lien doit être un élément du ROME de même nature."))
    cluster = _lock_cluster(cluster.pk)
    _refuse_same_name(cluster.pk, kind, label)
    entry = _create(request, cluster, kind, item, label)
    _audit(
        request, AuditEntry.Action.VOCABULARY_ADD, entry, label=label, rome=_rome_reference(entry)
    )
    return entry


@transaction.atomic
def rename(request, entry, label):
    """Give the entry a local name; an empty name goes back to the official one."""
    label = _clean_label(label)
    entry = _locked(entry)
    if not label and entry.rome_item is None:
        raise VocabularyError(
            _("Un élément propre au cluster n'a pas de nom officiel : donnez-lui un nom.")
        )
    if entry.rome_item is not None and label == entry.rome_item.label:
        label = ""  # the official name, not a copy of it
    if label == entry.label:
        return entry
    _refuse_same_name(entry.cluster_id, entry.kind, label or entry.rome_item.label, exclude=entry)
    previous = entry.label
    entry.label = label
    entry.save(update_fields=["label"])
    _audit(request, AuditEntry.Action.VOCABULARY_RENAME, entry, previous=previous, label=label)
    return entry


@transaction.atomic
def merge(request, keep, remove):
    """Merge `remove` into `keep`: its names become aliases of `keep`, its
    ROME link is taken when `keep` has none, every row pointing to it points
    to `keep`, then it is deleted. Returns `keep` as it now is."""
    if keep.pk == remove.pk:
        raise VocabularyError(_("Choisissez deux éléments différents."))
    if keep.cluster_id != remove.cluster_id or keep.kind != remove.kind:
        raise VocabularyError(_("On ne fusionne que deux éléments de la même liste."))
    keep = _locked(keep)
    remove = _locked(remove)
    removed_label, removed_id = remove.display_label, remove.pk
    aliases = list(keep.aliases)
    known = {comparable(keep.display_label), *(comparable(alias) for alias in aliases)}
    for name in (removed_label, remove.label, *remove.aliases):
        if name and comparable(name) not in known:
            known.add(comparable(name))
            aliases.append(name)
    keep.aliases = aliases
    took_link = keep.rome_item is None and remove.rome_item is not None
    if took_link:
        keep.occupation, keep.skill = remove.occupation, remove.skill
    repointed = _repoint(remove, keep)
    entries_merged.send(sender=VocabularyEntry, keep=keep, removed_id=removed_id)
    remove.delete()
    keep.save(update_fields=["aliases", "occupation", "skill"])
    _renumber(keep.cluster_id, keep.kind)
    keep.refresh_from_db(fields=["position"])
    _audit(
        request,
        AuditEntry.Action.VOCABULARY_MERGE,
        keep,
        removed=removed_label,
        removed_id=removed_id,
        took_link=took_link,
        repointed=repointed,
    )
    return keep


def _relations():
    """Every relation pointing to VocabularyEntry, from any app: foreign keys,
    one-to-one and many-to-many fields (through their link table), including
    those declared without a reverse accessor (`related_name="+"`)."""
    relations = [
        field
        for field in VocabularyEntry._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and field.is_relation
    ]
    for relation in relations:
        if relation.many_to_many and relation.field.remote_field.through._meta.auto_created:
            # The automatic link table of a many-to-many field.
            field = relation.field
            through = field.remote_field.through
            yield through, field.m2m_reverse_field_name(), field.m2m_field_name()
        elif relation.many_to_many or relation.related_model._meta.auto_created:
            continue  # a link table: handled with its many-to-many field above
        else:
            yield relation.related_model, relation.field.name, None


def _repoint(old, new):
    """Point every row that refers to `old` to `new`; the number of rows moved.
    A many-to-many link already held by `new` is dropped rather than doubled;
    any other clash (a unique constraint) refuses the merge."""
    moved = 0
    for model, field, source in _relations():
        rows = model._base_manager.filter(**{field: old})
        if source is not None:
            already = model._base_manager.filter(**{field: new}).values(source)
            rows.filter(**{f"{source}__in": already}).delete()
        for others in _unique_with(model, field):
            _drop_doubles(model, field, others, old, new)
        try:
            with transaction.atomic():
                moved += rows.update(**{field: new})
        except IntegrityError:
            raise VocabularyError(
                _(
                    "La fusion est impossible : des données (%(model)s) renvoient déjà "
                    "aux deux éléments. Corrigez-les d'abord."
                )
                % {"model": model._meta.verbose_name_plural}
            ) from None
    return moved


def _unique_with(model, field):
    """For each unconditional unique constraint of `model` that includes
    `field`, the other fields of the constraint."""
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if field in fields and getattr(constraint, "condition", None) is None:
            yield [name for name in fields if name != field]


def _drop_doubles(model, field, others, old, new):
    """Delete the rows pointing to `old` that would double a row pointing to
    `new` once repointed (a member that had both merged skills keeps one)."""
    if not others:
        return
    kept = set(model._base_manager.filter(**{field: new}).values_list(*others))
    doubles = [
        pk
        for pk, *values in model._base_manager.filter(**{field: old}).values_list("pk", *others)
        if tuple(values) in kept
    ]
    model._base_manager.filter(pk__in=doubles).delete()


def _references(entry):
    """How many rows of other tables refer to `entry`."""
    return sum(
        model._base_manager.filter(**{field: entry}).count()
        for model, field, _source in _relations()
    )


@transaction.atomic
def move(request, entry, direction):
    """Swap the entry with its neighbour above (`UP`) or below (`DOWN`)."""
    entry = _locked(entry)
    order = list(entries(entry.cluster_id, entry.kind).values_list("pk", flat=True))
    index = order.index(entry.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(order):
        return entry
    order[index], order[other] = order[other], order[index]
    _renumber(entry.cluster_id, entry.kind, order)
    entry.refresh_from_db(fields=["position"])
    _audit(
        request,
        AuditEntry.Action.VOCABULARY_MOVE,
        entry,
        direction=direction,
        position=entry.position,
    )
    return entry


@transaction.atomic
def remove(request, entry):
    """Remove the entry from the list, unless other data refers to it."""
    entry = _locked(entry)
    used = _references(entry)
    if used:
        raise VocabularyError(
            _(
                "« %(label)s » est utilisé par %(count)s donnée(s) du cluster : "
                "fusionnez-le plutôt avec l'élément qui le remplace."
            )
            % {"label": entry.display_label, "count": used}
        )
    _audit(request, AuditEntry.Action.VOCABULARY_REMOVE, entry, label=entry.display_label)
    entry.delete()
    _renumber(entry.cluster_id, entry.kind)


def _rome_reference(entry):
    item = entry.rome_item
    if item is None:
        return ""
    return item.code if entry.kind == VocabularyEntry.Kind.OCCUPATION else str(item)
