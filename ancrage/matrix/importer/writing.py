"""Writing the valid rows of a member file, in the caller's transaction:
organisations (found by SIRET, SIREN, or name and commune, else created),
their establishment and contact, their membership in the cluster (active),
then their matrix profiles (`matrix_profiles`).

What the database holds is read for all rows at once and written in bulk:
a 5,000-row file costs a few dozen queries, not tens of thousands."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.matrix.importer import matrix_profiles
from ancrage.matrix.importer.matching import name_key
from ancrage.matrix.importer.summary import Summary
from ancrage.matrix.importer.validation import Row
from ancrage.organisations import services
from ancrage.organisations.models import (
    Contact,
    Establishment,
    Membership,
    Organisation,
    SizeClass,
)
from ancrage.referentiel import vocabulary
from ancrage.referentiel.search.text import written

BATCH = 1000
ORGANISATION_FIELDS = [
    "name",
    "siren",
    "naf_code",
    "headcount",
    "size_class",
    "commune",
    "postal_code",
    "updated_at",
]


class WriteRefused(Exception):
    """A row the rules refuse at write time; the whole import is undone."""


@dataclass
class Planned:
    """A row and what it becomes."""

    row: Row
    organisation: Organisation
    created: bool  # a new organisation
    changed: bool = False
    membership: Membership | None = None
    joined: bool = False  # new in the cluster
    attached: bool = False  # another cluster's member, found by SIREN or SIRET

    @property
    def status(self):
        if self.joined:
            return "created"
        return "updated" if self.changed else "unchanged"


def write(cluster, report, *, request=None, by=None):
    """Write the valid rows of `report`; the Summary. Call it inside a
    transaction that holds the cluster's import lock."""
    summary = Summary(skipped=sorted(line for line in report.bad_lines if line))
    entries = _add_to_vocabulary(request, by, cluster, report, summary)
    planned = _organisations(cluster, report.rows)
    _establishments(planned)
    _contacts(cluster, planned)
    _memberships(cluster, planned)
    _tell_attached(request, by, cluster, planned)
    try:
        matrix_profiles.write_all(cluster, planned, entries, by, request)
    except matrix_profiles.Refused as refused:
        raise WriteRefused(str(refused)) from None
    for plan in planned:
        getattr(summary, plan.status).append(plan.row.line)
    return summary


def _add_to_vocabulary(request, by, cluster, report, summary):
    """{(model name, pk): VocabularyEntry} for the ROME items the rows need."""
    entries = {}
    for item in report.additions:
        try:
            entry = vocabulary.add_rome_item(request, cluster, item, by=by)
        except vocabulary.VocabularyError as error:
            raise WriteRefused(str(error)) from None
        entries[(type(item).__name__, item.pk)] = entry
        summary.added.append((str(entry.get_kind_display()), entry.display_label))
    return entries


# Organisations ---------------------------------------------------------------------


def _organisations(cluster, rows):
    known = _Known(cluster, rows)
    members_here = set(
        Membership.objects.filter(cluster=cluster, organisation__in=known.found()).values_list(
            "organisation_id", flat=True
        )
    )
    now = timezone.now()
    planned, new, changed, seen = [], [], [], {}
    for row in rows:
        organisation = known.organisation(row)
        if organisation is None:
            organisation = Organisation(name=row.name)
            _apply(organisation, row, created=True)
            new.append(organisation)
            planned.append(Planned(row, organisation, created=True, changed=True))
            continue
        if organisation.pk in seen:
            raise WriteRefused(
                _(
                    "Ligne %(line)s : c'est la même organisation que la ligne %(first)s "
                    "(« %(name)s ») : gardez une seule ligne."
                )
                % {"line": row.line, "first": seen[organisation.pk], "name": organisation.name}
            )
        seen[organisation.pk] = row.line
        plan = Planned(row, organisation, created=False)
        if organisation.pk not in members_here:
            # Another cluster's member, found by SIREN or SIRET: attached as
            # it is; its shared profile is not this cluster's to rewrite.
            plan.attached = True
        elif _apply(organisation, row, created=False):
            organisation.updated_at = now
            changed.append(organisation)
            plan.changed = True
        planned.append(plan)
    Organisation.objects.bulk_create(new, batch_size=BATCH)
    Organisation.objects.bulk_update(changed, ORGANISATION_FIELDS, batch_size=BATCH)
    return planned


