"""The cluster's audit log, for its administrators. Reading it is not logged."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import AuditFilterForm
from ancrage.clusters.models import ClusterStaff
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
    # Members, the matrix, the import, tenders.
    "siren": _("SIREN"),
    "existing": _("organisation déjà sur la plateforme"),
    "what": _("objet"),
    "format": _("format"),
    "count": _("lignes"),
    "filters": _("filtres"),
    "filter": _("filtre"),
    "subject": _("objet du message"),
    "listed_publicly": _("dans l'annuaire public"),
    "public_fields": _("informations publiées"),
    "from_state": _("état avant"),
    "to_state": _("état après"),
    "note": _("commentaire"),
    "decision": _("décision"),
    "occupation_comment": _("commentaire du métier"),
    "skills": _("compétences clés"),
    "activities": _("activités"),
    "markets": _("marchés"),
    "certifications": _("certifications"),
    "created": _("créés"),
    "updated": _("mis à jour"),
    "unchanged": _("inchangés"),
    "skipped": _("lignes écartées"),
    "valid_rows_only": _("lignes valides seulement"),
    "file": _("fichier"),
    "member": _("adhérent"),
    "status": _("suivi"),
    "constraint": _("contrainte"),
    "requirement": _("exigence"),
    "members": _("membres"),
    "lead": _("mandataire"),
    "outcome": _("issue"),
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
    "members": _("adhérents"),
    "matrix": _("résultat de la matrice"),
    "proposed": _("proposée"),
    "accepted": _("acceptée"),
    "refused": _("refusée"),
    "created": _("création"),
    "edited": _("modification"),
    "deleted": _("suppression"),
    "requirement": _("exigence ajoutée ou modifiée"),
    "requirement_removed": _("exigence retirée"),
    "candidate": _("suivi d'un adhérent"),
    "constraint": _("adhérent imposé ou exclu"),
    "consortium": _("consortium proposé"),
    "outcome": _("issue"),
}
# Keys inside a detail's dictionary (a matrix change by axis).
NESTED_LABELS = {
    "added": _("ajouts"),
    "removed": _("retraits"),
    "comments": _("commentaires modifiés"),
}
# Models whose field names appear in « changed » (the log reads every app's
# entries; named by label so that this low-level app imports none of them).
FIELD_MODELS = (
    "clusters.Cluster",
    "organisations.Organisation",
    "organisations.Membership",
    "tenders.Tender",
)
ROLE_LABELS = dict(ClusterStaff.Role.choices)


def _field_label(name):
    for label in FIELD_MODELS:
        try:
            return str(apps.get_model(label)._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            continue
    return name


def _text(value):
    """A detail's value in French: labels for known words, nested lists and
    dictionaries (a matrix change: {"skills": {"added": […]}}) spelled out."""
    if isinstance(value, dict):
        return " ; ".join(
            f"{NESTED_LABELS.get(k, DETAIL_LABELS.get(k, k))} : {_text(v)}"
            for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, bool | str):
        return str(VALUE_LABELS.get(value, value))
    return str(value)


def _detail_lines(details):
    """The entry's details as French « label : value » lines."""
    lines = []
    for key, value in details.items():
        if key == "changed" and isinstance(value, list):
            value = ", ".join(_field_label(str(name)) for name in value)
        elif key.startswith("role"):
            value = ROLE_LABELS.get(value, value)
        else:
            value = _text(value)
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
