"""Demo: what some clusters' staff made of their GPEC. Mécabourg saved its
own assumptions (long careers in metalwork: people leave earlier); Neopolia,
Mécabourg and Bretagne Pôle Naval imported job seekers per territory and
occupation (fictitious figures, labelled as such); Neopolia, Mécabourg and
Systematic Paris Region started an action plan born from their priorities,
with indicators. A cluster that already has them is left as it is."""

import datetime
import random
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone

from ancrage.clusters.models import Cluster
from ancrage.demo.gpec import starter_skills
from ancrage.demo.gpec_stories import STORIES
from ancrage.demo.members_data import MEMBERS
from ancrage.demo.stories import admin_of
from ancrage.gpec.models import (
    Action,
    ActionIndicator,
    Assumptions,
    ExternalSupply,
    ExternalSupplyImport,
)
from ancrage.referentiel.models import Occupation, VocabularyEntry
from ancrage.territory.models import BmoBasin, Department

SEED = 67
SUPPLY_LABEL = (
    "France Travail — demandeurs d'emploi par territoire et métier "
    "(chiffres fictifs de démonstration)"
)
SUPPLY_CLUSTERS = ("neopolia", "mecabourg", "bretagne-pole-naval")
SUPPLY_DEPARTMENTS = 2  # the first départements of the cluster's members
SUPPLY_BASINS = 4
SUPPLY_OCCUPATIONS = 12
ASSUMPTIONS = {
    "mecabourg": {
        "retire_60_plus_1y": Decimal("0.350"),
        "retire_55_59_1y": Decimal("0.040"),
        "retire_60_plus_3y": Decimal("0.850"),
        "retire_55_59_3y": Decimal("0.300"),
        "freshness_months": 24,
    }
}


class Plan(NamedTuple):
    title: str
    lever: str
    subject: str  # a ROME code (occupation) or a starter skill key
    owner: str
    months: int  # deadline, from today
    status: str
    indicators: tuple  # (label, target, current)
    department: str = ""
    description: str = ""


PLANS = {
    "neopolia": (
        Plan(
            "Parcours de formation au soudage TIG avec l'AFPI",
            "train",
            "weld_tig",
            "Chargée de mission emploi-compétences",
            5,
            Action.Status.IN_PROGRESS,
            (("Salariés formés", 24, 9), ("Adhérents participants", 8, 6)),
            description="Trois sessions de 10 jours, qualification ISO 9606 en fin de parcours.",
        ),
        Plan(
            "Jobdating chaudronnerie et tuyauterie à Saint-Nazaire",
            "recruit",
            "H2902",
            "Responsable RH d'un adhérent pilote",
            -2,
            Action.Status.DONE,
            (("Candidats reçus", 60, 74), ("Recrutements signés", 15, 11)),
            department="44",
        ),
        Plan(
            "Un contrôleur CND partagé entre adhérents",
            "share",
            "ndt_ultrasound",
            "Groupement d'employeurs de l'estuaire",
            9,
            Action.Status.PLANNED,
            (("Adhérents engagés", 4, 3), ("Jours mutualisés par mois", 20, 0)),
        ),
        Plan(
            "Faire découvrir l'usinage aux collégiens (visites d'ateliers)",
            "promote",
            "H2903",
            "Chargée de communication",
            7,
            Action.Status.IN_PROGRESS,
            (("Collégiens accueillis", 300, 120),),
        ),
    ),
    "mecabourg": (
        Plan(
            "Portes ouvertes des ateliers d'usinage pendant la Semaine de l'industrie",
            "promote",
            "H2903",
            "Délégué général",
            -6,
            Action.Status.DONE,
            (("Visiteurs", 400, 520), ("Entreprises ouvertes", 12, 14)),
        ),
        Plan(
            "Former les régleurs à la programmation CN, des seniors pour tuteurs",
            "train",
            "cnc_program",
            "Chargé de mission RH",
            4,
            Action.Status.IN_PROGRESS,
            (("Régleurs formés", 20, 8), ("Tuteurs seniors", 6, 4)),
            description="Transmettre le savoir-faire avant les départs en retraite des "
            "tourneurs-fraiseurs.",
        ),
        Plan(
            "Recruter des chaudronniers en alternance avec les lycées professionnels de l'Ain",
            "recruit",
            "H2902",
            "Délégué général",
            10,
            Action.Status.PLANNED,
            (("Alternants accueillis", 10, 0),),
        ),
    ),
    "systematic-paris-region": (
        Plan(
            "Parcours de reconversion vers le logiciel embarqué temps réel",
            "train",
            "firmware",
            "Responsable formation",
            8,
            Action.Status.IN_PROGRESS,
            (("Personnes en formation", 30, 18), ("Adhérents participants", 10, 7)),
        ),
        Plan(
            "Un expert en sécurité partagé entre PME",
            "share",
            "security_audit",
            "Chargée de mission PME",
            6,
            Action.Status.PLANNED,
            (("PME engagées", 5, 2),),
        ),
        Plan(
            "Salon de recrutement : ingénieurs IA et systèmes critiques",
            "recruit",
            "M1889",
            "Chargée de mission emploi",
            3,
            Action.Status.IN_PROGRESS,
            (("Candidats inscrits", 250, 140), ("Recrutements signés", 25, 0)),
        ),
    ),
}


