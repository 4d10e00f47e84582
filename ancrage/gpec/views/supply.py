"""External supply figures (cluster admins): a CSV of job seekers per ROME
code and BMO basin or département, every bad line reported and nothing
imported until the file is clean; the list of past imports (the latest is
the one the figures use)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import BootstrapForm
from ancrage.core.permissions import cluster_admin_required
from ancrage.gpec.importer import supply
from ancrage.gpec.models import ExternalSupplyImport

MAX_SHOWN = 300
LISTED_IMPORTS = 50


class SupplyForm(BootstrapForm, forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Source des chiffres"),
        max_length=200,
        help_text=gettext_lazy("Par exemple « France Travail, demandeurs d'emploi cat. A »."),
    )
    period_end = forms.DateField(
        label=gettext_lazy("Date des chiffres"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Saisissez une date valide (jj/mm/aaaa).")},
    )
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV"),
        help_text=gettext_lazy("Séparateur « ; » ou « , », UTF-8 ou Latin-1, 10 Mo au plus."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_period_end(self):
        value = self.cleaned_data["period_end"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("La date des chiffres ne peut pas être dans le futur."))
        return value

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > supply.MAX_FILE_BYTES:
            raise forms.ValidationError(supply.too_big(upload.size), code="too_big")
        return upload


@cluster_admin_required
@require_http_methods(["GET", "POST"])
def supply_import(request):
    cluster = request.scope.cluster
    form = SupplyForm(request.POST, request.FILES) if request.method == "POST" else SupplyForm()
    report = None
    if form.is_bound and form.is_valid():
        report = supply.check(form.cleaned_data["file"].read())
        if report.is_valid:
            batch = supply.save(
                cluster,
                report,
                label=form.cleaned_data["label"],
                period_end=form.cleaned_data["period_end"],
                user=request.user,
            )
            audit.record(
                request,
                AuditEntry.Action.UPDATE,
                batch,
                cluster=cluster,
                what="gpec_supply_import",
                file=form.cleaned_data["file"].name[:200],
                rows=batch.rows,
            )
            messages.success(
                request,
                ngettext(
                    "%(count)s ligne importée : ces chiffres servent désormais à l'offre "
                    "par métier.",
                    "%(count)s lignes importées : ces chiffres servent désormais à l'offre "
                    "par métier.",
                    batch.rows,
                )
                % {"count": batch.rows},
            )
            return redirect("gpec_import:supply")
    imports = ExternalSupplyImport.objects.filter(cluster=cluster).select_related("imported_by")
    return render(
        request,
        "gpec/import/supply.html",
        {
            "cluster": cluster,
            "form": form,
            "report": report,
            "shown": report.problems[:MAX_SHOWN] if report else [],
            "hidden": max(len(report.problems) - MAX_SHOWN, 0) if report else 0,
            "imports": imports[:LISTED_IMPORTS],
        },
    )
