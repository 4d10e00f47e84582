"""The staff's screen of a member's matrix profile: edit it, submit it for
validation, read its state, history and pending proposals.

The URL names the organisation; it answers 404 unless the organisation is an
active member of the acting cluster (a former member's profile is neither
shown nor changed). The profile is created on first visit."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.core.permissions import staff_required
from ancrage.matrix import changes, profiles, workflow
from ancrage.matrix.forms import ProfileForm
from ancrage.matrix.models import Proposal, State
from ancrage.organisations.models import Membership

HISTORY_LENGTH = 50


def _profile(request, pk):
    membership = get_object_or_404(
        Membership.objects.active().select_related("organisation", "cluster"),
        organisation_id=pk,
        cluster=request.scope.cluster,
    )
    profile = profiles.profile_for(membership)
    profile.membership = membership
    return profile


def _pending(profile):
    """The pending proposals, each with what accepting it would change."""
    current = profiles.content_of(profile)
    cluster = profile.membership.cluster
    return [
        (
            proposal,
            changes.between(current, profiles.content_from_snapshot(cluster, proposal.content)),
        )
        for proposal in profile.proposals.filter(status=Proposal.Status.PENDING).select_related(
            "proposed_by"
        )
    ]


def _page(request, profile, form, stale_changes=None):
    context = {
        "profile": profile,
        "organisation": profile.membership.organisation,
        "form": form,
        "history": profile.transitions.select_related("by")[:HISTORY_LENGTH],
        "pending": _pending(profile),
        "can_submit": profile.can_become(State.SUBMITTED),
        "stale_changes": stale_changes,
    }
    return render(request, "matrix/profile_staff.html", context)


def _stale_form(request, profile):
    """The form as posted, against the profile saved meanwhile: what was
    typed is kept and the next save replaces the new version knowingly."""
    profile.refresh_from_db()
    data = request.POST.copy()
    data["version"] = profiles.version_of(profile)
    form = ProfileForm(profile.membership.cluster, data)
    stale = None
    if form.is_valid():
        stale = changes.between(profiles.content_of(profile), form.content())
    by = profile.updated_by or _("quelqu'un")
    when = formats.date_format(profile.updated_at, "DATETIME_FORMAT")
    form.add_error(
        None,
        _(
            "%(by)s a modifié ce profil le %(when)s, pendant que vous le modifiiez. Vos "
            "saisies sont conservées ci-dessous ; l'encadré « Si vous enregistrez » montre ce "
            "qu'elles changeraient au profil enregistré. Enregistrez à nouveau pour confirmer."
        )
        % {"by": by, "when": when},
    )
    return form, stale


@staff_required
@require_http_methods(["GET", "POST"])
def staff_edit(request, pk):
    profile = _profile(request, pk)
    cluster = profile.membership.cluster
    if request.method == "GET":
        form = ProfileForm.of(cluster, profiles.content_of(profile), profiles.version_of(profile))
        return _page(request, profile, form)
    form = ProfileForm(cluster, request.POST)
    if not form.is_valid():
        return _page(request, profile, form)
    if "add_skills" in request.POST:
        messages.info(
            request,
            _("Rien n'est encore enregistré : ajoutez un commentaire si besoin, puis enregistrez."),
        )
        return _page(
            request, profile, ProfileForm.of(cluster, form.content(), form.cleaned_data["version"])
        )
    try:
        made = workflow.save_by_staff(
            request, profile, form.content(), version=form.cleaned_data["version"]
        )
    except profiles.StaleProfile:
        form, stale = _stale_form(request, profile)
        return _page(request, profile, form, stale_changes=stale)
    except profiles.ProfileError as error:
        form.add_error(None, str(error))
        return _page(request, profile, form)
    if not made:
        messages.info(request, _("Aucune modification à enregistrer."))
    else:
        messages.success(
            request,
            _("Le profil de %(name)s est enregistré.") % {"name": profile.membership.organisation},
        )
        profile.refresh_from_db(fields=["state"])
        if profile.state == State.TO_REVIEW:
            messages.warning(
                request,
                _(
                    "Le profil était validé : il passe « à revoir » et les utilisateurs de "
                    "l'organisation sont prévenus."
                ),
            )
    return redirect("matrix_profile:staff_edit", pk=pk)


@staff_required
@require_POST
def staff_submit(request, pk):
    profile = _profile(request, pk)
    try:
        told = workflow.submit(request, profile)
    except profiles.ProfileError as error:
        messages.error(request, str(error))
    else:
        if told:
            messages.success(
                request,
                _(
                    "Le profil est soumis à validation : %(count)s utilisateur(s) de "
                    "l'organisation prévenu(s) par courriel."
                )
                % {"count": told},
            )
        else:
            messages.warning(
                request,
                _(
                    "Le profil est soumis à validation, mais personne n'a encore de compte pour "
                    "cette organisation : invitez l'un de ses utilisateurs pour qu'il le valide."
                ),
            )
    return redirect("matrix_profile:staff_edit", pk=pk)
