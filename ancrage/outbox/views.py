"""The outbox page of the platform administrators: read, filter, resend."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import platform_admin_required
from ancrage.outbox.models import OutgoingEmail
from ancrage.outbox.tasks import deliver

PAGE_SIZE = 50


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("État"),
        required=False,
        choices=[("", gettext_lazy("Tous les états")), *OutgoingEmail.Status.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )


@platform_admin_required
def email_list(request):
    form = StatusFilterForm(request.GET or None)
    emails = OutgoingEmail.objects.defer("body_text", "body_html").order_by("-created_at", "-id")
    if form.is_bound:
        if form.is_valid():
            if form.cleaned_data["status"]:
                emails = emails.filter(status=form.cleaned_data["status"])
        else:
            emails = emails.none()
    page = Paginator(emails, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "outbox/list.html", {"form": form, "page": page})


@platform_admin_required
def email_detail(request, pk):
    """One email as sent. Bodies hold personal data and live links: reading one is logged."""
    email = get_object_or_404(OutgoingEmail, pk=pk)
    audit.record(request, AuditEntry.Action.VIEW, email, to=email.to)
    return render(request, "outbox/detail.html", {"email": email})


@platform_admin_required
@require_POST
def email_resend(request, pk):
    """A failed email goes back to the queue with a fresh count of attempts."""
    email = get_object_or_404(OutgoingEmail, pk=pk)
    # One update that checks the state: two clicks cannot queue it twice.
    requeued = OutgoingEmail.objects.filter(pk=pk, status=OutgoingEmail.Status.FAILED).update(
        status=OutgoingEmail.Status.PENDING, attempts=0
    )
    if not requeued:
        messages.error(request, _("Seul un courriel en échec peut être renvoyé."))
    else:
        audit.record(request, AuditEntry.Action.UPDATE, email, to=email.to, resent=True)
        transaction.on_commit(lambda: deliver.enqueue(email.pk))
        messages.success(
            request, _("Le courriel à %(to)s est remis dans la file d'envoi.") % {"to": email.to}
        )
    return redirect("outbox:detail", pk=email.pk)
