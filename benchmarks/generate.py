"""Generate a national-scale dataset for benchmarks.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.generate --scale national

Runs the migrations, imports the whole official geography (the npm package
`@etalab/decoupage-administratif`, plus the zones d'emploi and BMO basins of
`../shared/data/geo` when that folder exists) and the référentiel (ROME 4.0 and
the French ESCO of `../shared/data`), then creates with bulk inserts the
clusters and their staff, member organisations (head office, contact) and
memberships, each cluster's vocabulary drawn from the ROME, the members'
matrix profiles, their survey answers and their GPEC declarations.
Deterministic (fixed seed) and idempotent: a step whose data is already
complete is skipped, an incomplete one is removed and created again.

Later issues extend it by appending a `Step` to `STEPS` and a figure to
`Scale`. Every generated row is recognisable (clusters' slugs start with
`bench-`, users' emails end with `@bench.ancrage.test`), so a step can remove
its own rows without touching anything else.
"""

import argparse
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import django

# The steps' modules build on the models: Django first.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
django.setup()

from django.db import connection  # noqa: E402

from benchmarks.filieres import FILIERES  # noqa: E402
from benchmarks.generate_candidates import (  # noqa: E402
    applications_done,
    candidates_done,
    clear_applications,
    clear_candidates,
    create_applications,
    create_candidates,
)
from benchmarks.generate_gpec import clear_gpec, create_gpec, gpec_done  # noqa: E402
from benchmarks.generate_jobs import clear_offers, create_offers, offers_done  # noqa: E402
from benchmarks.generate_matrix import (  # noqa: E402
    clear_profiles,
    clear_vocabularies,
    create_profiles,
    create_vocabularies,
    profiles_done,
    vocabularies_done,
)
from benchmarks.generate_members import (  # noqa: E402
    clear_organisations,
    create_organisations,
    organisations_done,
)
from benchmarks.generate_surveys import clear_surveys, create_surveys, surveys_done  # noqa: E402

BASE_DIR = Path(__file__).resolve().parent.parent
COG_SOURCE = BASE_DIR / "node_modules/@etalab/decoupage-administratif/data"
SHARED_GEO = BASE_DIR.parent / "shared/data/geo"
SHARED_ROME = BASE_DIR.parent / "shared/data/rome-v460"
SHARED_ESCO = BASE_DIR.parent / "shared/data/esco-fr"
SLUG_PREFIX = "bench-"
EMAIL_DOMAIN = "bench.ancrage.test"
SEED = 20260101
BATCH = 5000
# No cluster seat in the overseas collectivities (Saint-Pierre, Polynésie…).
OVERSEAS_COLLECTIVITIES = r"^(975|977|978|98)"


@dataclass(frozen=True)
class Scale:
    clusters: int
    staff_per_cluster: tuple  # (min, max)
    organisations: int
    multi_cluster_share: float  # extra active memberships per organisation (2nd, 3rd cluster)
    largest_cluster: int  # active members of the largest cluster (the first one)
    smallest_cluster: int
    networked_clusters: int  # clusters in the national network
    profile_share: float  # active memberships with a matrix profile
    # Job boards (issue 7): offers on the boards, past ones, candidates, applications.
    offers: int = 0
    closed_offers: int = 0
    candidates: int = 0
    applications: int = 0


SCALES = {
    # France Clusters' figure (DESIGN.md, section 1; issue 4): 162 clusters,
    # 60,000 organisations, the largest cluster with 800 active members.
    # Issue 7: 50,000 offers on the boards, 100,000 candidates, 150,000 applications.
    "national": Scale(
        162, (2, 5), 60_000, 0.18, 800, 150, 162, 0.85, 50_000, 20_000, 100_000, 150_000
    ),
    # A quick run for development and tests.
    "small": Scale(12, (2, 5), 600, 0.18, 100, 30, 12, 0.85, 1_000, 400, 2_000, 3_000),
}

FIRST_NAMES = ["Camille", "Dominique", "Claude", "Alix", "Sacha", "Morgane", "Yann", "Maël"]
LAST_NAMES = ["Le Gall", "Martin", "Bernard", "Moreau", "Lefèvre", "Garnier", "Rousseau"]


@dataclass
class Step:
    name: str
    done: object  # function(scale) -> bool
    clear: object  # function() -> None
    run: object  # function(scale, rng) -> None


def geography_done(scale):
    from ancrage.territory.models import Commune

    return Commune.objects.filter(is_current=True).count() > 30_000


def import_geography(scale, rng):
    from ancrage.territory import importer

    cog = importer.read_cog(COG_SOURCE)
    zones = basins = None
    zones_file = SHARED_GEO / "zones-emploi-2020-communes.csv"
    basins_file = SHARED_GEO / "bassins-emploi-bmo-2019-communes.csv"
    if zones_file.exists():
        zones = importer.read_commune_zones(zones_file, "CODGEO", "ZE2020", "LIBZE2020")
    if basins_file.exists():
        basins = importer.read_commune_zones(basins_file, "CODE_COMMUNE_INSEE", "BE19", "NOMBE19")
    importer.apply(cog, zones, basins)


def clusters_done(scale):
    from ancrage.clusters.models import Cluster, ClusterStaff

    clusters = Cluster.objects.filter(slug__startswith=SLUG_PREFIX)
    staffed = ClusterStaff.objects.filter(cluster__in=clusters).values("cluster").distinct()
    networked = clusters.filter(network__isnull=False)
    return (
        clusters.count() == staffed.count() == scale.clusters
        and networked.count() == scale.networked_clusters
    )


