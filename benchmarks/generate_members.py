"""The benchmark's member organisations: clusters' sizes, organisations with
their head office and a contact, and memberships (some organisations in two
or three clusters). Used by benchmarks/generate.py."""

import datetime
import math
from collections import Counter

from benchmarks.filieres import FILIERES

SIREN_BASE = 90_000_000  # fictitious SIRENs 90000000x…
FORMER_SHARE = 0.04  # former members, on top of each cluster's active ones
THIRD_CLUSTER_SHARE = 2 / 7  # of the extra memberships, those that are a third one
MULTI_REGION_SHARE = 0.6  # second memberships in a cluster of the same region


def cluster_sizes(scale, count):
    """Active members per cluster, largest first: a deterministic curve from
    `scale.largest_cluster` down to `scale.smallest_cluster`, its shape chosen
    so that the sizes add up to every membership of `scale`."""
    total = round(scale.organisations * (1 + scale.multi_cluster_share))
    largest, smallest = scale.largest_cluster, scale.smallest_cluster
    if count == 1:
        return [total]
    # Sum of smallest + (largest - smallest) * x^p over x in [0, 1] ≈ count / (p + 1).
    spread = total - count * smallest
    power = max(0.05, (largest - smallest) * count / spread - 1)
    sizes = [
        round(smallest + (largest - smallest) * (1 - rank / (count - 1)) ** power)
        for rank in range(count)
    ]
    rank = count - 1
    while sum(sizes) != total:  # rounding: the smallest clusters absorb it
        sizes[rank] += 1 if sum(sizes) < total else -1
        rank = rank - 1 if rank > 1 else count - 1
    return sizes


def organisations_done(scale):
    """All there, each with its head office (earlier generators made none)."""
    from ancrage.organisations.models import Establishment
    from benchmarks.generate import bench_organisations

    organisations = bench_organisations()
    head_offices = Establishment.objects.filter(organisation__in=organisations, is_head_office=True)
    return organisations.count() == scale.organisations == head_offices.count()


def clear_organisations():
    from ancrage.organisations.models import (
        Contact,
        Establishment,
        Membership,
        Organisation,
        OrganisationInvitation,
        OrganisationUser,
    )
    from ancrage.tenders.models import Tender
    from benchmarks.generate import SLUG_PREFIX, bench_organisations, sql_delete
    from benchmarks.generate_candidates import clear_candidates
    from benchmarks.generate_gpec import clear_gpec
    from benchmarks.generate_jobs import clear_offers
    from benchmarks.generate_matrix import clear_profiles
    from benchmarks.generate_surveys import clear_surveys

    Tender.objects.filter(cluster__slug__startswith=SLUG_PREFIX).delete()
    clear_candidates()  # their views point to organisations
    clear_offers()
    clear_gpec()  # facts point to organisations
    clear_surveys()  # invitees point to organisations
    clear_profiles()
    ids = list(bench_organisations().values_list("pk", flat=True))
    for model in (Establishment, Contact, OrganisationUser, OrganisationInvitation, Membership):
        sql_delete(model, "organisation_id", ids)
    sql_delete(Organisation, "id", ids)


def communes():
    """{department id: [(pk, population)]}, {region id: […]}, {pk: (name, postal code)}."""
    from ancrage.territory.models import Commune

    by_department, by_region, names = {}, {}, {}
    rows = Commune.objects.current().order_by("code")
    for pk, department, region, population, name, postal_codes in rows.values_list(
        "pk", "department_id", "region_id", "population", "name", "postal_codes"
    ):
        by_department.setdefault(department, []).append((pk, population or 1))
        by_region.setdefault(region, []).append((pk, population or 1))
        names[pk] = (name, postal_codes[0] if postal_codes else "")
    return by_department, by_region, names


def draw_commune(rng, places):
    pks, weights = zip(*places, strict=True)
    return rng.choices(pks, weights=weights)[0]


def create_organisations(scale, rng):
    from ancrage.clusters.models import Cluster
    from benchmarks.generate import SLUG_PREFIX

    clusters = list(
        Cluster.objects.filter(slug__startswith=SLUG_PREFIX)
        .order_by("slug")
        .values_list("pk", "seat__department_id", "seat__region_id", "filiere")
    )
    sizes = dict(zip((c[0] for c in clusters), cluster_sizes(scale, len(clusters)), strict=True))
    homes = home_clusters(rng, clusters, sizes, scale.organisations)
    organisations = build_organisations(rng, clusters, homes)
    memberships = assign_memberships(rng, clusters, sizes, homes)
    insert(rng, organisations, memberships)


def home_clusters(rng, clusters, sizes, count):
    """Each organisation's first cluster: clusters take their share of the
    organisations in proportion to their size."""
    total = sum(sizes.values())
    quotas = {pk: math.floor(size * count / total) for pk, size in sizes.items()}
    for pk in sorted(sizes, key=sizes.get, reverse=True)[: count - sum(quotas.values())]:
        quotas[pk] += 1
    homes = [pk for pk, _d, _r, _f in clusters for _ in range(quotas[pk])]
    rng.shuffle(homes)
    return homes


