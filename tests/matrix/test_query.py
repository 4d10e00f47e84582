"""The cross-filter's query module on the hand-made members of
`test_crossfilter_data` (read its table to check the numbers)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ancrage.clusters.factories import ClusterFactory
from ancrage.clusters.models import Network
from ancrage.matrix import query
from ancrage.matrix.facets import counts
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from tests.matrix.test_crossfilter_data import _profile, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(cast):
    return build(cast)


def names(scope, params):
    spec = query.parse(scope, params)
    return sorted(query.organisations(scope, spec).values_list("name", flat=True))


@pytest.fixture
def scope(cast):
    return query.Scope.of_cluster(cast.cluster_a)


def test_no_filter_lists_the_active_members_with_a_profile(sample, scope):
    assert names(scope, {}) == ["Bureau Ouest", "Usinage Alpha", "Électro Naval"]


def test_a_design_office_in_electrical_engineering_for_the_naval_sector(sample, scope):
    params = {
        "metier": str(sample.design.pk),
        "skill": str(sample.electrical.pk),
        "market": "naval",
    }
    assert names(scope, params) == ["Électro Naval"]


def test_skills_all_of_or_any_of(sample, scope):
    both = [str(sample.electrical.pk), str(sample.composite.pk)]
    assert names(scope, {"skill": both}) == ["Électro Naval"]
    assert names(scope, {"skill": both, "skills_mode": "any"}) == [
        "Bureau Ouest",
        "Usinage Alpha",
        "Électro Naval",
    ]


def test_values_of_one_axis_are_alternatives(sample, scope):
    assert names(scope, {"market": ["naval", "aeronautique"]}) == [
        "Bureau Ouest",
        "Usinage Alpha",
        "Électro Naval",
    ]
    assert names(scope, {"activity": ["fabrication"], "market": ["aeronautique"]}) == [
        "Usinage Alpha"
    ]
    assert names(scope, {"metier": [str(sample.design.pk), str(sample.machinist.pk)]}) == [
        "Bureau Ouest",
        "Usinage Alpha",
        "Électro Naval",
    ]


def test_territory_and_size(sample, scope):
    assert names(scope, {"departement": "44"}) == ["Bureau Ouest"]
    assert names(scope, {"zone": "5305"}) == ["Usinage Alpha", "Électro Naval"]
    assert names(scope, {"commune": "56121", "size": "eti"}) == ["Usinage Alpha"]
    assert names(scope, {"size": ["tpe", "pme"]}) == ["Bureau Ouest", "Électro Naval"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("electriques", ["Électro Naval"]),  # description, accents ignored
        ("ÉLECTRO", ["Électro Naval"]),  # a name, in capitals
        ("ouest etudes", ["Bureau Ouest"]),  # the legal name
        ("navir", ["Électro Naval"]),  # the start of a word
        ("titane", ["Usinage Alpha"]),  # a skill's comment
        ("EN 9100", ["Usinage Alpha"]),  # a certification
        ("usinage alp", ["Usinage Alpha"]),  # part of a name
        ("introuvable", []),
        ("%", []),
        ("_", []),
    ],
)
def test_free_text(sample, scope, text, expected):
    assert names(scope, {"q": text}) == expected


def test_counts_are_standard_facets(sample, scope):
    spec = query.parse(scope, {"market": "naval"})
    found, total, _rows, _page = counts(scope, spec)
    assert total == 2
    # The market axis ignores its own filter: each value says what a click gives.
    assert found["market"] == {
        str(query.parse(scope, {"market": "naval"}).keys["market"][0]): 2,
        str(query.parse(scope, {"market": "aeronautique"}).keys["market"][0]): 2,
    }
    # The other axes count within the naval members.
    assert found["metier"] == {str(sample.design.pk): 1, str(sample.machinist.pk): 1}
    assert found["skill"] == {
        str(sample.electrical.pk): 1,
        str(sample.composite.pk): 2,
        str(sample.small_machining.pk): 1,
    }
    assert sorted(found["size"].items()) == [("eti", 1), ("pme", 1)]
    assert sum(found["departement"].values()) == 2


def test_counts_of_skills_in_all_of_mode_are_what_adding_one_leaves(sample, scope):
    spec = query.parse(scope, {"skill": str(sample.composite.pk)})
    found, total, _rows, _page = counts(scope, spec)
    assert total == 2
    assert found["skill"] == {
        str(sample.composite.pk): 2,  # the current total
        str(sample.electrical.pk): 1,  # composite + génie électrique
        str(sample.small_machining.pk): 1,
    }
    spec = query.parse(scope, {"skill": str(sample.composite.pk), "skills_mode": "any"})
    found, _total, _rows, _page = counts(scope, spec)
    assert found["skill"][str(sample.electrical.pk)] == 2  # as if chosen alone


def test_counts_are_one_statement(sample, scope):
    spec = query.parse(scope, {"market": "naval", "skill": str(sample.composite.pk)})
    with CaptureQueriesContext(connection) as queries:
        counts(scope, spec)
    assert len(queries) == 1
    # Free text: one more, to stem its words.
    spec = query.parse(scope, {"market": "naval", "q": "naval"})
    with CaptureQueriesContext(connection) as queries:
        counts(scope, spec)
    assert len(queries) == 2


def test_another_clusters_entries_and_unknown_values_are_ignored(sample, scope):
    params = {
        "skill": [str(sample.b_entry.pk), "abc", "9" * 40],
        "activity": ["inconnue", "conception"],
        "departement": "999",
        "size": "xxl",
        "skills_mode": "toutes",
    }
    spec = query.parse(scope, params)
    assert spec.keys["skill"] == ()
    assert spec.values["activity"] == ("conception",)
    assert spec.skills_mode == "all"
    assert ("skill", str(sample.b_entry.pk)) in spec.ignored
    assert ("size", "xxl") in spec.ignored
    assert names(scope, params) == ["Bureau Ouest", "Électro Naval"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a" * 5000},
        {"q": "\x00 éé ' & | ! :* ("},
        {"metier": "\x00"},
        {"skill": ["1"] * 500},
        {"commune": "' OR 1=1 --"},
        {"skill": "-1"},
    ],
)
def test_absurd_parameters_never_fail(sample, scope, params):
    spec = query.parse(scope, params)
    counts(scope, spec)
    list(query.memberships(scope, spec))


def test_query_string_is_stable_and_reproduces_the_filter(sample, scope):
    params = {
        "q": "naval",
        "market": "naval",
        "skill": [str(sample.electrical.pk)],
        "skills_mode": "any",
    }
    spec = query.parse(scope, params)
    assert (
        spec.query_string() == f"skill={sample.electrical.pk}&market=naval&skills_mode=any&q=naval"
    )
    assert spec.query_string(without=("market", "naval")).count("market") == 0
    from django.http import QueryDict

    again = query.parse(scope, QueryDict(spec.query_string()))
    assert again.params() == spec.params()


def test_memberships_of_the_scope_only(sample, scope, cast):
    spec = query.parse(scope, {"market": "naval"})
    found = query.memberships(scope, spec)
    assert {m.cluster_id for m in found} == {cast.cluster_a.pk}
    assert found.count() == 2


def test_network_scope_groups_rome_items_and_labels(sample, cast):
    network = Network.objects.create(name="Réseau", slug="reseau")
    cast.cluster_a.network = network
    cast.cluster_a.save()
    cast.cluster_b.network = network
    cast.cluster_b.save()
    outside = ClusterFactory(name="Hors réseau")
    _profile(MembershipFactory(cluster=outside), None, [], ["conception"], ["naval"])
    # Usinage Alpha is also a member of B, described with B's words.
    alpha_in_b = MembershipFactory(cluster=cast.cluster_b, organisation=sample.alpha)
    _profile(alpha_in_b, None, [sample.b_entry], ["conception"], ["naval"])
    scope = query.Scope.of_network(network)
    rome = f"r{sample.electrical.skill_id}"
    spec = query.parse(scope, {"skill": [rome, "l:composite", str(sample.electrical.pk)]})
    assert spec.values["skill"] == (rome, "l:composite")
    assert ("skill", str(sample.electrical.pk)) in spec.ignored
    # Usinage Alpha has composite in A and génie électrique in B: no single
    # profile has both.
    assert sorted(query.organisations(scope, spec).values_list("name", flat=True)) == [
        "Électro Naval"
    ]
    found, total, rows, _page = counts(scope, query.parse(scope, {}))
    assert total == 4  # Électro, Bureau, Alpha (twice a member), Bêta
    assert rows == 5
    assert found["skill"][rome] == 4
    assert found["skill"]["l:composite"] == 2
    assert found["metier"] == {"l:bureau d'études": 2, "l:usineur": 1}
    from ancrage.matrix.facets_vocabulary import network_labels

    assert network_labels(scope, "skill", [rome, "l:composite"]) == {
        rome: "Génie électrique",
        "l:composite": "Composite",
    }


def test_counts_can_bring_a_page_of_memberships(sample, scope):
    spec = query.parse(scope, {"market": ["naval", "aeronautique"]})
    found = counts(scope, spec, page=(1, 5))
    names = list(
        Membership.objects.filter(pk__in=found.page).values_list("organisation__name", flat=True)
    )
    assert len(found.page) == 2
    assert sorted(names) == ["Usinage Alpha", "Électro Naval"]
    # In French alphabetical order: accents and case ignored.
    assert [Membership.objects.get(pk=pk).organisation.name for pk in found.page] == [
        "Électro Naval",
        "Usinage Alpha",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("titane", ["Usinage Alpha"]),  # a skill's comment
        ("EN 9100", ["Usinage Alpha"]),  # a certification
        ("electriques", ["Électro Naval"]),  # a description
        ("bêta", ["Bêta Industrie"]),  # a name, in the other cluster
    ],
)
def test_network_free_text(sample, cast, text, expected):
    network = Network.objects.create(name="Réseau", slug="reseau")
    Cluster = type(cast.cluster_a)
    Cluster.objects.filter(pk__in=[cast.cluster_a.pk, cast.cluster_b.pk]).update(network=network)
    assert names(query.Scope.of_network(network), {"q": text}) == expected
