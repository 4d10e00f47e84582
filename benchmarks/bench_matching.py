"""Server time of the matching on the national dataset: the best 20
candidates of the CV bank for an offer (budget 500 ms), and the best 20
offers for a candidate.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_matching

Draws `--offers` visible offers with an occupation (seeded; half of them in
the largest cluster, `bench-000`) and times `matching.candidates_for(offer)`:
the SQL statement that gathers, scores and ranks, then the reading of the 20
profiles and the writing of their reasons. Once to warm up, then `--runs`
times; prints p50 / p95 / max per run and the medians across runs.

The dataset's communes have no position: for the time of the run they get
the fictitious ones of `bench_offer_search.synthetic_coordinates` (around
their département's centre), removed at the end; do not run it at the same
time as the offer search benchmark.

Two CV banks:

- « tel que généré »: each offer's organisation sees the candidates who
  consented to one of its clusters (a cluster's own candidates, 1,000 to
  3,000);
- « pire cas »: inside a transaction rolled back at the end, every one of the
  100,000 candidates consents to `bench-000`, so each offer drawn there is
  matched against the whole CV bank.

Then `--profiles` candidates drawn the same way are timed with
`matching.offers_for` (no budget: reported). The plan of one worst-case
statement is printed (EXPLAIN ANALYZE) unless --no-plans. Exits with status
1 when the worst case's median p95 is over the budget."""

import argparse
import os
import random
import statistics
import time

BUDGET_MS = 500.0
SEED = 20261123
LARGEST = "bench-000"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, items, runs):
    """[(p50, p95, max)] per run after one warm-up pass, and the result sizes."""
    for item in items:
        function(item)
    per_run, sizes = [], []
    for _ in range(runs):
        timings = []
        for item in items:
            started = time.perf_counter()
            found = function(item)
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(len(found))
        per_run.append((percentile(timings, 0.5), percentile(timings, 0.95), max(timings)))
    return per_run, sizes


def report(label, per_run, sizes):
    for number, (p50, p95, worst) in enumerate(per_run, 1):
        print(
            f"  {label} — passe {number} : p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {worst:.0f} ms"
        )
    p50 = statistics.median(run[0] for run in per_run)
    p95 = statistics.median(run[1] for run in per_run)
    worst = max(run[2] for run in per_run)
    print(
        f"  {label} — médianes : p50 {p50:.0f} ms, p95 {p95:.0f} ms (max {worst:.0f} ms); "
        f"résultats par appel : {min(sizes)} à {max(sizes)}"
    )
    return p50, p95


def draw_offers(count, rng):
    """(offers of the largest cluster, the others), `count` in all, half and half."""
    from ancrage.jobs import lifecycle
    from ancrage.jobs.models import Offer

    visible = lifecycle.visible().filter(occupation__isnull=False).order_by("pk")
    largest = list(visible.filter(publications__cluster__slug=LARGEST).values_list("pk", flat=True))
    everyone = list(visible.values_list("pk", flat=True))
    if not everyone:
        raise SystemExit("Aucune offre visible avec un métier : générez les offres d'abord.")
    there = rng.sample(largest, min(count // 2, len(largest)))
    rest = sorted(set(everyone) - set(largest))
    elsewhere = rng.sample(rest, min(count - len(there), len(rest)))

    def read(pks):
        return list(
            Offer.objects.filter(pk__in=pks)
            .select_related("commune", "organisation")
            .order_by("pk")
        )

    return read(there), read(elsewhere)


def draw_profiles(count, rng):
    from ancrage.jobs.models import CandidateProfile

    pks = list(CandidateProfile.objects.order_by("pk").values_list("pk", flat=True))
    if not pks:
        raise SystemExit("Aucun candidat : générez les candidats d'abord.")
    return list(
        CandidateProfile.objects.filter(pk__in=rng.sample(pks, min(count, len(pks))))
        .select_related("commune")
        .order_by("pk")
    )


def bank_sizes(offers):
    from ancrage.jobs import cvbank

    sizes = [cvbank.visible_profiles(offer.organisation).count() for offer in offers[:10]]
    return min(sizes), statistics.median(sizes), max(sizes)


def everyone_consents():
    """Every candidate consents to the largest cluster (in the current
    transaction: rolled back by the caller); how many consents were added."""
    from django.db import connection

    from ancrage.clusters.models import Cluster
    from ancrage.jobs.models import CandidateProfile, Consent

    cluster = Cluster.objects.get(slug=LARGEST)
    table = Consent._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET withdrawn_at = now() "  # noqa: S608
            "WHERE withdrawn_at IS NULL AND cluster_id = %s",
            [cluster.pk],
        )
        cursor.execute(
            f"INSERT INTO {table} (profile_id, cluster_id, text, given_at) "  # noqa: S608
            f"SELECT id, %s, 'bench', now() FROM {CandidateProfile._meta.db_table}",
            [cluster.pk],
        )
        inserted = cursor.rowcount
        cursor.execute(f"ANALYZE {table}")
    return inserted


def explain(offer):
    from django.db import connection
    from django.utils import timezone

    from ancrage.jobs import matching

    sql, params, _required = matching.candidates_query(offer, 20, timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print(f"\n--- plan : offre {offer.pk} ({offer.title}), pire cas\n{plan}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offers", type=int, default=40)
    parser.add_argument("--profiles", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-plans", action="store_true")
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from benchmarks.bench_offer_search import synthetic_coordinates

    # The dataset's communes have no position: fictitious ones for the run.
    with synthetic_coordinates():
        run(arguments)


def run(arguments):
    from django.db import transaction

    from ancrage.jobs import matching
    from ancrage.jobs.models import CandidateProfile

    rng = random.Random(SEED)  # noqa: S311 (a reproducible draw)
    largest, others = draw_offers(arguments.offers, rng)
    offers = largest + others
    profiles = draw_profiles(arguments.profiles, rng)
    total = CandidateProfile.objects.count()
    print(
        f"{total} candidats ; {len(offers)} offres tirées ({len(largest)} dans {LARGEST}) ; "
        f"{len(profiles)} candidats tirés"
    )

    low, median, high = bank_sizes(offers)
    print(
        "\nMeilleurs candidats d'une offre — CVthèque telle que générée "
        f"({low} à {high} profils visibles, médiane {median:.0f})"
    )
    per_run, sizes = timed(matching.candidates_for, offers, arguments.runs)
    report("telle que générée", per_run, sizes)

    with transaction.atomic():
        started = time.perf_counter()
        inserted = everyone_consents()
        print(
            f"\nPire cas : {inserted} consentements à {LARGEST} ajoutés en "
            f"{time.perf_counter() - started:.1f} s (annulés à la fin)"
        )
        low, median, high = bank_sizes(largest)
        print(f"Meilleurs candidats d'une offre — pire cas ({low} à {high} profils visibles)")
        per_run, sizes = timed(matching.candidates_for, largest, arguments.runs)
        _p50, worst_p95 = report("pire cas", per_run, sizes)
        if not arguments.no_plans:
            explain(largest[0])
        transaction.set_rollback(True)

    print("\nMeilleures offres d'un candidat")
    per_run, sizes = timed(matching.offers_for, profiles, arguments.runs)
    report("offres suggérées", per_run, sizes)

    verdict = "dans le budget" if worst_p95 <= BUDGET_MS else "AU-DESSUS DU BUDGET"
    print(f"\nBudget {BUDGET_MS:.0f} ms (p95 du pire cas) : {verdict}")
    if worst_p95 > BUDGET_MS:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
