"""Demo: the GPEC declarations of Neopolia's members over three years, so
that the declaration screens show a history. Each member with a métier in
the matrix declares that occupation once a year: its workforce ageing a
little every year (the traditional trades of our sources are ageing), its
forecasts and one or two skill needs. The demo member account's
organisation last declared a year ago: « Rien n'a changé » is for it."""

import datetime
import random

from django.utils import timezone

from ancrage.clusters.models import Cluster
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.gpec.declarations import save_declaration
from ancrage.gpec.models import Declaration, DifficultyReason, SkillNeed
from ancrage.matrix.models import MatrixProfile

CLUSTER = "neopolia"
SEED = 66
YEARS_BACK = (2, 1, 0)
# Shares of the six age bands (< 25 … ≥ 60) two years ago; older each year.
AGE_SHARES = (0.09, 0.21, 0.22, 0.24, 0.14, 0.10)
REASONS = [value for value, _label in DifficultyReason.choices]


def spread(total, shares):
    """`total` split by `shares` into whole numbers adding up to it."""
    raw = [total * share / sum(shares) for share in shares]
    counts = [int(value) for value in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def block(rng, occupation, headcount, year):
    shares = list(AGE_SHARES)
    shares[-1] += 0.02 * year  # the oldest bands grow year after year
    shares[-2] += 0.015 * year
    shares[0] = max(shares[0] - 0.01 * year, 0.02)
    bands = spread(headcount, shares)
    alternance = min(headcount, rng.randint(0, max(1, headcount // 10)))
    cdd = min(headcount - alternance, rng.randint(0, max(1, headcount // 12)))
    retirements_3y = min(headcount, bands[5] + bands[4] // 2)
    retirements_1y = min(retirements_3y, bands[5] // 2)
    creations_1y = rng.randint(0, max(1, headcount // 8))
    return {
        "occupation": occupation,
        "headcount": headcount,
        **dict(
            zip(
                ("age_under_25", "age_25_34", "age_35_44", "age_45_54", "age_55_59"),
                bands[:5],
                strict=True,
            )
        ),
        "age_60_plus": bands[5],
        "women": round(headcount * rng.uniform(0.05, 0.3)),
        "cdi": headcount - alternance - cdd,
        "cdd": cdd,
        "alternance": alternance,
        "interim": 0,
        "cadres": round(headcount * rng.uniform(0.05, 0.2)),
        "open_unfilled": rng.randint(0, 3),
        "creations_1y": creations_1y,
        "creations_3y": creations_1y + rng.randint(0, 3),
        "retirements_1y": retirements_1y,
        "retirements_3y": retirements_3y,
        # Departures stay within the headcount, as the form requires.
        "other_departures_1y": min(rng.randint(0, 2), headcount - retirements_1y),
        "other_departures_3y": min(rng.randint(0, 4), headcount - retirements_3y),
        "recruitments_1y": creations_1y + bands[5] // 2 + rng.randint(0, 2),
        "recruitments_3y": creations_1y + retirements_3y + rng.randint(0, 4),
        "difficulty": min(4, rng.randint(2, 3) + (year == 2)),
        "difficulty_reason": rng.choice(REASONS),
    }


def load_declarations():
    """Neopolia's declarations, once; how many were made."""
    cluster = Cluster.objects.filter(slug=CLUSTER).first()
    if cluster is None or Declaration.objects.filter(cluster=cluster).exists():
        return 0
    rng = random.Random(SEED)  # noqa: S311 (fictitious data, not secrets)
    today = timezone.localdate()
    profiles = (
        MatrixProfile.objects.filter(
            membership__cluster=cluster,
            membership__status="active",
            occupation__occupation__isnull=False,
        )
        .select_related("membership__organisation", "occupation__occupation")
        .prefetch_related("skills__entry__skill")
        .order_by("membership__organisation__name")
    )
    made = 0
    for profile in profiles:
        organisation = profile.membership.organisation
        if rng.random() > 0.6 and organisation.siren != ESTUARY_SIREN:
            continue
        headcount = max(1, round((organisation.headcount or 10) * rng.uniform(0.2, 0.6)))
        skills = [item.entry.skill for item in profile.skills.all() if item.entry.skill_id]
        years = YEARS_BACK[:2] if organisation.siren == ESTUARY_SIREN else YEARS_BACK
        for year, back in enumerate(years):
            day = today - datetime.timedelta(days=365 * back + rng.randint(20, 60))
            needs = [
                {
                    "skill": skill,
                    "horizon_years": 3,
                    "kind": rng.choice(SkillNeed.Kind.values),
                    "people": rng.randint(1, 4),
                    "preferred_answer": rng.choice(SkillNeed.Answer.values),
                    "priority": rng.randint(1, 3),
                }
                for skill in skills[: rng.randint(0, 2)]
            ]
            save_declaration(
                cluster,
                organisation,
                day,
                blocks=[block(rng, profile.occupation.occupation, headcount, year)],
                skills=needs,
                user=None,
                on_behalf=rng.random() < 0.3,
            )
            headcount = max(1, headcount + rng.randint(-1, 2))
            made += 1
    return made