def clear_clusters():
    from ancrage.accounts.models import User
    from ancrage.clusters.models import Cluster

    clear_vocabularies()
    clear_organisations()
    Cluster.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()


def create_clusters(scale, rng):
    from django.contrib.auth.hashers import make_password

    from ancrage.accounts.models import User
    from ancrage.clusters.models import Cluster, ClusterStaff, Network
    from ancrage.territory.models import Commune

    towns = list(
        Commune.objects.current()
        .filter(population__gte=10_000)
        .exclude(code__regex=OVERSEAS_COLLECTIVITIES)
        .order_by("code")
        .values_list("pk", "population")
    )
    seats = rng.choices([pk for pk, _ in towns], weights=[p for _, p in towns], k=scale.clusters)
    network, _ = Network.objects.get_or_create(
        slug="bench-france-clusters", defaults={"name": "Réseau national (benchmark)"}
    )
    kinds = list(Cluster.Kind.values)
    clusters = Cluster.objects.bulk_create(
        Cluster(
            name=f"Cluster {FILIERES[n % len(FILIERES)].name} {n:03d}",
            slug=f"{SLUG_PREFIX}{n:03d}",
            kind=kinds[n % len(kinds)],
            filiere=FILIERES[n % len(FILIERES)].name,
            seat_id=seats[n],
            founded_year=1995 + n % 30,
            network=network if n < scale.networked_clusters else None,
        )
        for n in range(scale.clusters)
    )
    password = make_password(None)
    users, staff = [], []
    for cluster in clusters:
        for rank in range(rng.randint(*scale.staff_per_cluster)):
            user = User(
                email=f"staff-{cluster.slug}-{rank}@{EMAIL_DOMAIN}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                password=password,
            )
            users.append(user)
            role = ClusterStaff.Role.ADMIN if rank == 0 else ClusterStaff.Role.OFFICER
            staff.append(ClusterStaff(cluster=cluster, user=user, role=role))
    User.objects.bulk_create(users, batch_size=BATCH)
    ClusterStaff.objects.bulk_create(staff, batch_size=BATCH)


def bench_organisations():
    from ancrage.organisations.models import Organisation

    members = Organisation.objects.filter(memberships__cluster__slug__startswith=SLUG_PREFIX)
    return Organisation.objects.filter(pk__in=members.values("pk"))


def sql_delete(model, column, ids):
    """Delete the rows of `model` whose `column` is in `ids`, in one statement:
    no cascade, no signal (the ORM would load every row, as a receiver listens
    to every model)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE {column} = ANY(%s)", [ids])  # noqa: S608


def referentiel_done(scale):
    from ancrage.referentiel.models import EscoOccupation, Occupation

    imported = Occupation.objects.filter(ogr_code__isnull=False, is_obsolete=False)
    return imported.count() >= 1584 and EscoOccupation.objects.exists()


def import_referentiel(scale, rng):
    from ancrage.referentiel.importers import esco, rome, rome_update

    for folder in (SHARED_ROME, SHARED_ESCO):
        if not folder.is_dir():
            raise SystemExit(f"données de référence introuvables : {folder}")
    rome_update.apply(rome.read_publication(SHARED_ROME))
    esco.apply(esco.read_esco(SHARED_ESCO, "fr"))


STEPS = [
    Step("géographie", geography_done, lambda: None, import_geography),
    # Imports are idempotent and write in one transaction: nothing to clear.
    Step("référentiel ROME et ESCO", referentiel_done, lambda: None, import_referentiel),
    Step("clusters et équipes", clusters_done, clear_clusters, create_clusters),
    Step(
        "organisations et adhésions", organisations_done, clear_organisations, create_organisations
    ),
    Step("vocabulaires des clusters", vocabularies_done, clear_vocabularies, create_vocabularies),
    Step("profils de la matrice", profiles_done, clear_profiles, create_profiles),
    Step("enquêtes : 4 vagues de baromètre", surveys_done, clear_surveys, create_surveys),
    Step("GPEC : 2 déclarations par adhérent", gpec_done, clear_gpec, create_gpec),
    Step("bourse d'emploi : offres", offers_done, clear_offers, create_offers),
    Step("bourse d'emploi : candidats", candidates_done, clear_candidates, create_candidates),
    Step(
        "bourse d'emploi : candidatures",
        applications_done,
        clear_applications,
        create_applications,
    ),
]
# What `python -m benchmarks.generate_jobs` runs alone.
JOB_STEPS = STEPS[-3:]


def generate(scale, out=print, only=None):
    """Run the steps (`only` those, when given) whose data is not complete."""
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    for position, step in enumerate(STEPS):
        if only is not None and step not in only:
            continue
        if step.done(scale):
            out(f"{step.name} : déjà complet")
            continue
        started = time.perf_counter()
        rng = random.Random(SEED + position)  # noqa: S311 (synthetic data, not secrets)
        with transaction.atomic():
            step.clear()
            step.run(scale, rng)
        out(f"{step.name} : {time.perf_counter() - started:.1f} s")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="national")
    arguments = parser.parse_args(argv)
    refuse_default_var_dir(parser)
    generate(SCALES[arguments.scale])


def refuse_default_var_dir(parser):
    """Never the development database: the benchmarks want a folder of their own."""
    from django.conf import settings

    if settings.LOCAL and Path(settings.VAR_DIR).resolve() == (BASE_DIR / "var").resolve():
        parser.error("donnez un dossier à part : ANCRAGE_VAR_DIR=/tmp/var-bench …")


if __name__ == "__main__":
    main()
