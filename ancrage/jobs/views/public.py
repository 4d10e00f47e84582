"""The public pages of the job boards (no login): an offer's page, and each
cluster's board of offers with its filters. Only `lifecycle.visible` offers
show; an offer that was on a board and is now filled, closed or expired
answers 410 (« Cette offre n'est plus disponible »), any other 404."""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from ancrage.clusters.forms import BootstrapForm
from ancrage.clusters.models import Cluster
from ancrage.jobs import jsonld, lifecycle
from ancrage.jobs.models import (
    Contract,
    Offer,
    OfferSkill,
    Publication,
    Remote,
)
from ancrage.organisations.models import Membership
from ancrage.territory.models import Department

PAGE_SIZE = 20


def offer_url(offer):
    """The canonical address of an offer: its number and the slug of its title."""
    slug = slugify(offer.title)
    if slug:
        return reverse("jobs_public:offer_slug", kwargs={"pk": offer.pk, "slug": slug})
    return reverse("jobs_public:offer", kwargs={"pk": offer.pk})


def _offers():
    return Offer.objects.select_related(
        "organisation", "occupation", "commune__department", "commune__region"
    )


def _boards(offer, *, current=True):
    """The clusters whose job board carries the offer (`current`: those
    where its organisation is still an active member, as `lifecycle.visible`
    wants), or carried it."""
    clusters = Cluster.objects.filter(
        offer_publications__offer=offer,
        offer_publications__status=Publication.Status.PUBLISHED,
    )
    if current:
        clusters = clusters.filter(
            memberships__organisation=offer.organisation_id,
            memberships__status=Membership.Status.ACTIVE,
        )
    return clusters.distinct().order_by("name")


def _gone(offer):
    """Was the offer on a job board, and is it now filled, closed or expired?"""
    ended = offer.status in (Offer.Status.FILLED, Offer.Status.CLOSED, Offer.Status.EXPIRED)
    expired = offer.expires_on is not None and offer.expires_on < timezone.localdate()
    carried = _boards(offer, current=False).exists()
    return bool(offer.published_on) and (ended or expired) and carried


def _organisation_page(offer, clusters):
    """The organisation's page in the public member directory of one of
    `clusters`, if it is listed there."""
    membership = (
        Membership.objects.active()
        .filter(
            organisation=offer.organisation,
            organisation__listed_publicly=True,
            cluster__in=clusters,
        )
        .select_related("cluster")
        .order_by("cluster__name")
        .first()
    )
    if membership is None:
        return ""
    return reverse("member_directory:detail", args=[membership.cluster.slug, offer.organisation_id])


@login_not_required
@require_safe
def offer(request, pk, slug=None):
    skills = OfferSkill.objects.select_related("skill")
    offer = get_object_or_404(
        _offers().prefetch_related(Prefetch("skills", queryset=skills)), pk=pk
    )
    if not lifecycle.visible(Offer.objects.filter(pk=pk)).exists():
        if _gone(offer):
            response = render(
                request,
                "jobs/public/gone.html",
                {"offer": offer, "clusters": _boards(offer, current=False)},
            )
            response.status_code = 410
            return response
        raise Http404
    canonical = offer_url(offer)
    if slug is not None and slug != slugify(offer.title):
        return redirect(canonical, permanent=True)
    clusters = list(_boards(offer))
    absolute = request.build_absolute_uri(canonical)
    return render(
        request,
        "jobs/public/offer.html",
        {
            "offer": offer,
            "canonical": absolute,
            "clusters": clusters,
            "organisation_url": _organisation_page(offer, clusters),
            "jsonld": jsonld.script_tag(jsonld.job_posting(offer, absolute)),
        },
    )


class BoardFilterForm(BootstrapForm, forms.Form):
    """The filters of a cluster's board, in the query string (also the feed's)."""

    contract = forms.MultipleChoiceField(
        label=_("Contrat"),
        required=False,
        choices=Contract.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Ce contrat n'existe pas.")},
    )
    department = forms.ChoiceField(
        label=_("Département"),
        required=False,
        error_messages={"invalid_choice": _("Aucune offre publiée dans ce département.")},
    )
    remote = forms.ChoiceField(
        label=_("Télétravail"),
        required=False,
        choices=[("", _("Indifférent")), *Remote.choices],
        error_messages={"invalid_choice": _("Ce choix de télétravail n'existe pas.")},
    )

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the départements of the board's offers.
        departments = Department.objects.filter(
            pk__in=offers.values("commune__department")
        ).order_by("code")
        self.fields["department"].choices = [
            ("", _("Tous")),
            *((department.code, str(department)) for department in departments),
        ]
        self.fields["contract"].widget.attrs["class"] = "form-check-input"

    def filter(self, offers):
        data = self.cleaned_data
        if data.get("contract"):
            offers = offers.filter(contract__in=data["contract"])
        if data.get("department"):
            offers = offers.filter(commune__department__code=data["department"])
        if data.get("remote"):
            offers = offers.filter(remote=data["remote"])
        return offers


def board_offers(cluster, query):
    """The cluster's visible offers, newest first, filtered by `query` (a
    QueryDict): (form, offers); no offer when the filters are wrong."""
    offers = lifecycle.visible(cluster=cluster)
    form = BoardFilterForm(query or None, offers=offers)
    if form.is_bound:
        offers = form.filter(offers) if form.is_valid() else offers.none()
    offers = offers.select_related("organisation", "commune__department").order_by(
        "-published_on", "-created_at", "-pk"
    )
    return form, offers


@login_not_required
@require_safe
def board(request, slug):
    cluster = get_object_or_404(Cluster, slug=slug)
    form, offers = board_offers(cluster, request.GET)
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.url = offer_url(item)
    feed_url = reverse("jobs_board:feed", args=[cluster.slug])
    filters = request.GET.copy()
    filters.pop("page", None)
    if filters:
        feed_url = f"{feed_url}?{filters.urlencode()}"
    return render(
        request,
        "jobs/public/board.html",
        {"cluster": cluster, "form": form, "page": page, "feed_url": feed_url},
    )
