"""The staff screen that imports a campaign's non-member invitees from an
XLSX file (`surveys.invitee_import`): every row is checked, the bad ones
reported with their line, and nothing imported unless all are right."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import BootstrapForm
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import XLSX_TYPE, download
from ancrage.matrix.importer.reading import MAX_FILE_BYTES, too_big
from ancrage.surveys import campaigns, invitee_import
from ancrage.surveys.models import Campaign, Status


class UploadForm(BootstrapForm, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier des destinataires"),
        help_text=gettext_lazy("Classeur Excel (.xlsx), 5 000 lignes et 10 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX_TYPE}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(too_big(upload.size), code="too_big")
        return upload


def _campaign(request, pk):
    return get_object_or_404(Campaign, pk=pk, cluster=request.scope.cluster)


@staff_required
@require_safe
def template(request, pk):
    _campaign(request, pk)
    return download("modele-destinataires-enquete.xlsx", invitee_import.template_xlsx(), XLSX_TYPE)


@staff_required
@require_http_methods(["GET", "POST"])
def upload(request, pk):
    campaign = _campaign(request, pk)
    closed = campaign.status == Status.CLOSED
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    report = None
    status = 200
    if closed and form.is_bound:
        messages.error(request, _("La campagne est clôturée : on ne peut plus y inviter personne."))
        status = 409
    elif form.is_bound and form.is_valid():
        report = invitee_import.run(campaign, form.cleaned_data["file"].read())
        if report.ok:
            return _imported(request, campaign, report)
        status = 422
    return render(
        request,
        "surveys/exports/invitee_import.html",
        {
            "campaign": campaign,
            "closed": closed,
            "form": form,
            "report": report,
            "columns": invitee_import.COLUMNS,
        },
        status=status,
    )


def _imported(request, campaign, report):
    count = len(report.invitees)
    members = sum(invitee.is_member for invitee in report.invitees)
    audit.record(
        request,
        AuditEntry.Action.CAMPAIGN_INVITEES,
        campaign,
        cluster=request.scope.cluster,
        what="import",
        count=count,
        members=members,
    )
    text = ngettext(
        "%(count)s destinataire importé.", "%(count)s destinataires importés.", count
    ) % {"count": count}
    if campaign.status == Status.OPEN:
        sent = campaigns.send_invitations(campaign)
        text += " " + ngettext(
            "%(count)s invitation envoyée.", "%(count)s invitations envoyées.", sent
        ) % {"count": sent}
    messages.success(request, text)
    return redirect("campaigns:audience", pk=campaign.pk)
