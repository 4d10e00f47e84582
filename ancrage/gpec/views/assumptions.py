"""The cluster's GPEC assumptions: every staff member reads them,
administrators change them or go back to the defaults (audited)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import cluster_admin_required, staff_required
from ancrage.gpec import assumptions
from ancrage.gpec.forms_assumptions import SHARES, AssumptionsForm
from ancrage.gpec.models import Assumptions


def _values(found):
    return {name: str(getattr(found, name)) for name, _label in SHARES} | {
        "freshness_months": found.freshness_months
    }


@staff_required
def edit(request):
    cluster = request.scope.cluster
    found = assumptions.for_cluster(cluster)
    can_edit = request.scope.acting.is_cluster_admin
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = AssumptionsForm(
        request.POST if request.method == "POST" else None,
        assumptions=found,
        read_only=not can_edit,
    )
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            before = _values(found)
            form.save(found, request.user)
            audit.record(
                request,
                AuditEntry.Action.UPDATE,
                found,
                cluster=cluster,
                before=before,
                after=_values(found),
            )
            messages.success(request, _("Les hypothèses sont enregistrées."))
        else:
            messages.info(request, _("Aucune modification à enregistrer."))
        return redirect("gpec_assumptions:edit")
    return render(
        request,
        "gpec/assumptions/edit.html",
        {
            "form": form,
            "can_edit": can_edit,
            "assumptions": found,
            "customised": found.pk is not None,
        },
    )


@require_POST
@cluster_admin_required
def reset(request):
    cluster = request.scope.cluster
    found = Assumptions.objects.filter(cluster=cluster).first()
    if found is not None:
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            found,
            cluster=cluster,
            before=_values(found),
            after=_values(assumptions.defaults(cluster)),
            reset=True,
        )
        found.delete()
        messages.success(request, _("Les hypothèses par défaut s'appliquent de nouveau."))
    else:
        messages.info(request, _("Les hypothèses par défaut s'appliquent déjà."))
    return redirect("gpec_assumptions:edit")
