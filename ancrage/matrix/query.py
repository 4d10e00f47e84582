"""The matrix cross-filter: which active members of a cluster (or of every
cluster of a network) match a combination of métier, skills, activities,
markets, territory, size and free text.

    scope = Scope.of_cluster(request.scope.cluster)
    spec = parse(scope, request.GET)          # the whole filter is the query string
    memberships(scope, spec)                  # a Membership queryset, for mailings, surveys…
    organisations(scope, spec)                # an Organisation queryset, one row per organisation
    facets.counts(scope, spec)                # live counts per facet value

Only members with a matrix profile are searched. Within an axis the values
are alternatives (« any of »), except skills, which are « all of » unless
`skills_mode=any`; axes combine with AND.

Values in the query string are stable and readable: vocabulary entry ids
(métier, skill), activity and market slugs, département, zone d'emploi and
commune codes, size classes. Across a network, vocabularies differ: métier
and skill values are then the ROME item behind an entry (`r<id>`) or, for a
cluster's own items, their label (`l:<label in lower case>`), so that the
same item of two clusters counts once. Unknown values, and another cluster's
entries, are dropped and reported in `Spec.ignored`; they never fail.

Everything is computed in SQL (`matrix.facets` builds the statements); this
module turns the query string into a `Spec` and gives querysets."""

import re
from dataclasses import dataclass, field

from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.http import urlencode

from ancrage.organisations.models import Membership, Organisation, SizeClass
from ancrage.referentiel.models import Activity, Market, VocabularyEntry
from ancrage.territory.models import Commune, Department, EmploymentZone

# The axes, in the order the screen shows them, and their query parameter.
AXES = ("metier", "skill", "activity", "market", "departement", "zone", "commune", "size")
VOCABULARY_AXES = {"metier": VocabularyEntry.Kind.OCCUPATION, "skill": VocabularyEntry.Kind.SKILL}
SKILLS_MODES = ("all", "any")
MAX_VALUES = 50  # per axis; more is not a person clicking
MAX_VALUE_LENGTH = 260
MAX_TEXT_LENGTH = 200
ENTRY_ID = re.compile(r"[0-9]{1,18}")
NETWORK_KEY = re.compile(r"r[0-9]{1,18}|l:.+", re.DOTALL)


@dataclass(frozen=True)
class Scope:
    """Whose members are searched: one cluster's, or every cluster's of a network."""

    cluster: object = None
    network: object = None
    # The network's cluster ids, read once by `of_network` (every statement
    # of a page needs them).
    clusters: tuple = field(default=None, compare=False, repr=False)

    @classmethod
    def of_cluster(cls, cluster):
        return cls(cluster=cluster)

    @classmethod
    def of_network(cls, network):
        return cls(network=network, clusters=tuple(network.clusters.values_list("pk", flat=True)))

    @property
    def is_network(self):
        return self.network is not None

    def cluster_ids(self):
        if not self.is_network:
            return [self.cluster.pk]
        if self.clusters is None:
            return list(self.network.clusters.values_list("pk", flat=True))
        return list(self.clusters)


@dataclass
class Spec:
    """A validated filter. `values[axis]` holds the query-string values kept
    (in the order given), `keys[axis]` what SQL compares (ids, codes)."""

    values: dict = field(default_factory=lambda: dict.fromkeys(AXES, ()))
    keys: dict = field(default_factory=lambda: dict.fromkeys(AXES, ()))
    skills_mode: str = "all"
    q: str = ""
    ignored: list = field(default_factory=list)  # [(parameter, value)]
    # Parameters every link keeps that are not filters (the network chosen…).
    fixed: list = field(default_factory=list)  # [(parameter, value)]

    @property
    def is_empty(self):
        return not self.q and not any(self.values.values())

    def active_axes(self):
        return [axis for axis in AXES if self.keys[axis]]

    def params(self):
        """The filter as (parameter, value) pairs, in a stable order."""
        pairs = list(self.fixed)
        pairs += [(axis, value) for axis in AXES for value in self.values[axis]]
        if self.values["skill"] and self.skills_mode != "all":
            pairs.append(("skills_mode", self.skills_mode))
        if self.q:
            pairs.append(("q", self.q))
        return pairs

    def query_string(self, without=None, **extra):
        """The filter as a query string, less the pair `without` = (axis, value),
        plus `extra` parameters (a page, a view…)."""
        pairs = [pair for pair in self.params() if pair != without]
        pairs += [(name, value) for name, value in extra.items() if value not in (None, "")]
        return urlencode(pairs)


