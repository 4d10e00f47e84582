"""A few fictitious tenders in Neopolia and Bretagne Pôle Naval, with their
requirements (weights and must-haves), the members considered for them and
what came of it (one won, with its amount)."""

import datetime
from collections import Counter
from decimal import Decimal

from django.utils import timezone

from ancrage.clusters.models import Cluster
from ancrage.demo.stories import admin_of, skill_entry
from ancrage.matrix.models import MatrixProfile, ProfileActivity, ProfileSkill
from ancrage.referentiel.models import Activity, Market
from ancrage.tenders.models import Candidate, Consortium, Requirement, Tender

# (cluster, title, kind, client, market, days to the deadline, outcome,
#  amount, certifications, [(skill key or "activity:slug", weight, must have)])
TENDERS = (
    (
        "neopolia",
        "Pièces de transition pour les fondations d'un parc éolien en mer",
        Tender.Kind.CALL,
        "Atlantique Offshore Énergies (fictif)",
        "emr",
        45,
        Tender.Outcome.OPEN,
        None,
        ["ISO 3834", "ISO 9001"],
        [
            ("steelwork", 5, True),
            ("weld_mig", 4, True),
            ("sheet_forming", 3, True),
            ("ndt_ultrasound", 3, True),
            ("spray_paint", 2, False),
            ("heat_treat", 2, False),
            ("activity:installation", 2, False),
        ],
    ),
    (
        "neopolia",
        "Capacité d'usinage supplémentaire pour un programme d'aérostructures",
        Tender.Kind.REQUEST,
        "Avionneur de l'Estuaire (fictif)",
        "aeronautique",
        -120,
        Tender.Outcome.WON,
        Decimal("1850000.00"),
        ["EN 9100"],
        [
            ("cnc_milling", 5, True),
            ("cnc_turning", 3, False),
            ("measure_parts", 4, True),
            ("k_aero_quality", 4, True),
            ("activity:usinage", 3, True),
        ],
    ),
    (
        "bretagne-pole-naval",
        "Arrêt technique d'un patrouilleur : tuyauterie et chaudronnerie",
        Tender.Kind.CALL,
        "Arsenal du Ponant (fictif)",
        "defense",
        20,
        Tender.Outcome.ANSWERED,
        None,
        ["ISO 9001"],
        [
            ("pipe_fit", 5, True),
            ("weld_stick", 4, True),
            ("steelwork", 3, False),
            ("marine_engine", 3, False),
            ("activity:maintenance", 3, True),
        ],
    ),
    (
        "bretagne-pole-naval",
        "Entretien annuel d'une flottille de navires de pêche",
        Tender.Kind.REQUEST,
        "Armement Pêche Iroise (fictif)",
        "naval",
        -60,
        Tender.Outcome.LOST,
        None,
        [],
        [
            ("marine_engine", 5, True),
            ("spray_paint", 3, False),
            ("activity:maintenance", 4, True),
        ],
    ),
)
STATUSES = (
    Candidate.Status.INTERESTED,
    Candidate.Status.INTERESTED,
    Candidate.Status.CONTACTED,
    Candidate.Status.SHORTLISTED,
    Candidate.Status.DECLINED,
)


def load_tenders():
    """Create the tenders a cluster does not have yet (by title)."""
    today = timezone.localdate()
    for slug, title, kind, client, market, days, outcome, amount, certs, needs in TENDERS:
        cluster = Cluster.objects.get(slug=slug)
        if Tender.objects.filter(cluster=cluster, title=title).exists():
            continue
        staff = admin_of(cluster)
        tender = Tender.objects.create(
            cluster=cluster,
            kind=kind,
            title=title,
            client=client,
            description=f"{title}. Demande fictive, pour la démonstration.",
            market=Market.objects.get(slug=market),
            deadline=today + datetime.timedelta(days=days),
            certifications=certs,
            outcome=outcome,
            amount=amount,
            created_by=staff,
        )
        for need, weight, must_have in needs:
            if need.startswith("activity:"):
                activity = Activity.objects.get(slug=need.removeprefix("activity:"))
                Requirement.objects.create(
                    tender=tender, activity=activity, weight=weight, must_have=must_have
                )
            elif found := skill_entry(cluster, need):
                Requirement.objects.create(
                    tender=tender, skill=found, weight=weight, must_have=must_have
                )
        candidates(tender, staff, won=outcome == Tender.Outcome.WON)


def candidates(tender, staff, won):
    """The members covering most of the tender's requirements, followed up;
    for a won tender, the consortium of the two best."""
    requirements = list(tender.requirements.all())
    profiles = dict(
        MatrixProfile.objects.filter(membership__cluster=tender.cluster).values_list(
            "pk", "membership_id"
        )
    )
    # Vocabulary entries are the cluster's own: no need to join the cluster.
    skilled = ProfileSkill.objects.filter(
        entry__in=[r.skill_id for r in requirements if r.skill_id]
    )
    active = ProfileActivity.objects.filter(
        activity__in=[r.activity_id for r in requirements if r.activity_id],
        profile__in=list(profiles),
    )
    hits = Counter(profiles[pk] for pk in skilled.values_list("profile_id", flat=True))
    hits.update(profiles[pk] for pk in active.values_list("profile_id", flat=True))
    ranked = sorted(hits, key=lambda membership: (-hits[membership], membership))
    chosen = ranked[: len(STATUSES)]
    Candidate.objects.bulk_create(
        Candidate(tender=tender, membership_id=membership, status=status)
        for membership, status in zip(chosen, STATUSES, strict=False)
    )
    if won and len(chosen) >= 2:
        consortium = Consortium.objects.create(
            tender=tender,
            lead_id=chosen[0],
            note="Consortium retenu par le donneur d'ordres.",
            proposed_by=staff,
        )
        consortium.members.set(chosen[:2])
        consortium.coverage = coverage(tender, chosen[:2])
        consortium.save(update_fields=["coverage"])


def coverage(tender, team):
    """{requirement id: [memberships of `team` that cover it]}."""
    covered = {}
    for requirement in tender.requirements.all():
        if requirement.skill_id:
            items = ProfileSkill.objects.filter(entry=requirement.skill_id)
        else:
            items = ProfileActivity.objects.filter(activity=requirement.activity_id)
        members = items.filter(profile__membership__in=team).values_list(
            "profile__membership", flat=True
        )
        covered[str(requirement.pk)] = sorted(members)
    return covered
