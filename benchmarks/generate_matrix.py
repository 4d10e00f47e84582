"""The benchmark clusters' vocabularies (~100 métiers and ~300 key skills of
the ROME each, drawn from the ROME domains of the cluster's filière) and
their members' matrix profiles. Used by benchmarks/generate.py."""

import datetime
from collections import Counter

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from benchmarks.filieres import FILIERES

OCCUPATIONS_PER_CLUSTER = 100
SKILLS_PER_CLUSTER = 300
# Knowledge that makes a key skill (not « Certifications et habilitations »).
KEY_KNOWLEDGE = ("Techniques professionnelles", "Domaines d'expertise")
GENERIC_SKILL = 40  # a ROME skill of more occupations is no key skill (« Normes qualité »)
STATES = (("validated", 74), ("submitted", 9), ("to_review", 5), ("draft", 12))


def bench_clusters():
    from ancrage.clusters.models import Cluster
    from benchmarks.generate import SLUG_PREFIX

    return Cluster.objects.filter(slug__startswith=SLUG_PREFIX)


def vocabularies_done(scale):
    from ancrage.referentiel.models import VocabularyEntry

    entries = VocabularyEntry.objects.filter(cluster__in=bench_clusters())
    with_both = (
        entries.values("cluster")
        .distinct()
        .filter(cluster__in=entries.filter(kind="skill").values("cluster"))
    )
    return with_both.count() == scale.clusters


def clear_vocabularies():
    from ancrage.referentiel.models import VocabularyEntry
    from ancrage.tenders.models import Tender
    from benchmarks.generate import sql_delete

    Tender.objects.filter(cluster__in=bench_clusters()).delete()
    clear_profiles()
    sql_delete(VocabularyEntry, "cluster_id", list(bench_clusters().values_list("pk", flat=True)))


