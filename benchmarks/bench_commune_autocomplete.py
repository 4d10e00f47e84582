"""Server time of the commune autocomplete on the national dataset.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_commune_autocomplete

Builds a fixed mix of queries from the real communes (name prefixes with and
without accents, typos, « st » abbreviations, postal codes, INSEE codes,
postal code prefixes), sends each through the whole Django stack with the
test client as an htmx request, once to warm up and then `--runs` times, and
prints p50 / p95 / max per run and the median across runs. Exits with status
1 when the median p95 is over the budget.
"""

import argparse
import os
import random
import statistics
import time
import unicodedata

BUDGET_P95_MS = 50.0
SEED = 20260102


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def typo(word, rng):
    """Drop, double or swap one letter inside the word."""
    position = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        return word[:position] + word[position + 1 :]
    if kind == "double":
        return word[:position] + word[position] + word[position:]
    return word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]


def query_mix(count, rng):
    from ancrage.territory.models import Commune

    communes = list(
        Commune.objects.current().order_by("code").values_list("name", "code", "postal_codes")
    )
    sample = rng.sample(communes, count)
    queries = []
    for index, (name, code, postal_codes) in enumerate(sample):
        kind = index % 8
        prefix = name[: rng.randint(3, max(3, min(len(name), 10)))]
        if kind in (0, 1):
            queries.append(("préfixe accentué", prefix))
        elif kind == 2:
            queries.append(("préfixe sans accents", strip_accents(prefix).lower()))
        elif kind == 3:
            queries.append(("nom complet", strip_accents(name).lower().replace("-", " ")))
        elif kind == 4 and len(name) >= 6:
            queries.append(("faute de frappe", typo(strip_accents(name).lower(), rng)))
        elif kind == 5 and name.startswith("Saint"):
            queries.append(("abréviation st", "st " + name[6:12]))
        elif kind == 5 and postal_codes:
            queries.append(("code postal", postal_codes[0]))
        elif kind == 6:
            queries.append(("code INSEE", code))
        elif kind == 7 and postal_codes:
            queries.append(("début de code postal", postal_codes[0][: rng.randint(2, 4)]))
        else:
            queries.append(("préfixe accentué", prefix))
    return queries


def measure(client, url, queries):
    timings = []
    for _, query in queries:
        started = time.perf_counter()
        response = client.get(url, {"q": query, "listbox": "bench"}, HTTP_HX_REQUEST="true")
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{query!r}: HTTP {response.status_code}")
    return timings


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=800)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from ancrage.territory.models import Commune

    if Commune.objects.count() < 30_000:
        raise SystemExit("Générez d'abord les données : python -m benchmarks.generate")
    settings.ALLOWED_HOSTS = ["testserver"]
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)  # whitenoise warns otherwise
    setup_test_environment()
    rng = random.Random(SEED)  # noqa: S311 (a reproducible sample, not a secret)
    queries = query_mix(arguments.queries, rng)
    client = Client()
    url = reverse("territory:commune_autocomplete")
    measure(client, url, queries)  # warm-up: connections, caches, plans
    runs = []
    for run in range(1, arguments.runs + 1):
        timings = measure(client, url, queries)
        figures = {
            "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95),
            "max": max(timings),
        }
        runs.append(figures)
        print(f"run {run}: " + ", ".join(f"{k} {v:.1f} ms" for k, v in figures.items()))
    median = {key: statistics.median(run[key] for run in runs) for key in ("p50", "p95", "max")}
    print(
        f"{len(queries)} queries × {len(runs)} runs — median: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in median.items())
    )
    kinds = {}
    for kind, _ in queries:
        kinds[kind] = kinds.get(kind, 0) + 1
    print("mix: " + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    slowest = sorted(zip(timings, queries, strict=True), reverse=True)[:5]
    print("slowest (last run): " + "; ".join(f"{q!r} {t:.0f} ms" for t, (_, q) in slowest))
    verdict = median["p95"] <= BUDGET_P95_MS
    print(f"budget p95 ≤ {BUDGET_P95_MS:.0f} ms: {'OK' if verdict else 'DÉPASSÉ'}")
    raise SystemExit(0 if verdict else 1)


if __name__ == "__main__":
    main()
