"""The cluster's profile: every staff member reads it, administrators edit it."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import ClusterProfileForm
from ancrage.clusters.models import Cluster
from ancrage.core.permissions import cluster_admin_required, staff_required


def _current_cluster(request):
    return Cluster.objects.select_related("seat__department", "seat__region").get(
        pk=request.scope.cluster.pk
    )


@staff_required
def profile(request):
    return render(
        request,
        "clusters/profile.html",
        {"cluster": _current_cluster(request), "can_edit": request.scope.acting.is_cluster_admin},
    )


@cluster_admin_required
def profile_edit(request):
    cluster = _current_cluster(request)
    previous_logo = cluster.logo.name
    form = ClusterProfileForm(request.POST or None, request.FILES or None, instance=cluster)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            form.save()
            if previous_logo and "logo" in form.changed_data:
                storage = cluster.logo.storage
                transaction.on_commit(lambda: storage.delete(previous_logo))
            audit.record(
                request,
                AuditEntry.Action.CLUSTER_UPDATED,
                cluster,
                cluster=cluster,
                changed=form.changed_data,
            )
            messages.success(request, _("Le profil du cluster est enregistré."))
        else:
            messages.info(request, _("Aucune modification à enregistrer."))
        return redirect("cluster:profile")
    return render(request, "clusters/profile_edit.html", {"cluster": cluster, "form": form})
