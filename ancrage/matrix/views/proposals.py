"""The staff's side of proposals: the changes members ask for, what
accepting each would do to the profile (compared with the profile as it is
now), and the decision — accepted (applied and validated in the name of its
author, see `matrix.workflow`) or refused with a note."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ancrage.core.permissions import staff_required
from ancrage.matrix import changes, profiles, workflow
from ancrage.matrix.forms import NoteForm
from ancrage.matrix.models import Proposal
from ancrage.organisations.models import Membership

RECENT = 20


def _accept_form(data=None):
    return NoteForm(data, prefix="accept", label=_("Message à l'auteur (facultatif)"))


def _refuse_form(data=None):
    return NoteForm(
        data, prefix="refuse", note_required=True, label=_("Pourquoi ? (envoyé à l'auteur)")
    )


def _proposals(request):
    return Proposal.objects.filter(
        profile__membership__cluster=request.scope.cluster
    ).select_related("profile__membership__organisation", "proposed_by", "decided_by")


@staff_required
@require_safe
def proposal_list(request):
    proposals = _proposals(request)
    return render(
        request,
        "matrix/proposal_list.html",
        {
            "pending": proposals.filter(status=Proposal.Status.PENDING).order_by("proposed_at"),
            "decided": proposals.exclude(status=Proposal.Status.PENDING).order_by(
                "-decided_at", "-pk"
            )[:RECENT],
        },
    )


def _dropped(data, content):
    """How many items of the proposal no longer exist (removed from the
    vocabulary since): accepting it leaves them out."""
    proposed = len(data.get("skills", [])) + len(data.get("activities", []))
    proposed += len(data.get("markets", [])) + (1 if data.get("occupation") else 0)
    kept = len(content.skills) + len(content.activities) + len(content.markets)
    return proposed - kept - (1 if content.occupation else 0)


def _detail(request, proposal, accept_form=None, refuse_form=None, status=200):
    profile = proposal.profile
    cluster = profile.membership.cluster
    content = profiles.content_from_snapshot(cluster, proposal.content)
    context = {
        "proposal": proposal,
        "profile": profile,
        "organisation": profile.membership.organisation,
        "diff": changes.between(profiles.content_of(profile), content),
        "dropped": _dropped(proposal.content, content),
        "changed_since": profile.updated_at > proposal.proposed_at,
        # The diff shown is against this version: accepting after another
        # change is refused, so nobody accepts what they did not see.
        "version": profiles.version_of(profile),
        "accept_form": accept_form or _accept_form(),
        "refuse_form": refuse_form or _refuse_form(),
    }
    return render(request, "matrix/proposal_detail.html", context, status=status)


def _proposal(request, pk, active=False):
    """The proposal `pk` of the acting cluster; with `active`, only while the
    organisation is still an active member (a former one is read-only)."""
    proposals = _proposals(request).select_related("profile__membership__cluster")
    if active:
        proposals = proposals.filter(profile__membership__status=Membership.Status.ACTIVE)
    return get_object_or_404(proposals, pk=pk)


@staff_required
@require_safe
def proposal_detail(request, pk):
    return _detail(request, _proposal(request, pk))


@staff_required
@require_POST
def proposal_decide(request, pk):
    proposal = _proposal(request, pk, active=True)
    decision = request.POST.get("decision")
    if decision == "accept":
        form = _accept_form(request.POST)
        if not form.is_valid():
            return _detail(request, proposal, accept_form=form)
        try:
            workflow.accept(
                request,
                proposal,
                form.cleaned_data["note"],
                version=request.POST.get("version") or None,
            )
        except profiles.ProfileError as error:
            messages.error(request, str(error))
            return redirect("matrix_profile:proposal_detail", pk=pk)
        messages.success(
            request,
            _(
                "La proposition est acceptée : le profil est modifié et validé. "
                "%(name)s est prévenu(e)."
            )
            % {"name": proposal.proposed_by or _("son auteur")},
        )
    elif decision == "refuse":
        form = _refuse_form(request.POST)
        if not form.is_valid():
            return _detail(request, proposal, refuse_form=form)
        try:
            workflow.refuse(request, proposal, form.cleaned_data["note"])
        except profiles.ProfileError as error:
            messages.error(request, str(error))
            return redirect("matrix_profile:proposal_detail", pk=pk)
        messages.success(request, _("La proposition est refusée ; son auteur est prévenu."))
    else:
        messages.error(request, _("Choisissez d'accepter ou de refuser la proposition."))
        return redirect("matrix_profile:proposal_detail", pk=pk)
    return redirect("matrix_profile:proposal_list")
