"""Writing the valid rows of a member file, in the caller's transaction:
organisations (found by SIRET, SIREN, or name and commune, else created),
their establishment and contact, their membership in the cluster (active),
and their matrix profile through `matrix.profiles.write` (a validated profile
the import changes goes « to review »)."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Value
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.matrix import profiles
from ancrage.organisations.models import Contact, Establishment, Membership, Organisation
from ancrage.referentiel import vocabulary
from ancrage.referentiel.search.text import written
from ancrage.territory.search import Normalized


class WriteRefused(Exception):
    """A row the rules refuse at write time; the whole import is undone."""


@dataclass
class Summary:
    created: list = field(default_factory=list)  # lines
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    added: list = field(default_factory=list)  # [(kind label, label)]

    def as_details(self):
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": self.skipped,
            "added": [list(pair) for pair in self.added],
        }


def lines(details):
    """The summary of an import (its audit details) in French sentences."""
    created, updated, unchanged = details["created"], details["updated"], details["unchanged"]
    found = [
        ngettext("%(count)s adhérent créé", "%(count)s adhérents créés", _french(created))
        % {"count": created}
        + ", "
        + ngettext("%(count)s mis à jour", "%(count)s mis à jour", _french(updated))
        % {"count": updated}
        + ", "
        + ngettext("%(count)s inchangé", "%(count)s inchangés", _french(unchanged))
        % {"count": unchanged}
        + "."
    ]
    added = details["added"]
    if added:
        found.append(
            ngettext(
                "%(count)s élément ajouté au vocabulaire du cluster : %(items)s.",
                "%(count)s éléments ajoutés au vocabulaire du cluster : %(items)s.",
                _french(len(added)),
            )
            % {
                "count": len(added),
                "items": ", ".join(f"« {label} » ({kind})" for kind, label in added),
            }
        )
    skipped = details["skipped"]
    if skipped:
        shown = ", ".join(str(line) for line in skipped[:30])
        if len(skipped) > 30:
            shown += ", …"
        found.append(
            ngettext(
                "%(count)s ligne en erreur ignorée (ligne %(lines)s).",
                "%(count)s lignes en erreur ignorées (lignes %(lines)s).",
                _french(len(skipped)),
            )
            % {"count": len(skipped), "lines": shown}
        )
    return found


def _french(count):
    """The count for ngettext: French writes 0 in the singular (« 0 inchangé »)."""
    return 1 if count <= 1 else count


def write(cluster, report, *, request=None, by=None):
    """Write the valid rows of `report`; the Summary. Call it inside a
    transaction that holds the cluster's import lock."""
    request = request or SimpleNamespace(user=by or AnonymousUser(), META={})
    summary = Summary(skipped=sorted(line for line in report.bad_lines if line))
    entries = _add_to_vocabulary(request, cluster, report, summary)
    known = _Known(cluster, report.rows)
    for row in report.rows:
        status = _write_row(cluster, row, entries, known, by)
        getattr(summary, status).append(row.line)
    return summary


def _add_to_vocabulary(request, cluster, report, summary):
    """{(model name, pk): VocabularyEntry} for the ROME items the rows need."""
    entries = {}
    for item in report.additions:
        try:
            entry = vocabulary.add_rome_item(request, cluster, item)
        except vocabulary.VocabularyError as error:
            raise WriteRefused(str(error)) from None
        entries[(type(item).__name__, item.pk)] = entry
        summary.added.append((str(entry.get_kind_display()), entry.display_label))
    return entries


class _Known:
    """What the database already holds for the rows, read in a few queries."""

    def __init__(self, cluster, rows):
        sirets = [row.siret for row in rows if row.siret]
        sirens = [row.siren for row in rows if row.siren]
        self.establishments = {
            e.siret: e
            for e in Establishment.objects.filter(siret__in=sirets).select_related("organisation")
        }
        self.by_siren = {}
        # Members of this cluster first, then the oldest.
        for organisation in Organisation.objects.filter(siren__in=sirens).order_by("pk"):
            self.by_siren.setdefault(organisation.siren, organisation)
        members = set(
            Membership.objects.filter(cluster=cluster, organisation__siren__in=sirens).values_list(
                "organisation_id", flat=True
            )
        )
        for organisation in Organisation.objects.filter(pk__in=members):
            self.by_siren[organisation.siren] = organisation

    def organisation(self, cluster, row):
        establishment = self.establishments.get(row.siret) if row.siret else None
        if establishment is not None:
            return establishment.organisation
        if row.siren:
            return self.by_siren.get(row.siren)
        named = (
            Organisation.objects.annotate(wanted=Normalized(Value(row.name)))
            .filter(search_name=F("wanted"), commune=row.commune)
            .order_by("pk")
        )
        member = named.filter(memberships__cluster=cluster).first()
        return member or named.first()


