"""The few demo members whose story the demo tells: « Chaudronnerie de
l'Estuaire (fictive) », whose profile Neopolia's staff filled in and submitted
to its director for validation, and members whose users proposed changes
that staff have yet to accept. Written through the matrix service, as the
screens do."""

from django.db.models import Q

from ancrage.clusters.models import Cluster, ClusterStaff
from ancrage.matrix import profiles
from ancrage.matrix.models import MatrixProfile, Proposal, State
from ancrage.organisations.factories import siren_for, siret_for
from ancrage.organisations.models import Establishment, Membership, OrganisationUser, Role
from ancrage.referentiel.models import Activity, Market, VocabularyEntry
from ancrage.referentiel.starter import SKILLS

ESTUARY_SIREN = siren_for(79_999_999)
ESTUARY = {
    "legal_name": "CHAUDRONNERIE DE L'ESTUAIRE SAS (FICTIVE)",
    "siren": ESTUARY_SIREN,
    "naf_code": "25.11Z",
    "headcount": 48,
    "size_class": "pme",
    "website": "https://chaudronnerie-estuaire.example.org",
    "description": "Chaudronnerie et tuyauterie pour la construction navale et les énergies "
    "marines, à Saint-Nazaire. Organisation fictive de démonstration.",
}
ESTUARY_PROFILE = {
    "occupation": "Chaudronnier / Chaudronnière",
    "skills": ("weld_tig", "weld_mig", "sheet_forming", "steelwork", "pipe_fit", "pressure_test"),
    "activities": ("chaudronnerie", "soudage", "fabrication"),
    "markets": ("naval", "emr", "oil-gas"),
    "certifications": ["ISO 9001", "ISO 3834"],
}
# (cluster, email, first name, last name, job title, what they propose)
PROPOSERS = (
    (
        "neopolia",
        "responsable.qualite@example.org",
        "Bastien",
        "Quéré",
        "Responsable qualité",
        "Nous venons d'obtenir la certification EN 9100 et travaillons désormais pour "
        "le nucléaire : merci de mettre notre fiche à jour.",
    ),
    (
        "bretagne-pole-naval",
        "direction.atelier@example.org",
        "Rozenn",
        "Le Corre",
        "Directrice",
        "Nous faisons aussi de la maintenance de moteurs marins depuis cette année.",
    ),
)


def entry(cluster, label, kind=VocabularyEntry.Kind.SKILL):
    """The cluster's vocabulary entry shown under `label`."""
    found = VocabularyEntry.objects.filter(cluster=cluster, kind=kind).filter(
        Q(label=label) | Q(label="", skill__label=label) | Q(label="", occupation__label=label)
    )
    return found.order_by("position").first()


def skill_entry(cluster, key):
    return entry(cluster, SKILLS[key][1])


def load_estuary(organisation, staff):
    """Fill in the chaudronnerie's organisation and submit its profile."""
    for field, value in ESTUARY.items():
        if not getattr(organisation, field):
            setattr(organisation, field, value)
    organisation.save()
    Establishment.objects.get_or_create(
        siret=siret_for(ESTUARY_SIREN, 1),
        defaults={
            "organisation": organisation,
            "name": organisation.name,
            "commune": organisation.commune,
            "is_head_office": True,
        },
    )
    membership = Membership.objects.get(cluster__slug="neopolia", organisation=organisation)
    profile = profiles.profile_for(membership)
    if profile.state != State.DRAFT or profile.occupation_id:
        return
    cluster = membership.cluster
    content = profiles.Content(
        occupation=entry(cluster, ESTUARY_PROFILE["occupation"], VocabularyEntry.Kind.OCCUPATION),
        skills=[
            (found, "")
            for found in (skill_entry(cluster, key) for key in ESTUARY_PROFILE["skills"])
            if found
        ],
        activities=[
            (a, "") for a in Activity.objects.filter(slug__in=ESTUARY_PROFILE["activities"])
        ],
        markets=[(m, "") for m in Market.objects.filter(slug__in=ESTUARY_PROFILE["markets"])],
        certifications=ESTUARY_PROFILE["certifications"],
    )
    profiles.write(profile, content, by=staff, by_staff=True)
    profiles.change_state(
        profile,
        State.SUBMITTED,
        by=staff,
        note="Fiche remplie après notre visite : merci de la vérifier et de la valider.",
    )


def load_proposals(demo_user):
    """Users of two members, each with a pending proposal; their logins."""
    logins = []
    for slug, email, first, last, job_title, message in PROPOSERS:
        cluster = Cluster.objects.get(slug=slug)
        user = demo_user(email, first, last)
        logins.append((f"Adhérent de {cluster.name} (proposition en attente)", email))
        if OrganisationUser.objects.filter(user=user).exists():
            continue
        profile = (
            MatrixProfile.objects.filter(
                membership__cluster=cluster,
                membership__organisation__users=None,
                membership__organisation__kind="company",
                state=State.VALIDATED,
            )
            .select_related("membership__organisation")
            .order_by("membership__organisation__siren")
            .first()
        )
        organisation = profile.membership.organisation
        OrganisationUser.objects.create(
            organisation=organisation, user=user, role=Role.DIRECTOR, job_title=job_title
        )
        content = profiles.content_of(profile)
        if slug == "neopolia":
            content.certifications.append("EN 9100")
            content.markets.append((Market.objects.get(slug="nucleaire"), ""))
        else:
            found = skill_entry(cluster, "marine_engine")
            content.skills = [*content.skills, (found, "Moteurs jusqu'à 2 MW")][
                -cluster.matrix_max_skills :
            ]
        Proposal.objects.create(
            profile=profile,
            content=profiles.snapshot(content),
            message=message,
            proposed_by=user,
        )
    return logins


def admin_of(cluster):
    return cluster.staff.filter(role=ClusterStaff.Role.ADMIN).order_by("pk").first().user
