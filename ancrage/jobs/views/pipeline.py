"""The company's applications (/organisation/candidatures/), for the people
who act for it (context « member »): its offers with their applications
counted by state; per offer, the pipeline with a tab per state, filters
and bulk moves; an application's page (the candidate's profile, name and
email — given by applying —, message, cover letter and CV downloads,
history, private notes, moves). Opening an application marks it seen;
every opening and download is in the audit log. Another organisation's
offers and applications answer 404."""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import require_context
from ancrage.files.serving import file_response
from ancrage.jobs import applications
from ancrage.jobs.application_forms import BulkForm, MoveForm, NoteForm, PipelineFilterForm
from ancrage.jobs.models import (
    Application,
    ApplicationEvent,
    ApplicationNote,
    Offer,
    ProfileView,
    RefusalReason,
)

member_required = require_context("member")
Status = Application.Status

# The steps a bulk move may lead to.
BULK_STEPS = (Status.SEEN, Status.SHORTLISTED, Status.INTERVIEW, Status.HIRED, Status.REFUSED)
MOVE_LABELS = {
    Status.SEEN: gettext_lazy("Marquer comme vue"),
    Status.SHORTLISTED: gettext_lazy("Présélectionner"),
    Status.INTERVIEW: gettext_lazy("Inviter en entretien"),
    Status.HIRED: gettext_lazy("Embaucher"),
}


def _offers(request):
    return Offer.objects.filter(organisation=request.scope.organisation)


def _applications(request):
    return Application.objects.filter(offer__organisation=request.scope.organisation)


def _counts(queryset):
    """{status: count} in one query."""
    rows = queryset.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


@member_required
@require_safe
def index(request):
    offers = (
        _offers(request)
        .annotate(
            total=Count("applications"),
            waiting=Count(
                "applications", filter=Q(applications__status__in=(Status.NEW, Status.SEEN))
            ),
            running=Count(
                "applications",
                filter=Q(applications__status__in=(Status.SHORTLISTED, Status.INTERVIEW)),
            ),
            hired=Count("applications", filter=Q(applications__status=Status.HIRED)),
        )
        .filter(Q(total__gt=0) | Q(application_mode="plateforme", status=Offer.Status.PUBLISHED))
        .select_related("commune")
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "jobs/pipeline/index.html",
        {"organisation": request.scope.organisation, "offers": offers},
    )


def _pipeline(request, offer, bulk_form=None):
    filters = PipelineFilterForm(request.GET or None)
    items = offer.applications.select_related("candidate__user", "cover_letter").order_by(
        "-created_at", "-pk"
    )
    if filters.is_bound:
        items = filters.filter(items) if filters.is_valid() else items.none()
    counts = _counts(offer.applications.all())
    current = (
        filters.cleaned_data.get("etat", "") if filters.is_bound and filters.is_valid() else ""
    )
    tabs = [
        {
            "value": "",
            "label": _("Toutes"),
            "count": sum(counts.values()),
            "url": "?",
            "current": not current,
        }
    ]
    for status in Status:
        tabs.append(
            {
                "value": status.value,
                "label": status.label,
                "count": counts.get(status.value, 0),
                "url": "?" + urlencode({"etat": status.value}),
                "current": current == status.value,
            }
        )
    if bulk_form is None:
        bulk_form = BulkForm(offer=offer, initial={"email": True})
    bulk_form.fields["status"].choices = [(s.value, s.label) for s in BULK_STEPS]
    return render(
        request,
        "jobs/pipeline/offer.html",
        {
            "offer": offer,
            "applications": items,
            "filters": filters,
            "tabs": tabs,
            "bulk_form": bulk_form,
            "query": request.GET.urlencode(),
        },
    )


def _offer_of(request, offer_pk):
    return get_object_or_404(
        _offers(request).select_related("organisation", "commune"), pk=offer_pk
    )


@member_required
@require_safe
def offer_pipeline(request, offer_pk):
    return _pipeline(request, _offer_of(request, offer_pk))


@member_required
@require_POST
def bulk(request, offer_pk):
    offer = _offer_of(request, offer_pk)
    form = BulkForm(request.POST, offer=offer)
    form.fields["status"].choices = [(s.value, s.label) for s in BULK_STEPS]
    if not form.is_valid():
        return _pipeline(request, offer, bulk_form=form)
    data = form.cleaned_data
    moved, skipped = applications.bulk_move(
        data["applications"],
        data["status"],
        request.user,
        reason=data.get("reason") or None,
        email=data["email"],
    )
    text = ngettext(
        "%(moved)d candidature passée à « %(status)s ».",
        "%(moved)d candidatures passées à « %(status)s ».",
        moved,
    ) % {"moved": moved, "status": Status(data["status"]).label}
    if skipped:
        text += " " + ngettext(
            "%(skipped)d laissée telle quelle : son état ne le permet pas.",
            "%(skipped)d laissées telles quelles : leur état ne le permet pas.",
            skipped,
        ) % {"skipped": skipped}
    (messages.success if moved else messages.warning)(request, text)
    url = reverse("jobs_pipeline:offer", args=[offer.pk])
    back = request.POST.get("query", "")
    filters = PipelineFilterForm(_query_dict(back))
    if back and filters.is_valid():
        url += "?" + urlencode({k: v for k, v in filters.cleaned_data.items() if v})
    return redirect(url)


