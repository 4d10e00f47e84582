"""The organisation's side of the matrix: its profiles (one per cluster it
belongs to), read-only, validated or sent back when staff ask, and changes
proposed to staff (never written to the profile directly).

Only the organisation the person acts for is reachable; a cluster it does not
belong to answers 404. Nothing of the membership but the profile shows (the
cluster's internal notes stay with its staff)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ancrage.core.permissions import require_context
from ancrage.core.widgets import listbox_id, read_query
from ancrage.matrix import profiles, workflow
from ancrage.matrix.forms import NoteForm, ProposalForm
from ancrage.matrix.models import AWAITING_ORGANISATION, MatrixProfile
from ancrage.organisations.models import Membership
from ancrage.referentiel.forms import EntryPicker
from ancrage.referentiel.models import VocabularyEntry
from ancrage.referentiel.search.engine import MAX_QUERY_LENGTH

member_required = require_context("member")
MAX_SUGGESTIONS = 10


def send_back_note(*args, **kwargs):
    return NoteForm(
        *args,
        note_required=True,
        label=_("Ce qui doit changer (pour renvoyer le profil)"),
        **kwargs,
    )


def _membership(request, slug, *, active=False):
    """The organisation's membership of cluster `slug`, or 404. Validating,
    sending back and proposing (`active`) need an active membership: a
    former member's profile is only read."""
    memberships = Membership.objects.select_related("cluster", "organisation")
    if active:
        memberships = memberships.active()
    return get_object_or_404(
        memberships, organisation=request.scope.organisation, cluster__slug=slug
    )


def _profile_or_none(membership):
    try:
        return membership.matrix
    except MatrixProfile.DoesNotExist:
        return None


@member_required
@require_safe
def member_list(request):
    memberships = (
        Membership.objects.filter(organisation=request.scope.organisation)
        .select_related("cluster", "matrix__validated_by")
        .order_by("cluster__name")
    )
    rows = [(membership, _profile_or_none(membership)) for membership in memberships]
    return render(
        request,
        "matrix/profile_member_list.html",
        {"organisation": request.scope.organisation, "rows": rows},
    )


def _detail(request, membership, send_back_form=None):
    profile = _profile_or_none(membership)
    awaiting = (
        profile is not None
        and profile.state in AWAITING_ORGANISATION
        and membership.status == Membership.Status.ACTIVE
    )
    version = profiles.version_of(profile) if profile else ""
    context = {
        "membership": membership,
        "cluster": membership.cluster,
        "profile": profile,
        "content": profiles.content_of(profile) if profile else None,
        "awaiting": awaiting,
        "version": version,
        "send_back_form": send_back_form or send_back_note(initial={"version": version}),
        "proposals": profile.proposals.select_related("decided_by")[:20] if profile else [],
    }
    return render(request, "matrix/profile_member.html", context)


@member_required
@require_safe
def member_detail(request, slug):
    return _detail(request, _membership(request, slug))


@member_required
@require_POST
def member_validate(request, slug):
    membership = _membership(request, slug, active=True)
    profile = _profile_or_none(membership)
    form = NoteForm(request.POST)
    form.is_valid()
    try:
        if profile is None:
            raise profiles.ProfileError(_("Ce profil n'attend pas votre validation."))
        workflow.validate(request, profile, form.cleaned_data.get("version", ""))
    except profiles.ProfileError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Merci : le profil est validé. L'équipe de %(cluster)s est prévenue.")
            % {"cluster": membership.cluster.name},
        )
    return redirect("matrix_profile:member_detail", slug=slug)


@member_required
@require_POST
def member_send_back(request, slug):
    membership = _membership(request, slug, active=True)
    profile = _profile_or_none(membership)
    form = send_back_note(request.POST)
    if not form.is_valid():
        return _detail(request, membership, send_back_form=form)
    try:
        if profile is None:
            raise profiles.ProfileError(_("Ce profil n'attend pas votre validation."))
        workflow.send_back(
            request, profile, form.cleaned_data["note"], form.cleaned_data["version"]
        )
    except profiles.ProfileError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Le profil est renvoyé à l'équipe de %(cluster)s avec votre commentaire.")
            % {"cluster": membership.cluster.name},
        )
    return redirect("matrix_profile:member_detail", slug=slug)


@member_required
@require_http_methods(["GET", "POST"])
def member_propose(request, slug):
    membership = _membership(request, slug, active=True)
    cluster = membership.cluster
    profile = profiles.profile_for(membership)
    suggestions = reverse("matrix_profile:member_suggestions", kwargs={"slug": slug})
    if request.method == "GET":
        form = ProposalForm.of(
            cluster,
            profiles.content_of(profile),
            profiles.version_of(profile),
            suggestions_url=suggestions,
        )
    else:
        form = ProposalForm(cluster, request.POST, suggestions_url=suggestions)
        if form.is_valid() and "add_skills" in request.POST:
            messages.info(
                request,
                _("Rien n'est encore envoyé : ajoutez un commentaire si besoin, puis envoyez."),
            )
            form = ProposalForm.of(
                cluster,
                form.content(),
                form.cleaned_data["version"],
                suggestions_url=suggestions,
            )
            form.initial["message"] = request.POST.get("message", "")[:2000]
        elif form.is_valid():
            try:
                workflow.propose(request, profile, form.content(), form.cleaned_data["message"])
            except profiles.ProfileError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Votre proposition est envoyée à l'équipe de %(cluster)s : le profil "
                        "changera quand elle l'aura acceptée."
                    )
                    % {"cluster": cluster.name},
                )
                return redirect("matrix_profile:member_detail", slug=slug)
    return render(
        request,
        "matrix/proposal_form.html",
        {"membership": membership, "cluster": cluster, "profile": profile, "form": form},
    )


@member_required
@require_safe
def member_suggestions(request, slug):
    """The options of the proposal form's pickers, from the vocabulary of
    the cluster the profile belongs to (an organisation may be in several)."""
    membership = _membership(request, slug)
    kind = request.GET.get("target")
    if kind not in VocabularyEntry.Kind.values:
        kind = VocabularyEntry.Kind.OCCUPATION
    query = read_query(request, MAX_QUERY_LENGTH)
    picker = EntryPicker(cluster=membership.cluster, kind=kind)
    options = picker.options(query, MAX_SUGGESTIONS) if query.strip() else []
    response = render(
        request,
        "referentiel/suggestion_options.html",
        {"options": options, "listbox": listbox_id(request, "suggestions")},
    )
    patch_cache_control(response, private=True, no_cache=True)
    return response
