"""Demo: the GPEC declarations of the 15 clusters' members over three years,
drawn from each cluster's story (ancrage.demo.gpec_stories): a workforce
ageing a little every year (much older in the traditional trades),
occupations in tension ever harder to recruit for, creations and planned
recruitments, emerging skills needed by more members each year, skills that
several members would share a person for and skills they would train for.

About two members in three declare, once a year since they joined; each
declares its métier of the matrix (and, when it answered a survey of its
cluster, the occupations of its answers), more occupations the larger it is.
The demo member account's organisation last declared a year ago: « Rien n'a
changé » is for it. Written with bulk inserts; a cluster with declarations
is left as it is."""

import datetime
import random
from collections import defaultdict

from django.utils import timezone

from ancrage.clusters.models import Cluster
from ancrage.demo.gpec_stories import AGES, STORIES, ages_of
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.gpec.declarations import source_label
from ancrage.gpec.models import (
    Declaration,
    OccupationForecast,
    SkillNeed,
    Source,
    WorkforceLine,
)
from ancrage.matrix.models import MatrixProfile, ProfileSkill
from ancrage.organisations.models import Membership
from ancrage.referentiel.models import Occupation, Skill, VocabularyEntry
from ancrage.referentiel.starter import SKILLS

SEED = 66
YEARS_BACK = (2, 1, 0)
ESTUARY_YEARS_BACK = (2, 1)
SHARERS = (3, 5)  # members sharing a person for each shared skill
TRAIN_SHARE = 0.35
PROFILE_NEED_SHARE = 0.3
EMERGING_SHARE = (0.08, 0.3, 0.55)  # of the declarations, year after year
BAND_FIELDS = ("age_under_25", "age_25_34", "age_35_44", "age_45_54", "age_55_59", "age_60_plus")
REASON_WEIGHTS = (5, 3, 2, 1)


