"""Time and peak memory of a 5,000-row member import (XLSX).

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_import_members

Builds a realistic file for the bench cluster with the largest vocabulary:
4,000 organisations new to it (SIREN, SIRET for a third of them, a few known
only by name and commune) and 1,000 of its members, communes weighted by
population, NAF codes, a contact, the métier and 3 to 8 skills from its
vocabulary (a few written in lower case or without accents, a few ROME
skills it does not have yet), activities, markets and certifications.

Each run is a fresh process (`--measure`) that builds the search indexes
(the web workers do it when they start), validates the file (`check`),
imports it (`run`: validation and writing) and imports it again (nothing
changes), in a transaction rolled back at the end: the database is left as
it was. Prints every run and the medians; peak memory is the process's
maximum resident set (ru_maxrss), Django and the indexes included. Exits
with status 1 when a median is over its budget (60 s, 500 MB).
"""

import argparse
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
ROWS = 5000
KNOWN_MEMBERS = 1000
SEED = 20261123
BUDGET_SECONDS = 60.0
BUDGET_MB = 500.0
STEPS = (
    ("index", "index de recherche (au démarrage des processus web)"),
    ("check", "validation seule"),
    ("import", "validation + écriture (premier import)"),
    ("reimport", "validation + écriture (réimport, rien ne change)"),
)


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()


def largest_cluster():
    from django.db.models import Count

    from ancrage.clusters.models import Cluster

    return (
        Cluster.objects.filter(slug__startswith="bench-")
        .annotate(size=Count("vocabulary"))
        .order_by("-size", "pk")
        .first()
    )