def _apply(organisation, row, *, created):
    """Copy the row's filled cells to the organisation; True if one differs."""
    name = row.name
    if not created and name_key(organisation.name) == name_key(row.name):
        name = organisation.name  # the same name, in other capitals or accents
    values = {
        "name": name,
        "siren": row.siren,
        "naf_code": row.naf,
        "headcount": row.headcount,
        "commune": row.commune,
        "postal_code": row.postal_code if row.commune is not None else "",
    }
    if row.headcount is not None:
        values["size_class"] = SizeClass.for_headcount(row.headcount)
    changed = False
    for field, value in values.items():
        if value not in ("", None) and getattr(organisation, field) != value:
            setattr(organisation, field, value)
            changed = True
    return changed


class _Known:
    """The organisations the rows may refer to, read in a few queries: by
    SIRET, else by SIREN, else by normalised name in the same commune —
    for a row with a SIREN, only an organisation recorded without one (the
    import then fills it in)."""

    def __init__(self, cluster, rows):
        sirets = [row.siret for row in rows if row.siret]
        sirens = [row.siren for row in rows if row.siren]
        self.establishments = {
            e.siret: e.organisation
            for e in Establishment.objects.filter(siret__in=sirets).select_related("organisation")
        }
        self.by_siren = {}
        # An organisation of the cluster first, else the oldest with that SIREN.
        for organisation in Organisation.objects.filter(siren__in=sirens).order_by("pk"):
            self.by_siren.setdefault(organisation.siren, organisation)
        for organisation in Organisation.objects.filter(
            siren__in=sirens, memberships__cluster=cluster
        ).order_by("pk"):
            self.by_siren[organisation.siren] = organisation
        # The same object for the same organisation, whichever way it is found.
        for siret, organisation in self.establishments.items():
            self.establishments[siret] = self.by_siren.get(organisation.siren, organisation)
        self.by_name = self._by_name(cluster, [row for row in rows if not self._identified(row)])

    def _identified(self, row):
        return (row.siret and row.siret in self.establishments) or (
            row.siren and row.siren in self.by_siren
        )

    def _by_name(self, cluster, rows):
        """{(name key, commune pk): [organisation]}, the cluster's members
        first, then the oldest."""
        wanted = {row.name_key for row in rows if row.name_key is not None}
        if not wanted:
            return {}
        # A row with a SIREN only looks for an organisation recorded without one.
        any_organisation = {row.name_key[1] for row in rows if row.name_key and not row.siren}
        without_siren = {commune for _name, commune in wanted} - any_organisation
        # Only the cluster's own members (active or former): another
        # cluster's organisation is found by its SIREN or SIRET, never by a
        # name that merely looks the same.
        candidates = (
            Organisation.objects.filter(
                Q(commune__in=any_organisation) | Q(commune__in=without_siren, siren="")
            )
            .filter(memberships__cluster=cluster)
            .values_list("pk", "name", "commune_id")
        )
        pks = {}
        for pk, name, commune in candidates.order_by("pk").iterator(chunk_size=BATCH):
            key = (written(name), commune)  # name_key, without filling its cache
            if key in wanted:
                pks.setdefault(key, []).append(pk)
        found = [pk for group in pks.values() for pk in group]
        members = set(
            Membership.objects.filter(cluster=cluster, organisation__in=found).values_list(
                "organisation_id", flat=True
            )
        )
        objects = {organisation.pk: organisation for organisation in self.by_siren.values()}
        objects |= {
            pk: organisation
            for pk, organisation in Organisation.objects.in_bulk(found).items()
            if pk not in objects
        }
        return {
            key: [objects[pk] for pk in sorted(group, key=lambda pk: (pk not in members, pk))]
            for key, group in pks.items()
        }

    def found(self):
        """Every organisation already on the platform the rows may refer to."""
        groups = [*self.establishments.values(), *self.by_siren.values()]
        groups += [o for group in self.by_name.values() for o in group]
        return {organisation.pk for organisation in groups}

    def organisation(self, row):
        found = self.establishments.get(row.siret) if row.siret else None
        if found is None and row.siren:
            found = self.by_siren.get(row.siren)
        if found is not None or row.name_key is None:
            return found
        for organisation in self.by_name.get(row.name_key, []):
            # In memory: an earlier row of the file may have given it its SIREN.
            if not row.siren or not organisation.siren:
                return organisation
        return None


