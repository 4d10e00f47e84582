"""The staff's list of the members' GPEC declarations: every active member
with its last declaration (date, source, entered by the staff or not) and
« à relancer » when it never declared or its last declaration is over
12 months old; filtered, paginated, exportable. The last declaration is read
with subqueries: a fixed number of queries whatever the page."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.core.spreadsheets import table_response
from ancrage.gpec.declarations import stale_before
from ancrage.gpec.models import Declaration, Source
from ancrage.organisations.models import Membership

PAGE_SIZE = 50
NEVER, STALE, FRESH = "jamais", "ancienne", "a-jour"


class StateForm(forms.Form):
    etat = forms.ChoiceField(
        label=gettext_lazy("Afficher"),
        required=False,
        choices=[
            ("", gettext_lazy("tous les adhérents")),
            (NEVER, gettext_lazy("jamais déclaré")),
            (STALE, gettext_lazy("dernière déclaration de plus de 12 mois")),
            (FRESH, gettext_lazy("à jour (moins de 12 mois)")),
        ],
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Ce filtre n'existe pas : choisissez-en un dans la liste."
            )
        },
    )


def members(cluster):
    """The cluster's active memberships with their last declaration's
    ``last_on``, ``last_source``, ``last_on_behalf``, by member name."""
    latest = Declaration.objects.filter(
        cluster=OuterRef("cluster"), organisation=OuterRef("organisation")
    ).order_by("-declared_on", "-pk")
    return (
        Membership.objects.active()
        .filter(cluster=cluster)
        .select_related("organisation")
        .annotate(
            last_on=Subquery(latest.values("declared_on")[:1]),
            last_source=Subquery(latest.values("source")[:1]),
            last_on_behalf=Subquery(latest.values("on_behalf")[:1]),
        )
        .order_by("organisation__name", "pk")
    )


def filtered(memberships, state, limit):
    if state == NEVER:
        return memberships.filter(last_on__isnull=True)
    if state == STALE:
        return memberships.filter(last_on__lt=limit)
    if state == FRESH:
        return memberships.filter(last_on__gte=limit)
    return memberships


def _counts(memberships, limit):
    return memberships.aggregate(
        total=Count("pk"),
        never=Count("pk", filter=Q(last_on__isnull=True)),
        stale=Count("pk", filter=Q(last_on__lt=limit)),
    )


def _decorate(membership, limit):
    membership.to_remind = membership.last_on is None or membership.last_on < limit
    membership.source_label = dict(Source.choices).get(membership.last_source, "")
    return membership


EXPORT_HEADERS = (
    gettext_lazy("Adhérent"),
    gettext_lazy("SIREN"),
    gettext_lazy("Dernière déclaration"),
    gettext_lazy("Source"),
    gettext_lazy("Saisie par l'équipe du cluster"),
    gettext_lazy("À relancer"),
)


def _export(request, memberships, limit, state):
    rows = []
    for membership in memberships.iterator():
        _decorate(membership, limit)
        on_behalf = (
            ""
            if membership.last_on is None
            else (_("oui") if membership.last_on_behalf else _("non"))
        )
        rows.append(
            (
                membership.organisation.name,
                membership.organisation.siren,
                membership.last_on,
                str(membership.source_label),
                on_behalf,
                _("oui") if membership.to_remind else _("non"),
            )
        )
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=request.scope.cluster,
        what="gpec_declarations",
        state=state,
        count=len(rows),
    )
    return table_response(
        "xlsx",
        "declarations-gpec",
        [str(title) for title in EXPORT_HEADERS],
        rows,
        _("Déclarations"),
    )


@staff_required
@require_safe
def declaration_list(request):
    cluster = request.scope.cluster
    form = StateForm(request.GET)
    state = form.cleaned_data["etat"] if form.is_valid() else ""
    limit = stale_before()
    memberships = members(cluster)
    chosen = filtered(memberships, state, limit)
    if request.GET.get("format") == "xlsx":
        return _export(request, chosen, limit, state)
    page = Paginator(chosen, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [_decorate(membership, limit) for membership in page.object_list]
    return render(
        request,
        "gpec/declarations/list.html",
        {
            "cluster": cluster,
            "form": form,
            "page": page,
            "counts": _counts(memberships, limit),
            "limit": limit,
            "state": state,
        },
    )
