"""Writing a matrix profile: the one place where a profile's axes and state
change (forms, proposals, the member import all go through here).

A profile's content travels as `Content`; `snapshot()` turns it into JSON
(ids and comments) for a proposal, `content_from_snapshot()` reads it back
against what still exists in the cluster."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.matrix.models import (
    MatrixProfile,
    ProfileActivity,
    ProfileMarket,
    ProfileSkill,
    State,
    Transition,
)
from ancrage.referentiel.models import Activity, Market, VocabularyEntry


class ProfileError(Exception):
    """A change the matrix rules refuse; the message is for the person."""


class StaleProfile(ProfileError):
    """The profile changed since the person opened it (see `version_of`)."""


def version_of(profile):
    """A token of the profile's content as last written: a form carries it,
    so that saving over a change made meanwhile is noticed, not silent."""
    return str(int(profile.updated_at.timestamp() * 1_000_000))


def _check_version(profile, version):
    if version is not None and version != version_of(profile):
        raise StaleProfile(
            _(
                "Le profil a été modifié par quelqu'un d'autre pendant que vous le "
                "consultiez : relisez-le avant de continuer."
            )
        )


@dataclass
class Content:
    occupation: VocabularyEntry | None = None
    occupation_comment: str = ""
    skills: list = field(default_factory=list)  # [(VocabularyEntry, comment)]
    activities: list = field(default_factory=list)  # [(Activity, comment)]
    markets: list = field(default_factory=list)  # [(Market, comment)]
    certifications: list = field(default_factory=list)  # [str]


def profile_for(membership):
    profile, _created = MatrixProfile.objects.get_or_create(membership=membership)
    return profile


def content_of(profile):
    return Content(
        occupation=profile.occupation,
        occupation_comment=profile.occupation_comment,
        skills=[(i.entry, i.comment) for i in profile.skills.select_related("entry__skill")],
        activities=[(i.activity, i.comment) for i in profile.activities.select_related("activity")],
        markets=[(i.market, i.comment) for i in profile.markets.select_related("market")],
        certifications=list(profile.certifications),
    )


def snapshot(content):
    return {
        "occupation": content.occupation.pk if content.occupation else None,
        "occupation_comment": content.occupation_comment,
        "skills": [[entry.pk, comment] for entry, comment in content.skills],
        "activities": [[activity.pk, comment] for activity, comment in content.activities],
        "markets": [[market.pk, comment] for market, comment in content.markets],
        "certifications": list(content.certifications),
    }


def content_from_snapshot(cluster, data):
    """The content a snapshot describes; items removed since are left out."""
    entries = VocabularyEntry.objects.filter(cluster=cluster).in_bulk(
        [data.get("occupation")] + [pk for pk, _c in data.get("skills", [])]
    )
    activities = Activity.objects.in_bulk([pk for pk, _c in data.get("activities", [])])
    markets = Market.objects.in_bulk([pk for pk, _c in data.get("markets", [])])
    occupation = entries.get(data.get("occupation"))
    return Content(
        occupation=occupation if occupation and occupation.kind == "occupation" else None,
        occupation_comment=data.get("occupation_comment", ""),
        skills=[
            (entries[pk], comment)
            for pk, comment in data.get("skills", [])
            if pk in entries and entries[pk].kind == "skill"
        ],
        activities=[
            (activities[pk], c) for pk, c in data.get("activities", []) if pk in activities
        ],
        markets=[(markets[pk], c) for pk, c in data.get("markets", []) if pk in markets],
        certifications=list(data.get("certifications", [])),
    )


def problems(cluster, content):
    """What the cluster's rules refuse in `content`, as French sentences."""
    found = []
    limit = cluster.matrix_max_skills
    if len(content.skills) > limit:
        found.append(
            _(
                "Au plus %(limit)s compétences clés (%(count)s données) : ne gardez que "
                "les compétences remarquables."
            )
            % {"limit": limit, "count": len(content.skills)}
        )
    wanted = [(content.occupation, VocabularyEntry.Kind.OCCUPATION)] + [
        (entry, VocabularyEntry.Kind.SKILL) for entry, _c in content.skills
    ]
    foreign = [
        entry
        for entry, kind in wanted
        if entry is not None and (entry.cluster_id != cluster.pk or entry.kind != kind)
    ]
    if foreign:
        found.append(_("Certains éléments ne font pas partie du vocabulaire du cluster."))
    return found


@transaction.atomic
def write(profile, content, *, by, by_staff, version=None):
    """Replace the profile's content; True when something changed. A change by
    staff to a validated profile puts it « to review » by the organisation.
    With `version` (from `version_of`), refuse with StaleProfile when the
    profile changed since."""
    cluster = profile.membership.cluster
    refused = problems(cluster, content)
    if refused:
        raise ProfileError(" ".join(refused))
    profile = MatrixProfile.objects.select_for_update().get(pk=profile.pk)
    _check_version(profile, version)
    before = snapshot(content_of(profile))
    after = snapshot(content)
    if before == after:
        return False
    profile.occupation = content.occupation
    profile.occupation_comment = content.occupation_comment
    profile.certifications = _clean_certifications(content.certifications)
    profile.updated_at = timezone.now()
    profile.updated_by = by
    profile.save()
    profile.skills.all().delete()
    profile.activities.all().delete()
    profile.markets.all().delete()
    ProfileSkill.objects.bulk_create(
        ProfileSkill(profile=profile, entry=entry, comment=comment)
        for entry, comment in _unique(content.skills)
    )
    ProfileActivity.objects.bulk_create(
        ProfileActivity(profile=profile, activity=activity, comment=comment)
        for activity, comment in _unique(content.activities)
    )
    ProfileMarket.objects.bulk_create(
        ProfileMarket(profile=profile, market=market, comment=comment)
        for market, comment in _unique(content.markets)
    )
    if by_staff and profile.state == State.VALIDATED:
        change_state(profile, State.TO_REVIEW, by=by)
    return True


@transaction.atomic
def change_state(profile, to_state, *, by, note="", validator=None, version=None):
    """Move the profile to `to_state` if the workflow allows it; logged.
    `validator` is recorded as who validated (`by` unless told), e.g. the
    author of an accepted proposal. `profile` is updated in place."""
    locked = MatrixProfile.objects.select_for_update().get(pk=profile.pk)
    _check_version(locked, version)
    if not locked.can_become(to_state):
        raise ProfileError(
            _("Un profil « %(from)s » ne peut pas passer à « %(to)s ».")
            % {"from": State(locked.state).label, "to": State(to_state).label}
        )
    Transition.objects.create(
        profile=locked, from_state=locked.state, to_state=to_state, by=by, note=note
    )
    locked.state = to_state
    fields = ["state"]
    if to_state == State.VALIDATED:
        locked.validated_at = timezone.now()
        locked.validated_by = validator or by
        fields += ["validated_at", "validated_by"]
    locked.save(update_fields=fields)
    for name in ("state", "validated_at", "validated_by_id"):
        setattr(profile, name, getattr(locked, name))


def _unique(items):
    seen = set()
    for item, comment in items:
        if item.pk not in seen:
            seen.add(item.pk)
            yield item, comment


def _clean_certifications(values):
    cleaned = []
    for value in values:
        value = " ".join(str(value).split())[:60]
        if value and value.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(value)
    return cleaned
