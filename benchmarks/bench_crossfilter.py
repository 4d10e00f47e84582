"""Server time of the matrix cross-filter on the national dataset.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_crossfilter

Draws random combinations of 3 facets (métier, skills all/any of, activity,
market, département, zone d'emploi, commune, size, free text) from values
the members really have, then times, for the largest cluster and for the
whole network (every cluster of the network with the most clusters):

- the query functions: facet counts and the first page of results (one
  statement), then what the list shows for that page;
- the full page through Django (middleware, view, template) with the test
  client, as the cluster's staff / a platform administrator.

Prints p50 / p95 / max per run and the median across runs; exits with status
1 when a median p95 is over its budget. Only reads the data: the session and
the administrator it needs are written in a transaction rolled back at the end.
"""

import argparse
import os
import random
import statistics
import time

BUDGETS = {"cluster": 150.0, "network": 400.0}  # p95, ms
SEED = 20260104
FACETS = ("metier", "skill", "activity", "market", "departement", "zone", "commune", "size", "q")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def draw_params(scope, rng, count):
    """`count` query strings of 3 facets each, from values the scope has."""
    from ancrage.matrix import facets, query
    from ancrage.matrix.facets_display import Labels

    found = facets.counts(scope, query.parse(scope, {})).values
    labels = Labels(scope)
    values = {}
    for axis, counted in found.items():
        named = labels.of(axis, list(counted))
        values[axis] = [named[key][0] for key in counted if key in named]
    names = list(query.organisations(scope, query.Spec()).values_list("name", flat=True)[:2000])
    words = sorted({word for name in names for word in name.split() if len(word) > 3})
    drawn = []
    for _index in range(count):
        params = {}
        for axis in rng.sample([f for f in FACETS if f == "q" or values.get(f)], 3):
            if axis == "q":
                params["q"] = rng.choice(words)[: rng.randint(4, 8)]
            elif axis == "skill":
                params["skill"] = rng.sample(values["skill"], min(2, len(values["skill"])))
                params["skills_mode"] = rng.choice(["all", "any"])
            else:
                params[axis] = rng.sample(values[axis], min(rng.randint(1, 2), len(values[axis])))
        drawn.append(params)
    return drawn


def time_functions(scope, drawn):
    from ancrage.matrix import facets, query
    from ancrage.matrix.views.crossfilter import PAGE_SIZE, load

    timings = []
    for params in drawn:
        started = time.perf_counter()
        spec = query.parse(scope, params)
        found = facets.counts(scope, spec, page=(0, PAGE_SIZE))
        load(found.page)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_pages(client, url, drawn, fixed):
    timings = []
    for params in drawn:
        started = time.perf_counter()
        response = client.get(url, {**fixed, **params})
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{params!r}: HTTP {response.status_code}")
    return timings


def report(name, runs):
    median = {key: statistics.median(run[key] for run in runs) for key in ("p50", "p95", "max")}
    print(
        f"  {name} — median of {len(runs)} runs: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in median.items())
    )
    return median


def measure(label, measure_once, runs_wanted):
    measure_once()  # warm-up: connections, caches, plans
    runs = []
    for run in range(1, runs_wanted + 1):
        timings = measure_once()
        figures = {
            "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95),
            "max": max(timings),
        }
        runs.append(figures)
        load = os.getloadavg()[0]  # the machine is shared: say how busy it was
        print(
            f"  {label} run {run}: "
            + ", ".join(f"{k} {v:.1f} ms" for k, v in figures.items())
            + f" (load average {load:.1f})"
        )
    return report(label, runs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scope", choices=["cluster", "network", "both"], default="both")
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, transaction
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from ancrage.accounts.factories import UserFactory
    from ancrage.clusters.factories import ClusterStaffFactory
    from ancrage.clusters.models import Cluster, Network
    from ancrage.matrix import query
    from ancrage.organisations.models import Membership
    from tests.cast import login

    settings.ALLOWED_HOSTS = ["testserver"]
    # Static URLs without collectstatic's manifest, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)  # whitenoise warns otherwise
    setup_test_environment()
    # The pages run inside this script's transaction: keep its connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    active = Q(memberships__status=Membership.Status.ACTIVE, memberships__matrix__isnull=False)
    cluster = (
        Cluster.objects.annotate(members=Count("memberships", filter=active))
        .order_by("-members")
        .first()
    )
    network = Network.objects.annotate(size=Count("clusters")).order_by("-size").first()
    if cluster is None or cluster.members == 0 or network is None:
        raise SystemExit("Générez d'abord les données : python -m benchmarks.generate")
    rng = random.Random(SEED)  # noqa: S311 (a reproducible sample, not a secret)
    verdicts = []
    with transaction.atomic():
        staff = ClusterStaffFactory(
            cluster=cluster, user__with_mfa=True, user__email="bench-staff@bench.ancrage.test"
        ).user
        admin = UserFactory(
            platform_admin=True, with_mfa=True, email="bench-admin@bench.ancrage.test"
        )
        scopes = [
            ("cluster", query.Scope.of_cluster(cluster), staff, reverse("matrix:crossfilter"), {}),
            (
                "network",
                query.Scope.of_network(network),
                admin,
                reverse("network_matrix:crossfilter"),
                {"reseau": network.slug},
            ),
        ]
        for name, scope, user, url, fixed in scopes:
            if arguments.scope not in (name, "both"):
                continue
            members = query.organisations(scope, query.Spec()).count()
            print(
                f"{name}: {cluster.name if name == 'cluster' else network.name} — "
                f"{members} organisations with a matrix profile"
            )
            drawn = draw_params(scope, rng, arguments.queries)
            measure(
                "query functions", lambda s=scope, d=drawn: time_functions(s, d), arguments.runs
            )
            client = login(Client(), user)
            page = measure(
                "full page",
                lambda c=client, u=url, d=drawn, f=fixed: time_pages(c, u, d, f),
                arguments.runs,
            )
            verdict = page["p95"] <= BUDGETS[name]
            verdicts.append(verdict)
            print(f"  budget p95 ≤ {BUDGETS[name]:.0f} ms: {'OK' if verdict else 'DÉPASSÉ'}")
        transaction.set_rollback(True)
    raise SystemExit(0 if all(verdicts) else 1)


if __name__ == "__main__":
    main()