def build_file(cluster, rng):
    """The bytes of the XLSX file."""
    from openpyxl import Workbook

    from ancrage.demo import fictitious
    from ancrage.matrix.importer.template import headers
    from ancrage.organisations.factories import siren_for, siret_for
    from ancrage.organisations.identifiers import naf_codes
    from ancrage.organisations.models import Membership
    from ancrage.referentiel.models import Activity, Market, Skill, VocabularyEntry
    from ancrage.territory.models import Commune

    communes = list(
        Commune.objects.current()
        .filter(population__gt=0)
        .values_list("code", "name", "postal_codes", "population")
    )
    weights = [population for *_rest, population in communes]
    nafs = [code for code in naf_codes() if code[:2] in {"24", "25", "28", "29", "30", "33"}]
    vocabulary = VocabularyEntry.objects.filter(cluster=cluster).select_related(
        "occupation", "skill"
    )
    occupations = [e.display_label for e in vocabulary if e.kind == "occupation"]
    skills = [e.display_label for e in vocabulary if e.kind == "skill"]
    in_vocabulary = {e.skill_id for e in vocabulary if e.skill_id}
    # Industrial ROME skills the cluster does not have: the import adds them.
    others = list(
        Skill.objects.filter(
            is_obsolete=False, occupations__code__startswith="H", label__regex=r"^.{8,60}$"
        )
        .exclude(pk__in=in_vocabulary)
        .order_by("pk")
        .values_list("label", flat=True)
        .distinct()[:30]
    )
    activities = list(Activity.objects.values_list("label", flat=True))
    markets = list(Market.objects.values_list("label", flat=True))
    members = list(
        Membership.objects.filter(cluster=cluster, organisation__siren__gt="")
        .order_by("pk")
        .values_list("organisation__siren", "organisation__name")[:KNOWN_MEMBERS]
    )
    rows = []
    for number in range(ROWS):
        code, town, postal_codes, _population = rng.choices(communes, weights=weights)[0]
        if number < len(members):
            siren, name = members[number]
        else:
            siren = siren_for(80_000_000 + number)
            name = f"{fictitious.company_name(rng, ['Usinage', 'Mécanique', 'Chaudronnerie'])}"
            name += f" {number}"
        siret = siret_for(siren, 1) if rng.random() < 0.33 else ""
        if number >= len(members) and rng.random() < 0.03:
            siren = siret = ""  # known by its name and commune
        first, last = fictitious.person(rng)
        chosen = rng.sample(skills, min(len(skills), rng.randint(3, 8)))
        if others and rng.random() < 0.05:
            chosen[-1] = rng.choice(others)
        chosen = [s.lower() if rng.random() < 0.1 else s for s in chosen]
        commune = (
            [code, "", ""]
            if rng.random() < 0.7
            else ["", town, postal_codes[0] if postal_codes else ""]
        )
        rows.append(
            [
                siren,
                siret,
                name,
                *commune,
                rng.choice(nafs),
                fictitious.headcount(rng),
                fictitious.email_for(first, last, "bench.ancrage.test"),
                first,
                last,
                rng.choice(occupations) if occupations else "",
                " ; ".join(chosen),
                " ; ".join(rng.sample(activities, rng.randint(1, 4))),
                " ; ".join(rng.sample(markets, rng.randint(1, 3))),
                " ; ".join(rng.sample(["ISO 9001", "EN 9100", "ISO 14001", "MASE"], 2)),
            ]
        )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(headers())
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def measure(path, slug):
    """One run, in this process: seconds of each step and peak memory."""
    from django.db import transaction

    from ancrage.clusters.models import Cluster
    from ancrage.matrix import importer
    from ancrage.referentiel.search import indexes

    cluster = Cluster.objects.get(slug=slug)
    data = Path(path).read_bytes()
    figures = {}
    started = time.perf_counter()
    for name in ("occupation", "skill"):  # what the import's matching reads
        indexes.get(name)
    figures["index"] = time.perf_counter() - started
    figures["index_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with transaction.atomic():
        started = time.perf_counter()
        report = importer.check(cluster, data)
        figures["check"] = time.perf_counter() - started
        started = time.perf_counter()
        first = importer.run(cluster, data, valid_rows_only=True, name="bench.xlsx")
        figures["import"] = time.perf_counter() - started
        started = time.perf_counter()
        again = importer.run(cluster, data, valid_rows_only=True, name="bench.xlsx")
        figures["reimport"] = time.perf_counter() - started
        transaction.set_rollback(True)
    figures["problems"] = len(report.problems)
    figures["written"] = first.written and again.written
    figures["summary"] = importer.lines(first.summary.as_details()) if first.written else []
    figures["unchanged"] = len(again.summary.unchanged) if again.written else 0
    figures["problem_sample"] = [str(problem) for problem in report.problems[:5]]
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--cluster", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    setup()
    if arguments.measure:
        print(json.dumps(measure(arguments.measure, arguments.cluster)))
        return
    from django.conf import settings

    if settings.LOCAL and Path(settings.VAR_DIR).resolve() == (BASE_DIR / "var").resolve():
        parser.error("donnez un dossier à part : ANCRAGE_VAR_DIR=/tmp/var-bench …")
    cluster = largest_cluster()
    if cluster is None:
        parser.error("pas de cluster de mesure : lancez d'abord python -m benchmarks.generate")
    started = time.perf_counter()
    rng = random.Random(SEED)  # noqa: S311 (a reproducible sample, not a secret)
    data = build_file(cluster, rng)
    print(
        f"{cluster.name} ({cluster.slug}) : fichier de {ROWS} lignes, "
        f"{len(data) / 1024 / 1024:.1f} Mo, construit en {time.perf_counter() - started:.0f} s"
    )
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as file:
        file.write(data)
        file.flush()
        runs = []
        for run in range(1, arguments.runs + 1):
            command = [sys.executable, "-m", "benchmarks.bench_import_members"]
            output = subprocess.run(  # noqa: S603 (this very script, our arguments)
                [*command, "--measure", file.name, "--cluster", cluster.slug],
                capture_output=True,
                text=True,
                check=True,
                cwd=BASE_DIR,
            )
            figures = json.loads(output.stdout.strip().splitlines()[-1])
            runs.append(figures)
            steps = ", ".join(f"{key} {figures[key]:.1f} s" for key, _label in STEPS)
            print(
                f"run {run}: {steps}, mémoire {figures['peak_mb']:.0f} Mo "
                f"(dont {figures['index_mb']:.0f} Mo avant l'import : Django et les index)"
            )
    last = runs[-1]
    print(f"erreurs signalées : {last['problems']} {last['problem_sample']}")
    for line in last["summary"]:
        print(f"  {line}")
    print(f"réimport : {last['unchanged']} inchangé(s)")
    print(f"médiane de {len(runs)} passage(s), {os.cpu_count()} cœur(s) :")
    within = True
    for key, label in STEPS:
        median = statistics.median(run[key] for run in runs)
        note = ""
        if key in ("import", "reimport"):
            ok = median <= BUDGET_SECONDS
            within = within and ok
            note = f" (budget ≤ {BUDGET_SECONDS:.0f} s : {'OK' if ok else 'DÉPASSÉ'})"
        print(f"- {label} : {median:.1f} s{note}")
    memory = statistics.median(run["peak_mb"] for run in runs)
    baseline = statistics.median(run["index_mb"] for run in runs)
    ok = memory <= BUDGET_MB
    within = within and ok and all(run["written"] for run in runs)
    print(
        f"- mémoire maximale du processus : {memory:.0f} Mo, dont {baseline:.0f} Mo avant "
        f"l'import (budget ≤ {BUDGET_MB:.0f} Mo : {'OK' if ok else 'DÉPASSÉ'})"
    )
    raise SystemExit(0 if within else 1)


if __name__ == "__main__":
    main()
