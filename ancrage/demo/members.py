"""The demo clusters' ~1,500 fictitious member organisations, with their head
office, a contact, their memberships (some in Neopolia and Bretagne Pôle
Naval) and filled matrix profiles drawn from each cluster's vocabulary.

Loaded once, with bulk inserts, from a fixed seed: the demo's SIRENs start
at `SIREN_BASE`, so a second load sees they are there and changes nothing."""

import datetime
import random

from django.utils import timezone

from ancrage.clusters.models import Cluster, ClusterStaff
from ancrage.demo import fictitious
from ancrage.demo.draws import ProfileDraws, naf_weights
from ancrage.demo.members_data import MEMBERS, SHARED_WITH_NAVAL
from ancrage.matrix.models import (
    MatrixProfile,
    ProfileActivity,
    ProfileMarket,
    ProfileSkill,
    State,
    Transition,
)
from ancrage.organisations.factories import (
    ContactFactory,
    EstablishmentFactory,
    MembershipFactory,
    OrganisationFactory,
    siren_for,
    siret_for,
)
from ancrage.organisations.identifiers import naf_label
from ancrage.organisations.models import (
    Contact,
    Establishment,
    Membership,
    Organisation,
    PublicField,
    Role,
    SizeClass,
)
from ancrage.referentiel.models import Activity, Market, OccupationSkill, VocabularyEntry
from ancrage.territory.models import Commune

SEED = 20261123
SIREN_BASE = 80_000_000  # the demo's fictitious SIRENs: 80000000x, 80000001x…
FORMER_SHARE = 0.03
PROFILE_SHARE = 0.92
STATES = ((State.VALIDATED, 78), (State.SUBMITTED, 8), (State.TO_REVIEW, 5), (State.DRAFT, 9))
NOTES = (
    "Rencontrée au salon Euromaritime.",
    "Cotisation réglée par virement en mars.",
    "Intéressée par les actions RH du cluster.",
    "A participé au dernier appel d'offres groupé.",
    "Nouveau dirigeant depuis l'an dernier.",
)


def loaded():
    """Whether any demo member is there (their SIRENs are 8000xxxxx)."""
    low, high = siren_for(SIREN_BASE), siren_for(SIREN_BASE + 100_000)
    return Organisation.objects.filter(siren__gte=low, siren__lt=high).exists()


def load_members():
    """Create the members and their profiles; the number of organisations
    created (0 when they are already there)."""
    if loaded():
        return 0
    rng = random.Random(SEED)  # noqa: S311 (fictitious data, not secrets)
    clusters = Cluster.objects.in_bulk(list(MEMBERS), field_name="slug")
    organisations, memberships = [], []
    for slug, demo in MEMBERS.items():
        cluster = clusters[slug]
        places = communes(demo.departments) or [seat_place(cluster.seat)]
        nafs = naf_weights(demo.sector)
        count = demo.count - (SHARED_WITH_NAVAL if slug == "bretagne-pole-naval" else 0)
        for _ in range(count):
            organisation = organisation_for(rng, len(organisations), demo.sector, nafs, places)
            active = rng.random() >= FORMER_SHARE
            memberships.append((len(organisations), cluster, active))
            organisations.append(organisation)
    homes = [cluster for _index, cluster, _active in memberships]
    neopolia = [index for index, cluster, _a in memberships if cluster.slug == "neopolia"]
    naval = clusters["bretagne-pole-naval"]
    memberships += [(index, naval, True) for index in rng.sample(neopolia, SHARED_WITH_NAVAL)]
    Organisation.objects.bulk_create(organisations)
    details(rng, organisations, homes)
    saved = Membership.objects.bulk_create(
        MembershipFactory.build(
            cluster=cluster,
            organisation=organisations[index],
            status=Membership.Status.ACTIVE if active else Membership.Status.FORMER,
            since=datetime.date(rng.randint(2008, 2025), rng.randint(1, 12), 1),
            fee_paid=active and rng.random() < 0.85,
            fee_year=2026 if active else rng.randint(2019, 2024),
            notes=rng.choice(NOTES) if rng.random() < 0.1 else "",
        )
        for index, cluster, active in memberships
    )
    profiles(rng, [m for m in saved if m.status == Membership.Status.ACTIVE])
    return len(organisations)


