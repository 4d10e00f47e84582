"""Internships and work-study offers relayed by member schools
(/organisation/stages/), for the people who act for a training body, a
higher-education establishment or a lycée (others get a 403 that says
why): the stage and alternance offers on the job boards of their clusters,
with the school calendar, and a form to send one to their students."""

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.core.permissions import require_context
from ancrage.jobs import lifecycle, relays
from ancrage.jobs.application_forms import RelayForm
from ancrage.jobs.views.public import offer_url

member_required = require_context("member")


def _not_school(request):
    return render(
        request,
        "jobs/relay/not_school.html",
        {"organisation": request.scope.organisation},
        status=403,
    )


def _offers(organisation):
    return (
        relays.offers_for(organisation)
        .select_related("organisation", "commune__department")
        .annotate(
            relayed=Count("relays", filter=Q(relays__organisation=organisation)),
            last_relayed=Max("relays__relayed_at", filter=Q(relays__organisation=organisation)),
        )
        .order_by("period_start", "-published_on", "-pk")
    )


@member_required
@require_safe
def offer_list(request):
    organisation = request.scope.organisation
    if not relays.is_school(organisation):
        return _not_school(request)
    offers = list(_offers(organisation))
    for offer in offers:
        offer.url = offer_url(offer)
    return render(
        request,
        "jobs/relay/list.html",
        {
            "organisation": organisation,
            "offers": offers,
            "has_clusters": lifecycle.member_clusters(organisation).exists(),
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def relay(request, offer_pk):
    organisation = request.scope.organisation
    if not relays.is_school(organisation):
        return _not_school(request)
    offer = get_object_or_404(_offers(organisation), pk=offer_pk)
    offer.url = offer_url(offer)
    form = RelayForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        record = relays.relay(
            offer,
            organisation,
            request.user,
            form.cleaned_data["addresses"],
            form.cleaned_data["message"],
        )
        messages.success(
            request,
            ngettext(
                "L'offre « %(title)s » est envoyée à %(count)d adresse.",
                "L'offre « %(title)s » est envoyée à %(count)d adresses.",
                record.recipients,
            )
            % {"title": offer.title, "count": record.recipients},
        )
        return redirect("jobs_relay:list")
    return render(
        request,
        "jobs/relay/form.html",
        {"offer": offer, "form": form},
    )
