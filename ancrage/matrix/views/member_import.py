"""The staff screen that imports members from a file: upload → validation
report (every bad row, nothing written) → confirmation (the whole file, or
only its valid rows) → summary. The file is kept between the report and the
confirmation (`importer.pending`), so it is sent once."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import BootstrapForm
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import XLSX_TYPE, download, table_response
from ancrage.matrix import importer
from ancrage.matrix.importer import pending
from ancrage.matrix.importer.columns import COLUMNS
from ancrage.matrix.importer.reading import MAX_FILE_BYTES, too_big
from ancrage.matrix.importer.template import template_csv, template_xlsx

# Problems listed on the report page; the others are counted.
MAX_SHOWN = 200
ALL, VALID_ONLY = "all", "valid"


class UploadForm(BootstrapForm, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier des adhérents"),
        help_text=gettext_lazy("Classeur Excel (.xlsx) ou fichier CSV, 10 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv," + XLSX_TYPE}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(too_big(upload.size), code="too_big")
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(choices=[(ALL, ALL), (VALID_ONLY, VALID_ONLY)])


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
        if report.readable:
            token = pending.keep(data, user=request.user, cluster=cluster, name=upload.name)
        return _report(request, report, upload.name, token)
    return render(
        request, "matrix/import.html", {"cluster": cluster, "form": form, "columns": COLUMNS}
    )


def _report(request, report, name, token, status=200):
    return render(
        request,
        "matrix/import_report.html",
        {
            "cluster": request.scope.cluster,
            "report": report,
            "name": name,
            "token": token,
            "shown": report.problems[:MAX_SHOWN],
            "hidden": max(len(report.problems) - MAX_SHOWN, 0),
            "bad_rows": len(report.bad_lines - {None}),
            "additions": report.additions,
            "form": UploadForm(),
        },
        status=status,
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
        return redirect("member_import:upload")
    try:
        outcome = importer.run(
            cluster,
            data,
            valid_rows_only=form.cleaned_data["mode"] == VALID_ONLY,
            request=request,
            by=request.user,
            name=name,
        )
    except importer.ImportBusy as busy:
        messages.error(request, str(busy))
        return _report(request, importer.check(cluster, data), name, token, status=409)
    if not outcome.written:
        # The file no longer passes (the vocabulary or the members changed).
        messages.error(request, _("Rien n'a été importé : le fichier comporte des erreurs."))
        return _report(request, outcome.report, name, token)
    pending.forget(token, user=request.user, cluster=cluster)
    return redirect("member_import:result", pk=outcome.entry.pk)


@staff_required
@require_GET
def errors(request):
    """Every problem of a kept file as a spreadsheet (the page shows the first ones)."""
    cluster = request.scope.cluster
    try:
        _name, data = pending.load(request.GET.get("token", ""), user=request.user, cluster=cluster)
    except pending.Expired:
        messages.error(request, _expired())
        return redirect("member_import:upload")
    report = importer.check(cluster, data)
    return table_response(
        "xlsx",
        "erreurs-import-adherents",
        [_("Ligne"), _("Colonne"), _("Problème")],
        [(problem.line, problem.column, problem.message) for problem in report.problems],
        title=_("Erreurs"),
    )


def _expired():
    return _(
        "Le fichier envoyé n'est plus disponible (il est gardé deux heures) : "
        "envoyez-le de nouveau."
    )


@staff_required
@require_GET
def result(request, pk):
    entry = get_object_or_404(
        AuditEntry,
        pk=pk,
        cluster_id=request.scope.cluster.pk,
        action=AuditEntry.Action.MEMBERS_IMPORTED,
    )
    return render(
        request,
        "matrix/import_result.html",
        {
            "cluster": request.scope.cluster,
            "entry": entry,
            "lines": importer.lines(entry.details),
        },
    )


@staff_required
@require_GET
def template(request, fmt):
    if fmt == "csv":
        return download("modele-import-adherents.csv", template_csv(), "text/csv")
    if fmt == "xlsx":
        return download("modele-import-adherents.xlsx", template_xlsx(), XLSX_TYPE)
    raise Http404
