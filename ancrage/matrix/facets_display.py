"""What the cross-filter screen shows: the facet panel (each axis's values
with their counts, labelled) and the matrix table's columns and hits.

Short lists (activities, markets, sizes) show every value. Long ones (the
vocabulary's ~300 skills, communes…) show the values chosen, then the
TOP values by count; a search within the facet (`<axis>_search`) shows every
value with a word starting with each word typed, counted or not."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ancrage.matrix import facets_vocabulary
from ancrage.matrix.query import AXES, VOCABULARY_AXES
from ancrage.organisations.models import SizeClass
from ancrage.referentiel.models import Activity, Market, VocabularyEntry
from ancrage.referentiel.vocabulary import comparable
from ancrage.territory.models import Commune, Department, EmploymentZone

WORD = re.compile(r"\w+")
TOP = 12
CANDIDATES_FACTOR = 3  # values labelled per value shown, for ties
MAX_SEARCHED = 50
MATRIX_DEFAULT_COLUMNS = 8
TITLES = {
    "metier": _("Métier"),
    "skill": _("Compétences clés"),
    "activity": _("Activités"),
    "market": _("Marchés"),
    "departement": _("Département"),
    "zone": _("Zone d'emploi"),
    "commune": _("Commune"),
    "size": _("Taille"),
}
SHORT_AXES = ("activity", "market", "size")
SEARCH_SUFFIX = "_search"


@dataclass
class Value:
    param: str  # the value in the query string
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    axis: str
    title: str
    values: list = field(default_factory=list)
    others: int = 0  # counted values not shown
    search: str = ""
    searchable: bool = False

    @property
    def search_param(self):
        return self.axis + SEARCH_SUFFIX


class Labels:
    """{axis: {SQL key (str): (query-string value, label)}} for the keys asked."""

    def __init__(self, scope):
        self.scope = scope

    def of(self, axis, keys, every=False):
        """Labels for `keys`; with `every`, for every value of a cluster's
        vocabulary (a search within the facet looks at all of them)."""
        keys = [str(key) for key in keys]
        if axis in VOCABULARY_AXES:
            return self._vocabulary(axis, keys, every)
        if axis in ("activity", "market"):
            model = Activity if axis == "activity" else Market
            return {str(item.pk): (item.slug, item.label) for item in model.objects.all()}
        if axis == "size":
            return {value: (value, str(label)) for value, label in SizeClass.choices}
        ids = [int(key) for key in keys]
        if axis == "departement":
            return {
                str(d.pk): (d.code, f"{d.name} ({d.code})")
                for d in Department.objects.filter(pk__in=ids)
            }
        if axis == "zone":
            return {str(z.pk): (z.code, z.name) for z in EmploymentZone.objects.filter(pk__in=ids)}
        communes = Commune.objects.filter(pk__in=ids).select_related("department")
        return {str(c.pk): (c.code, c.label) for c in communes}

    def _vocabulary(self, axis, keys, every):
        kind = VOCABULARY_AXES[axis]
        if self.scope.is_network:
            labels = facets_vocabulary.network_labels(self.scope, kind, keys)
            return {key: (key, label) for key, label in labels.items()}
        entries = VocabularyEntry.objects.filter(cluster=self.scope.cluster, kind=kind)
        if not every:
            entries = entries.filter(pk__in=[int(key) for key in keys])
        rome = "occupation__label" if kind == VocabularyEntry.Kind.OCCUPATION else "skill__label"
        return {
            str(pk): (str(pk), label or rome_label or "")
            for pk, label, rome_label in entries.order_by().values_list("pk", "label", rome)
        }


def panel(scope, spec, found, searches):
    """The facets, in screen order. `found` is `facets.counts().values`;
    `searches` {axis: text typed in that facet's search}."""
    labels = Labels(scope)
    selected_keys = {axis: {str(key) for key in spec.keys[axis]} for axis in AXES}
    result = []
    for axis in AXES:
        counted = found[axis]
        search = searches.get(axis, "")
        searchable = axis not in SHORT_AXES
        wanted = set(counted) | selected_keys[axis]
        if not search and axis not in SHORT_AXES:
            wanted = _top_candidates(counted, selected_keys[axis])
        named = labels.of(axis, wanted, every=bool(search))
        facet = Facet(axis, TITLES[axis], search=search, searchable=searchable)
        values = [
            Value(param, label, counted.get(key, 0), key in selected_keys[axis])
            for key, (param, label) in named.items()
        ]
        if axis in SHORT_AXES:
            facet.values = values if axis != "size" else _size_order(values)
        elif search:
            words = WORD.findall(comparable(search))
            facet.values = sorted(
                (v for v in values if v.selected or _contains(v.label, words)),
                key=lambda v: (not v.selected, -v.count, comparable(v.label)),
            )[:MAX_SEARCHED]
        else:
            chosen = [v for v in values if v.selected]
            ranked = sorted(
                (v for v in values if not v.selected and v.count),
                key=lambda v: (-v.count, comparable(v.label)),
            )
            facet.values = chosen + ranked[:TOP]
            facet.others = max(len([k for k, n in counted.items() if n]) - len(facet.values), 0)
        result.append(facet)
    return result


def _top_candidates(counted, selected):
    """The keys that may be among the TOP shown: the selected ones, and the
    most counted, with room for ties to be broken by label. Only these are
    labelled: a network counts thousands of values."""
    ranked = sorted(
        (key for key, n in counted.items() if n and key not in selected),
        key=lambda key: (-counted[key], key),
    )
    return set(ranked[: TOP * CANDIDATES_FACTOR]) | selected


def _contains(label, words):
    """Whether each word typed starts a word of `label` (accents, case ignored)."""
    label_words = WORD.findall(comparable(label))
    return all(any(found.startswith(word) for found in label_words) for word in words)


def _size_order(values):
    order = list(SizeClass.values)
    return sorted(values, key=lambda v: order.index(v.param))


def searches_in(params):
    """{axis: text} for the facet searches of the query string."""
    found = {}
    for axis in AXES:
        text = " ".join(params.get(axis + SEARCH_SUFFIX, "").replace("\x00", "").split())[:100]
        if text:
            found[axis] = text
    return found
