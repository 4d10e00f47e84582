"""Time of the ROME import (and of the ESCO import) on a scratch database.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_import_rome

Creates a scratch database (Django's test database, migrated, removed at the
end) in the PostgreSQL of ANCRAGE_VAR_DIR, then, `--runs` times: a full
import of `../shared/data/rome-v460` through the `import_rome` command into
an empty référentiel, a second import that changes nothing, then the French
ESCO (`../shared/data/esco-fr`) and its re-import; each run is rolled back,
so that the next one starts empty again. Prints every run and the median.
Exits with status 1 when a median is over its budget.
"""

import argparse
import io
import os
import statistics
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
ROME = BASE_DIR.parent / "shared/data/rome-v460"
ESCO = BASE_DIR.parent / "shared/data/esco-fr"
BUDGETS = {"ROME, import complet": 90.0, "ROME, réimport sans changement": 30.0}


def timed(command, *args):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command(command, *args, stdout=io.StringIO())
    return time.perf_counter() - started


def one_run():
    """Seconds of each step, in a transaction rolled back at the end."""
    from django.db import transaction

    from ancrage.referentiel.models import Occupation

    with transaction.atomic():
        if Occupation.objects.exists():
            raise SystemExit("La base de mesure devrait être vide.")
        figures = {
            "ROME, import complet": timed("import_rome", str(ROME)),
            "ROME, réimport sans changement": timed("import_rome", str(ROME)),
            "ESCO, import complet": timed("import_esco", str(ESCO), "--lang", "fr"),
            "ESCO, réimport sans changement": timed("import_esco", str(ESCO), "--lang", "fr"),
        }
        transaction.set_rollback(True)
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    for folder in (ROME, ESCO):
        if not folder.is_dir():
            parser.error(f"données de référence introuvables : {folder}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    if settings.LOCAL and Path(settings.VAR_DIR).resolve() == (BASE_DIR / "var").resolve():
        parser.error("donnez un dossier à part : ANCRAGE_VAR_DIR=/tmp/var-bench …")
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        runs = []
        for run in range(1, arguments.runs + 1):
            figures = one_run()
            runs.append(figures)
            print(f"run {run}: " + ", ".join(f"{k} {v:.1f} s" for k, v in figures.items()))
    finally:
        teardown_databases(databases, verbosity=0)
    print(f"médiane de {len(runs)} passage(s), {os.cpu_count()} cœur(s) :")
    verdict = True
    for step in runs[0]:
        median = statistics.median(run[step] for run in runs)
        budget = BUDGETS.get(step)
        note = ""
        if budget is not None:
            within = median <= budget
            verdict = verdict and within
            note = f" (budget ≤ {budget:.0f} s : {'OK' if within else 'DÉPASSÉ'})"
        print(f"- {step} : {median:.1f} s{note}")
    raise SystemExit(0 if verdict else 1)


if __name__ == "__main__":
    main()