def assign_memberships(rng, clusters, sizes, homes):
    """[(organisation index, cluster pk, active?)]: each organisation's home
    membership, then the other clusters' remaining places (active ones, then
    a few former members) given to organisations, often of the same region,
    up to three clusters each."""
    region_of = {pk: region for pk, _d, region, _f in clusters}
    taken = [{home} for home in homes]
    memberships = [(index, home, True) for index, home in enumerate(homes)]
    home_counts = Counter(homes)
    slots = []
    for pk, size in sizes.items():
        slots += [(pk, True)] * (size - home_counts[pk])
        slots += [(pk, False)] * round(size * FORMER_SHARE)
    rng.shuffle(slots)
    remaining = Counter(slots)
    by_region = {}
    for slot in slots:
        by_region.setdefault(region_of[slot[0]], []).append(slot)
    third = round(len(slots) * THIRD_CLUSTER_SHARE / 2)
    extras = [2] * third + [1] * (len(slots) - 2 * third)
    for index, count in zip(rng.sample(range(len(homes)), len(extras)), extras, strict=False):
        for _ in range(count):
            pool = by_region.get(region_of[homes[index]], [])
            slot = rng.random() < MULTI_REGION_SHARE and take(pool, remaining, taken[index])
            slot = slot or take(slots, remaining, taken[index])
            if slot:
                taken[index].add(slot[0])
                memberships.append((index, *slot))
    return memberships


def take(pool, remaining, taken, tries=50):
    """A slot from the end of `pool` still free and of a cluster not in `taken`."""
    while pool and not remaining[pool[-1]]:
        pool.pop()
    for position in range(len(pool) - 1, max(-1, len(pool) - 1 - tries), -1):
        slot = pool[position]
        if remaining[slot] and slot[0] not in taken:
            pool[position] = pool[-1]
            pool.pop()
            remaining[slot] -= 1
            return slot
    return None


def build_organisations(rng, clusters, homes):
    """[(Organisation, [communes of its other establishments])], not saved."""
    from ancrage.demo import fictitious
    from ancrage.demo.draws import naf_weights
    from ancrage.organisations.factories import siren_for
    from ancrage.organisations.identifiers import naf_label
    from ancrage.organisations.models import Organisation, PublicField, SizeClass

    by_department, by_region, names = communes()
    cluster_info = {
        pk: (department, region, filiere) for pk, department, region, filiere in clusters
    }
    filieres = {f.name: f for f in FILIERES}
    nafs = {f.name: naf_weights(f) for f in FILIERES}
    organisations = []
    for number, home in enumerate(homes):
        department, region, filiere_name = cluster_info[home]
        filiere = filieres[filiere_name]
        near = by_department[department] if rng.random() < 0.75 else by_region[region]
        commune = draw_commune(rng, near)
        kind = fictitious.organisation_kind(rng)
        if kind == "company":
            name = fictitious.company_name(rng, filiere.heads)
            naf = fictitious.weighted(rng, nafs[filiere_name])
        else:
            name, naf = fictitious.institution(rng, kind)
        staff = fictitious.headcount(rng) if rng.random() < 0.95 else None
        siren = siren_for(SIREN_BASE + number)
        town, postal_code = names[commune]
        public = [*Organisation._meta.get_field("public_fields").default()]
        public += rng.sample([PublicField.MATRIX, PublicField.SIZE, PublicField.NAF], 2)
        organisation = Organisation(
            name=name,
            legal_name=fictitious.legal_name(rng, name, staff) if kind == "company" else name,
            kind=kind,
            siren=siren,
            naf_code=naf,
            headcount=staff,
            size_class=SizeClass.for_headcount(staff),
            turnover_band=fictitious.turnover_band(rng, staff)
            if kind == "company" and staff
            else "",
            address=fictitious.address(rng),
            postal_code=postal_code,
            commune_id=commune,
            website=fictitious.website(name, number),
            description=description(naf_label(naf), staff, town),
            listed_publicly=rng.random() < 0.9,
            public_fields=public,
        )
        other_sites = (
            [draw_commune(rng, by_region[region]) for _ in range(rng.randint(1, 3))]
            if staff and staff >= 250
            else []
        )
        organisations.append((organisation, other_sites))
    return organisations


def description(activity, staff, town):
    people = f", {staff} salariés" if staff and staff > 1 else ""
    return f"{activity}. Implantation : {town}{people}."


def insert(rng, organisations, memberships):
    from ancrage.demo import fictitious
    from ancrage.organisations.factories import siret_for
    from ancrage.organisations.models import Contact, Establishment, Membership, Organisation, Role
    from benchmarks.generate import BATCH

    Organisation.objects.bulk_create([o for o, _sites in organisations], batch_size=BATCH)
    establishments, contacts = [], []
    for organisation, other_sites in organisations:
        sites = [organisation.commune_id, *other_sites]
        for number, commune in enumerate(sites, start=1):
            establishments.append(
                Establishment(
                    organisation=organisation,
                    siret=siret_for(organisation.siren, number),
                    name=organisation.name
                    if number == 1
                    else f"{organisation.name} — site {number}",
                    address=organisation.address if number == 1 else fictitious.address(rng),
                    postal_code=organisation.postal_code if number == 1 else "",
                    commune_id=commune,
                    is_head_office=number == 1,
                )
            )
        first, last = fictitious.person(rng)
        contacts.append(
            Contact(
                organisation=organisation,
                first_name=first,
                last_name=last,
                email=fictitious.email_for(first, last, organisation.website.split("://")[1]),
                role=fictitious.weighted(
                    rng, ((Role.DIRECTOR, 5), (Role.HR, 2), (Role.CONTACT, 3))
                ),
            )
        )
    Establishment.objects.bulk_create(establishments, batch_size=BATCH)
    Contact.objects.bulk_create(contacts, batch_size=BATCH)
    Membership.objects.bulk_create(
        (
            Membership(
                cluster_id=cluster,
                organisation=organisations[index][0],
                status=Membership.Status.ACTIVE if active else Membership.Status.FORMER,
                since=datetime.date(
                    rng.randint(2005, 2026 if active else 2018), rng.randint(1, 12), 1
                ),
                fee_paid=active and rng.random() < 0.85,
                fee_year=2026 if active else rng.randint(2018, 2024),
            )
            for index, cluster, active in memberships
        ),
        batch_size=BATCH,
    )
