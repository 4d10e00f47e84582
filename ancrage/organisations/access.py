"""Finding the organisation a request may act on. Staff reach an organisation
through their cluster's membership (another cluster's members answer 404);
an organisation's users reach only their own organisation."""

import mimetypes

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from ancrage.organisations.models import Membership, Organisation

PROFILE_RELATIONS = ("commune__department",)


def staff_membership(request, pk, *, write=False):
    """The acting cluster's membership of organisation `pk`, or 404. A former
    membership is read-only: `write` (any change to the organisation, its
    people or its matrix profile) requires an active one."""
    memberships = Membership.objects.select_related("cluster", "organisation__commune__department")
    if write:
        memberships = memberships.active()
    return get_object_or_404(memberships, organisation_id=pk, cluster=request.scope.cluster)


def own_organisation(request):
    """The organisation the person acts for (context « member »)."""
    return Organisation.objects.select_related(*PROFILE_RELATIONS).get(
        pk=request.scope.organisation.pk
    )


def logo_response(request, organisation, *, public):
    """The organisation's logo, from whatever storage holds it (its name
    carries the extension of its real format: OrganisationForm.clean_logo).
    A URL with the current version is cached for a year."""
    if not organisation.logo:
        raise Http404
    try:
        with organisation.logo.open("rb") as handle:
            content = handle.read()  # at most 1 MB (OrganisationForm)
    except OSError:
        raise Http404 from None
    content_type = mimetypes.guess_type(organisation.logo.name)[0] or "application/octet-stream"
    response = HttpResponse(content, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    if request.GET.get("v") == organisation.logo_version:
        visibility = "public" if public else "private"
        response["Cache-Control"] = f"{visibility}, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "no-cache"
    return response