def create_vocabularies(scale, rng):
    from ancrage.demo.fictitious import sample_weighted
    from ancrage.referentiel.models import Occupation, OccupationSkill, VocabularyEntry
    from benchmarks.generate import BATCH

    occupations = list(
        Occupation.objects.filter(is_obsolete=False, ogr_code__isnull=False)
        .order_by("code")
        .values_list("pk", "domain__code")
    )
    links = {}
    generality = Counter()
    for occupation, skill, importance in (
        OccupationSkill.objects.filter(skill__is_obsolete=False)
        .filter(Q(skill__kind="savoir_faire") | Q(skill__category__in=KEY_KNOWLEDGE))
        .order_by("pk")
        .values_list("occupation_id", "skill_id", "importance")
    ):
        links.setdefault(occupation, []).append((skill, 2 if importance == "core" else 1))
        generality[skill] += 1
    filieres = {f.name: f for f in FILIERES}
    entries = []
    for cluster_pk, filiere_name in bench_clusters().order_by("slug").values_list("pk", "filiere"):
        filiere = filieres[filiere_name]
        domains = {**filiere.common_domains, **filiere.domains}
        chosen = sample_weighted(
            rng,
            [(pk, domains.get(domain, 0)) for pk, domain in occupations],
            OCCUPATIONS_PER_CLUSTER,
        )
        scores = Counter()
        for rank, occupation in enumerate(chosen):
            for skill, importance in links.get(occupation, ()):
                # Specific skills first: « souder à l'arc » before « communiquer ».
                if generality[skill] <= GENERIC_SKILL:
                    scores[skill] += importance / (rank + 10) / generality[skill] ** 1.5
        # The most relevant skills, by and large, most relevant first.
        relevant = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
        skills = sample_weighted(rng, relevant[: SKILLS_PER_CLUSTER * 3 // 2], SKILLS_PER_CLUSTER)
        entries += [
            VocabularyEntry(cluster_id=cluster_pk, kind="occupation", occupation_id=pk, position=n)
            for n, pk in enumerate(chosen, start=1)
        ]
        entries += [
            VocabularyEntry(cluster_id=cluster_pk, kind="skill", skill_id=pk, position=n)
            for n, pk in enumerate(skills, start=1)
        ]
    VocabularyEntry.objects.bulk_create(entries, batch_size=BATCH)


def profiled_memberships(scale):
    """Active memberships of the benchmark clusters, and how many of them
    have a matrix profile."""
    from ancrage.organisations.models import Membership

    memberships = Membership.objects.active().filter(cluster__in=bench_clusters())
    return memberships, round(memberships.count() * scale.profile_share)


def profiles_done(scale):
    from ancrage.matrix.models import MatrixProfile

    memberships, expected = profiled_memberships(scale)
    return MatrixProfile.objects.filter(membership__in=memberships).count() == expected > 0


def clear_profiles():
    from ancrage.matrix.models import (
        MatrixProfile,
        ProfileActivity,
        ProfileMarket,
        ProfileSkill,
        Proposal,
        Transition,
    )
    from benchmarks.generate import sql_delete

    profiles = MatrixProfile.objects.filter(membership__cluster__in=bench_clusters())
    ids = list(profiles.values_list("pk", flat=True))
    for model in (ProfileSkill, ProfileActivity, ProfileMarket, Transition, Proposal):
        sql_delete(model, "profile_id", ids)
    sql_delete(MatrixProfile, "id", ids)


def create_profiles(scale, rng):
    from ancrage.demo.fictitious import weighted
    from ancrage.matrix.models import MatrixProfile, ProfileActivity, ProfileMarket, ProfileSkill
    from benchmarks.generate import BATCH

    memberships, expected = profiled_memberships(scale)
    chosen = rng.sample(list(memberships.order_by("pk").values_list("pk", "cluster_id")), expected)
    draws = cluster_draws(rng)
    now = timezone.now()
    profiles, contents = [], []
    for membership, cluster in sorted(chosen):
        occupation, skills, activities, markets, certifications = draws[cluster].profile(rng)
        state = weighted(rng, STATES)
        validated_at = (
            now - datetime.timedelta(days=rng.randint(1, 700))
            if state in ("validated", "to_review")
            else None
        )
        profiles.append(
            MatrixProfile(
                membership_id=membership,
                occupation_id=occupation,
                certifications=certifications,
                state=state,
                updated_at=validated_at or now - datetime.timedelta(days=rng.randint(1, 90)),
                validated_at=validated_at,
            )
        )
        contents.append((skills, activities, markets))
    MatrixProfile.objects.bulk_create(profiles, batch_size=BATCH)
    copy_rows(
        f"{ProfileSkill._meta.db_table} (profile_id, entry_id, comment)",
        ((p.pk, skill, "") for p, c in zip(profiles, contents, strict=True) for skill in c[0]),
    )
    copy_rows(
        f"{ProfileActivity._meta.db_table} (profile_id, activity_id, comment)",
        ((p.pk, pk, "") for p, c in zip(profiles, contents, strict=True) for pk in c[1]),
    )
    copy_rows(
        f"{ProfileMarket._meta.db_table} (profile_id, market_id, comment)",
        ((p.pk, pk, "") for p, c in zip(profiles, contents, strict=True) for pk in c[2]),
    )


def cluster_draws(rng):
    """{cluster pk: ProfileDraws} of every benchmark cluster."""
    from ancrage.demo.draws import ProfileDraws
    from ancrage.referentiel.models import Activity, Market, OccupationSkill, VocabularyEntry

    filieres = {f.name: f for f in FILIERES}
    activities = list(Activity.objects.order_by("position").values_list("slug", "pk"))
    markets = list(Market.objects.order_by("position").values_list("slug", "pk"))
    vocabulary = {}
    for cluster, kind, pk, occupation, skill in (
        VocabularyEntry.objects.filter(cluster__in=bench_clusters())
        .order_by("cluster", "kind", "position")
        .values_list("cluster_id", "kind", "pk", "occupation_id", "skill_id")
    ):
        entries = vocabulary.setdefault(cluster, {"occupation": [], "skill": []})
        entries[kind].append((pk, occupation or skill))
    rome_links = {}
    for occupation, skill in OccupationSkill.objects.values_list("occupation_id", "skill_id"):
        rome_links.setdefault(occupation, set()).add(skill)
    draws = {}
    for cluster, filiere in bench_clusters().values_list("pk", "filiere"):
        entries = vocabulary[cluster]
        skill_entry = {skill: pk for pk, skill in entries["skill"]}
        skills_of = {
            pk: sorted(skill_entry[s] for s in rome_links.get(occupation, ()) if s in skill_entry)
            for pk, occupation in entries["occupation"]
        }
        occupations = [pk for pk, _o in entries["occupation"]]
        skills = [pk for pk, _s in entries["skill"]]
        draws[cluster] = ProfileDraws(
            filieres[filiere], occupations, skills, skills_of, activities, markets
        )
    return draws


def copy_rows(table, rows):
    """COPY `rows` into `table` (« name (columns) »): the fastest bulk insert."""
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