def load_plans():
    """Assumptions, external supply and action plans the clusters do not have
    yet; how many objects were made."""
    clusters = Cluster.objects.in_bulk({*ASSUMPTIONS, *SUPPLY_CLUSTERS, *PLANS}, field_name="slug")
    made = 0
    for slug, values in ASSUMPTIONS.items():
        if slug in clusters:
            _assumptions, created = Assumptions.objects.get_or_create(
                cluster=clusters[slug],
                defaults={**values, "updated_by": admin_of(clusters[slug])},
            )
            made += created
    rng = random.Random(SEED)  # noqa: S311 (fictitious data, not secrets)
    for slug in SUPPLY_CLUSTERS:
        if slug in clusters:
            made += load_supply(rng, clusters[slug])
    for slug, plans in PLANS.items():
        if slug in clusters and not Action.objects.filter(cluster=clusters[slug]).exists():
            made += load_actions(clusters[slug], plans)
    return made


def load_supply(rng, cluster):
    """One import of fictitious job seekers: per BMO basin when the
    geography has them, else per département."""
    if ExternalSupplyImport.objects.filter(cluster=cluster).exists():
        return 0
    codes = MEMBERS[cluster.slug].departments[:SUPPLY_DEPARTMENTS]
    departments = list(Department.objects.filter(code__in=codes).order_by("code"))
    basins = list(
        BmoBasin.objects.filter(communes__department__in=departments)
        .distinct()
        .order_by("code")[:SUPPLY_BASINS]
    )
    tense = STORIES[cluster.slug].tense.split()
    vocabulary = VocabularyEntry.objects.filter(cluster=cluster, occupation__isnull=False)
    codes = list(
        dict.fromkeys(
            [*tense, *vocabulary.order_by("position").values_list("occupation__code", flat=True)]
        )
    )[:SUPPLY_OCCUPATIONS]
    occupations = Occupation.objects.in_bulk(codes, field_name="code")
    batch = ExternalSupplyImport.objects.create(
        cluster=cluster,
        label=SUPPLY_LABEL,
        period_end=timezone.localdate().replace(day=1) - datetime.timedelta(days=1),
        imported_by=admin_of(cluster),
    )
    places = [{"bmo_basin": basin} for basin in basins] or [
        {"department": department} for department in departments
    ]
    lines = []
    for code, occupation in sorted(occupations.items()):
        low, high = (10, 60) if code in tense else (60, 300)
        for place in places:
            seekers = rng.randint(low, high) // (3 if basins else 1)
            offers = rng.randint(seekers // 2, seekers * 2) if code in tense else seekers // 3
            lines.append(
                ExternalSupply(
                    batch=batch, occupation=occupation, job_seekers=seekers, offers=offers, **place
                )
            )
    ExternalSupply.objects.bulk_create(lines)
    batch.rows = len(lines)
    batch.save(update_fields=["rows"])
    return 1 + len(lines)


def load_actions(cluster, plans):
    subjects = [plan.subject for plan in plans]
    occupations = Occupation.objects.in_bulk(subjects, field_name="code")
    skills = starter_skills(subjects)
    departments = Department.objects.in_bulk(
        [plan.department for plan in plans if plan.department], field_name="code"
    )
    admin = admin_of(cluster)
    today = timezone.localdate()
    made = 0
    for plan in plans:
        occupation, skill = occupations.get(plan.subject), skills.get(plan.subject)
        if occupation is None and skill is None:
            continue  # the référentiel lacks it (the full ROME imported)
        department = departments.get(plan.department)
        subject = f"o{occupation.pk}" if occupation else f"s{skill.pk}"
        action = Action.objects.create(
            cluster=cluster,
            title=plan.title,
            description=plan.description,
            lever=plan.lever,
            occupation=occupation,
            skill=skill,
            department=department,
            # The key of the priority it answers (gpec.priority.Priority.key).
            priority_key=f"{plan.lever}:{subject}:{department.code if department else 'all'}",
            owner=plan.owner,
            deadline=today + datetime.timedelta(days=30 * plan.months),
            status=plan.status,
            created_by=admin,
        )
        ActionIndicator.objects.bulk_create(
            ActionIndicator(
                action=action, label=label, target=Decimal(target), current=Decimal(current)
            )
            for label, target, current in plan.indicators
        )
        made += 1
    return made
