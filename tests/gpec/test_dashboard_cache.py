"""The network dashboard's figures are computed in the background and stored
(`gpec.dashboard.cache`): a page never computes them. The first visit says
they are being computed and asks the worker; later visits read them, with
their date, even when the data moved since (then the worker is asked again).
A cluster's dashboard is computed on every request."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.models import Network
from ancrage.gpec import population, tasks
from ancrage.gpec.dashboard import cache as dashboard_cache
from ancrage.gpec.dashboard import network as network_board
from ancrage.gpec.models import NetworkFigures
from ancrage.matrix.query import Scope
from ancrage.organisations.factories import MembershipFactory
from tests.cast import login
from tests.gpec.dashboard_sample import bands, build, declare

pytestmark = pytest.mark.django_db
URL = "/plateforme/gpec/"


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


def asked(backend):
    return [
        tuple(result.args)
        for result in backend.results
        if result.task.name == tasks.refresh_network_board.name
    ]


def test_the_first_visit_asks_the_worker_and_says_the_figures_are_coming(
    admin, cast, network, dummy_tasks
):
    build(cast)
    response = admin.get(URL, {"reseau": "ouest", "horizon": "3", "departement": "56"})
    assert response.status_code == 200
    assert response.context["board"] is None
    page = response.content.decode()
    assert "en cours de calcul" in page
    assert 'hx-trigger="every 5s"' in page  # the page reloads its board itself
    assert asked(dummy_tasks) == [(network.pk, "departement=56")]
    # Polling again does not ask twice while the data stays the same.
    admin.get(URL, {"reseau": "ouest", "departement": "56"})
    assert len(asked(dummy_tasks)) == 1
    # The export waits for the figures too.
    export = admin.get(URL + "export/", {"reseau": "ouest"})
    assert export.status_code == 302
    assert export.url.startswith(URL + "?")

    tasks.refresh_network_board.call(network.pk, "departement=56")
    ready = admin.get(URL, {"reseau": "ouest", "horizon": "3", "departement": "56"})
    board = ready.context["board"]
    assert board.totals.counted == 5
    assert not board.stale
    assert "Chiffres calculés le" in ready.content.decode()
    assert "en cours de calcul" not in ready.content.decode()


def test_a_page_reads_the_stored_figures_without_computing_them(admin, cast, network):
    build(cast)
    first = admin.get(URL, {"reseau": "ouest"})  # computed at once by the tests' worker
    assert first.context["board"].needs.total[2].plain == "45"
    with CaptureQueriesContext(connection) as read:
        second = admin.get(URL, {"reseau": "ouest", "horizon": "3", "pyramide": "H2913"})
    statements = " ".join(query["sql"] for query in read.captured_queries)
    assert "DISTINCT ON" not in statements  # no organisation's latest facts read
    board = second.context["board"]
    assert board.totals.counted == first.context["board"].totals.counted == 5
    assert board.needs.total[2].plain == "45"
    assert board.filters.horizon == 3  # drawn from the same figures
    page = second.content.decode()
    day = timezone.localtime(board.computed_at).strftime("%d/%m/%Y")
    assert f"Chiffres calculés le {day}" in page


def test_a_new_declaration_or_member_asks_for_the_figures_again(admin, cast, network):
    sample = build(cast)
    before = admin.get(URL, {"reseau": "ouest"}).context["board"]
    assert before.needs.total[2].plain == "45"
    declare(
        cast.cluster_b,
        MembershipFactory(cluster=cast.cluster_b).organisation,
        sample.recent,
        workforce=[(sample.usinage, {"headcount": 5, **bands(1, 1, 1, 1, 1, 0)})],
    )
    # The page shows the figures it has, says they are being updated, and
    # asks the worker (the tests' one computes them at once).
    stale = admin.get(URL, {"reseau": "ouest"})
    assert stale.context["board"].stale
    assert stale.context["board"].needs.total[2].plain == "45"
    assert "Les données ont changé depuis" in stale.content.decode()
    after = admin.get(URL, {"reseau": "ouest"}).context["board"]
    assert not after.stale
    assert after.totals.counted == before.totals.counted + 1
    assert after.needs.total[2].plain == "50"
    MembershipFactory(cluster=cast.cluster_b)
    admin.get(URL, {"reseau": "ouest"})
    assert admin.get(URL, {"reseau": "ouest"}).context["board"].totals.counted == 7


def test_another_filter_or_day_is_computed_apart(cast, network):
    build(cast)
    scope = Scope.of_network(network)
    whole = population.for_request(scope, QueryDict())
    morbihan = population.for_request(scope, QueryDict("departement=56"))
    with dashboard_cache.computing():
        assert dashboard_cache.cached(whole, "n", lambda: 1) == 1
        assert dashboard_cache.cached(morbihan, "n", lambda: 2) == 2
        assert dashboard_cache.cached(whole.shifted(years=-1), "n", lambda: 3) == 3
        assert dashboard_cache.cached(whole, "n", lambda: 4) == 1  # up to date: kept
    assert dashboard_cache.cached(whole, "n", lambda: 5) == 1  # a page never computes
    assert dashboard_cache.computed_at(whole) <= timezone.now()
    assert not dashboard_cache.is_stale(whole)
    with pytest.raises(dashboard_cache.NotReady):
        dashboard_cache.cached(whole, "never computed", lambda: 6)
    assert NetworkFigures.objects.filter(network=network).count() == 3


def test_today_shows_the_latest_day_computed_until_today_is(cast, network):
    build(cast)
    scope = Scope.of_network(network)
    today = timezone.localdate()
    with (
        time_machine.travel(timezone.now() - datetime.timedelta(days=1)),
        dashboard_cache.computing(),
    ):
        yesterday = population.for_request(scope, QueryDict())
        dashboard_cache.cached(yesterday, "n", lambda: "hier")
    # Asked for today, an earlier day computed today is not today's figures.
    earlier = population.for_request(scope, QueryDict(), as_of=today - datetime.timedelta(days=2))
    with dashboard_cache.computing():
        dashboard_cache.cached(earlier, "n", lambda: "avant-hier")
    now = population.for_request(scope, QueryDict(), as_of=today)
    assert dashboard_cache.cached(now, "n", lambda: "aujourd'hui") == "hier"
    assert dashboard_cache.is_stale(now)
    # A day asked for explicitly, other than today, is its own.
    before = population.for_request(scope, QueryDict(), as_of=today - datetime.timedelta(days=3))
    with pytest.raises(dashboard_cache.NotReady):
        dashboard_cache.cached(before, "n", lambda: "avant")


def test_the_nightly_command_computes_the_network_and_its_departements(cast, network, capsys):
    sample = build(cast)
    # Three more members in each département, so that neither is secret.
    for commune in (sample.members["Nazaire"].commune, sample.members["Lorient 1"].commune):
        for _index in range(3):
            member = MembershipFactory(cluster=cast.cluster_b, organisation__commune=commune)
            declare(
                cast.cluster_b,
                member.organisation,
                sample.recent,
                workforce=[(sample.soudage, {"headcount": 4, **bands(0, 1, 1, 1, 1, 0)})],
                forecasts=[(sample.soudage, {"creations_1y": 1, "creations_3y": 2})],
            )
    call_command("gpec_network_boards", reseau="ouest")
    out = capsys.readouterr().out
    assert "Chiffres calculés il y a plus de 2 jours, supprimés : 0" in out
    assert network_board.departments(network) == ["44", "56"]
    assert "Réseau Ouest : tableau du réseau et de 2 départements à jour" in out
    for query in ("", "departement=44", "departement=56"):
        found = network_board.board(network, QueryDict(query))  # stored: no NotReady
        assert not found.stale
    stored = NetworkFigures.objects.count()
    call_command("gpec_network_boards")
    assert NetworkFigures.objects.count() == stored  # up to date: nothing new


def test_old_or_unreadable_figures_are_computed_again_and_a_migration_forgets_them(cast, network):
    build(cast)
    whole = population.for_request(Scope.of_network(network), QueryDict())
    with dashboard_cache.computing():
        dashboard_cache.cached(whole, "n", lambda: 1)
        dashboard_cache.cached(whole, "m", lambda: 2)
    # Pickled by another version of the code: the page waits, the worker computes.
    NetworkFigures.objects.update(value=b"not a pickle")
    with pytest.raises(dashboard_cache.NotReady):
        dashboard_cache.cached(whole, "n", lambda: 3)
    with dashboard_cache.computing():
        assert dashboard_cache.cached(whole, "n", lambda: 4) == 4
    # The nightly command deletes the figures of more than 2 days ago.
    NetworkFigures.objects.filter(value=b"not a pickle").update(
        computed_at=timezone.now() - datetime.timedelta(days=3)
    )
    assert dashboard_cache.prune() == 1
    assert NetworkFigures.objects.count() == 1
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert not NetworkFigures.objects.exists()


def test_a_computation_cannot_hold_the_worker_for_ever(cast, network):
    build(cast)
    network_board.refresh(network)
    with connection.cursor() as cursor:  # set for the computation's transaction
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5min"


def test_the_task_of_a_deleted_network_does_nothing(network):
    network_id = network.pk
    network.delete()
    assert tasks.refresh_network_board.call(network_id, "") is False


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
