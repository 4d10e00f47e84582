"""Server time of the GPEC figures and screens on the national dataset.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_gpec

Times, median of `--runs` runs after a warm-up:

- the figure functions (`gpec.occupations.occupation_figures`,
  `gpec.skills.skill_figures`, `gpec.skills.training_needs`) for the largest
  cluster (800 active members), for the whole network, and for the network
  narrowed to one département (the one with the most members, then one of
  median size);
- the pages through Django (middleware, view, template) with the test
  client: the cluster's GPEC dashboard as its staff (budget 300 ms), the
  network's GPEC dashboard as a platform administrator, whole and for those
  two départements (budget 2 s), and the strategy PDF of the largest
  cluster (budget 15 s).

The network dashboard never computes its figures during a request: the
worker does (`gpec.dashboard.network.refresh`). Its page is timed at first
visit (nothing computed yet: it says the figures are coming), with its
figures stored (the board most read is stored drawn; another horizon is
drawn from the stored figures), and after a new
declaration (it shows the stored figures and asks for them again); the
budget applies to the slowest of the three. The worker's computation of
the same board is timed too (no budget: nobody waits for it).

Exits with status 1 when a page's median is over its budget or one of its
SQL statements runs longer than --statement-timeout. Only reads the
data: the staff member and the administrator it needs are written in a
transaction rolled back at the end.
"""

import argparse
import logging
import os
import statistics
import time
from urllib.parse import urlencode

BUDGETS = {"cluster": 0.3, "network": 2.0, "pdf": 15.0}  # seconds, median
PARTS = ("functions", "cluster", "network", "pdf")


class Interrupted(Exception):
    """A statement ran longer than --statement-timeout."""


def timed(function, runs):
    """(median seconds, timings, last result) of `runs` calls after a
    warm-up, each in a savepoint; Interrupted when a statement times out."""
    from django.db import OperationalError, transaction

    timings = []
    try:
        with transaction.atomic():
            result = function()
        for _run in range(runs):
            started = time.perf_counter()
            with transaction.atomic():
                result = function()
            timings.append(time.perf_counter() - started)
    except OperationalError as error:
        raise Interrupted(str(error).splitlines()[0]) from error
    return statistics.median(timings), timings, result


def show(label, median, timings):
    load = os.getloadavg()[0]  # the machine is shared: say how busy it was
    runs = ", ".join(f"{t * 1000:.0f}" for t in timings)
    print(f"  {label}: médiane {median * 1000:.0f} ms (essais {runs} ms ; charge {load:.1f})")


