"""The offers suggested to a candidate (context « candidate »): the best
offers on the job boards for their profile, with the reasons of each rank
(`matching.offers_for`). Without a profile, or one that says nothing of
what they seek, an invitation to fill it in."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from ancrage.core.permissions import require_context
from ancrage.jobs import matching
from ancrage.jobs.models import CandidateProfile
from ancrage.jobs.views.public import offer_url

candidate_required = require_context("candidate")
PROFILE_PATH = "/candidat/profil/"


def _profile_url():
    try:
        return reverse("jobs_candidate:profile")
    except NoReverseMatch:
        return PROFILE_PATH


def _says_what_they_seek(profile):
    """Whether the profile gives something to match on."""
    return bool(profile.commune_id or profile.occupations.exists() or profile.skills.exists())


@candidate_required
@require_safe
def suggested(request):
    profile = CandidateProfile.objects.select_related("commune").filter(user=request.user).first()
    matches = []
    ready = profile is not None and _says_what_they_seek(profile)
    if ready:
        matches = matching.offers_for(profile)
        for match in matches:
            match.url = offer_url(match.offer)
    return render(
        request,
        "jobs/match/suggested.html",
        {
            "profile": profile,
            "ready": ready,
            "matches": matches,
            "profile_url": _profile_url(),
        },
    )