def spread(total, shares):
    """`total` split by `shares` into whole numbers adding up to it."""
    raw = [total * share / sum(shares) for share in shares]
    counts = [int(value) for value in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def block(rng, story, occupation, headcount, year, rank=None):
    """One occupation of a declaration, as the declaration form takes it:
    the workforce (age bands adding up, a little older each `year`) and the
    forecasts (departures within the headcount, difficulty rising in the
    occupations in tension: `rank` in the story's list)."""
    tense = rank is not None
    shares = [share * rng.uniform(0.85, 1.15) for share in AGES[ages_of(story, rank)]]
    shares[5] += 0.012 * year
    shares[4] += 0.008 * year
    shares[0] = max(shares[0] - 0.01 * year, 0.02)
    bands = spread(headcount, shares)
    alternance = min(headcount, rng.randint(0, max(1, headcount // 10)))
    cdd = min(headcount - alternance, rng.randint(0, max(1, headcount // 12)))
    interim = min(headcount - alternance - cdd, rng.randint(0, headcount // 15))
    retirements_3y = min(headcount, bands[5] + bands[4] // 3)
    retirements_1y = min(retirements_3y, bands[5] // 2)
    creations_1y = rng.randint(0, max(1, headcount // (5 if tense else 10)))
    creations_3y = creations_1y + rng.randint(0, 2 + 2 * tense)
    other_1y = min(rng.randint(0, 2), headcount - retirements_1y)
    other_3y = min(other_1y + rng.randint(0, 3), headcount - retirements_3y)
    mean = 2.6 + 0.45 * year if tense else 1.9
    difficulty = min(4, max(1, round(rng.gauss(mean, 0.5 if tense else 0.7))))
    reasons = story.reasons.split()
    reason = rng.choices(reasons, weights=REASON_WEIGHTS[: len(reasons)])[0]
    return {
        "occupation": occupation,
        "headcount": headcount,
        **dict(zip(BAND_FIELDS, bands, strict=True)),
        "women": round(headcount * rng.uniform(0.05, 0.35)),
        "cdi": headcount - alternance - cdd - interim,
        "cdd": cdd,
        "alternance": alternance,
        "interim": interim,
        "cadres": round(headcount * rng.uniform(0.05, 0.25)),
        "open_unfilled": rng.randint(0, 3) if tense else rng.randint(0, 1),
        "creations_1y": creations_1y,
        "creations_3y": creations_3y,
        "retirements_1y": retirements_1y,
        "retirements_3y": retirements_3y,
        "other_departures_1y": other_1y,
        "other_departures_3y": other_3y,
        "recruitments_1y": creations_1y + retirements_1y + other_1y,
        "recruitments_3y": creations_3y + retirements_3y + other_3y,
        "difficulty": difficulty,
        "difficulty_reason": reason if difficulty >= 2 else "",
    }


def starter_skills(keys):
    """{starter key: Skill} of those the référentiel has."""
    wanted = {key: SKILLS[key] for key in keys if key in SKILLS}
    found = {
        (skill.kind, skill.label): skill
        for skill in Skill.objects.filter(label__in=[label for _kind, label in wanted.values()])
    }
    return {key: found[value] for key, value in wanted.items() if value in found}


class ClusterDraws:
    """A cluster's members and what they declare from."""

    def __init__(self, rng, cluster, story):
        self.rng, self.cluster, self.story = rng, cluster, story
        self.tense_codes = story.tense.split()
        vocabulary = VocabularyEntry.objects.filter(cluster=cluster, occupation__isnull=False)
        codes = list(
            dict.fromkeys(
                [
                    *self.tense_codes,
                    *vocabulary.order_by("position").values_list("occupation__code", flat=True),
                ]
            )
        )
        by_code = Occupation.objects.in_bulk(codes, field_name="code")
        self.occupations = [by_code[code] for code in codes if code in by_code]
        self.rank = {
            by_code[code].pk: rank for rank, code in enumerate(self.tense_codes) if code in by_code
        }
        self.weights = [4 if o.pk in self.rank else 1 for o in self.occupations]
        keys = {*story.emerging.split(), *story.shared.split(), *story.train.split()}
        skills = starter_skills(keys)
        self.emerging = [skills[k] for k in story.emerging.split() if k in skills]
        self.shared = [skills[k] for k in story.shared.split() if k in skills]
        self.train = [skills[k] for k in story.train.split() if k in skills]

    def occupations_of(self, main, surveyed, headcount):
        """The member's métier, those of its survey answers, then the
        cluster's (those in tension more often), more the larger it is."""
        count = 1 if headcount < 10 else self.rng.randint(1, 2 if headcount < 50 else 4)
        chosen = list(dict.fromkeys(o for o in (main, *surveyed) if o is not None))
        for _attempt in range(2 * count):
            if len(chosen) >= count or not self.occupations:
                break
            drawn = self.rng.choices(self.occupations, weights=self.weights)[0]
            if drawn not in chosen:
                chosen.append(drawn)
        return chosen[:4]

    def needs(self, year, held, shared_skills):
        """The skill needs of one declaration (one per skill)."""
        rng, rows = self.rng, {}
        if self.emerging and rng.random() < EMERGING_SHARE[year]:
            rows[rng.choice(self.emerging)] = (
                3 if year < 2 else rng.choice((1, 3)),
                "new",
                rng.randint(1 + year, 3 + year),
                rng.choices(("train", "recruit", "subcontract"), weights=(3, 3, 1))[0],
            )
        if self.train and rng.random() < TRAIN_SHARE:
            rows.setdefault(
                rng.choice(self.train), (rng.choice((1, 3)), "shortage", rng.randint(1, 5), "train")
            )
        if held and rng.random() < PROFILE_NEED_SHARE:
            rows.setdefault(
                rng.choice(held),
                (
                    rng.choice((1, 3)),
                    rng.choice(SkillNeed.Kind.values),
                    rng.randint(1, 3),
                    rng.choice(SkillNeed.Answer.values),
                ),
            )
        for skill in shared_skills:
            rows[skill] = (1, "shortage", 1, "share")
        return [
            {
                "skill": skill,
                "horizon_years": horizon,
                "kind": kind,
                "people": people,
                "preferred_answer": answer,
                "priority": 1 if answer == "share" else rng.randint(1, 3),
            }
            for skill, (horizon, kind, people, answer) in rows.items()
        ]


def members(cluster):
    """[(membership, main occupation, [held skills])] of the active members."""
    memberships = list(
        Membership.objects.filter(cluster=cluster, status=Membership.Status.ACTIVE)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    profiles = dict(
        MatrixProfile.objects.filter(membership__in=memberships).values_list(
            "membership_id", "occupation__occupation"
        )
    )
    held = defaultdict(list)
    for membership, skill in (
        ProfileSkill.objects.filter(profile__membership__in=memberships, entry__skill__isnull=False)
        .order_by("pk")
        .values_list("profile__membership_id", "entry__skill")
    ):
        held[membership].append(skill)
    occupations = Occupation.objects.in_bulk([pk for pk in profiles.values() if pk])
    skills = Skill.objects.in_bulk([pk for pks in held.values() for pk in pks])
    return [
        (m, occupations.get(profiles.get(m.pk)), [skills[pk] for pk in held[m.pk]])
        for m in memberships
    ]


def surveyed_occupations(cluster):
    """{organisation id: [Occupation]} of the members' survey answers, and
    the organisations whose skill needs came from a survey."""
    found = defaultdict(list)
    rows = OccupationForecast.objects.filter(cluster=cluster, source=Source.SURVEY)
    for organisation, occupation in (
        rows.order_by("organisation", "occupation")
        .values_list("organisation_id", "occupation")
        .distinct()
    ):
        found[organisation].append(occupation)
    wanted = Occupation.objects.in_bulk({pk for pks in found.values() for pk in pks})
    by_skills = set(
        SkillNeed.objects.filter(cluster=cluster, source=Source.SURVEY).values_list(
            "organisation_id", flat=True
        )
    )
    return {org: [wanted[pk] for pk in pks] for org, pks in found.items()}, by_skills


def years_of(membership, today):
    if membership.organisation.siren == ESTUARY_SIREN:
        return ESTUARY_YEARS_BACK
    since = membership.since.year if membership.since else today.year - 5
    return tuple(back for back in YEARS_BACK if today.year - back >= since) or (0,)


def cluster_declarations(cluster, story, today):
    """[(Declaration, blocks, skills)] of one cluster, unsaved."""
    rng = random.Random(f"{SEED}-{cluster.slug}")  # noqa: S311 (fictitious data, not secrets)
    draws = ClusterDraws(rng, cluster, story)
    surveyed, skills_by_survey = surveyed_occupations(cluster)
    declaring = [
        row
        for row in members(cluster)
        if row[0].organisation.siren == ESTUARY_SIREN or rng.random() < story.share_declaring
    ]
    sharers = defaultdict(list)
    candidates = [m.organisation_id for m, _o, _s in declaring]
    candidates = [pk for pk in candidates if pk not in skills_by_survey]
    for skill in draws.shared:
        for organisation in rng.sample(candidates, min(len(candidates), rng.randint(*SHARERS))):
            sharers[organisation].append(skill)
    made = []
    for membership, main, held in declaring:
        organisation = membership.organisation
        headcount = organisation.headcount or rng.randint(5, 40)
        occupations = draws.occupations_of(main, surveyed.get(organisation.pk, []), headcount)
        share = rng.uniform(0.3, 0.7) if headcount < 250 else rng.uniform(0.05, 0.2)
        # A large company declares the establishments working with the cluster.
        total = max(len(occupations), min(round(headcount * share), rng.randint(150, 450)))
        sizes = spread(total, [3, 2, 1, 1][: len(occupations)])
        years = years_of(membership, today)
        for back in years:
            year = YEARS_BACK.index(back)
            day = today - datetime.timedelta(days=365 * back + rng.randint(20, 60))
            blocks = [
                block(rng, story, occupation, max(1, size), year, draws.rank.get(occupation.pk))
                for occupation, size in zip(occupations, sizes, strict=True)
            ]
            shared = sharers[organisation.pk] if back == years[-1] else []
            needs = draws.needs(year, held, shared)
            declaration = Declaration(
                cluster=cluster,
                organisation=organisation,
                declared_on=day,
                on_behalf=rng.random() < 0.3,
                created_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))),
            )
            made.append((declaration, blocks, needs))
            sizes = [max(1, size + rng.randint(-1, 2)) for size in sizes]
    return made


def facts(declaration, blocks, needs):
    common = {
        "cluster": declaration.cluster,
        "organisation": declaration.organisation,
        "observed_on": declaration.declared_on,
        "source": Source.DECLARATION,
        "source_key": declaration.source_key,
        "source_label": source_label(declaration),
        "on_behalf": declaration.on_behalf,
        "created_at": declaration.created_at,
    }
    workforce = [
        WorkforceLine(**common, **{k: v for k, v in b.items() if k in WORKFORCE}) for b in blocks
    ]
    forecasts = [
        OccupationForecast(**common, **{k: v for k, v in b.items() if k in FORECAST})
        for b in blocks
    ]
    return workforce, forecasts, [SkillNeed(**common, **need) for need in needs]


WORKFORCE = {"occupation", "headcount", *BAND_FIELDS, "women", "cdi", "cdd", "alternance"}
WORKFORCE |= {"interim", "cadres"}
FORECAST = {
    "occupation",
    "open_unfilled",
    "creations_1y",
    "creations_3y",
    "retirements_1y",
    "retirements_3y",
    "other_departures_1y",
    "other_departures_3y",
    "recruitments_1y",
    "recruitments_3y",
    "difficulty",
    "difficulty_reason",
}


def load_declarations():
    """The declarations of the clusters that have none yet; how many were made."""
    today = timezone.localdate()
    clusters = (
        Cluster.objects.filter(slug__in=STORIES)
        .exclude(pk__in=Declaration.objects.values("cluster"))
        .order_by("slug")
    )
    made = []
    for cluster in clusters:
        made += cluster_declarations(cluster, STORIES[cluster.slug], today)
    Declaration.objects.bulk_create([declaration for declaration, _b, _n in made])
    workforce, forecasts, needs = [], [], []
    for declaration, blocks, skill_needs in made:
        lines, plans, wanted = facts(declaration, blocks, skill_needs)
        workforce += lines
        forecasts += plans
        needs += wanted
    WorkforceLine.objects.bulk_create(workforce, batch_size=2000)
    OccupationForecast.objects.bulk_create(forecasts, batch_size=2000)
    SkillNeed.objects.bulk_create(needs, batch_size=2000)
    return len(made)
