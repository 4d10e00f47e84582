"""The campaigns an organisation is invited to, answered from its space by
the people who act for it (context « member »): the same page and rules as
the personal link; the answer is recorded as theirs. Another organisation's
campaign answers 404."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.core.permissions import require_context
from ancrage.surveys import tokens
from ancrage.surveys.models import Invitee, Response, Status
from ancrage.surveys.views import respond_common as common

member_required = require_context("member")


@member_required
@require_safe
def mine(request):
    invitees = list(
        Invitee.objects.filter(
            organisation=request.scope.organisation,
            campaign__status__in=[Status.OPEN, Status.CLOSED],
        ).select_related("campaign__cluster", "response")
    )
    current, past = [], []
    for invitee in invitees:
        response = getattr(invitee, "response", None)
        invitee.answer_state = _answer_state(response)
        if invitee.campaign.is_accepting:
            current.append(invitee)
        else:
            invitee.closed_on = invitee.campaign.ends_on
            past.append(invitee)
    current.sort(key=lambda i: (i.campaign.closes_on, i.campaign.title))
    past.sort(key=lambda i: (i.closed_on, i.campaign.pk), reverse=True)
    return render(request, "surveys/respond/mine.html", {"current": current, "past": past})


def _answer_state(response):
    if response is None:
        return "not_started"
    if response.state == Response.State.SUBMITTED:
        return "submitted"
    return "draft"


@member_required
@require_http_methods(["GET", "POST"])
@never_cache
def answer_mine(request, pk):
    invitee = get_object_or_404(
        Invitee.objects.select_related(
            "campaign__cluster", "campaign__version", "campaign__questionnaire", "response"
        ),
        campaign_id=pk,
        organisation=request.scope.organisation,
    )
    return common.answer_page(
        request,
        invitee,
        page_url=reverse("respond:answer_mine", args=[pk]),
        draft_url=reverse("respond:draft", args=[tokens.answer_token(invitee)]),
        back_url=reverse("respond:mine"),
    )