def _write_row(cluster, row, entries, known, by):
    organisation = known.organisation(cluster, row)
    created = organisation is None
    changed = False
    if created:
        organisation = Organisation(name=row.name)
    if not created and written(organisation.name) == written(row.name):
        row_name = organisation.name  # the same name, in other capitals or accents
    else:
        row_name = row.name
    for name, value in (
        ("name", row_name),
        ("siren", row.siren),
        ("naf_code", row.naf),
        ("headcount", row.headcount),
        ("commune", row.commune),
        ("postal_code", row.postal_code if row.commune is not None else ""),
    ):
        if value not in ("", None) and getattr(organisation, name) != value:
            setattr(organisation, name, value)
            changed = True
    if created or changed:
        organisation.save()
        if row.siren:
            known.by_siren[row.siren] = organisation
    changed |= _establishment(organisation, row, known)
    changed |= _contact(organisation, row, created)
    membership, joined = _membership(cluster, organisation, created)
    changed |= _profile(membership, row, entries, joined, by)
    if joined:
        return "created"
    return "updated" if changed else "unchanged"


def _establishment(organisation, row, known):
    if not row.siret or row.siret in known.establishments:
        return False
    known.establishments[row.siret] = Establishment.objects.create(
        organisation=organisation,
        siret=row.siret,
        commune=row.commune,
        postal_code=row.postal_code if row.commune is not None else "",
    )
    return True


def _contact(organisation, row, created):
    if not row.email:
        return False
    contact = (
        None
        if created
        else Contact.objects.filter(organisation=organisation, email__iexact=row.email)
        .order_by("pk")
        .first()
    )
    if contact is None:
        Contact.objects.create(
            organisation=organisation,
            email=row.email,
            first_name=row.first_name,
            last_name=row.last_name,
        )
        return True
    names = {"first_name": row.first_name, "last_name": row.last_name}
    names = {key: value for key, value in names.items() if value and getattr(contact, key) != value}
    for key, value in names.items():
        setattr(contact, key, value)
    if names:
        contact.save(update_fields=list(names))
    return bool(names)


def _membership(cluster, organisation, created):
    membership = (
        None
        if created
        else Membership.objects.filter(cluster=cluster, organisation=organisation).first()
    )
    if membership is None:
        return Membership.objects.create(cluster=cluster, organisation=organisation), True
    if membership.status != Membership.Status.ACTIVE:
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
    return membership, False


def _profile(membership, row, entries, joined, by):
    axes = (row.occupation, row.skills, row.activities, row.markets, row.certifications)
    if joined and all(axis is None for axis in axes):
        return False
    profile = profiles.profile_for(membership)
    content = profiles.Content() if joined else profiles.content_of(profile)
    if row.occupation is not None:
        occupation = _entry(row.occupation, entries)
        if occupation != content.occupation:
            content.occupation, content.occupation_comment = occupation, ""
    if row.skills is not None:
        comments = {entry.pk: comment for entry, comment in content.skills}
        chosen = sorted((_entry(found, entries) for found in row.skills), key=_position)
        content.skills = [(entry, comments.get(entry.pk, "")) for entry in chosen]
    if row.activities is not None:
        content.activities = _with_comments(row.activities, content.activities)
    if row.markets is not None:
        content.markets = _with_comments(row.markets, content.markets)
    if row.certifications is not None:
        content.certifications = row.certifications
    try:
        return profiles.write(profile, content, by=by, by_staff=True)
    except profiles.ProfileError as error:
        raise WriteRefused(
            _("Ligne %(line)s : %(reason)s") % {"line": row.line, "reason": error}
        ) from None


def _position(item):
    """The order in which a profile lists its items (compared with what it holds)."""
    return (item.position, item.pk)


def _with_comments(items, current):
    comments = {item.pk: comment for item, comment in current}
    return [(item, comments.get(item.pk, "")) for item in sorted(items, key=_position)]


def _entry(found, entries):
    return found.entry if found.entry is not None else entries[found.key]
