"""The results of a campaign for its cluster's staff: the page (with segment
filters and the previous wave's comparison), the barometer series and the PDF
report for the cluster's board. Another cluster's campaign answers 404."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.organisations.models import SizeClass
from ancrage.surveys.models import Campaign, Response
from ancrage.surveys.results.loading import Segment, department_choices
from ancrage.surveys.results.report import build
from ancrage.surveys.results.series import series as barometer_series
from ancrage.surveys.results.series_charts import indicators, rates


def campaign_of(request, pk):
    return get_object_or_404(
        Campaign.objects.select_related("cluster", "version", "previous"),
        pk=pk,
        cluster=request.scope.cluster,
    )


def _response_url(pk):
    """The staff's read-only view of one response (the answering screens)."""
    try:
        return reverse("respond:staff_response", kwargs={"pk": pk})
    except NoReverseMatch:
        return ""


def _individual_responses(campaign, segment):
    responses = (
        Response.objects.filter(campaign=campaign, state=Response.State.SUBMITTED)
        .filter(segment.invitee_filter("invitee__"))
        .order_by("invitee__name", "pk")
        .values_list("pk", "invitee__name", "submitted_at")
    )
    return [(name, submitted_at, _response_url(pk)) for pk, name, submitted_at in responses]


@staff_required
def campaign(request, pk):
    campaign = campaign_of(request, pk)
    segment = Segment.from_params(request.GET)
    context = {
        "campaign": campaign,
        "report": build(campaign, segment),
        "segment": segment,
        "sizes": SizeClass.choices,
        "departments": department_choices(campaign),
        "responses": _individual_responses(campaign, segment),
        "show_texts": True,
    }
    template = "surveys/results/_report.html" if request.htmx else "surveys/results/campaign.html"
    return render(request, template, context)


@staff_required
def series(request, pk):
    campaign = campaign_of(request, pk)
    found = barometer_series(campaign)
    return render(
        request,
        "surveys/results/series.html",
        {
            "campaign": campaign,
            "series": found,
            "latest": found.waves[-1],
            "rates": rates(found.waves),
            "indicators": indicators(found),
            "ranking": found.latest_ranking() if found.labels else [],
        },
    )


@staff_required
def pdf(request, pk):
    from weasyprint import HTML

    campaign = campaign_of(request, pk)
    report = build(campaign)
    html = render_to_string(
        "surveys/results/pdf.html",
        {"campaign": campaign, "report": report, "show_texts": False},
        request=request,
    )
    content = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        campaign,
        cluster=campaign.cluster,
        export="survey_results_pdf",
        responses=report.rate["submitted"],
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(f"resultats-{campaign.title}-{campaign.period_label}")[:80] or "resultats"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
