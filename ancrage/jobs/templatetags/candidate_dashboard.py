"""`{% candidate_dashboard as board %}`: what the candidate's landing page
shows (profile completeness, visibility, views), without a query per line."""

from django import template
from django.urls import NoReverseMatch, reverse

from ancrage.jobs import consent
from ancrage.jobs.candidate_profile import completeness, profile_for, view_counts
from ancrage.jobs.models import Application

register = template.Library()


def _url(name, fallback):
    """The URL `name`, or `fallback` while the screen is not there yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return fallback


@register.simple_tag(takes_context=True)
def candidate_dashboard(context):
    user = context["request"].user
    profile = profile_for(user)
    percent, missing = completeness(profile)
    clusters = [c.cluster.name for c in consent.active(profile).select_related("cluster")]
    return {
        "profile": profile,
        "percent": percent,
        "missing": missing,
        "clusters": sorted(clusters),
        "views": view_counts(profile),
        "search_url": _url("jobs_search:search", "/offres/"),
        "applications_url": _url("jobs_my_applications:list", "/candidat/candidatures/"),
        "matches_url": _url("jobs_match:suggested", "/candidat/offres-suggerees/"),
        "alerts_url": _url("jobs_alerts:list", "/candidat/recherches/"),
        "applications": Application.objects.filter(candidate=profile).count(),
    }
