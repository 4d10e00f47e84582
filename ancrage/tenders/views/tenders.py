"""Tenders of the acting cluster, for its staff: list with filters and the
commercial summary, create, edit, detail (requirements, candidates, consortia
proposed, outcome), delete. Another cluster's tenders answer 404."""

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.tenders.forms import ListFilterForm, OutcomeForm, RequirementForm, TenderForm
from ancrage.tenders.models import Candidate, Consortium, Requirement, Tender

PAGE_SIZE = 30


def tender_of(request, pk):
    return get_object_or_404(Tender, pk=pk, cluster=request.scope.cluster)


def record(request, tender, what, **details):
    audit.record(
        request,
        AuditEntry.Action.TENDER_UPDATED,
        tender,
        cluster=tender.cluster,
        what=what,
        **details,
    )


def _filtered(tenders, form):
    if not form.is_valid():
        return tenders.none()
    data = form.cleaned_data
    today = timezone.localdate()
    if data["outcome"]:
        tenders = tenders.filter(outcome=data["outcome"])
    if data["deadline"] == "upcoming":
        tenders = tenders.filter(deadline__gte=today)
    elif data["deadline"] == "soon":
        tenders = tenders.filter(deadline__gte=today, deadline__lte=today + timedelta(days=30))
    elif data["deadline"] == "past":
        tenders = tenders.filter(deadline__lt=today)
    if data["q"].strip():
        text = data["q"].strip()
        tenders = tenders.filter(
            Q(title__icontains=text) | Q(client__icontains=text) | Q(reference__icontains=text)
        )
    return tenders


def _count(model):
    """How many `model` rows hang on each tender, as a subquery (no row product)."""
    rows = (
        model.objects.filter(tender=OuterRef("pk"))
        .order_by()
        .values("tender")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows), 0)


def summary(cluster):
    """{outcome: (count, total amount)} and the totals, for the list's header."""
    rows = (
        Tender.objects.filter(cluster=cluster)
        .order_by()
        .values("outcome")
        .annotate(count=Count("pk"), amount=Sum("amount"))
    )
    by_outcome = {row["outcome"]: row for row in rows}
    decided = sum(
        by_outcome.get(o, {}).get("count", 0) for o in (Tender.Outcome.WON, Tender.Outcome.LOST)
    )
    won = by_outcome.get(Tender.Outcome.WON, {}).get("count", 0)
    return {
        "rows": [
            {
                "outcome": label,
                "count": by_outcome.get(value, {}).get("count", 0),
                "amount": by_outcome.get(value, {}).get("amount"),
            }
            for value, label in Tender.Outcome.choices
        ],
        "success_rate": round(100 * won / decided) if decided else None,
    }


@staff_required
def tender_list(request):
    cluster = request.scope.cluster
    form = ListFilterForm(request.GET)
    tenders = _filtered(
        Tender.objects.filter(cluster=cluster)
        .select_related("market")
        .annotate(
            requirement_count=_count(Requirement),
            candidate_count=_count(Candidate),
            consortium_count=_count(Consortium),
        )
        .order_by("-created_at", "-pk"),
        form,
    )
    page = Paginator(tenders, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "tenders/list.html",
        {"cluster": cluster, "form": form, "page": page, "summary": summary(cluster)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = TenderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            tender = form.save(commit=False)
            tender.cluster = request.scope.cluster
            tender.created_by = request.user
            tender.save()
            tender.departments.set(form.cleaned_data["departments_text"])
            record(request, tender, "created")
        messages.success(
            request, _("L'appel d'offres est créé : ajoutez maintenant ses exigences.")
        )
        return redirect(tender)
    return render(request, "tenders/form.html", {"form": form, "tender": None})


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    tender = tender_of(request, pk)
    form = TenderForm(request.POST or None, instance=tender)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            record(request, tender, "edited", changed=sorted(form.changed_data))
        messages.success(request, _("L'appel d'offres est enregistré."))
        return redirect(tender)
    return render(request, "tenders/form.html", {"form": form, "tender": tender})


def _detail_context(request, tender, requirement_form=None):
    return {
        "tender": tender,
        "requirements": Requirement.objects.filter(tender=tender).select_related(
            "skill__skill", "activity"
        ),
        "requirement_form": requirement_form or RequirementForm(cluster=request.scope.cluster),
        "candidates": Candidate.objects.filter(tender=tender).select_related(
            "membership__organisation"
        ),
        "consortia": Consortium.objects.filter(tender=tender)
        .select_related("lead__organisation", "proposed_by")
        .prefetch_related("members__organisation"),
        "outcome_form": OutcomeForm(instance=tender),
        "departments": tender.departments.order_by("code"),
        "statuses": Candidate.Status.choices,
    }


@staff_required
def detail(request, pk):
    tender = get_object_or_404(
        Tender.objects.select_related("market", "created_by"),
        pk=pk,
        cluster=request.scope.cluster,
    )
    return render(request, "tenders/detail.html", _detail_context(request, tender))


@staff_required
@require_POST
def requirement_add(request, pk):
    tender = tender_of(request, pk)
    form = RequirementForm(request.POST, cluster=request.scope.cluster)
    if not form.is_valid():
        context = _detail_context(request, tender, requirement_form=form)
        return render(request, "tenders/detail.html", context)
    skill, activity = form.cleaned_data["skill"], form.cleaned_data["activity"]
    lookup = {"skill": skill} if skill else {"activity": activity}
    with transaction.atomic():
        requirement, created = Requirement.objects.update_or_create(
            tender=tender,
            **lookup,
            defaults={"weight": form.weight, "must_have": form.must_have},
        )
        record(request, tender, "requirement", requirement=str(requirement), created=created)
    if created:
        messages.success(request, _("« %(label)s » est ajoutée.") % {"label": requirement})
    else:
        messages.success(
            request, _("L'importance de « %(label)s » est modifiée.") % {"label": requirement}
        )
    return redirect(f"{tender.get_absolute_url()}#exigences")


@staff_required
@require_POST
def requirement_remove(request, pk, requirement_pk):
    tender = tender_of(request, pk)
    requirement = get_object_or_404(Requirement, pk=requirement_pk, tender=tender)
    label = str(requirement)
    with transaction.atomic():
        requirement.delete()
        record(request, tender, "requirement_removed", requirement=label)
    messages.success(request, _("« %(label)s » est retirée.") % {"label": label})
    return redirect(f"{tender.get_absolute_url()}#exigences")


@staff_required
@require_POST
def outcome(request, pk):
    tender = tender_of(request, pk)
    before = tender.get_outcome_display()
    form = OutcomeForm(request.POST, instance=tender)
    if form.is_valid():
        with transaction.atomic():
            form.save()
            record(request, tender, "outcome", previous=before, outcome=tender.outcome)
        messages.success(
            request,
            _("Issue enregistrée : %(outcome)s.") % {"outcome": tender.get_outcome_display()},
        )
    else:
        messages.error(request, _("Choisissez une issue de la liste."))
    return redirect(tender)


@staff_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    tender = tender_of(request, pk)
    if request.method == "POST":
        with transaction.atomic():
            record(request, tender, "deleted")
            tender.delete()
        messages.success(
            request, _("L'appel d'offres « %(title)s » est supprimé.") % {"title": tender}
        )
        return redirect("tenders:list")
    return render(request, "tenders/delete.html", {"tender": tender})
