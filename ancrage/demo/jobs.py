"""Fictitious job offers on the clusters' job boards: about one member with a
métier in six offers a position in that métier (a CDI most often, then CDD,
work-study, internship, temporary work), published on every cluster it is a
member of. Most are published; some await moderation, one in each cluster
was refused with its reason, some were already filled (through the job board
or not) or closed. EuroSIMA moderates after publication, the others before.
The demo member account (Chaudronnerie de l'Estuaire) has a published offer
and a draft."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from ancrage.clusters.models import Cluster
from ancrage.demo.gpec import members
from ancrage.demo.stories import ESTUARY_SIREN, admin_of
from ancrage.jobs.models import (
    ApplicationMode,
    Contract,
    Experience,
    JobBoard,
    Moderation,
    Offer,
    OfferSkill,
    Publication,
    Qualification,
    Remote,
    SalaryPeriod,
)
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.models import VocabularyEntry

SEED = 77
ONE_IN = 6
AFTER_MODERATION = ("eurosima",)
CONTRACTS = (
    (Contract.CDI, 50),
    (Contract.CDD, 15),
    (Contract.WORK_STUDY, 15),
    (Contract.INTERNSHIP, 10),
    (Contract.INTERIM, 10),
)
# (offer state, publication state, filled, through the job board), weight.
STATES = (
    ((Offer.Status.PUBLISHED, Publication.Status.PUBLISHED, None, None), 60),
    ((Offer.Status.SUBMITTED, Publication.Status.PENDING, None, None), 12),
    ((Offer.Status.FILLED, Publication.Status.PUBLISHED, True, True), 10),
    ((Offer.Status.FILLED, Publication.Status.PUBLISHED, True, False), 6),
    ((Offer.Status.CLOSED, Publication.Status.PUBLISHED, False, None), 6),
    ((Offer.Status.DRAFT, None, None, None), 3),
)
# Gross annual salary range (euros) by qualification level.
SALARIES = {
    Qualification.LEVEL_3: (23_500, 29_000),
    Qualification.LEVEL_4: (25_000, 32_000),
    Qualification.LEVEL_5: (29_000, 38_000),
    Qualification.LEVEL_6: (33_000, 44_000),
    Qualification.LEVEL_7: (40_000, 55_000),
}
REFUSAL = (
    "L'annonce décrit une prestation de sous-traitance, pas un poste : proposez-la "
    "plutôt dans les appels d'offres du cluster."
)


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _title(label, contract):
    if contract == Contract.WORK_STUDY:
        return f"{label} en alternance"
    if contract == Contract.INTERNSHIP:
        return f"Stage — {label}"
    return label


def _description(organisation, label, contract, skills, commune):
    lines = [
        f"{organisation.name} renforce son équipe et recherche un(e) {label.lower()} "
        f"pour son site de {commune.name}.",
        "",
        "Vos missions :",
        *(f"- {skill.label[0].upper()}{skill.label[1:]}" for skill in skills[:4]),
        "",
    ]
    if contract in (Contract.WORK_STUDY, Contract.INTERNSHIP):
        lines.append(
            "Vous serez accompagné(e) par un tuteur ou une tutrice expérimenté(e) "
            "tout au long de votre formation."
        )
    else:
        lines.append(
            "Vous rejoignez une PME à taille humaine : intégration par un binôme, "
            "formation aux outils et aux procédés de l'entreprise."
        )
    return "\n".join(lines)


MODES = random.Random(SEED + 1)  # noqa: S311 (fictitious data, not secrets)


def _offer(rng, organisation, label, occupation, skills, today):
    contract = _pick(rng, CONTRACTS)
    qualification = rng.choice(list(SALARIES))
    low, high = SALARIES[qualification]
    school = contract in (Contract.WORK_STUDY, Contract.INTERNSHIP)
    published = today - datetime.timedelta(days=rng.randint(1, 50))
    offer = Offer(
        organisation=organisation,
        title=_title(label, contract),
        occupation=occupation,
        description=_description(organisation, label, contract, skills, organisation.commune),
        contract=contract,
        contract_months=rng.choice((6, 12, 18)) if contract in (Contract.CDD,) else None,
        commune=organisation.commune,
        remote=Remote.HYBRID if rng.random() < 0.15 else Remote.ON_SITE,
        qualification=qualification,
        experience=Experience.BEGINNER if school else rng.choice(list(Experience)),
        positions=1 if rng.random() < 0.8 else 2,
        published_on=published,
        expires_on=published + datetime.timedelta(days=60),
        created_at=timezone.make_aware(datetime.datetime.combine(published, datetime.time(9))),
    )
    # Four in five take applications on Ancrage (drawn apart, so that the
    # offers' other draws stay as they were).
    if MODES.random() < 0.8:
        offer.application_mode = ApplicationMode.PLATFORM
    else:
        offer.application_mode = ApplicationMode.EMAIL
        offer.application_email = f"recrutement.{organisation.pk}@example.org"
    if contract == Contract.INTERIM:
        offer.contract_months = rng.choice((1, 3, 6))
    if not school and rng.random() < 0.7:
        offer.salary_min, offer.salary_max = Decimal(low), Decimal(high)
        offer.salary_period = SalaryPeriod.YEAR
    if school:
        offer.period_start = datetime.date(today.year + (today.month >= 9), 9, 1)
        months = 24 if contract == Contract.WORK_STUDY else 6
        offer.period_end = offer.period_start + datetime.timedelta(days=months * 30)
        if contract == Contract.WORK_STUDY:
            offer.rhythm = "3 semaines en entreprise, 1 semaine en centre de formation"
    return offer


def _labels(cluster):
    return {
        entry.occupation_id: entry.label or entry.occupation.label
        for entry in VocabularyEntry.objects.filter(
            cluster=cluster, occupation__isnull=False
        ).select_related("occupation")
    }


def _clusters_of(organisation):
    return list(
        Cluster.objects.filter(
            memberships__organisation=organisation,
            memberships__status=Membership.Status.ACTIVE,
        )
    )


def _save(offer, skills, state, clusters, decided_by, rng, today):
    status, publication_status, filled, through = state
    offer.status = status
    if status == Offer.Status.DRAFT:
        offer.published_on = offer.expires_on = None
    if filled is not None or status == Offer.Status.CLOSED:
        offer.filled, offer.filled_through_platform = bool(filled), through
        offer.closed_on = min(
            today, offer.published_on + datetime.timedelta(days=rng.randint(8, 40))
        )
    offer.save()
    OfferSkill.objects.bulk_create(
        OfferSkill(offer=offer, skill=skill, required=index < 2)
        for index, skill in enumerate(skills[:4])
    )
    if publication_status is None:
        return
    for cluster in clusters:
        published = publication_status == Publication.Status.PUBLISHED
        Publication.objects.create(
            offer=offer,
            cluster=cluster,
            status=publication_status,
            submitted_at=offer.created_at,
            decided_at=offer.created_at + datetime.timedelta(days=1) if published else None,
            decided_by=decided_by.get(cluster.pk) if published else None,
        )


def load_offers():
    """The offers of the demo, unless there are some already: how many were made."""
    if Offer.objects.exists():
        return 0
    rng = random.Random(SEED)  # noqa: S311 (fictitious data, not secrets)
    MODES.seed(SEED + 1)
    today = timezone.localdate()
    clusters = list(Cluster.objects.order_by("slug"))
    for cluster in clusters:
        JobBoard.objects.get_or_create(
            cluster=cluster,
            defaults={
                "moderation": Moderation.AFTER
                if cluster.slug in AFTER_MODERATION
                else Moderation.BEFORE
            },
        )
    decided_by = {cluster.pk: admin_of(cluster) for cluster in clusters}
    made, offered = 0, set()
    for cluster in clusters:
        labels = _labels(cluster)
        refused = False
        for membership, occupation, skills in members(cluster):
            organisation = membership.organisation
            if (
                occupation is None
                or organisation.pk in offered
                or organisation.commune_id is None
                or organisation.siren == ESTUARY_SIREN
                or rng.randrange(ONE_IN)
            ):
                continue
            offered.add(organisation.pk)
            label = labels.get(occupation.pk, occupation.label)
            offer = _offer(rng, organisation, label, occupation, skills, today)
            state = _pick(rng, STATES)
            _save(offer, skills, state, _clusters_of(organisation), decided_by, rng, today)
            made += 1
            if not refused and state[1] == Publication.Status.PENDING:
                publication = offer.publications.get(cluster=cluster)
                publication.status = Publication.Status.REFUSED
                publication.reason = REFUSAL
                publication.decided_by = decided_by[cluster.pk]
                publication.decided_at = offer.created_at + datetime.timedelta(days=1)
                publication.save()
                pending = offer.publications.filter(status=Publication.Status.PENDING)
                offer.status = Offer.Status.SUBMITTED if pending.exists() else Offer.Status.DRAFT
                offer.save(update_fields=["status"])
                refused = True
    made += _estuary(rng, today, decided_by)
    # The candidates apply to these offers (imported here: they read this module).
    from ancrage.demo.candidates import load_candidates

    load_candidates(rng, today)
    return made


def _estuary(rng, today, decided_by):
    """The demo member account's offers: one published, one draft."""
    estuary = Organisation.objects.filter(siren=ESTUARY_SIREN).first()
    if estuary is None or estuary.commune_id is None:
        return 0
    found = [
        m for m in members(Cluster.objects.get(slug="neopolia")) if m[0].organisation == estuary
    ]
    if not found or found[0][1] is None:
        return 0
    _membership, occupation, skills = found[0]
    label = _labels(Cluster.objects.get(slug="neopolia")).get(occupation.pk, occupation.label)
    states = (STATES[0][0], STATES[-1][0])
    for state in states:
        offer = _offer(rng, estuary, label, occupation, skills, today)
        _save(offer, skills, state, _clusters_of(estuary), decided_by, rng, today)
    return len(states)


# Candidates, the CV bank and applications -----------------------------------
