"""The matrix profiles of imported rows.

A profile the import changes goes through `matrix.profiles.write`, the one
service that changes a profile (a validated one goes « to review »). Two
shortcuts keep a 5,000-row import within its budget: the current profiles
are read in a few queries and a profile whose content would not change is
not written at all (`write` would compare and return False); and a member
that has no profile yet gets it in bulk inserts, checked with the same rules
(`profiles.problems`) — a new profile is a draft, with nothing to compare
and no state to change."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.matrix import profiles, workflow
from ancrage.matrix.models import (
    MatrixProfile,
    ProfileActivity,
    ProfileMarket,
    ProfileSkill,
    State,
)

BATCH = 1000


class Refused(Exception):
    """A profile the matrix rules refuse; the message names the line."""


def write_all(cluster, planned, entries, by, request=None):
    """Write the profiles of the `planned` rows (writing.Planned) that fill
    a matrix column; mark the rows whose profile changed. The organisations
    whose validated profile went « to review » are told, as when staff
    change it on screen (the emails leave once the import is committed)."""
    concerned = [plan for plan in planned if _has_matrix(plan.row)]
    current = _current(plan.membership for plan in concerned if not plan.joined)
    new, switched = [], []
    for plan in concerned:
        profile = current.get(plan.membership.pk)
        before = _content_of(profile) if profile is not None else profiles.Content()
        after = _merged(before, plan.row, entries)
        if profile is None:
            _check(cluster, plan.row, after)
            new.append((plan.membership, after))
            plan.changed = True
        elif profiles.snapshot(before) != profiles.snapshot(after):
            try:
                profiles.write(profile, after, by=by, by_staff=True)
            except profiles.ProfileError as error:
                raise Refused(_line(plan.row, error)) from None
            plan.changed = True
            if profile.state == State.VALIDATED:
                switched.append(profile)
    _create(new, by)
    for profile in switched:
        before = profile.state
        profile.refresh_from_db(fields=["state"])
        if profile.state != before:
            workflow.staff_changed_state(request, profile, before, by=by)


def _has_matrix(row):
    axes = (row.occupation, row.skills, row.activities, row.markets, row.certifications)
    return any(axis is not None for axis in axes)


def _current(memberships):
    """{membership pk: profile with its items} in four queries."""
    items = (
        Prefetch(
            "skills", ProfileSkill.objects.select_related("entry__skill", "entry__occupation")
        ),
        Prefetch("activities", ProfileActivity.objects.select_related("activity")),
        Prefetch("markets", ProfileMarket.objects.select_related("market")),
    )
    found = (
        MatrixProfile.objects.filter(membership__in=list(memberships))
        .select_related("occupation", "membership__cluster", "membership__organisation")
        .prefetch_related(*items)
    )
    return {profile.membership_id: profile for profile in found}


def _content_of(profile):
    """`profiles.content_of` on the prefetched items (same order)."""
    return profiles.Content(
        occupation=profile.occupation,
        occupation_comment=profile.occupation_comment,
        skills=[(item.entry, item.comment) for item in profile.skills.all()],
        activities=[(item.activity, item.comment) for item in profile.activities.all()],
        markets=[(item.market, item.comment) for item in profile.markets.all()],
        certifications=list(profile.certifications),
    )


def _merged(before, row, entries):
    """The content once the row's filled columns replace their axis; the
    comments of the items kept stay."""
    after = profiles.Content(
        occupation=before.occupation,
        occupation_comment=before.occupation_comment,
        skills=list(before.skills),
        activities=list(before.activities),
        markets=list(before.markets),
        certifications=list(before.certifications),
    )
    if row.occupation is not None:
        occupation = _entry(row.occupation, entries)
        if occupation != before.occupation:
            after.occupation, after.occupation_comment = occupation, ""
    if row.skills is not None:
        after.skills = _with_comments([_entry(f, entries) for f in row.skills], before.skills)
    if row.activities is not None:
        after.activities = _with_comments(row.activities, before.activities)
    if row.markets is not None:
        after.markets = _with_comments(row.markets, before.markets)
    if row.certifications is not None:
        after.certifications = list(row.certifications)
    return after


def _with_comments(items, current):
    """`items` in the order a profile lists them, with the comments they had."""
    comments = {item.pk: comment for item, comment in current}
    ordered = sorted(items, key=lambda item: (item.position, item.pk))
    return [(item, comments.get(item.pk, "")) for item in ordered]


def _entry(found, entries):
    return found.entry if found.entry is not None else entries[found.key]


def _check(cluster, row, content):
    refused = profiles.problems(cluster, content)
    if refused:
        raise Refused(_line(row, " ".join(refused)))


def _line(row, reason):
    return _("Ligne %(line)s : %(reason)s") % {"line": row.line, "reason": reason}


def _create(new, by):
    """Bulk insert the new profiles (drafts) and their items."""
    now = timezone.now()
    created = MatrixProfile.objects.bulk_create(
        [
            MatrixProfile(
                membership=membership,
                occupation=content.occupation,
                certifications=content.certifications,
                updated_at=now,
                updated_by=by,
            )
            for membership, content in new
        ],
        batch_size=BATCH,
    )
    skills, activities, markets = [], [], []
    for profile, (_membership, content) in zip(created, new, strict=True):
        skills += [ProfileSkill(profile=profile, entry=entry) for entry, _c in content.skills]
        activities += [ProfileActivity(profile=profile, activity=a) for a, _c in content.activities]
        markets += [ProfileMarket(profile=profile, market=m) for m, _c in content.markets]
    ProfileSkill.objects.bulk_create(skills, batch_size=BATCH)
    ProfileActivity.objects.bulk_create(activities, batch_size=BATCH)
    ProfileMarket.objects.bulk_create(markets, batch_size=BATCH)