# Establishments, contacts, memberships --------------------------------------------


def _tell_attached(request, by, cluster, planned):
    """An organisation another cluster already had, now also this cluster's
    member: audited, and its people are told (as when staff add it by SIREN)."""
    for plan in planned:
        if plan.attached and plan.joined:
            organisation = plan.organisation
            audit.record(
                request,
                AuditEntry.Action.MEMBER_ADDED,
                organisation,
                cluster=cluster,
                actor=by,
                siren=organisation.siren,
                existing=True,
                via="import",
            )
            services.tell_users(organisation, cluster, "organisation_attached", by=by)


def _establishments(planned):
    sirets = [plan.row.siret for plan in planned if plan.row.siret]
    existing = set(Establishment.objects.filter(siret__in=sirets).values_list("siret", flat=True))
    new = []
    for plan in planned:
        row = plan.row
        if row.siret and row.siret not in existing and not plan.attached:
            existing.add(row.siret)
            new.append(
                Establishment(
                    organisation=plan.organisation,
                    siret=row.siret,
                    commune=row.commune,
                    postal_code=row.postal_code if row.commune is not None else "",
                )
            )
            plan.changed = True
    Establishment.objects.bulk_create(new, batch_size=BATCH)


def _contacts(cluster, planned):
    """The cluster's contacts: created as its records, completed when they
    are; an organisation's own contact with the same address is left as it
    is (read-only for clusters), another cluster's is never seen."""
    with_email = [plan for plan in planned if plan.row.email]
    existing = {}
    contacts = (
        Contact.objects.filter(
            organisation__in=[plan.organisation for plan in with_email if not plan.created]
        )
        .filter(Q(cluster=cluster) | Q(cluster=None))
        .order_by("-cluster", "-pk")  # the cluster's own record wins
    )
    for contact in contacts:
        existing[(contact.organisation_id, contact.email.lower())] = contact
    new, changed = [], []
    for plan in with_email:
        row = plan.row
        contact = existing.get((plan.organisation.pk, row.email))
        if contact is None:
            new.append(
                Contact(
                    organisation=plan.organisation,
                    cluster=cluster,
                    email=row.email,
                    first_name=row.first_name,
                    last_name=row.last_name,
                )
            )
            plan.changed = True
            continue
        if contact.cluster_id is None:
            continue
        names = {"first_name": row.first_name, "last_name": row.last_name}
        names = {key: value for key, value in names.items() if value}
        if any(getattr(contact, key) != value for key, value in names.items()):
            for key, value in names.items():
                setattr(contact, key, value)
            changed.append(contact)
            plan.changed = True
    Contact.objects.bulk_create(new, batch_size=BATCH)
    Contact.objects.bulk_update(changed, ["first_name", "last_name"], batch_size=BATCH)


def _memberships(cluster, planned):
    existing = {
        membership.organisation_id: membership
        for membership in Membership.objects.filter(
            cluster=cluster,
            organisation__in=[plan.organisation for plan in planned if not plan.created],
        )
    }
    new, reactivated = [], []
    for plan in planned:
        membership = existing.get(plan.organisation.pk)
        if membership is None:
            membership = Membership(cluster=cluster, organisation=plan.organisation)
            new.append(membership)
            plan.joined = True
        elif membership.status != Membership.Status.ACTIVE:
            membership.status = Membership.Status.ACTIVE
            reactivated.append(membership)
            plan.changed = True
        membership.cluster = cluster
        plan.membership = membership
    Membership.objects.bulk_create(new, batch_size=BATCH)
    Membership.objects.bulk_update(reactivated, ["status"], batch_size=BATCH)
