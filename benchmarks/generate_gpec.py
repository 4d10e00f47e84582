"""The benchmark members' GPEC declarations: every active membership declares
twice, a year apart (so that the dashboards compare with the previous year),
its workforce per occupation (age bands adding up to the headcount, women,
contracts, cadres), its forecasts for most of those occupations (creations,
departures, recruitments, open positions, difficulty and its reason) and,
for some, skill needs. About 500,000 facts at the national scale. Used by
benchmarks/generate.py.

Occupations: the member's métier of the matrix first (when it has a
profile), then the cluster's other métiers by popularity, more of them the
larger the organisation. Age pyramids are older in the traditional filières
and younger in the digital one, and a year older in the second declaration.
A few of each cluster's occupations are in tension (difficulty rising from
one year to the next), and a few of its skills are needed more and more
(emerging). Declarations and facts are written with COPY, the
declarations' ids taken from their sequence beforehand."""

import datetime
from collections import defaultdict

from django.db import connection
from django.utils import timezone

from benchmarks.generate_matrix import bench_clusters, copy_rows
from benchmarks.generate_surveys import next_ids

DECLARATIONS_PER_MEMBER = 2
SKILL_NEED_SHARE = 0.35  # declarations with skill needs
FORECAST_SHARE = 0.9  # workforce lines with forecasts
TENSE_OCCUPATIONS = 6
# How a member's declared workforce splits over its occupations, main first.
SIZE_WEIGHTS = (2.5, 1.5, 1, 0.8, 0.6, 0.5)
EMERGING_SKILLS = 8
# Shares of the age bands (< 25 … ≥ 60) by how old a filière's workforce is.
AGE_SHARES = {
    "old": (0.07, 0.18, 0.21, 0.26, 0.16, 0.12),
    "middle": (0.09, 0.23, 0.25, 0.24, 0.12, 0.07),
    "young": (0.14, 0.38, 0.27, 0.14, 0.05, 0.02),
}
YOUNG_FILIERES = ("Numérique",)
OLD_FILIERES = (
    "Mécanique et métallurgie",
    "Bois et ameublement",
    "Textile et habillement",
    "Industries de la mer",
    "Agroalimentaire",
)
REASONS = (
    ("few_candidates", 5),
    ("skills_missing", 4),
    ("attractiveness", 2),
    ("pay", 1.5),
    ("conditions", 1),
    ("location", 1),
)
FACT_COLUMNS = (
    "cluster_id, organisation_id, observed_on, source, source_key, source_label, "
    "entered_by_id, on_behalf, created_at"
)
WORKFORCE_COLUMNS = (
    "occupation_id, headcount, age_under_25, age_25_34, age_35_44, age_45_54, age_55_59, "
    "age_60_plus, women, cdi, cdd, alternance, interim, cadres"
)
FORECAST_COLUMNS = (
    "occupation_id, open_unfilled, positions_filled, time_to_fill_days, creations_1y, "
    "creations_3y, recruitments_1y, recruitments_3y, retirements_1y, retirements_3y, "
    "other_departures_1y, other_departures_3y, difficulty, difficulty_reason"
)
SKILL_COLUMNS = "skill_id, horizon_years, kind, people, preferred_answer, priority"


def active_memberships():
    from ancrage.organisations.models import Membership

    return Membership.objects.filter(cluster__in=bench_clusters(), status="active")


def gpec_done(scale):
    from ancrage.gpec.models import Declaration, SkillNeed, WorkforceLine

    expected = DECLARATIONS_PER_MEMBER * active_memberships().count()
    declarations = Declaration.objects.filter(cluster__in=bench_clusters()).count()
    return (
        expected > 0
        and declarations == expected
        and WorkforceLine.objects.filter(cluster__in=bench_clusters()).count() >= expected
        and SkillNeed.objects.filter(cluster__in=bench_clusters()).exists()
    )


def clear_gpec():
    from ancrage.gpec.models import Declaration, OccupationForecast, SkillNeed, WorkforceLine
    from benchmarks.generate import sql_delete

    clusters = list(bench_clusters().values_list("pk", flat=True))
    for model in (WorkforceLine, OccupationForecast, SkillNeed):
        sql_delete(model, "cluster_id", clusters)
    with connection.cursor() as cursor:  # « nothing changed » points to a declaration
        cursor.execute(
            "UPDATE gpec_declaration SET unchanged_from_id = NULL WHERE cluster_id = ANY(%s)",
            [clusters],
        )
    sql_delete(Declaration, "cluster_id", clusters)