def _clean(value):
    return value.replace("\x00", "").strip()[:MAX_VALUE_LENGTH]


def _wanted(params, name):
    """The distinct non-empty values of parameter `name`, at most MAX_VALUES."""
    seen = []
    for value in params.getlist(name)[: MAX_VALUES * 2]:
        value = _clean(value)
        if value and value not in seen:
            seen.append(value)
    return seen[:MAX_VALUES]


def parse(scope, params):
    """The `Spec` that `params` (request.GET, a QueryDict or a dict) describes,
    keeping only values that exist in the scope."""
    if not isinstance(params, QueryDict):
        query = QueryDict(mutable=True)
        for name, value in params.items():
            query.setlist(name, value if isinstance(value, list | tuple) else [value])
        params = query
    spec = Spec()
    for axis in AXES:
        wanted = _wanted(params, axis)
        if not wanted:
            continue
        known = _known(scope, axis, wanted)  # {value: key}
        spec.values[axis] = tuple(value for value in wanted if value in known)
        spec.keys[axis] = tuple(known[value] for value in spec.values[axis])
        spec.ignored += [(axis, value) for value in wanted if value not in known]
    mode = params.get("skills_mode", "all")
    spec.skills_mode = mode if mode in SKILLS_MODES else "all"
    spec.q = " ".join(params.get("q", "").replace("\x00", "").split())[:MAX_TEXT_LENGTH]
    return spec


def _known(scope, axis, wanted):
    """{query-string value: SQL key} for the values of `wanted` that exist."""
    if axis in VOCABULARY_AXES:
        return _known_entries(scope, VOCABULARY_AXES[axis], wanted)
    if axis in ("activity", "market"):
        model = Activity if axis == "activity" else Market
        return dict(model.objects.filter(slug__in=wanted).order_by().values_list("slug", "pk"))
    models = {"departement": Department, "zone": EmploymentZone, "commune": Commune}
    if axis in models:
        found = models[axis].objects.filter(code__in=wanted).order_by()
        return dict(found.values_list("code", "pk"))
    return {value: value for value in wanted if value in SizeClass.values}


def _known_entries(scope, kind, wanted):
    if not scope.is_network:
        ids = [int(value) for value in wanted if ENTRY_ID.fullmatch(value)]
        found = VocabularyEntry.objects.filter(cluster=scope.cluster, kind=kind, pk__in=ids)
        return {str(pk): pk for pk in found.order_by().values_list("pk", flat=True)}
    from ancrage.matrix import facets_vocabulary

    keys = [value for value in wanted if NETWORK_KEY.fullmatch(value)]
    return {key: key for key in facets_vocabulary.existing_network_keys(scope, kind, keys)}


def memberships(scope, spec):
    """The active memberships of the scope whose matrix profile matches `spec`."""
    from ancrage.matrix import facets

    sql, params = facets.matching_profiles_sql(scope, spec)
    return Membership.objects.filter(matrix__id__in=RawSQL(sql, params))  # noqa: S611


def organisations(scope, spec):
    """The organisations with a matching membership (once each)."""
    from ancrage.matrix import facets

    sql, params = facets.matching_organisations_sql(scope, spec)
    return Organisation.objects.filter(pk__in=RawSQL(sql, params))  # noqa: S611