def territories(network_scope):
    """[("departement", code, organisations)]: the département with the most
    members of the network, and one of median size (the network dashboard
    filters by département only)."""
    from django.db.models import Count

    from ancrage.organisations.models import Organisation

    members = Organisation.objects.filter(
        memberships__cluster__in=list(network_scope.cluster_ids()),
        memberships__status="active",
    ).distinct()
    ranked = list(
        members.exclude(commune=None)
        .values_list("commune__department__code")
        .annotate(n=Count("pk"))
        .order_by("-n", "commune__department__code")
    )
    chosen = [ranked[0], ranked[len(ranked) // 2]] if len(ranked) > 1 else ranked
    return [("departement", code, count) for code, count in chosen]


def time_functions(scopes, runs):
    from django.http import QueryDict

    from ancrage.gpec import assumptions, population
    from ancrage.gpec.occupations import occupation_figures
    from ancrage.gpec.skills import skill_figures, training_needs

    defaults = assumptions.defaults()
    print("Fonctions de calcul")
    for label, scope, params in scopes:
        query = QueryDict(mutable=True)
        for name, value in params.items():
            query[name] = value
        people = population.for_request(scope, query)
        for name, function in (
            ("occupation_figures", lambda p=people: occupation_figures(p, defaults)),
            (
                "occupation_figures (année précédente)",
                lambda p=people: occupation_figures(p.shifted(years=-1), defaults),
            ),
            ("skill_figures", lambda p=people: skill_figures(p)),
            ("training_needs", lambda p=people: training_needs(p)),
        ):
            try:
                median, timings, result = timed(function, runs)
            except Interrupted as error:
                print(f"  {label} — {name}: INTERROMPU ({error})")
                continue
            show(f"{label} — {name} ({len(result)} lignes)", median, timings)


def _get(client, url, params, name):
    response = client.get(url, params)
    if response.status_code != 200:
        raise SystemExit(f"{name}: HTTP {response.status_code}")
    return response


def verdict(budget, median):
    ok = median <= BUDGETS[budget]
    print(f"    budget ≤ {BUDGETS[budget]:g} s : {'OK' if ok else 'DÉPASSÉ'}")
    return ok


def time_pages(pages, runs):
    """[(label, budget key, client, url, params)]: the verdicts."""
    print("Pages")
    verdicts = []
    for label, budget, client, url, params in pages:
        try:
            median, timings, _response = timed(
                lambda c=client, u=url, p=params, n=label: _get(c, u, p, n), runs
            )
        except Interrupted as error:
            print(f"  {label}: INTERROMPUE ({error})")
            verdicts.append(False)
            continue
        show(label, median, timings)
        verdicts.append(verdict(budget, median))
    return verdicts


def time_network(network, pages, runs):
    """The network dashboard's pages [(label, client, url, params)] at
    first visit, stored and after a new declaration, and the worker's
    computation of their figures: the verdicts."""
    from django.http import QueryDict

    from ancrage.gpec.dashboard import network as network_board
    from ancrage.gpec.factories import DeclarationFactory, WorkforceLineFactory
    from ancrage.gpec.models import NetworkFigures, WorkforceLine

    print("Tableau de bord d'un réseau")
    verdicts = []
    for label, client, url, params in pages:
        query = network_board.computed_query(QueryDict(urlencode(params)))

        def compute(q=query):
            NetworkFigures.objects.filter(network=network).delete()
            network_board.refresh(network, q)

        def first(c=client, u=url, p=params, n=label):
            NetworkFigures.objects.filter(network=network).delete()
            response = _get(c, u, p, n)
            assert response.context["pending"], "computed during the request"

        def stored(c=client, u=url, p=params, n=label):
            response = _get(c, u, p, n)
            assert not response.context["board"].stale, "out of date"

        def drawn(c=client, u=url, p=params, n=label):
            response = _get(c, u, {**p, "horizon": "3"}, n)
            assert not response.context["board"].stale, "out of date"

        def stale(c=client, u=url, p=params, n=label):
            response = _get(c, u, p, n)
            assert response.context["board"].stale, "up to date"

        try:
            timings = {"first": timed(first, runs)}
            timings["compute"] = timed(compute, max(1, runs // 2))
            size = sum(len(row.value) for row in NetworkFigures.objects.filter(network=network))
            timings["stored"] = timed(stored, runs)
            timings["drawn"] = timed(drawn, runs)
            line = WorkforceLine.objects.order_by("pk").first()
            WorkforceLineFactory(
                declaration=DeclarationFactory(
                    cluster=line.cluster, organisation=line.organisation
                ),
                occupation=line.occupation,
            )
            timings["stale"] = timed(stale, runs)
        except Interrupted as error:
            print(f"  {label}: INTERROMPU ({error})")
            verdicts.append(False)
            continue
        show(f"{label}, première visite (« en cours de calcul »)", *timings["first"][:2])
        show(f"{label}, chiffres enregistrés", *timings["stored"][:2])
        show(f"{label}, chiffres enregistrés, horizon 3 ans", *timings["drawn"][:2])
        show(f"{label}, après une nouvelle déclaration", *timings["stale"][:2])
        show(
            f"{label}, calcul par le worker ({size / 1e6:.1f} Mo enregistrés)",
            *timings["compute"][:2],
        )
        slowest = max(timings[key][0] for key in ("first", "stored", "drawn", "stale"))
        verdicts.append(verdict("network", slowest))
    return verdicts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument(
        "--only", nargs="+", choices=PARTS, default=PARTS, help="parties mesurées (toutes)"
    )
    parser.add_argument(
        "--statement-timeout",
        type=int,
        default=60,
        help="secondes au-delà desquelles une requête SQL est interrompue (défaut : 60)",
    )
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection, transaction
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from django.urls import reverse

    from ancrage.accounts.factories import UserFactory
    from ancrage.clusters.factories import ClusterStaffFactory
    from ancrage.clusters.models import Cluster, ClusterStaff, Network
    from ancrage.gpec.models import WorkforceLine
    from ancrage.matrix.query import Scope
    from tests.cast import login

    settings.ALLOWED_HOSTS = ["testserver"]
    # Static URLs without collectstatic's manifest, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)  # whitenoise warns otherwise
    setup_test_environment()
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # no progress lines
    # A statement interrupted by the timeout is reported once, not with its traceback.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    # The pages run inside this script's transaction: keep its connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    cluster = (
        Cluster.objects.annotate(
            members=Count("memberships", filter=Q(memberships__status="active"))
        )
        .order_by("-members", "pk")
        .first()
    )
    network = Network.objects.annotate(size=Count("clusters")).order_by("-size").first()
    if cluster is None or network is None or not WorkforceLine.objects.exists():
        raise SystemExit("Générez d'abord les données : python -m benchmarks.generate")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('statement_timeout', %s, false)", [f"{arguments.statement_timeout}s"]
        )
    network_scope = Scope.of_network(network)
    places = territories(network_scope)
    print(
        f"{cluster.name} : {cluster.members} adhérents actifs ; réseau {network.name} : "
        f"{network.size} clusters ; {WorkforceLine.objects.count()} lignes d'effectifs ; "
        + " ; ".join(f"{axis} {code} : {count} organisations" for axis, code, count in places)
    )
    verdicts = []
    if "functions" in arguments.only:
        scopes = [(cluster.name, Scope.of_cluster(cluster), {}), ("réseau", network_scope, {})]
        scopes += [
            (f"réseau, {axis} {code}", network_scope, {axis: code}) for axis, code, _n in places
        ]
        time_functions(scopes, arguments.runs)
    if set(arguments.only) - {"functions"}:
        with transaction.atomic():
            staff = ClusterStaffFactory(
                cluster=cluster,
                role=ClusterStaff.Role.ADMIN,
                user__with_mfa=True,
                user__email="bench-gpec-staff@bench.ancrage.test",
            ).user
            admin = UserFactory(
                platform_admin=True, with_mfa=True, email="bench-gpec-admin@bench.ancrage.test"
            )
            staff_client, admin_client = login(Client(), staff), login(Client(), admin)
            network_url = reverse("network_gpec:dashboard")
            fixed = {"reseau": network.slug}
            network_pages = [("réseau entier", admin_client, network_url, fixed)]
            network_pages += [
                (f"{axis} {code}", admin_client, network_url, {**fixed, axis: code})
                for axis, code, _n in places
            ]
            pages = [
                (
                    f"tableau de bord GPEC de {cluster.name}",
                    "cluster",
                    staff_client,
                    reverse("gpec_dashboard:dashboard"),
                    {},
                ),
            ]
            pdf = (
                "PDF « Stratégie emploi-compétences »",
                "pdf",
                staff_client,
                reverse("gpec_strategy:pdf"),
                {},
            )
            if "cluster" in arguments.only:
                verdicts += time_pages(pages, arguments.runs)
            if "pdf" in arguments.only:
                verdicts += time_pages([pdf], arguments.pdf_runs)
            if "network" in arguments.only:
                # The worker is another process: here, tasks are only queued.
                dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
                with override_settings(TASKS=dummy):
                    verdicts += time_network(network, network_pages, arguments.runs)
            transaction.set_rollback(True)
    raise SystemExit(0 if all(verdicts) else 1)


if __name__ == "__main__":
    main()
