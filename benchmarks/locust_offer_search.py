"""The public search of offers under load, beside a bare Django view, in one run.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.locust_offer_search

Starts the product as `ancrage serve` does (gunicorn, 2 workers,
ancrage/gunicorn_conf.py, DEBUG off, static files collected) on the
benchmark database, then runs locust headless twice against it, 20 users
without pause each time: first the bare view (/healthz: Django's whole
middleware stack and one `SELECT 1`), then the search page with the searches
of `bench_offer_search` (text + occupation + commune and radius; the page
counts 2 facets). Meanwhile it reads each worker's resident memory
(/proc/<pid>/status, VmRSS) every half second. Prints the throughput of
each, their ratio (budget: the search ≥ 30 % of the bare view), latencies
and the workers' largest RSS (budget: < 300 MB), then stops the server it
started. Exits with status 1 when a budget is missed.

Locust reads this same file as its locustfile (LOCUST_TARGET says which
page the users load).
"""

import os

if os.environ.get("LOCUST_TARGET"):
    import json
    import random

    from locust import HttpUser, constant, task

    SEARCHES = json.loads(open(os.environ["LOCUST_SEARCHES"]).read())  # noqa: SIM115

    class Visitor(HttpUser):
        wait_time = constant(0)

        def on_start(self):
            self.rng = random.Random()  # noqa: S311 (load, not secrets)

        @task
        def load(self):
            if os.environ["LOCUST_TARGET"] == "bare":
                self.client.get("/healthz", name="bare /healthz")
            else:
                query = self.rng.choice(SEARCHES)
                self.client.get(f"/offres/?{query}", name="recherche /offres/")


BUDGET_RATIO = 0.30
BUDGET_RSS_MB = 300
USERS = 20
BASE_PORT = 8790


def _free_port():
    import socket

    for port in range(BASE_PORT, BASE_PORT + 50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit("Aucun port libre.")


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return [int(child) for child in children.read().split()]
    except OSError:
        return []


def _rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _wait_ready(url, timeout=120):
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"Le serveur ne répond pas : {url}")


def _locust(target, host, seconds, searches_file, csv_prefix, master_pid):
    """Run locust headless against `host`; (stats of the aggregated row,
    {worker pid: largest RSS in MB})."""
    import csv
    import subprocess
    import sys
    import time
    from pathlib import Path

    env = dict(os.environ, LOCUST_TARGET=target, LOCUST_SEARCHES=searches_file)
    locust = Path(sys.executable).with_name("locust")
    command = [
        str(locust),
        "-f",
        __file__,
        "--headless",
        "--users",
        str(USERS),
        "--spawn-rate",
        str(USERS),
        "--run-time",
        f"{seconds}s",
        "--host",
        host,
        "--csv",
        csv_prefix,
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
    peaks = {}
    while process.poll() is None:
        for worker in _children(master_pid):
            rss = _rss_mb(worker)
            if rss is not None:
                peaks[worker] = max(peaks.get(worker, 0), rss)
        time.sleep(0.5)
    with open(f"{csv_prefix}_stats.csv") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return rows["Aggregated"], peaks


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="durée de chaque charge")
    parser.add_argument("--searches", type=int, default=500)
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from django.conf import settings

    from benchmarks.bench_offer_search import synthetic_coordinates

    if settings.DEBUG:
        raise SystemExit("DEBUG doit être désactivé pour mesurer.")
    with synthetic_coordinates():
        verdict = load(arguments, settings)
    raise SystemExit(0 if verdict else 1)


def load(arguments, settings):
    """Serve, load, measure; whether the budgets are met."""
    import json
    import random
    import signal
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.parse
    import urllib.request
    from pathlib import Path

    from benchmarks.bench_offer_search import SEED, search_mix

    rng = random.Random(SEED)  # noqa: S311 (a reproducible sample, not a secret)
    searches = [urllib.parse.urlencode(p) for p in search_mix(arguments.searches, rng)]
    workdir = Path(tempfile.mkdtemp(prefix="locust-offer-search-"))
    searches_file = workdir / "searches.json"
    searches_file.write_text(json.dumps(searches))
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, DEBUG="0")
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=root,
            env=env,
            check=True,
        )
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [
            str(gunicorn),
            "ancrage.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--config",
            "python:ancrage.gunicorn_conf",
            "--log-level",
            "warning",
        ],
        cwd=root,
        env=env,
    )
    try:
        _wait_ready(f"{host}/healthz")
        # Let the workers warm the référentiel's indexes, then warm the pages.
        time.sleep(15)
        for query in searches[:20]:
            with urllib.request.urlopen(f"{host}/offres/?{query}", timeout=30):  # noqa: S310
                pass
        results = {}
        for target in ("bare", "search"):
            stats, peaks = _locust(
                target,
                host,
                arguments.seconds,
                str(searches_file),
                str(workdir / target),
                server.pid,
            )
            results[target] = (stats, peaks)
            print(
                f"{target}: {float(stats['Requests/s']):.1f} req/s, "
                f"{stats['Request Count']} requêtes, {stats['Failure Count']} échecs, "
                f"p50 {stats['50%']} ms, p95 {stats['95%']} ms, "
                f"max {float(stats['Max Response Time']):.0f} ms; "
                "RSS max des workers : "
                + ", ".join(f"{pid}: {mb:.0f} Mo" for pid, mb in sorted(peaks.items()))
            )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    bare = float(results["bare"][0]["Requests/s"])
    found = float(results["search"][0]["Requests/s"])
    ratio = found / bare if bare else 0.0
    rss = max(mb for _stats, peaks in results.values() for mb in peaks.values())
    failures = sum(int(stats["Failure Count"]) for stats, _peaks in results.values())
    print(
        f"{USERS} utilisateurs, {arguments.seconds} s chacun, gunicorn 2 workers : "
        f"recherche {found:.1f} req/s = {ratio:.0%} de la vue nue ({bare:.1f} req/s) "
        f"(budget ≥ {BUDGET_RATIO:.0%}) ; RSS max d'un worker {rss:.0f} Mo "
        f"(budget < {BUDGET_RSS_MB} Mo) ; {failures} échecs"
    )
    verdict = ratio >= BUDGET_RATIO and rss < BUDGET_RSS_MB and not failures
    print(f"budgets : {'OK' if verdict else 'DÉPASSÉ'}")
    return verdict


if __name__ == "__main__":
    main()
