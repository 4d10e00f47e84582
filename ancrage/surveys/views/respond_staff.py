"""One response, read by the staff of the campaign's cluster (audited):
every answer in words, when it was sent and by whom. Individual answers are
visible to the cluster's staff only; another cluster's staff get a 404."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.surveys.models import Response
from ancrage.surveys.views.respond_common import answered_sections


@staff_required
@require_safe
@never_cache
def staff_response(request, campaign_pk, pk):
    response = get_object_or_404(
        Response.objects.select_related("invitee", "campaign__version", "answered_by"),
        pk=pk,
        campaign_id=campaign_pk,
        campaign__cluster=request.scope.cluster,
    )
    campaign = response.campaign
    audit.record(request, AuditEntry.Action.VIEW, response, cluster=campaign.cluster)
    return render(
        request,
        "surveys/respond/staff_response.html",
        {
            "response": response,
            "campaign": campaign,
            "sections": answered_sections(campaign.version, response.answers),
        },
    )
