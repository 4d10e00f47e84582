"""The network dashboard's figures are kept in the cache (`gpec.dashboard.cache`):
the page says when they were computed, and a new declaration or membership
computes them again. A cluster's dashboard is computed on every request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.models import Network
from ancrage.gpec import population
from ancrage.gpec.dashboard import cache as dashboard_cache
from ancrage.matrix.query import Scope
from ancrage.organisations.factories import MembershipFactory
from tests.cast import login
from tests.gpec.dashboard_sample import bands, build, declare

pytestmark = pytest.mark.django_db
URL = "/plateforme/gpec/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network(cast):
    network = Network.objects.create(name="Réseau Ouest", slug="ouest")
    for cluster in (cast.cluster_a, cast.cluster_b):
        cluster.network = network
        cluster.save()
    return network


@pytest.fixture
def admin(client):
    return login(client, UserFactory(platform_admin=True, with_mfa=True))


def test_the_second_request_reads_the_figures_from_the_cache(admin, cast, network):
    build(cast)
    admin.get(URL, {"reseau": "ouest"})  # the session's first request reads a few more
    cache.clear()
    with CaptureQueriesContext(connection) as computed:
        first = admin.get(URL, {"reseau": "ouest"})
    with CaptureQueriesContext(connection) as kept:
        second = admin.get(URL, {"reseau": "ouest"})
    assert len(kept) < len(computed) - 10
    assert second.context["board"].totals.counted == first.context["board"].totals.counted == 5
    assert second.context["board"].needs.total[2].plain == "45"
    page = second.content.decode()
    assert "Chiffres calculés le" in page
    day = timezone.localtime(second.context["board"].computed_at).strftime("%d/%m/%Y")
    assert day in page


def test_a_new_declaration_or_member_computes_the_figures_again(admin, cast, network):
    sample = build(cast)
    before = admin.get(URL, {"reseau": "ouest"}).context["board"]
    assert before.needs.total[2].plain == "45"
    declare(
        cast.cluster_b,
        MembershipFactory(cluster=cast.cluster_b).organisation,
        sample.recent,
        workforce=[(sample.usinage, {"headcount": 5, **bands(1, 1, 1, 1, 1, 0)})],
    )
    after = admin.get(URL, {"reseau": "ouest"}).context["board"]
    assert after.totals.counted == before.totals.counted + 1
    assert after.needs.total[2].plain == "50"
    MembershipFactory(cluster=cast.cluster_b)
    assert admin.get(URL, {"reseau": "ouest"}).context["board"].totals.counted == 7


def test_another_filter_or_day_is_computed_apart(cast, network):
    build(cast)
    scope = Scope.of_network(network)
    whole = population.for_request(scope, QueryDict())
    morbihan = population.for_request(scope, QueryDict("departement=56"))
    assert dashboard_cache.cached(whole, "n", lambda: 1) == 1
    assert dashboard_cache.cached(morbihan, "n", lambda: 2) == 2
    assert dashboard_cache.cached(whole.shifted(years=-1), "n", lambda: 3) == 3
    assert dashboard_cache.cached(whole, "n", lambda: 4) == 1  # kept
    assert dashboard_cache.computed_at(whole) <= timezone.now()


def test_a_cluster_dashboard_is_not_cached(client, cast):
    build(cast)
    login(client, cast.staff_a)
    response = client.get("/cluster/gpec/")
    assert response.context["board"].computed_at is None
    assert "Chiffres calculés le" not in response.content.decode()


def test_a_network_scope_reads_its_clusters_once(cast, network, django_assert_num_queries):
    with django_assert_num_queries(1):
        scope = Scope.of_network(network)
    with django_assert_num_queries(0):
        assert sorted(scope.cluster_ids()) == sorted([cast.cluster_a.pk, cast.cluster_b.pk])
        assert scope == Scope(network=network)


def test_a_population_reads_its_organisations_once(cast, network, django_assert_num_queries):
    sample = build(cast)
    people = population.for_request(Scope.of_network(network), QueryDict())
    assert sample.members["Lorient 1"].pk in people.member_ids()
    with django_assert_num_queries(0):
        assert people.shifted(years=-1).member_ids() == people.member_ids()
    one = people.of_organisation(sample.members["Lorient 1"].pk)
    assert one.member_ids() == [sample.members["Lorient 1"].pk]
