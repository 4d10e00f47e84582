"""The staff screen that imports GPEC declarations from the XLSX template:
upload → report (every bad row with its sheet, line and column; or, when
the file is clean, what will be imported) → confirmation → summary. The
file is kept between the report and the confirmation (the member import's
`pending` store), so it is sent once."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import BootstrapForm
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import XLSX_TYPE, download, table_response
from ancrage.gpec import importer
from ancrage.gpec.importer.columns import SHEETS
from ancrage.gpec.importer.template import template_xlsx
from ancrage.gpec.importer.workbook import MAX_FILE_BYTES, MAX_ROWS
from ancrage.gpec.models import Declaration
from ancrage.matrix.importer import pending
from ancrage.matrix.importer.reading import too_big

# Problems listed on the report page; the others are in the downloadable list.
MAX_SHOWN = 300


class UploadForm(BootstrapForm, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Classeur des déclarations"),
        help_text=gettext_lazy("Le modèle rempli, au format Excel (.xlsx), 10 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX_TYPE}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(too_big(upload.size), code="too_big")
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


@staff_required
@require_http_methods(["GET", "POST"])
def upload(request):
    cluster = request.scope.cluster
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = importer.check(cluster, data)
        token = None
        if not report.refused:
            token = pending.keep(data, user=request.user, cluster=cluster, name=upload.name)
        return _report(request, report, upload.name, token)
    return render(
        request,
        "gpec/import/declarations.html",
        {
            "cluster": cluster,
            "form": form,
            "sheets": SHEETS,
            "max_rows": f"{MAX_ROWS:,}".replace(",", "\u202f"),
        },
    )


def _with_last_dates(cluster, report):
    """Each pending declaration's member's last declaration date, for the preview."""
    last = dict(
        Declaration.objects.filter(
            cluster=cluster, organisation__in=[item.organisation for item in report.declarations]
        )
        .order_by("organisation_id", "-declared_on")
        .distinct("organisation_id")
        .values_list("organisation_id", "declared_on")
    )
    for item in report.declarations:
        item.last_declared_on = last.get(item.organisation.pk)


def _report(request, report, name, token, status=200):
    if report.is_valid:
        _with_last_dates(request.scope.cluster, report)
    return render(
        request,
        "gpec/import/report.html",
        {
            "cluster": request.scope.cluster,
            "report": report,
            "name": name,
            "token": token,
            "shown": report.problems[:MAX_SHOWN],
            "hidden": max(len(report.problems) - MAX_SHOWN, 0),
            "today": timezone.localdate(),
            "form": UploadForm(),
        },
        status=status,
    )


def _expired():
    return _(
        "Le fichier envoyé n'est plus disponible (il est gardé deux heures) : "
        "envoyez-le de nouveau."
    )


@staff_required
@require_POST
def confirm(request):
    cluster = request.scope.cluster
    form = ConfirmForm(request.POST)
    try:
        if not form.is_valid():
            raise pending.Expired
        token = form.cleaned_data["token"]
        name, data = pending.load(token, user=request.user, cluster=cluster)
    except pending.Expired:
        messages.error(request, _expired())
        return redirect("gpec_import:declarations")
    try:
        outcome = importer.run(cluster, data, user=request.user, request=request, name=name)
    except importer.ImportBusy as busy:
        messages.error(request, str(busy))
        return _report(request, importer.check(cluster, data), name, token, status=409)
    if not outcome.written:
        # The file no longer passes (a member left the cluster meanwhile…).
        messages.error(request, _("Rien n'a été importé : le fichier comporte des erreurs."))
        return _report(request, outcome.report, name, token)
    pending.forget(token, user=request.user, cluster=cluster)
    return redirect("gpec_import:result", pk=outcome.entry.pk)


@staff_required
@require_GET
def errors(request):
    """Every problem of a kept file as a spreadsheet (the page shows the first ones)."""
    cluster = request.scope.cluster
    try:
        _name, data = pending.load(request.GET.get("token", ""), user=request.user, cluster=cluster)
    except pending.Expired:
        messages.error(request, _expired())
        return redirect("gpec_import:declarations")
    report = importer.check(cluster, data)
    return table_response(
        "xlsx",
        "erreurs-import-gpec",
        [_("Feuille"), _("Ligne"), _("Colonne"), _("Problème")],
        [
            (problem.sheet, problem.line, problem.column, problem.message)
            for problem in report.problems
        ],
        title=_("Erreurs"),
    )


@staff_required
@require_GET
def result(request, pk):
    entry = get_object_or_404(
        AuditEntry,
        pk=pk,
        cluster_id=request.scope.cluster.pk,
        action=AuditEntry.Action.UPDATE,
        details__what=importer.AUDIT_WHAT,
    )
    saved = (
        Declaration.objects.filter(
            cluster=request.scope.cluster, pk__in=entry.details.get("declarations", [])
        )
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    return render(
        request,
        "gpec/import/result.html",
        {"cluster": request.scope.cluster, "entry": entry, "saved": saved},
    )


@staff_required
@require_GET
def template(request):
    """The workbook pre-filled with the members' last declarations: an
    export of their figures, audited as such."""
    audit.record(
        request, AuditEntry.Action.EXPORT, cluster=request.scope.cluster, what="gpec_template"
    )
    stamp = timezone.localdate().isoformat()
    return download(
        f"modele-declarations-gpec-{stamp}.xlsx", template_xlsx(request.scope.cluster), XLSX_TYPE
    )