def communes(departments):
    """[(pk, population, (name, postal code))] of the departments' communes."""
    rows = Commune.objects.current().filter(department__code__in=departments).order_by("code")
    return [
        (pk, population or 1, (name, postal_codes[0] if postal_codes else ""))
        for pk, population, name, postal_codes in rows.values_list(
            "pk", "population", "name", "postal_codes"
        )
    ]


def seat_place(seat):
    return (seat.pk, 1, (seat.name, seat.postal_codes[0] if seat.postal_codes else ""))


def organisation_for(rng, number, sector, nafs, places):
    commune, _population, (town, postal_code) = rng.choices(places, weights=[p[1] for p in places])[
        0
    ]
    kind = fictitious.organisation_kind(rng)
    if kind == "company":
        name = fictitious.company_name(rng, sector.heads, town)
        naf = fictitious.weighted(rng, nafs)
        staff = fictitious.headcount(rng) if rng.random() < 0.95 else None
        legal_name = f"{fictitious.legal_name(rng, name, staff)} (FICTIVE)"
    else:
        name, naf = fictitious.institution(rng, kind, town)
        staff = fictitious.headcount(rng)
        legal_name = f"{name} (fictif)"
    people = f" ({staff} salariés)" if staff and staff > 1 else ""
    published = [*Organisation._meta.get_field("public_fields").default()]
    if rng.random() < 0.8:
        published += [PublicField.MATRIX, PublicField.SIZE, PublicField.CERTIFICATIONS]
    return OrganisationFactory.build(
        name=name,
        legal_name=legal_name,
        kind=kind,
        siren=siren_for(SIREN_BASE + number),
        naf_code=naf,
        headcount=staff,
        size_class=SizeClass.for_headcount(staff),
        turnover_band=fictitious.turnover_band(rng, staff) if kind == "company" and staff else "",
        address=fictitious.address(rng),
        postal_code=postal_code,
        commune_id=commune,
        website=fictitious.website(name, number),
        description=f"{naf_label(naf)}, à {town}{people}. Organisation fictive de démonstration.",
        listed_publicly=rng.random() < 0.9,
        public_fields=published,
    )


def details(rng, organisations, homes):
    """Each organisation's head office and a contact, recorded by the staff
    of its first cluster (`homes`, in the same order)."""
    establishments, contacts = [], []
    for organisation, home in zip(organisations, homes, strict=True):
        establishments.append(
            EstablishmentFactory.build(
                organisation=organisation,
                siret=siret_for(organisation.siren, 1),
                name=organisation.name,
                address=organisation.address,
                postal_code=organisation.postal_code,
                commune_id=organisation.commune_id,
            )
        )
        first, last = fictitious.person(rng)
        contacts.append(
            ContactFactory.build(
                organisation=organisation,
                cluster=home,
                first_name=first,
                last_name=last,
                email=fictitious.email_for(first, last, organisation.website.split("://")[1]),
                role=fictitious.weighted(
                    rng, ((Role.DIRECTOR, 5), (Role.HR, 2), (Role.CONTACT, 3))
                ),
                job_title="",
            )
        )
    Establishment.objects.bulk_create(establishments)
    Contact.objects.bulk_create(contacts)


