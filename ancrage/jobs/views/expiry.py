"""The confirmation of an offer not updated for long (the link of the email
sent by `expiry`), for the people acting for its organisation: « Toujours
d'actualité » keeps it published and counts as an update; « Clore l'offre »
leads to the close page. Another organisation's offers answer 404."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ancrage.core.permissions import require_context
from ancrage.jobs import expiry, lifecycle
from ancrage.jobs.models import Offer
from ancrage.jobs.views.company import offer_of


@require_context("member")
@require_http_methods(["GET", "POST"])
def confirm(request, pk):
    offer = offer_of(request, pk)
    published = offer.status == Offer.Status.PUBLISHED
    error = None
    if request.method == "POST":
        try:
            lifecycle.confirm(offer, request.user)
        except lifecycle.Refused as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                _("Merci : l'offre « %(title)s » reste publiée.") % {"title": offer.title},
            )
            return redirect(reverse("jobs_company:detail", args=[offer.pk]))
    deadline = None
    if published and offer.confirmation_asked_on:
        deadline = offer.confirmation_asked_on + datetime.timedelta(days=expiry.ANSWER_DAYS)
    return render(
        request,
        "jobs/company/confirm.html",
        {
            "offer": offer,
            "published": published,
            "updated_on": timezone.localtime(offer.updated_at).date(),
            "deadline": deadline,
            "error": error,
        },
    )
