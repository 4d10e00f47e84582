"""The summary of a campaign shared with the organisations invited to it,
when the staff chose `share_results`: every figure under statistical secrecy
(`core.secrecy`), no individual answer, text answers never shown, communes
only as départements. It opens once the campaign is closed: while answers
still arrive, two visits a few hours apart would differ by one or two
responses, and the difference would reveal them whatever the secrecy of each
snapshot. Anyone else (including the staff, who have the full results) gets
404."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from ancrage.surveys.models import Campaign, Status
from ancrage.surveys.results.report import build


def summary(request, pk):
    organisation = request.scope.organisation
    if organisation is None:
        raise Http404
    campaign = get_object_or_404(
        Campaign.objects.select_related("cluster", "version", "previous").filter(
            share_results=True, status=Status.CLOSED, invitees__organisation=organisation
        ),
        pk=pk,
    )
    return render(
        request,
        "surveys/results/summary.html",
        {"campaign": campaign, "report": build(campaign, public=True), "show_texts": False},
    )