def _query_dict(text):
    return QueryDict(text[:500])


def application_of(request, pk, *, files=False):
    """The organisation's application `pk`, with what its page shows, or 404.
    With `files`: only while the candidate has not withdrawn it (a withdrawn
    application no longer opens the candidate's CV or letter)."""
    applications = _applications(request)
    if files:
        applications = applications.exclude(status=Application.Status.WITHDRAWN)
    return get_object_or_404(
        applications.select_related(
            "offer__organisation",
            "offer__commune",
            "candidate__user",
            "candidate__commune__department",
            "candidate__cv",
            "cover_letter",
        ),
        pk=pk,
    )


def _detail(request, application, move_form=None, note_form=None, status=200):
    application = (
        Application.objects.select_related(
            "offer__organisation",
            "offer__commune",
            "candidate__user",
            "candidate__commune__department",
            "candidate__cv",
            "cover_letter",
        )
        .prefetch_related(
            "candidate__occupations",
            "candidate__skills",
            "candidate__experiences",
            "candidate__educations",
            Prefetch("events", ApplicationEvent.objects.select_related("by")),
            Prefetch("notes", ApplicationNote.objects.select_related("author")),
        )
        .get(pk=application.pk)
    )
    allowed = applications.allowed_moves(application)
    moves = [
        {"status": status_, "label": MOVE_LABELS[status_]}
        for status_ in allowed
        if status_ in MOVE_LABELS
    ]
    refuse_form = move_form or MoveForm(initial={"status": Status.REFUSED, "email": True})
    return render(
        request,
        "jobs/pipeline/detail.html",
        {
            "application": application,
            "offer": application.offer,
            "profile": application.candidate,
            "moves": moves,
            "can_refuse": Status.REFUSED in allowed,
            "refuse_form": refuse_form,
            "note_form": note_form or NoteForm(),
            "reason_label": RefusalReason(application.refusal_reason).label
            if application.refusal_reason
            else "",
            "cv_url": reverse("jobs_pipeline:cv", args=[application.pk])
            if application.candidate.cv_id
            else "",
        },
        status=status,
    )


@member_required
@require_safe
def detail(request, pk):
    application = application_of(request, pk)
    applications.opened_by_company(application, request.user)
    audit.record(
        request,
        AuditEntry.Action.VIEW,
        application,
        what="candidature",
        organisation=request.scope.organisation.pk,
    )
    return _detail(request, application)


@member_required
@require_POST
def move(request, pk):
    application = application_of(request, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _detail(request, application, move_form=form)
    data = form.cleaned_data
    try:
        applications.move(
            application,
            data["status"],
            request.user,
            reason=data.get("reason") or None,
            email=data["email"],
        )
    except applications.Refused as refused:
        messages.error(request, str(refused))
    else:
        text = _("La candidature est maintenant « %(status)s ».") % {
            "status": application.get_status_display()
        }
        if data["email"] and data["status"] in (
            Status.SHORTLISTED,
            Status.INTERVIEW,
            Status.HIRED,
            Status.REFUSED,
        ):
            text += " " + _("Le candidat est prévenu par courriel.")
        messages.success(request, text)
    return redirect("jobs_pipeline:detail", application.pk)


@member_required
@require_POST
def note(request, pk):
    application = application_of(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _detail(request, application, note_form=form)
    applications.add_note(application, request.user, form.cleaned_data["text"])
    messages.success(request, _("Note enregistrée."))
    return redirect("jobs_pipeline:detail", application.pk)


def _filename(prefix, profile):
    """« CV-Lea-Dumas.pdf »: the document's kind and the candidate's name."""
    name = profile.user.get_full_name() or "candidat"
    safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-") or "candidat"
    return f"{prefix}-{safe}.pdf"


@member_required
@require_safe
def cover_letter(request, pk):
    application = application_of(request, pk, files=True)
    if application.cover_letter is None:
        raise Http404
    audit.record(
        request,
        AuditEntry.Action.VIEW,
        application,
        what="lettre de motivation",
        organisation=request.scope.organisation.pk,
    )
    return file_response(application.cover_letter, _filename("Lettre", application.candidate))


@member_required
@require_safe
def cv(request, pk):
    application = application_of(request, pk, files=True)
    profile = application.candidate
    if profile.cv is None:
        raise Http404
    audit.record(
        request,
        AuditEntry.Action.VIEW,
        profile,
        what="CV (candidature)",
        application=application.pk,
        organisation=request.scope.organisation.pk,
    )
    ProfileView.objects.create(
        profile=profile,
        organisation=request.scope.organisation,
        user=request.user,
        what=ProfileView.What.CV,
    )
    return file_response(profile.cv, _filename("CV", profile))
