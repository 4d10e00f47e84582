"""Applying to an offer (/offres/<offer_pk>/postuler/), for a candidate: the
profile summary that will be sent, a message and an optional cover letter
(PDF checked by content). A visitor is sent to the login page (and back);
a person acting for an organisation or a cluster is told to use a candidate
account. An offer no longer on a job board answers 404; an offer to apply
by email or on another site, an incomplete profile or an application
already made are explained on the page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ancrage.files import uploads
from ancrage.jobs import applications, lifecycle
from ancrage.jobs.application_forms import ApplyForm
from ancrage.jobs.models import CandidateProfile, Offer
from ancrage.jobs.views.public import offer_url

# Where a candidate completes their profile, when that screen exists.
PROFILE_URL_NAMES = ("jobs_candidate:profile", "jobs_candidate:edit", "jobs_candidate:home")


def profile_url():
    for name in PROFILE_URL_NAMES:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


def profile_of(user):
    """The candidate's profile with what its summary shows, or None."""
    return (
        CandidateProfile.objects.filter(user=user)
        .select_related("user", "commune", "cv")
        .prefetch_related(
            "occupations",
            "skills",
            "experiences",
            "educations",
        )
        .first()
    )


def _visible_offer(pk):
    offer = get_object_or_404(
        Offer.objects.select_related("organisation", "commune__department"), pk=pk
    )
    if not lifecycle.visible(Offer.objects.filter(pk=pk)).exists():
        raise Http404
    offer.url = offer_url(offer)
    return offer


@require_http_methods(["GET", "POST"])
def apply(request, offer_pk):
    acting = request.scope.acting
    if acting is None or acting.kind != "candidate":
        return render(
            request,
            "jobs/apply/not_candidate.html",
            {"can_switch": request.user.is_candidate},
            status=403,
        )
    offer = _visible_offer(offer_pk)
    context = {"offer": offer, "profile_url": profile_url()}
    if not applications.can_apply_on_platform(offer):
        return render(request, "jobs/apply/elsewhere.html", context)
    profile = profile_of(request.user)
    previous = applications.existing(offer, profile)
    if previous is not None:
        return render(request, "jobs/apply/already.html", context | {"application": previous})
    missing = applications.missing_from_profile(profile)
    if missing:
        return render(request, "jobs/apply/incomplete.html", context | {"missing": missing})
    form = ApplyForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        cover_letter = None
        upload = form.cleaned_data.get("cover_letter")
        try:
            if upload:
                cover_letter, _text = uploads.store_pdf(upload, request.user)
        except ValidationError as invalid:
            form.add_error("cover_letter", invalid)
        else:
            try:
                applications.apply(offer, profile, form.cleaned_data["message"], cover_letter)
            except applications.Refused as refused:
                uploads.discard(cover_letter)
                error = str(refused)
            else:
                messages.success(
                    request,
                    _(
                        "Votre candidature est envoyée à %(organisation)s. Vous suivez son "
                        "état ici ; un courriel vous le confirme."
                    )
                    % {"organisation": offer.organisation.name},
                )
                return redirect("jobs_my_applications:list")
    return render(
        request,
        "jobs/apply/form.html",
        context | {"form": form, "profile": profile, "error": error},
    )
