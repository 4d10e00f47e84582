"""Matching the words of a member file with the cluster's vocabulary, the
ROME and the shared lists of activities and markets.

A métier or a skill is looked for in the cluster's vocabulary first, by its
name or one of its other names (accents, case and punctuation ignored), then
by the search service (`suggest`), which also reads the ROME: a clear leader
is taken (a ROME item the cluster does not have yet is added to its
vocabulary by the import), several close candidates make the value
ambiguous, and nothing close enough is an error. Answers are kept per value:
a file repeats the same words on many rows."""

import functools
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ancrage.referentiel.models import Activity, Market, Occupation, Skill, VocabularyEntry
from ancrage.referentiel.search import suggest
from ancrage.referentiel.search.text import written

# A suggestion below this score is not the value typed.
MIN_SCORE = 0.7
# Another candidate this close to the best one makes the value ambiguous.
MARGIN = 0.05
CANDIDATES = 8
LISTED = 5


@functools.lru_cache(maxsize=100_000)
def name_key(text):
    """How the import compares names: `written` (case, accents, punctuation
    and gender marks aside), remembered, as a file repeats the same words."""
    return written(text)


class Mismatch(Exception):
    """The value matches nothing, or several things; the message says which."""


@dataclass(frozen=True)
class Found:
    """What a value stands for: an entry of the cluster's vocabulary, or a
    ROME item to add to it."""

    entry: VocabularyEntry | None = None
    item: Occupation | Skill | None = None

    @property
    def label(self):
        return self.entry.display_label if self.entry is not None else self.item.label

    @property
    def key(self):
        if self.entry is not None:
            return ("entry", self.entry.pk)
        return (type(self.item).__name__, self.item.pk)


class Vocabulary:
    """The cluster's vocabulary as the import matches it."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.by_name = {VocabularyEntry.Kind.OCCUPATION: {}, VocabularyEntry.Kind.SKILL: {}}
        self.by_item = {}
        self.by_pk = {}
        self.answers = {}
        entries = VocabularyEntry.objects.filter(cluster=cluster).select_related(
            "occupation", "skill"
        )
        for entry in entries.order_by("position", "id"):
            self.by_pk[entry.pk] = entry
            names = self.by_name[entry.kind]
            for name in (entry.display_label, *entry.aliases):
                names.setdefault(name_key(name), entry)
            item_id = entry.occupation_id or entry.skill_id
            if item_id is not None:
                self.by_item.setdefault((entry.kind, item_id), entry)

    def match(self, kind, text):
        """The `Found` for `text` of `kind` (occupation or skill), or Mismatch."""
        key = (kind, name_key(text))
        if key not in self.answers:
            try:
                self.answers[key] = self._match(kind, text, key[1])
            except Mismatch as error:
                self.answers[key] = error
        answer = self.answers[key]
        if isinstance(answer, Mismatch):
            raise answer
        return answer

    def _match(self, kind, text, name):
        if not name:
            raise Mismatch(_("« %(value)s » ne contient aucun mot.") % {"value": text})
        entry = self.by_name[kind].get(name)
        if entry is not None:
            return Found(entry=entry)
        ranked = self._candidates(kind, text)
        if not ranked or ranked[0][0] < MIN_SCORE:
            raise Mismatch(self._nothing(kind, text, ranked))
        best_score = ranked[0][0]
        close = [found for score, found in ranked if score >= best_score - MARGIN]
        # The value written exactly like one of them designates that one.
        exact = [found for found in close if name_key(found.label) == name]
        if len(exact) == 1:
            return exact[0]
        if len(close) > 1:
            raise Mismatch(
                _(
                    "« %(value)s » est ambigu : %(candidates)s. Écrivez le nom exact de "
                    "celui que vous voulez."
                )
                % {"value": text, "candidates": _listed(close)}
            )
        return close[0]

    def _candidates(self, kind, text):
        """[(score, Found)], best first, one per entry or ROME item."""
        best = {}
        model = Occupation if kind == VocabularyEntry.Kind.OCCUPATION else Skill
        wanted = {}
        for suggestion in suggest(
            text, target=kind, cluster=self.cluster, limit=CANDIDATES, whole_words=True
        ):
            if suggestion.kind == "entry":
                entry = self.by_pk.get(suggestion.entry_id)
                found = ("entry", entry.pk) if entry is not None else None
            else:
                item_id = (
                    suggestion.occupation_id
                    if kind == VocabularyEntry.Kind.OCCUPATION
                    else suggestion.skill_id
                )
                entry = self.by_item.get((kind, item_id))
                if entry is not None:
                    found = ("entry", entry.pk)
                elif item_id is not None:
                    found = ("item", item_id)
                    wanted[item_id] = None
                else:
                    found = None  # an ESCO item with no ROME link
            if found is not None and suggestion.score > best.get(found, -1):
                best[found] = suggestion.score
        items = model.objects.in_bulk(list(wanted))
        ranked = {}
        for (what, pk), score in best.items():
            if what == "entry":
                found = Found(entry=self.by_pk[pk])
            elif pk in items:
                found = self._item(kind, items[pk])
            else:
                continue
            ranked[found.key] = max(
                (score, found), ranked.get(found.key, (-1, found)), key=lambda pair: pair[0]
            )
        return sorted(ranked.values(), key=lambda pair: (-pair[0], pair[1].label))

    def _item(self, kind, item):
        """A ROME item, or the entry that already shows its name (adding it
        would give the list two entries of the same name)."""
        entry = self.by_name[kind].get(name_key(item.label))
        return Found(entry=entry) if entry is not None else Found(item=item)

    def _nothing(self, kind, text, ranked):
        if kind == VocabularyEntry.Kind.OCCUPATION:
            message = _(
                "« %(value)s » ne correspond à aucun métier du vocabulaire du cluster ni du ROME."
            )
        else:
            message = _(
                "« %(value)s » ne correspond à aucune compétence du vocabulaire du cluster "
                "ni du ROME."
            )
        message %= {"value": text}
        if ranked:
            message += " " + _("Le plus proche : %(candidates)s.") % {
                "candidates": _listed([found for _score, found in ranked[:3]])
            }
        return message


def _listed(founds):
    labels = [f"« {found.label} »" for found in founds[:LISTED]]
    if len(founds) > LISTED:
        labels.append("…")
    return ", ".join(labels)


class SharedList:
    """Activities or markets, matched by label, slug or a part of the label
    (« Chaudronnerie » for « Chaudronnerie, tôlerie »)."""

    def __init__(self, model):
        self.model = model
        self.items = list(model.objects.order_by("position", "label"))
        self.exact, self.parts = {}, {}
        for item in self.items:
            self.exact[name_key(item.label)] = item
            self.exact[name_key(item.slug)] = item
            for part in _label_parts(item.label):
                self.parts.setdefault(name_key(part), []).append(item)

    def match(self, text):
        name = name_key(text)
        item = self.exact.get(name)
        if item is not None:
            return item
        found = self.parts.get(name, [])
        if len(found) == 1:
            return found[0]
        choices = ", ".join(f"« {item.label} »" for item in (found or self.items))
        if found:
            message = _("« %(value)s » est ambigu : %(choices)s.")
        elif self.model is Activity:
            message = _("« %(value)s » n'est pas une activité de la liste : %(choices)s.")
        else:
            message = _("« %(value)s » n'est pas un marché de la liste : %(choices)s.")
        raise Mismatch(message % {"value": text, "choices": choices})


def _label_parts(label):
    for comma_part in label.split(","):
        yield from (part for part in comma_part.split("/") if part.strip())


def shared_lists():
    return SharedList(Activity), SharedList(Market)
