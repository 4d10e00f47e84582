"""The CV bank of a member company (context « member »): search the
profiles its clusters' candidates let it see, open one (name, contact,
experience, education), download the CV, and the best candidates for one of
its offers with the reasons of each rank. Opening a profile or a CV is
logged (`cvbank.log_view`): the candidate sees it, the cluster's audit log
too. A profile the organisation may not see, another organisation's offer:
404."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ancrage.core.permissions import require_context
from ancrage.files.serving import file_response
from ancrage.jobs import cvbank, lifecycle, matching
from ancrage.jobs.cvbank_forms import ProfileSearchForm
from ancrage.jobs.models import Contract, ProfileView
from ancrage.jobs.views.company import offer_of
from ancrage.referentiel.models import Occupation, Skill

member_required = require_context("member")
PAGE_SIZE = 20
# Skills shown in a result's summary.
SUMMARY_SKILLS = 5


def contract_labels(profile):
    labels = dict(Contract.choices)
    return [str(labels.get(value, value)) for value in profile.contracts]


def _summarise(profile):
    """What a result shows of `profile` (its skills prefetched)."""
    skills = sorted(profile.skills.all(), key=lambda skill: skill.label)
    profile.summary_skills = skills[:SUMMARY_SKILLS]
    profile.more_skills = max(0, len(skills) - SUMMARY_SKILLS)
    profile.contract_labels = contract_labels(profile)
    return profile


def _visible(request):
    return cvbank.visible_profiles(request.scope.organisation)


def _profile_of(request, pk, *related):
    """The profile `pk` if the acting organisation may see it, else 404."""
    return get_object_or_404(_visible(request).select_related(*related), pk=pk)


@member_required
@require_safe
def search(request):
    organisation = request.scope.organisation
    cluster = lifecycle.member_clusters(organisation).first()
    form = ProfileSearchForm(request.GET or None, cluster=cluster)
    profiles = _visible(request)
    if form.is_bound:
        profiles = form.search(profiles) if form.is_valid() else profiles.none()
    else:
        profiles = profiles.order_by("-last_activity_at", "-pk")
    profiles = profiles.select_related("commune__department").prefetch_related(
        Prefetch("occupations", Occupation.objects.order_by("label")),
        Prefetch("skills", Skill.objects.order_by("label")),
    )
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page.object_list:
        _summarise(item)
    return render(
        request,
        "jobs/cvbank/search.html",
        {
            "form": form,
            "page": page,
            "is_member": cluster is not None,
            "near": form.near if form.is_bound else None,
        },
    )


@member_required
@require_safe
def profile(request, pk):
    organisation = request.scope.organisation
    found = get_object_or_404(
        _visible(request)
        .select_related("user", "commune__department", "cv")
        .prefetch_related(
            Prefetch("occupations", Occupation.objects.order_by("label")),
            Prefetch("skills", Skill.objects.order_by("label")),
            "experiences",
            "educations",
        ),
        pk=pk,
    )
    cvbank.log_view(request, found, organisation, ProfileView.What.PROFILE)
    return render(
        request,
        "jobs/cvbank/profile.html",
        {"profile": found, "contract_labels": contract_labels(found)},
    )


@member_required
@require_safe
def cv(request, pk):
    found = _profile_of(request, pk, "cv", "user")
    if found.cv is None:
        raise Http404
    response = file_response(found.cv, _cv_filename(found))
    cvbank.log_view(request, found, request.scope.organisation, ProfileView.What.CV)
    return response


def _cv_filename(profile):
    name = profile.user.get_full_name() or "candidat"
    safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-") or "candidat"
    return f"CV-{safe}.pdf"


@member_required
@require_safe
def offer_matches(request, offer_pk):
    offer = offer_of(request, offer_pk)
    matches = matching.candidates_for(offer)
    for match in matches:
        _summarise(match.profile)
    return render(
        request,
        "jobs/cvbank/offer_matches.html",
        {"offer": offer, "matches": matches, "weights": _weights()},
    )


def _weights():
    return {
        "occupation": matching.W_OCCUPATION,
        "skills": matching.W_SKILLS,
        "distance": matching.W_DISTANCE,
        "contract": matching.W_CONTRACT,
        "availability": matching.W_AVAILABILITY,
    }
