"""A cluster's public member directory (no login): its active members that
chose to be listed, each showing only what it publishes (`PublicField`).
The matrix (métier, key skills, activities, markets) and certifications show
only when published and validated by the organisation."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ancrage.clusters.models import Cluster
from ancrage.matrix.models import ProfileActivity, ProfileMarket, ProfileSkill
from ancrage.organisations.access import logo_response
from ancrage.organisations.models import Membership, PublicField
from ancrage.organisations.public import PublicFilterForm, PublicMember

PAGE_SIZE = 20


def _cluster(slug):
    return get_object_or_404(Cluster, slug=slug)


def listed_memberships(cluster):
    return (
        Membership.objects.active()
        .filter(cluster=cluster, organisation__listed_publicly=True)
        .select_related(
            "cluster",
            "organisation__commune__department",
            "matrix__occupation__occupation",
        )
    )


@login_not_required
@require_safe
def member_list(request, slug):
    cluster = _cluster(slug)
    memberships = listed_memberships(cluster)
    form = PublicFilterForm(request.GET or None, cluster=cluster)
    if form.is_bound:
        memberships = form.filter(memberships) if form.is_valid() else memberships.none()
    memberships = memberships.order_by("organisation__search_name", "organisation__name", "pk")
    page = Paginator(memberships, PAGE_SIZE).get_page(request.GET.get("page"))
    members = [PublicMember(membership) for membership in page.object_list]
    return render(
        request,
        "organisations/public_list.html",
        {"cluster": cluster, "form": form, "page": page, "members": members},
    )


def _profile_prefetches():
    return [
        Prefetch(
            "matrix__skills",
            queryset=ProfileSkill.objects.select_related("entry__skill").order_by(
                "entry__position", "pk"
            ),
        ),
        Prefetch(
            "matrix__activities",
            queryset=ProfileActivity.objects.select_related("activity").order_by(
                "activity__position", "pk"
            ),
        ),
        Prefetch(
            "matrix__markets",
            queryset=ProfileMarket.objects.select_related("market").order_by(
                "market__position", "pk"
            ),
        ),
    ]


@login_not_required
@require_safe
def member_detail(request, slug, pk):
    cluster = _cluster(slug)
    membership = get_object_or_404(
        listed_memberships(cluster).prefetch_related(*_profile_prefetches()),
        organisation_id=pk,
    )
    return render(
        request,
        "organisations/public_detail.html",
        {"cluster": cluster, "member": PublicMember(membership, full=True)},
    )


@login_not_required
@require_safe
def logo(request, slug, pk):
    cluster = _cluster(slug)
    membership = get_object_or_404(listed_memberships(cluster), organisation_id=pk)
    if not membership.organisation.publishes(PublicField.LOGO):
        raise Http404
    return logo_response(request, membership.organisation, public=True)
