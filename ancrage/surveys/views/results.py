"""The results of a campaign for its cluster's staff: the page (with segment
filters and the previous wave's comparison), the list of the individual
responses (paginated), the barometer series and the PDF report for the
cluster's board. Another cluster's campaign answers 404."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
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

# The individual responses are listed on their own page, this many at a time.
RESPONSES_PER_PAGE = 50
# Stands for a response's pk in the link reversed once for a whole page.
URL_PLACEHOLDER = 999_999_999
# The PDF report keeps the first rows of each table (the board reads the top of
# the rankings; the page and the exports have every row).
PDF_ROWS = 15


def campaign_of(request, pk):
    return get_object_or_404(
        Campaign.objects.select_related("cluster", "version", "previous"),
        pk=pk,
        cluster=request.scope.cluster,
    )


def _response_links(campaign, rows):
    """[(link, organisation, submitted at)] for (pk, name, submitted at) rows:
    the URL is reversed once, each link fills in its response's pk."""
    url = reverse("respond:staff_response", args=[campaign.pk, URL_PLACEHOLDER])
    head, tail = url.rsplit(str(URL_PLACEHOLDER), 1)
    return [(f"{head}{pk}{tail}", name, submitted_at) for pk, name, submitted_at in rows]


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
        "show_texts": True,
    }
    if request.htmx:
        return render(request, "surveys/results/_report.html", context)
    # The page shows every free-text answer: its opening is in the audit log
    # (a segment chosen afterwards refreshes it without a new entry).
    audit.record(
        request, AuditEntry.Action.VIEW, campaign, cluster=campaign.cluster, what="survey_results"
    )
    return render(request, "surveys/results/campaign.html", context)


@staff_required
def responses(request, pk):
    """The submitted responses in the segment, by organisation, one page at a time."""
    campaign = campaign_of(request, pk)
    segment = Segment.from_params(request.GET)
    submitted = (
        Response.objects.filter(campaign=campaign, state=Response.State.SUBMITTED)
        .filter(segment.invitee_filter("invitee__"))
        .order_by("invitee__name", "pk")
        .values_list("pk", "invitee__name", "submitted_at")
    )
    page = Paginator(submitted, RESPONSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "surveys/results/responses.html",
        {
            "campaign": campaign,
            "segment": segment,
            "page": page,
            "links": _response_links(campaign, page.object_list),
        },
    )


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
            "latest": found.latest,
            "rates": rates(found.waves),
            "indicators": indicators(found),
            "ranking": found.latest_ranking() if found.labels else [],
        },
    )


def fetch_nothing():
    """A WeasyPrint fetcher that allows no protocol: the report needs no
    outside resource, and nothing a question's label or an answer might name
    (a file, an internal address) is ever fetched."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=())


@staff_required
def pdf(request, pk):
    from weasyprint import HTML

    campaign = campaign_of(request, pk)
    segment = Segment.from_params(request.GET)
    report = build(campaign, segment)
    report.shorten(PDF_ROWS)
    html = render_to_string(
        "surveys/results/pdf.html",
        {"campaign": campaign, "report": report, "segment": segment, "show_texts": False},
        request=request,
    )
    # Whole fonts: subsetting them costs more time than the few kB it saves.
    content = HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetch_nothing()
    ).write_pdf(full_fonts=True)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        campaign,
        cluster=campaign.cluster,
        export="survey_results_pdf",
        responses=report.rate["submitted"],
        segment=segment.query_string,
    )
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(f"resultats-{campaign.title}-{campaign.period_label}")[:80] or "resultats"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
