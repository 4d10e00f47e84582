"""The cluster's audit log, for its administrators. Reading it is not logged."""

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import AuditFilterForm
from ancrage.clusters.models import Cluster, ClusterStaff
from ancrage.core.permissions import cluster_admin_required

PAGE_SIZE = 50
DETAIL_LABELS = {
    "changed": _("champs modifiés"),
    "to": _("destinataire"),
    "person": _("personne concernée"),
    "role": _("rôle"),
    "role_before": _("ancien rôle"),
    "role_after": _("nouveau rôle"),
    "via": _("par"),
    "previous": _("ancienne valeur"),
    "resent": _("renvoi"),
    "reason": _("motif"),
    "remaining": _("codes de secours restants"),
    "kind": _("nature"),
    "rome": _("élément du ROME"),
    "label": _("nom"),
    "removed": _("entrée retirée"),
    "removed_id": _("numéro de l'entrée retirée"),
    "took_link": _("lien ROME repris"),
    "repointed": _("données rattachées à nouveau"),
    "direction": _("sens"),
    "position": _("position"),
}
VALUE_LABELS = {
    True: _("oui"),
    False: _("non"),
    "invitation": _("invitation"),
    "invalid": _("identifiants refusés"),
    "account": _("mot de passe actuel erroné"),
    "occupation": _("métier"),
    "skill": _("compétence"),
    "up": _("vers le haut"),
    "down": _("vers le bas"),
}
ROLE_LABELS = dict(ClusterStaff.Role.choices)


def _field_label(name):
    try:
        return str(Cluster._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _detail_lines(details):
    """The entry's details as French « label : value » lines."""
    lines = []
    for key, value in details.items():
        if key == "changed" and isinstance(value, list):
            value = ", ".join(_field_label(str(name)) for name in value)
        elif key.startswith("role"):
            value = ROLE_LABELS.get(value, value)
        elif isinstance(value, bool | str):
            value = VALUE_LABELS.get(value, value)
        lines.append(f"{DETAIL_LABELS.get(key, key)} : {value}")
    return lines


@cluster_admin_required
def audit(request):
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.filter(cluster_id=request.scope.cluster.pk).order_by(
        "-created_at", "-id"
    )
    if form.is_bound:
        entries = form.filter(entries) if form.is_valid() else entries.none()
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(entry, _detail_lines(entry.details)) for entry in page.object_list]
    return render(
        request,
        "clusters/audit.html",
        {"cluster": request.scope.cluster, "form": form, "page": page, "rows": rows},
    )