def draws_for(rng, cluster, sector, activities, markets):
    entries = list(
        VocabularyEntry.objects.filter(cluster=cluster).order_by("kind", "position", "pk")
    )
    occupations = [e for e in entries if e.kind == VocabularyEntry.Kind.OCCUPATION]
    skills = [e for e in entries if e.kind == VocabularyEntry.Kind.SKILL]
    entry_of_skill = {e.skill_id: e.pk for e in skills if e.skill_id}
    links = {}
    for occupation, skill in OccupationSkill.objects.filter(
        occupation__in=[e.occupation_id for e in occupations if e.occupation_id]
    ).values_list("occupation_id", "skill_id"):
        if skill in entry_of_skill:
            links.setdefault(occupation, []).append(entry_of_skill[skill])
    skills_of = {e.pk: sorted(links.get(e.occupation_id, [])) for e in occupations}
    popularity = [e.pk for e in skills]
    rng.shuffle(popularity)  # the vocabulary's order is by theme, not by use
    return ProfileDraws(
        sector,
        [e.pk for e in occupations],
        popularity,
        skills_of,
        activities,
        markets,
        max_skills=cluster.matrix_max_skills,
    )


def profiles(rng, memberships):
    """Filled profiles for most active memberships, mostly validated."""
    activities = list(Activity.objects.order_by("position").values_list("slug", "pk"))
    markets = list(Market.objects.order_by("position").values_list("slug", "pk"))
    draws, staff = {}, {}
    for cluster in Cluster.objects.filter(slug__in=list(MEMBERS)).order_by("slug"):
        draws[cluster.pk] = draws_for(
            rng, cluster, MEMBERS[cluster.slug].sector, activities, markets
        )
        admin = cluster.staff.filter(role=ClusterStaff.Role.ADMIN).order_by("pk").first()
        staff[cluster.pk] = admin.user if admin else None
    now = timezone.now()
    built, contents, transitions = [], [], []
    for membership in memberships:
        if rng.random() >= PROFILE_SHARE or not draws[membership.cluster_id].occupations:
            continue
        occupation, skills, chosen_activities, chosen_markets, certifications = draws[
            membership.cluster_id
        ].profile(rng)
        state = fictitious.weighted(rng, STATES)
        by = staff[membership.cluster_id]
        filled = now - datetime.timedelta(days=rng.randint(30, 700))
        validated = state in (State.VALIDATED, State.TO_REVIEW)
        built.append(
            MatrixProfile(
                membership=membership,
                occupation_id=occupation,
                certifications=certifications,
                state=state,
                updated_at=filled,
                updated_by=by,
                validated_at=filled if validated else None,
                validated_by=by if validated else None,
            )
        )
        contents.append((skills, chosen_activities, chosen_markets))
        transitions.append(history(state, by, filled))
    MatrixProfile.objects.bulk_create(built)
    rows = list(zip(built, contents, transitions, strict=True))
    ProfileSkill.objects.bulk_create(
        ProfileSkill(profile=p, entry_id=pk) for p, (skills, _a, _m), _t in rows for pk in skills
    )
    ProfileActivity.objects.bulk_create(
        ProfileActivity(profile=p, activity_id=pk) for p, (_s, acts, _m), _t in rows for pk in acts
    )
    ProfileMarket.objects.bulk_create(
        ProfileMarket(profile=p, market_id=pk) for p, (_s, _a, mkts), _t in rows for pk in mkts
    )
    Transition.objects.bulk_create(
        Transition(profile=p, from_state=a, to_state=b, by=by, at=at)
        for p, _c, steps in rows
        for a, b, by, at in steps
    )


def history(state, by, at):
    """The transitions that led to `state`: staff filled the profile in and
    validated it with the member (or submitted it to them)."""
    if state == State.DRAFT:
        return []
    if state == State.SUBMITTED:
        return [(State.DRAFT, State.SUBMITTED, by, at)]
    steps = [(State.DRAFT, State.VALIDATED, by, at)]
    if state == State.TO_REVIEW:
        steps.append((State.VALIDATED, State.TO_REVIEW, by, at + datetime.timedelta(days=20)))
    return steps
