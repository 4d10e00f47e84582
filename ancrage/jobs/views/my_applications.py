"""The candidate's applications (/candidat/candidatures/): each with its
offer (or a word when the offer is no longer online), its state, the dates
of its steps; an open application may be withdrawn. Another person's
application answers 404."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.core.permissions import require_context
from ancrage.jobs import applications, lifecycle
from ancrage.jobs.models import Application, ApplicationEvent, Offer, RefusalReason
from ancrage.jobs.views.public import offer_url

candidate_required = require_context("candidate")


def _mine(request):
    return Application.objects.filter(candidate__user=request.user)


@candidate_required
@require_safe
def application_list(request):
    items = list(
        _mine(request)
        .select_related("offer__organisation", "offer__commune")
        .prefetch_related(
            Prefetch("events", ApplicationEvent.objects.only("application_id", "status", "at"))
        )
        .order_by("-created_at", "-pk")
    )
    online = set(
        lifecycle.visible(Offer.objects.filter(pk__in=[a.offer_id for a in items])).values_list(
            "pk", flat=True
        )
    )
    for item in items:
        item.offer_online = item.offer_id in online
        item.offer_link = offer_url(item.offer) if item.offer_online else ""
        item.is_open = item.status in applications.OPEN
        item.reason_label = RefusalReason(item.refusal_reason).label if item.refusal_reason else ""
    return render(request, "jobs/my_applications/list.html", {"applications": items})


@candidate_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    application = get_object_or_404(
        _mine(request).select_related("offer__organisation", "candidate__user"), pk=pk
    )
    error = None
    if application.status not in applications.OPEN:
        error = _("Cette candidature est close : elle ne peut plus être retirée.")
    elif request.method == "POST":
        try:
            applications.move(application, Application.Status.WITHDRAWN, request.user)
        except applications.Refused as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                _("Votre candidature à « %(title)s » est retirée ; l'entreprise en est prévenue.")
                % {"title": application.offer.title},
            )
            return redirect("jobs_my_applications:list")
    return render(
        request,
        "jobs/my_applications/withdraw.html",
        {"application": application, "error": error},
    )
