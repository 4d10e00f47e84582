"""The staff's moderation of the offers submitted to their cluster's job
board: the list (pending first, oldest first: they wait), an offer's page
with « Publier » and « Refuser » / « Retirer » (with a reason the company
reads), and the board's setting (before or after publication, cluster
administrators only). Another cluster's publications answer 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import cluster_admin_required, staff_required
from ancrage.jobs import lifecycle
from ancrage.jobs.models import JobBoard, Moderation, Offer, Publication
from ancrage.jobs.moderation_forms import JobBoardForm, RefuseForm, StateFilterForm

PAGE_SIZE = 30
STATES = [value for value, _label in Publication.Status.choices]

# The states of an offer the company closed.
CLOSED = [status for status in Offer.Status.values if status not in lifecycle.OPEN]


def publication_of(request, pk):
    return get_object_or_404(
        Publication.objects.select_related(
            "offer__organisation", "offer__commune", "offer__occupation", "decided_by"
        ),
        pk=pk,
        cluster=request.scope.cluster,
    )


def _ordered(publications):
    """Pending first, oldest first (they wait); then published, then refused,
    the latest first."""
    rank = Case(
        *[When(status=state, then=Value(index)) for index, state in enumerate(STATES)],
        output_field=IntegerField(),
    )
    waiting_since = Case(When(status=Publication.Status.PENDING, then=F("submitted_at")))
    return publications.annotate(rank=rank, waiting_since=waiting_since).order_by(
        "rank", F("waiting_since").asc(nulls_last=True), "-submitted_at", "-pk"
    )


def _on_board(cluster):
    """The cluster's publications, without those still pending of an offer
    the company closed meanwhile (nothing is left to moderate)."""
    return Publication.objects.filter(cluster=cluster).exclude(
        status=Publication.Status.PENDING, offer__status__in=CLOSED
    )


def _counts(cluster):
    rows = _on_board(cluster).order_by().values("status").annotate(count=Count("pk"))
    return {row["status"]: row["count"] for row in rows}


@staff_required
def publication_list(request):
    cluster = request.scope.cluster
    state = StateFilterForm(request.GET).state()
    publications = _on_board(cluster).select_related("offer__organisation", "offer__commune")
    if state:
        publications = publications.filter(status=state)
    page = Paginator(_ordered(publications), PAGE_SIZE).get_page(request.GET.get("page"))
    by_state = _counts(cluster)
    tabs = [("", _("Toutes"), sum(by_state.values()))]
    tabs += [(value, label, by_state.get(value, 0)) for value, label in Publication.Status.choices]
    return render(
        request,
        "jobs/moderation/list.html",
        {
            "page": page,
            "state": state,
            "tabs": tabs,
            "moderation": lifecycle.moderation_of(cluster),
            "moderations": Moderation,
        },
    )


def _detail_context(request, publication, refuse_form=None):
    offer = publication.offer
    cluster = request.scope.cluster
    return {
        "publication": publication,
        "offer": offer,
        # The offer on the other job boards: their state, never their reason.
        "elsewhere": offer.publications.exclude(pk=publication.pk)
        .select_related("cluster")
        .order_by("cluster__name")
        .values("cluster__name", "status"),
        "siblings": Publication.objects.filter(
            cluster=cluster, offer__organisation=offer.organisation
        )
        .exclude(pk=publication.pk)
        .select_related("offer")
        .order_by("-submitted_at", "-pk")[:20],
        "statuses": Publication.Status,
        "is_open": offer.status in lifecycle.OPEN,
        "refuse_form": refuse_form or RefuseForm(),
    }


@staff_required
def detail(request, pk):
    publication = publication_of(request, pk)
    return render(request, "jobs/moderation/detail.html", _detail_context(request, publication))


def _audit(request, publication, what, **details):
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        publication,
        cluster=publication.cluster,
        what=what,
        **details,
    )


@staff_required
@require_POST
def publish(request, pk):
    publication = publication_of(request, pk)
    try:
        with transaction.atomic():
            lifecycle.publish(publication, request.user)
            _audit(request, publication, "offer_published")
    except lifecycle.Refused as refused:
        messages.error(request, str(refused))
        return redirect("jobs_moderation:detail", publication.pk)
    messages.success(
        request, _("L'offre « %(title)s » est publiée.") % {"title": publication.offer.title}
    )
    return redirect("jobs_moderation:list")


@staff_required
@require_POST
def refuse(request, pk):
    publication = publication_of(request, pk)
    form = RefuseForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, publication, refuse_form=form)
        return render(request, "jobs/moderation/detail.html", context)
    withdrawn = publication.status == Publication.Status.PUBLISHED
    try:
        with transaction.atomic():
            lifecycle.refuse(publication, request.user, form.cleaned_data["reason"])
            _audit(request, publication, "offer_withdrawn" if withdrawn else "offer_refused")
    except lifecycle.Refused as refused:
        messages.error(request, str(refused))
        return redirect("jobs_moderation:detail", publication.pk)
    text = (
        _("L'offre « %(title)s » est retirée ; l'entreprise est prévenue.")
        if withdrawn
        else _("L'offre « %(title)s » est refusée ; l'entreprise est prévenue.")
    )
    messages.success(request, text % {"title": publication.offer.title})
    return redirect("jobs_moderation:list")


@cluster_admin_required
@require_http_methods(["GET", "POST"])
def board_settings(request):
    cluster = request.scope.cluster
    board = JobBoard.objects.filter(cluster=cluster).first() or JobBoard(cluster=cluster)
    form = JobBoardForm(request.POST if request.method == "POST" else None, instance=board)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            board, _created = JobBoard.objects.select_for_update().get_or_create(cluster=cluster)
            before = board.moderation
            board.moderation = form.cleaned_data["moderation"]
            board.save()
            if before != board.moderation:
                audit.record(
                    request,
                    AuditEntry.Action.UPDATE,
                    board,
                    cluster=cluster,
                    before=before,
                    after=board.moderation,
                )
        messages.success(
            request,
            _("Réglage enregistré : modération %(moderation)s.")
            % {"moderation": board.get_moderation_display().split(" :")[0].lower()},
        )
        return redirect("jobs_moderation:settings")
    return render(
        request,
        "jobs/moderation/settings.html",
        {
            "form": form,
            "pending": _on_board(cluster).filter(status=Publication.Status.PENDING).count(),
        },
    )
