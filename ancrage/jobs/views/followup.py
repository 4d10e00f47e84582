"""The staff's follow-up of their job board (/cluster/offres/suivi/): the
visible offers with no or few applications after some days, and the
candidates who consented to the cluster but never applied, so staff can
relay the offers or invite the candidates to a jobdating. The thresholds are
typed in the page's GET form."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ancrage.core.permissions import staff_required
from ancrage.jobs import followup

PAGE_SIZE = 30


@staff_required
@require_safe
def followup_page(request):
    cluster = request.scope.cluster
    form = followup.FollowupForm(request.GET)
    today = timezone.localdate()
    offers = followup.quiet_offers(
        cluster, fewer_than=form.applications, days=form.days, today=today
    )
    candidates = followup.idle_candidates(cluster)
    return render(
        request,
        "jobs/followup/page.html",
        {
            "form": form,
            "applications": form.applications,
            "days": form.days,
            "today": today,
            "offers": Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page")),
            "candidates": Paginator(candidates, PAGE_SIZE).get_page(
                request.GET.get("page_candidats")
            ),
        },
    )
