"""Downloads of a campaign's answers for its cluster's staff: the raw answers
and the anonymised export (`surveys.exports`)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import XLSX_TYPE, download
from ancrage.surveys.exports import anonymised_workbook, raw_workbook
from ancrage.surveys.models import Campaign


def _campaign(request, pk):
    return get_object_or_404(
        Campaign.objects.select_related("version"), pk=pk, cluster=request.scope.cluster
    )


def _export(request, pk, what, build, basename):
    campaign = _campaign(request, pk)
    content = build(campaign)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        campaign,
        cluster=request.scope.cluster,
        what=what,
        format="xlsx",
    )
    stamp = timezone.localdate().isoformat()
    name = slugify(f"{campaign.title} {campaign.period_label}")[:80] or "enquete"
    return download(f"{basename}-{name}-{stamp}.xlsx", content, XLSX_TYPE)


@staff_required
@require_safe
def raw(request, pk):
    return _export(request, pk, "survey_answers", raw_workbook, "reponses")


@staff_required
@require_safe
def anonymised(request, pk):
    return _export(request, pk, "survey_answers_anonymised", anonymised_workbook, "anonyme")
