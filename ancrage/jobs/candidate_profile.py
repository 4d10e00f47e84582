"""A candidate's own profile: created on first use, its activity date
renewed on every login and edit (the CV bank keeps a profile two years after
the last activity), and how complete it is."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.jobs.models import CandidateProfile, ProfileView

# What a complete profile has, in the order the dashboard lists what is missing.
STEPS = [
    ("headline", _("un titre de profil")),
    ("summary", _("une présentation")),
    ("occupations", _("les métiers recherchés")),
    ("skills", _("vos compétences")),
    ("commune", _("votre commune")),
    ("contracts", _("les contrats recherchés")),
    ("lines", _("une expérience ou une formation")),
    ("cv", _("votre CV en PDF")),
]


def profile_for(user):
    """The candidate's profile, created empty on first use."""
    profile, _created = CandidateProfile.objects.get_or_create(user=user)
    return profile


def touch(profile):
    """The candidate was active: the two-year clock starts again."""
    now = timezone.now()
    CandidateProfile.objects.filter(pk=profile.pk).update(
        last_activity_at=now, expiry_warned_on=None
    )
    profile.last_activity_at, profile.expiry_warned_on = now, None


def renew_on_login(user):
    """Called when a candidate logs in (jobs.signals)."""
    if user.is_candidate:
        CandidateProfile.objects.filter(user=user).update(
            last_activity_at=timezone.now(), expiry_warned_on=None
        )


def completeness(profile):
    """(percentage, [labels of what is missing]) for `profile`, in 2 queries."""
    counts = CandidateProfile.objects.filter(pk=profile.pk).aggregate(
        occupations=Count("occupations", distinct=True),
        skills=Count("skills", distinct=True),
        experiences=Count("experiences", distinct=True),
        educations=Count("educations", distinct=True),
    )
    done = {
        "headline": bool(profile.headline),
        "summary": bool(profile.summary),
        "occupations": counts["occupations"] > 0,
        "skills": counts["skills"] > 0,
        "commune": profile.commune_id is not None,
        "contracts": bool(profile.contracts),
        "lines": counts["experiences"] + counts["educations"] > 0,
        "cv": profile.cv_id is not None,
    }
    missing = [label for key, label in STEPS if not done[key]]
    percent = round(100 * (len(STEPS) - len(missing)) / len(STEPS))
    return percent, missing


def view_counts(profile):
    """How many distinct organisations opened the profile, and how many times."""
    return ProfileView.objects.filter(profile=profile).aggregate(
        organisations=Count("organisation", distinct=True),
        views=Count("pk"),
        cv=Count("pk", filter=Q(what=ProfileView.What.CV)),
    )
