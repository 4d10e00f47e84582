"""Campaigns of the acting cluster, for its staff: the list by state, create,
edit, and the follow-up page (state, actions, response rate by segment,
invitees), whose rate refreshes itself (htmx). Another cluster's campaigns
answer 404."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ancrage.core.permissions import staff_required
from ancrage.surveys import campaign_progress, campaigns, gpec_feed, tasks
from ancrage.surveys.forms_campaign import CampaignForm, ClosingDateForm
from ancrage.surveys.models import Campaign, Invitee, Response, Status

STATE_ORDER = (Status.DRAFT, Status.SCHEDULED, Status.OPEN, Status.CLOSED)


def campaign_of(request, pk):
    return get_object_or_404(
        Campaign.objects.select_related("questionnaire", "version", "previous"),
        pk=pk,
        cluster=request.scope.cluster,
    )


def _count(condition=None):
    rows = (
        Invitee.objects.filter(campaign=OuterRef("pk"))
        .filter(condition or Q())
        .order_by()
        .values("campaign")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows), 0)


@staff_required
@require_GET
def campaign_list(request):
    rows = (
        Campaign.objects.filter(cluster=request.scope.cluster)
        .select_related("questionnaire", "previous")
        .annotate(
            invited=_count(),
            submitted=_count(Q(response__state=Response.State.SUBMITTED)),
        )
        .order_by("-opens_on", "-pk")
    )
    groups = {status: [] for status in STATE_ORDER}
    for campaign in rows:
        campaign.percent = (
            round(100 * campaign.submitted / campaign.invited) if campaign.invited else 0
        )
        groups[campaign.status].append(campaign)
    labels = dict(Status.choices)
    return render(
        request,
        "surveys/campaigns/list.html",
        {"groups": [(status, labels[status], groups[status]) for status in STATE_ORDER]},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    cluster = request.scope.cluster
    initial = {}
    questionnaire = request.GET.get("questionnaire", "")
    if questionnaire.isdigit():
        initial["questionnaire"] = questionnaire
    form = CampaignForm(request.POST or None, cluster=cluster, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            campaign = form.save(commit=False)
            campaign.created_by = request.user
            campaign.save()
            campaigns.record(request, campaign, "create")
        messages.success(
            request,
            _("Campagne enregistrée en préparation : vérifiez les destinataires puis lancez-la."),
        )
        return redirect("campaigns:audience", pk=campaign.pk)
    return render(request, "surveys/campaigns/form.html", {"form": form, "campaign": None})


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    campaign = campaign_of(request, pk)
    form = CampaignForm(request.POST or None, instance=campaign, cluster=request.scope.cluster)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            campaign = form.save()
            campaigns.record(request, campaign, "edit", fields=sorted(form.changed_data))
            if campaign.status in (Status.SCHEDULED, Status.OPEN):
                transaction.on_commit(lambda: tasks.schedule(campaign.pk))
            members = campaigns.refresh_audience(campaign) if form.audience_changed else None
        messages.success(request, _("Campagne modifiée."))
        if members == 0 and not campaign.invitees.exists():
            messages.warning(
                request,
                _("Plus personne n'est invité : choisissez des adhérents ou des destinataires."),
            )
        return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "surveys/campaigns/form.html", {"form": form, "campaign": campaign})


def _progress_context(campaign):
    rate, counts = campaign_progress.overall(campaign)
    return {
        "campaign": campaign,
        "rate": rate,
        "counts": counts,
        "segments": campaign_progress.segments(campaign),
    }


def detail_context(campaign, closing_form=None):
    context = _progress_context(campaign)
    context.update(
        invitees=list(campaign_progress.invitees(campaign).select_related("commune")),
        closing_form=closing_form or ClosingDateForm(prefix="closing"),
        next_wave=Campaign.objects.filter(previous=campaign).first(),
        facts=gpec_feed.facts_count(campaign),
    )
    return context


@staff_required
@require_GET
def detail(request, pk):
    campaign = campaign_of(request, pk)
    return render(request, "surveys/campaigns/detail.html", detail_context(campaign))


@staff_required
@require_GET
def progress(request, pk):
    campaign = campaign_of(request, pk)
    return render(request, "surveys/campaigns/_progress.html", _progress_context(campaign))
