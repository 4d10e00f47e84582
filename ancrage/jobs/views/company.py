"""A member company's job offers, for the people who act for it (context
« member »): the list with each offer's publications, write and edit an
offer, read it as it will be published, submit it to the job boards of its
clusters, close it (filled or not, through the job board or not). Another
organisation's offers answer 404."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.core.permissions import require_context
from ancrage.jobs import lifecycle, suggestions
from ancrage.jobs.forms import CloseForm, OfferForm, SubmitForm
from ancrage.jobs.models import Offer, OfferSkill, Publication

member_required = require_context("member")


def _offers(request):
    return Offer.objects.filter(organisation=request.scope.organisation)


def offer_of(request, pk):
    """The acting organisation's offer `pk`, with what its pages show, or 404."""
    return get_object_or_404(
        _offers(request)
        .select_related("occupation", "commune__department", "organisation")
        .prefetch_related(
            Prefetch("publications", Publication.objects.select_related("cluster")),
            Prefetch("skills", OfferSkill.objects.select_related("skill")),
        ),
        pk=pk,
    )


def _posted(request):
    """The posted data, even empty (no cluster checked is still an answer)."""
    return request.POST if request.method == "POST" else None


def _detail_url(offer):
    return reverse("jobs_company:detail", args=[offer.pk])


def _picker_cluster(organisation):
    """A cluster whose vocabulary helps the pickers (the first one the
    organisation is a member of)."""
    return lifecycle.member_clusters(organisation).first()


@member_required
@require_safe
def offer_list(request):
    offers = (
        _offers(request)
        .select_related("commune")
        .prefetch_related(Prefetch("publications", Publication.objects.select_related("cluster")))
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "jobs/company/list.html",
        {"organisation": request.scope.organisation, "offers": offers},
    )


def _suggest(request, offer, cluster):
    """The form again, completed by the référentiel's suggestions."""
    suggested = suggestions.suggest(OfferForm, request.POST.copy(), instance=offer, cluster=cluster)
    return render(
        request,
        "jobs/company/form.html",
        {"form": suggested.form, "offer": offer, "suggested": suggested},
    )


@member_required
@require_http_methods(["GET", "POST"])
def create(request):
    organisation = request.scope.organisation
    if "suggest" in request.POST:
        return _suggest(request, None, _picker_cluster(organisation))
    form = OfferForm(_posted(request), cluster=_picker_cluster(organisation))
    if request.method == "POST" and form.is_valid():
        form.instance.organisation = organisation
        form.instance.created_by = request.user
        offer = form.save()
        messages.success(
            request,
            _(
                "L'offre est enregistrée en brouillon : relisez-la, "
                "puis soumettez-la à vos clusters."
            ),
        )
        return redirect(_detail_url(offer))
    return render(request, "jobs/company/form.html", {"form": form, "offer": None})


@member_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    offer = offer_of(request, pk)
    if offer.status not in lifecycle.OPEN:
        return render(request, "jobs/company/closed.html", {"offer": offer})
    if "suggest" in request.POST:
        return _suggest(request, offer, _picker_cluster(offer.organisation))
    form = OfferForm(_posted(request), instance=offer, cluster=_picker_cluster(offer.organisation))
    if request.method == "POST" and form.is_valid():
        changed = form.has_changed()
        form.save()  # the offer keeps its publications
        again = lifecycle.edited(offer, request.user) if changed else []
        if again:
            messages.success(
                request,
                _(
                    "L'offre est enregistrée. Ses modifications doivent être validées de "
                    "nouveau par : %(clusters)s ; elle y est en attente de modération."
                )
                % {"clusters": ", ".join(cluster.name for cluster in again)},
            )
        else:
            messages.success(request, _("L'offre est enregistrée."))
        return redirect(_detail_url(offer))
    return render(request, "jobs/company/form.html", {"form": form, "offer": offer})


@member_required
@require_safe
def detail(request, pk):
    offer = offer_of(request, pk)
    return render(
        request,
        "jobs/company/detail.html",
        {"offer": offer, "is_open": offer.status in lifecycle.OPEN},
    )


def _published_or_pending(publications):
    """One French sentence per new publication: published or awaiting moderation."""
    parts = []
    for publication in publications:
        if publication.status == Publication.Status.PUBLISHED:
            text = _("%(cluster)s : publiée") % {"cluster": publication.cluster}
        else:
            text = _("%(cluster)s : en attente de modération") % {"cluster": publication.cluster}
        parts.append(text)
    return " ; ".join(parts)


@member_required
@require_http_methods(["GET", "POST"])
def submit(request, pk):
    offer = offer_of(request, pk)
    publications = list(offer.publications.all())
    on_board = {p.cluster_id for p in publications if p.status != Publication.Status.REFUSED}
    refused = {p.cluster_id for p in publications} - on_board
    # A refused publication may be submitted again (once the offer is fixed):
    # offered, not checked.
    clusters = lifecycle.member_clusters(offer.organisation).exclude(pk__in=on_board)
    form = SubmitForm(_posted(request), clusters=clusters, checked=clusters.exclude(pk__in=refused))
    error = None
    if offer.status not in lifecycle.OPEN:
        error = _("Cette offre est close : elle ne peut plus être soumise.")
    elif request.method == "POST" and form.is_valid():
        try:
            created = lifecycle.submit(offer, form.cleaned_data["clusters"], by=request.user)
        except lifecycle.Refused as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                _("Offre soumise. %(states)s.") % {"states": _published_or_pending(created)},
            )
            return redirect(_detail_url(offer))
    return render(
        request,
        "jobs/company/submit.html",
        {
            "offer": offer,
            "form": form,
            "error": error,
            "has_choices": clusters.exists(),
            "is_member": bool(on_board) or lifecycle.member_clusters(offer.organisation).exists(),
            "is_open": offer.status in lifecycle.OPEN,
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def close(request, pk):
    offer = offer_of(request, pk)
    form = CloseForm(_posted(request))
    error = None
    if offer.status not in lifecycle.OPEN:
        error = _("Cette offre est déjà close.")
    elif request.method == "POST" and form.is_valid():
        try:
            lifecycle.close(offer, filled=form.is_filled, through_platform=form.is_through_platform)
        except lifecycle.Refused as refused:
            error = str(refused)
        else:
            if form.is_through_platform:
                text = _("L'offre est close : poste pourvu grâce à la bourse d'emploi. Bravo !")
            elif form.is_filled:
                text = _("L'offre est close : poste pourvu.")
            else:
                text = _("L'offre est close : poste non pourvu.")
            messages.success(request, text)
            return redirect(_detail_url(offer))
    return render(
        request,
        "jobs/company/close.html",
        {"offer": offer, "form": form, "error": error, "is_open": offer.status in lifecycle.OPEN},
    )
