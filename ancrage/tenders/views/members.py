"""The members able to answer a tender (matching), their follow-up
(candidates) and the staff's constraints for the consortium builder. Every
membership id posted must be an active member of the acting cluster: any
other answers 404. From the matching list, with htmx, an action answers the
member's follow-up cell (`tenders/_follow_up.html`); without JavaScript it
redirects back to the screen it came from."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.core.permissions import staff_required
from ancrage.organisations.models import Membership
from ancrage.tenders.forms import CandidateForm
from ancrage.tenders.matching import matches, needs_of
from ancrage.tenders.models import Candidate
from ancrage.tenders.views.tenders import record, tender_of

PAGE_SIZE = 50
BACK_TO = {"matching": "tenders:matching", "consortia": "tenders:consortia"}


def membership_of(request, value):
    """The active membership of the acting cluster `value` names, or 404."""
    pk = str(value or "")
    if not pk.isdigit() or len(pk) > 18:
        pk = "0"
    return get_object_or_404(
        Membership.objects.select_related("organisation"),
        pk=int(pk),
        cluster=request.scope.cluster,
        status=Membership.Status.ACTIVE,
    )


def _follow_up(request, tender, membership):
    """The member's follow-up cell of the matching list (htmx answer)."""
    page = request.POST.get("page", "")
    return render(
        request,
        "tenders/_follow_up.html",
        {
            "tender": tender,
            "candidate": Candidate.objects.filter(tender=tender, membership=membership).first(),
            "membership_id": membership.pk,
            "name": membership.organisation.name,
            "page": {"number": page if page.isdigit() and len(page) < 6 else 1},
            "statuses": Candidate.Status,
            "constraints": Candidate.Constraint,
        },
    )


def _back(request, tender, membership=None):
    """Back to the screen the action came from: the matching list (same page,
    at the member's row), the consortia, or the tender's page."""
    url_name = BACK_TO.get(request.POST.get("back"), "tenders:detail")
    if request.htmx and url_name == "tenders:matching" and membership is not None:
        return _follow_up(request, tender, membership)
    url = reverse(url_name, args=[tender.pk])
    if url_name == "tenders:matching":
        page = request.POST.get("page", "")
        if page.isdigit() and len(page) < 6:
            url += "?" + urlencode({"page": page})
        if membership is not None:
            url += f"#adherent-{membership.pk}"
    elif url_name == "tenders:detail":
        url += "#suivi"
    return redirect(url)


@staff_required
def matching(request, pk):
    tender = tender_of(request, pk)
    needs = needs_of(tender)
    found = matches(tender, needs) if needs else []
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    candidates = {c.membership_id: c for c in Candidate.objects.filter(tender=tender).order_by()}
    rows = [(match, candidates.get(match.membership_id)) for match in page.object_list]
    return render(
        request,
        "tenders/matching.html",
        {
            "tender": tender,
            "needs": needs,
            "page": page,
            "rows": rows,
            "full_cover": sum(1 for m in found if not m.misses),
            "statuses": Candidate.Status,
            "constraints": Candidate.Constraint,
        },
    )


@staff_required
@require_POST
def candidate_add(request, pk):
    """Follow a member for the tender (« repéré » or « contacté »), in one click."""
    tender = tender_of(request, pk)
    membership = membership_of(request, request.POST.get("membership"))
    status = request.POST.get("status", Candidate.Status.SHORTLISTED)
    if status not in Candidate.Status.values:
        status = Candidate.Status.SHORTLISTED
    with transaction.atomic():
        candidate, created = Candidate.objects.get_or_create(
            tender=tender, membership=membership, defaults={"status": status}
        )
        if not created and candidate.status != status:
            candidate.status = status
            candidate.updated_at = timezone.now()
            candidate.save(update_fields=["status", "updated_at"])
        record(request, tender, "candidate", member=membership.organisation.name, status=status)
    messages.success(
        request,
        _("%(name)s : %(status)s.")
        % {"name": membership.organisation.name, "status": candidate.get_status_display()},
    )
    return _back(request, tender, membership)


@staff_required
@require_POST
def candidate_update(request, pk, candidate_pk):
    tender = tender_of(request, pk)
    candidate = get_object_or_404(
        Candidate.objects.select_related("membership__organisation"), pk=candidate_pk, tender=tender
    )
    form = CandidateForm(request.POST, instance=candidate)
    if form.is_valid():
        with transaction.atomic():
            candidate = form.save(commit=False)
            candidate.updated_at = timezone.now()
            candidate.save()
            record(
                request,
                tender,
                "candidate",
                member=candidate.membership.organisation.name,
                status=candidate.status,
            )
        messages.success(
            request,
            _("Suivi de %(name)s enregistré : %(status)s.")
            % {
                "name": candidate.membership.organisation.name,
                "status": candidate.get_status_display(),
            },
        )
    else:
        messages.error(
            request,
            _("Le suivi n'est pas enregistré : %(errors)s")
            % {"errors": " ".join(e for errors in form.errors.values() for e in errors)},
        )
    return redirect(f"{tender.get_absolute_url()}#suivi")


@staff_required
@require_POST
def constraint(request, pk):
    """Lock a member into the consortia, exclude it, or free it."""
    tender = tender_of(request, pk)
    membership = membership_of(request, request.POST.get("membership"))
    value = request.POST.get("constraint", "")
    if value not in Candidate.Constraint.values:
        messages.error(request, _("Choisissez « imposer », « exclure » ou « libérer »."))
        return _back(request, tender, membership)
    with transaction.atomic():
        candidate, _created = Candidate.objects.get_or_create(tender=tender, membership=membership)
        candidate.constraint = value
        candidate.updated_at = timezone.now()
        candidate.save(update_fields=["constraint", "updated_at"])
        record(request, tender, "constraint", member=membership.organisation.name, constraint=value)
    texts = {
        Candidate.Constraint.LOCKED: _("%(name)s est imposé dans les consortiums."),
        Candidate.Constraint.EXCLUDED: _("%(name)s est exclu des consortiums."),
        Candidate.Constraint.NONE: _("%(name)s n'est plus ni imposé ni exclu."),
    }
    messages.success(request, texts[value] % {"name": membership.organisation.name})
    return _back(request, tender, membership)