def spread(total, shares):
    """`total` split by `shares` into whole numbers adding up to it."""
    weight = sum(shares)
    raw = [total * share / weight for share in shares]
    counts = [int(value) for value in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def occupation_count(rng, headcount):
    if headcount < 10:
        return 1
    if headcount < 250:
        return rng.choices((1, 2, 3), weights=(45, 40, 15))[0]
    if headcount < 5000:
        return rng.randint(2, 5)
    return rng.randint(3, 6)


def declared_share(headcount):
    """(low, high) share of an organisation's headcount working in the
    occupations it declares to a cluster: most of a small company, a few
    departments of a large one."""
    if headcount < 50:
        return 0.3, 0.8
    if headcount < 250:
        return 0.2, 0.5
    return 0.03, 0.2


class ClusterDraws:
    """What a cluster's members declare from: its métiers (by popularity),
    skills, ageing, occupations in tension and emerging skills."""

    def __init__(self, rng, filiere, occupations, skills):
        self.occupations = occupations
        self.weights = [1 / (rank + 3) for rank in range(len(occupations))]
        self.skills = skills
        age = "young" if filiere in YOUNG_FILIERES else "middle"
        if filiere in OLD_FILIERES:
            age = "old"
        self.ages = AGE_SHARES[age]
        self.tense = set(occupations[:TENSE_OCCUPATIONS])
        self.emerging = skills[:EMERGING_SKILLS]
        self.reasons, self.reason_weights = zip(*REASONS, strict=True)
        self.rng = rng

    def occupations_of(self, main, count):
        chosen = [main] if main else []
        while len(chosen) < min(count, len(self.occupations)):
            drawn = self.rng.choices(self.occupations, weights=self.weights)[0]
            if drawn not in chosen:
                chosen.append(drawn)
        return chosen


def workforce(rng, draws, headcount, year):
    """One occupation's workforce columns (after the occupation), the age
    bands a little older in the second year."""
    shares = [share * rng.uniform(0.7, 1.3) for share in draws.ages]
    shares[4] += 0.01 * year
    shares[5] += 0.015 * year
    bands = spread(headcount, shares)
    alternance = min(headcount, round(headcount * rng.uniform(0, 0.08)))
    cdd = min(headcount - alternance, round(headcount * rng.uniform(0, 0.1)))
    interim = min(headcount - alternance - cdd, round(headcount * rng.uniform(0, 0.06)))
    return (
        headcount,
        *bands,
        round(headcount * rng.uniform(0.05, 0.45)),
        headcount - alternance - cdd - interim,
        cdd,
        alternance,
        interim,
        round(headcount * rng.uniform(0.03, 0.3)),
    ), bands


def forecast(rng, draws, occupation, headcount, bands, year):
    tense = occupation in draws.tense
    retirements_3y = min(headcount, round(bands[5] * 0.8 + bands[4] * 0.2 * rng.uniform(0.5, 1.5)))
    retirements_1y = min(retirements_3y, round(bands[5] * rng.uniform(0.2, 0.4)))
    other_1y = min(headcount - retirements_1y, round(headcount * rng.uniform(0, 0.08)))
    other_3y = min(headcount - retirements_3y, other_1y + round(headcount * rng.uniform(0, 0.1)))
    creations_1y = round(headcount * rng.uniform(0, 0.12))
    creations_3y = creations_1y + round(headcount * rng.uniform(0, 0.15))
    difficulty = min(4, max(1, round(rng.gauss(2.9 + 0.4 * year if tense else 2.0, 0.7))))
    answered = rng.random() < 0.6
    return (
        occupation,
        min(headcount, rng.randint(0, 2 + tense * 2)) if rng.random() < 0.4 else 0,
        rng.randint(0, max(1, headcount // 5)) if answered else None,
        rng.randint(20, 200 if tense else 90) if answered else None,
        creations_1y,
        creations_3y,
        creations_1y + retirements_1y + other_1y,
        creations_3y + retirements_3y + other_3y,
        retirements_1y,
        retirements_3y,
        other_1y,
        other_3y,
        difficulty,
        rng.choices(draws.reasons, weights=draws.reason_weights)[0] if difficulty >= 3 else "",
    )


def skill_needs(rng, draws, held, year):
    """Skill needs of one declaration: some of the member's own skills, and
    the cluster's emerging ones, more often the second year."""
    needs = []
    if draws.emerging and rng.random() < 0.25 + 0.25 * year:
        needs.append((rng.choice(draws.emerging), "new"))
    if held and rng.random() < SKILL_NEED_SHARE:
        needs.append((rng.choice(held), "shortage"))
    seen, rows = set(), []
    for skill, kind in needs:
        if skill in seen:
            continue
        seen.add(skill)
        rows.append(
            (
                skill,
                rng.choice((1, 3, 3)),
                kind,
                rng.randint(1, 4),
                rng.choices(("train", "recruit", "share", "subcontract"), weights=(5, 4, 2, 1))[0],
                rng.randint(1, 3),
            )
        )
    return rows


def members():
    """[(cluster id, organisation id, headcount, main occupation id,
    [skill ids])] of the active memberships, in a fixed order."""
    from ancrage.matrix.models import MatrixProfile, ProfileSkill

    profiles = {
        membership: (profile, occupation)
        for profile, membership, occupation in MatrixProfile.objects.filter(
            membership__in=active_memberships()
        ).values_list("pk", "membership_id", "occupation__occupation_id")
    }
    skills = defaultdict(list)
    for profile, skill in (
        ProfileSkill.objects.filter(profile__membership__in=active_memberships())
        .exclude(entry__skill=None)
        .order_by("profile", "pk")
        .values_list("profile_id", "entry__skill_id")
    ):
        skills[profile].append(skill)
    rows = []
    for membership, cluster, organisation, headcount in (
        active_memberships()
        .order_by("cluster", "organisation")
        .values_list("pk", "cluster_id", "organisation_id", "organisation__headcount")
    ):
        profile, occupation = profiles.get(membership, (None, None))
        rows.append((cluster, organisation, headcount or 20, occupation, skills.get(profile, [])))
    return rows


def cluster_draws(rng):
    from ancrage.referentiel.models import VocabularyEntry

    filieres = dict(bench_clusters().values_list("pk", "filiere"))
    occupations, skills = defaultdict(list), defaultdict(list)
    for cluster, occupation, skill in (
        VocabularyEntry.objects.filter(cluster__in=filieres)
        .order_by("cluster", "position", "pk")
        .values_list("cluster_id", "occupation_id", "skill_id")
    ):
        if occupation:
            occupations[cluster].append(occupation)
        elif skill:
            skills[cluster].append(skill)
    return {
        pk: ClusterDraws(rng, filiere, occupations[pk], skills[pk])
        for pk, filiere in sorted(filieres.items())
    }


def create_gpec(scale, rng):
    draws = cluster_draws(rng)
    rows = members()
    today = timezone.localdate()
    ids = next_ids("gpec_declaration", DECLARATIONS_PER_MEMBER * len(rows))
    declarations, facts = [], {"workforce": [], "forecast": [], "skills": []}
    for index, (cluster, organisation, headcount, main, held) in enumerate(rows):
        cluster_draws_ = draws[cluster]
        share = rng.uniform(*declared_share(headcount))
        occupations = cluster_draws_.occupations_of(main, occupation_count(rng, headcount))
        total = max(len(occupations), round(headcount * share))
        sizes = [max(1, size) for size in spread(total, SIZE_WEIGHTS[: len(occupations)])]
        for year in range(DECLARATIONS_PER_MEMBER):
            pk = ids[index * DECLARATIONS_PER_MEMBER + year]
            back = 365 * (DECLARATIONS_PER_MEMBER - 1 - year) + rng.randint(10, 120)
            day = today - datetime.timedelta(days=back)
            on_behalf = rng.random() < 0.15
            created = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
            declarations.append((pk, cluster, organisation, day, on_behalf, "declaration", created))
            common = (
                cluster,
                organisation,
                day,
                "declaration",
                f"declaration:{pk}",
                f"Déclaration du {day:%d/%m/%Y}",
                None,
                on_behalf,
                created,
            )
            for occupation, size in zip(occupations, sizes, strict=True):
                size = max(1, size + rng.randint(-1, 2) * year)
                values, bands = workforce(rng, cluster_draws_, size, year)
                facts["workforce"].append((*common, occupation, *values))
                if rng.random() < FORECAST_SHARE:
                    facts["forecast"].append(
                        (*common, *forecast(rng, cluster_draws_, occupation, size, bands, year))
                    )
            for need in skill_needs(rng, cluster_draws_, held, year):
                facts["skills"].append((*common, *need))
    copy_rows(
        "gpec_declaration (id, cluster_id, organisation_id, declared_on, on_behalf, source, "
        "created_at)",
        declarations,
    )
    copy_rows(f"gpec_workforceline ({FACT_COLUMNS}, {WORKFORCE_COLUMNS})", facts["workforce"])
    copy_rows(f"gpec_occupationforecast ({FACT_COLUMNS}, {FORECAST_COLUMNS})", facts["forecast"])
    copy_rows(f"gpec_skillneed ({FACT_COLUMNS}, {SKILL_COLUMNS})", facts["skills"])
    with connection.cursor() as cursor:
        for table in ("gpec_workforceline", "gpec_occupationforecast", "gpec_skillneed"):
            cursor.execute(f"ANALYZE {table}")
