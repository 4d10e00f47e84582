"""The cluster's action plan, for its staff: the actions by status, a new
one (pre-filled from a priority of the strategy page), an action with its
indicators, its deletion. Each change is in the audit log; another
cluster's action answers 404."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.gpec.action_forms import ActionForm, IndicatorFormSet, initial_from_priority
from ancrage.gpec.models import Action, ActionIndicator

INDICATORS_PREFIX = "indicateurs"


def action_of(request, pk):
    return get_object_or_404(Action, pk=pk, cluster=request.scope.cluster)


@staff_required
@require_safe
def actions(request):
    found = (
        Action.objects.filter(cluster=request.scope.cluster)
        .select_related("occupation", "skill", "department")
        .prefetch_related(Prefetch("indicators", queryset=ActionIndicator.objects.order_by("pk")))
        .order_by("deadline", "pk")
    )
    by_status = {status: [] for status in Action.Status.values}
    for action in found:
        by_status[action.status].append(action)
    groups = [(value, label, by_status[value]) for value, label in Action.Status.choices]
    return render(
        request,
        "gpec/strategy/actions.html",
        {"groups": groups, "total": sum(len(items) for _value, _label, items in groups)},
    )


def _save(request, form, indicators, created):
    with transaction.atomic():
        action = form.save(commit=False)
        if created:
            action.cluster = request.scope.cluster
            action.created_by = request.user
        action.save()
        indicators.instance = action
        indicators.save()
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        action,
        cluster=action.cluster,
        what="gpec_action",
        change="created" if created else "updated",
        status=action.status,
        indicators=action.indicators.count(),
    )
    return action


def _form_page(request, action, initial=None, notice=""):
    cluster = request.scope.cluster
    data = request.POST if request.method == "POST" else None
    form = ActionForm(data, instance=action, initial=initial, cluster=cluster)
    indicators = IndicatorFormSet(data, instance=action, prefix=INDICATORS_PREFIX)
    if data is not None and form.is_valid() & indicators.is_valid():
        created = action.pk is None
        saved = _save(request, form, indicators, created)
        if created:
            messages.success(
                request, _("L'action « %(title)s » est ajoutée au plan.") % {"title": saved.title}
            )
        else:
            messages.success(
                request, _("L'action « %(title)s » est enregistrée.") % {"title": saved.title}
            )
        return redirect("gpec_strategy:actions")
    return render(
        request,
        "gpec/strategy/action_form.html",
        {"form": form, "indicators": indicators, "action": action, "notice": notice},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def action_new(request):
    key = request.GET.get("priorite", "")[:200]
    initial, notice = None, ""
    if key:
        initial = initial_from_priority(key)
        if initial is None:
            notice = _(
                "Cette priorité n'est pas reconnue (lien incomplet ou référentiel modifié) : "
                "décrivez l'action vous-même."
            )
    return _form_page(request, Action(cluster=request.scope.cluster), initial, notice)


@staff_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    return _form_page(request, action_of(request, pk))


@staff_required
@require_http_methods(["GET", "POST"])
def action_delete(request, pk):
    action = action_of(request, pk)
    if request.method == "POST":
        audit.record(
            request,
            AuditEntry.Action.UPDATE,
            action,
            cluster=action.cluster,
            what="gpec_action",
            change="deleted",
        )
        title = action.title
        action.delete()
        messages.success(request, _("L'action « %(title)s » est supprimée.") % {"title": title})
        return redirect("gpec_strategy:actions")
    return render(request, "gpec/strategy/action_delete.html", {"action": action})
