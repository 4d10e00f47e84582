"""The consortium builder: the best consortia under the staff's constraints
(computed on each visit: the members' profiles may have changed), and the
proposal of one of them, saved with who covered what at the time."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ancrage.core.permissions import staff_required
from ancrage.tenders import consortium as builder
from ancrage.tenders.matching import matches, needs_of
from ancrage.tenders.models import Candidate, Consortium
from ancrage.tenders.views.members import membership_of
from ancrage.tenders.views.tenders import record, tender_of

MAX_MEMBERS = 50


def table(answer, proposal):
    """Rows of the member × requirement table: (need, [covers? per member])."""
    return [
        (need, [member.membership_id in proposal.coverage[need.pk] for member in proposal.members])
        for need in answer.needs
    ]


@staff_required
def consortia(request, pk):
    tender = tender_of(request, pk)
    answer = builder.build(tender)
    constrained = (
        Candidate.objects.filter(tender=tender)
        .exclude(constraint="")
        .select_related("membership__organisation")
    )
    must_pks = {need.pk for need in answer.to_cover}
    return render(
        request,
        "tenders/consortia.html",
        {
            "tender": tender,
            "answer": answer,
            "proposals": [(p, table(answer, p)) for p in answer.proposals],
            "must_pks": must_pks,
            "constrained": constrained,
            "constraints": Candidate.Constraint,
            "locked_ids": {c.membership_id for c in constrained if c.constraint == "locked"},
        },
    )


@staff_required
@require_POST
def propose(request, pk):
    tender = tender_of(request, pk)
    values = request.POST.getlist("members")[:MAX_MEMBERS]
    members = list({m.pk: m for m in (membership_of(request, v) for v in values)}.values())
    if not members:
        messages.error(request, _("Un consortium compte au moins un adhérent."))
        return redirect("tenders:consortia", tender.pk)
    lead = membership_of(request, request.POST.get("lead"))
    if lead not in members:
        messages.error(request, _("Le mandataire doit faire partie du consortium."))
        return redirect("tenders:consortia", tender.pk)
    ids = [m.pk for m in members]
    covering = {m.membership_id: m.covered for m in matches(tender, keep=ids, filtered=False)}
    needs = needs_of(tender)
    coverage = {
        str(need.pk): [pk for pk in ids if need.pk in covering.get(pk, ())] for need in needs
    }
    with transaction.atomic():
        proposed = Consortium.objects.create(
            tender=tender,
            lead=lead,
            coverage=coverage,
            note=request.POST.get("note", "")[:2000].replace("\x00", ""),
            proposed_by=request.user,
        )
        proposed.members.set(members)
        for member in members:
            Candidate.objects.get_or_create(tender=tender, membership=member)
        record(
            request,
            tender,
            "consortium",
            members=[m.organisation.name for m in members],
            lead=lead.organisation.name,
        )
    messages.success(
        request,
        ngettext(
            "Consortium d'%(count)s adhérent proposé, mandataire : %(lead)s.",
            "Consortium de %(count)s adhérents proposé, mandataire : %(lead)s.",
            len(members),
        )
        % {"count": len(members), "lead": lead.organisation.name},
    )
    return redirect(f"{tender.get_absolute_url()}#consortiums")
