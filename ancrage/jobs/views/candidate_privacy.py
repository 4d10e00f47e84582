"""The candidate's control over their data (context « candidate »): which
clusters' members may see the profile (a consent per cluster, with the text
accepted and its date), who opened it, the download of everything, and the
deletion of the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.accounts.views.account import current_password_checked
from ancrage.clusters.models import Cluster
from ancrage.core.context import SESSION_KEY
from ancrage.core.permissions import require_context
from ancrage.jobs import consent, erase, export
from ancrage.jobs.candidate_forms import DeleteAccountForm, VisibilityForm
from ancrage.jobs.candidate_profile import profile_for, touch, view_counts
from ancrage.jobs.models import Consent, ProfileView

candidate_required = require_context("candidate")
VIEWS_PER_PAGE = 50


def _clusters():
    return Cluster.objects.order_by("name")


@candidate_required
@require_http_methods(["GET", "POST"])
def visibility(request):
    profile = profile_for(request.user)
    clusters = _clusters()
    form = VisibilityForm(
        request.POST if request.method == "POST" else None,
        clusters=clusters,
        initial={
            "clusters": [c.cluster for c in consent.active(profile).select_related("cluster")]
        },
    )
    if request.method == "POST" and "none" in request.POST:
        ended = consent.withdraw_all(profile)
        touch(profile)
        messages.success(
            request,
            _("Votre profil n'est plus visible d'aucun cluster.")
            if ended
            else _("Votre profil n'était visible d'aucun cluster : rien n'a changé."),
        )
        return redirect("jobs_candidate:visibility")
    if request.method == "POST" and form.is_valid():
        given, withdrawn = consent.set_clusters(profile, form.cleaned_data["clusters"])
        touch(profile)
        parts = []
        if given:
            parts.append(
                _("Visible des adhérents de : %(names)s.")
                % {"names": ", ".join(c.name for c in given)}
            )
        if withdrawn:
            parts.append(
                _("Accord retiré pour : %(names)s.")
                % {"names": ", ".join(c.name for c in withdrawn)}
            )
        messages.success(request, " ".join(parts) or _("Rien n'a changé."))
        return redirect("jobs_candidate:visibility")
    texts = {cluster.pk: consent.consent_text(cluster) for cluster in clusters}
    choices = [(choice, texts.get(choice.data["value"].value)) for choice in form["clusters"]]
    history = Consent.objects.filter(profile=profile).select_related("cluster")
    return render(
        request,
        "jobs/candidate/visibility.html",
        {"form": form, "choices": choices, "history": history},
    )


@candidate_required
@require_safe
def views(request):
    profile = profile_for(request.user)
    counts = view_counts(profile)
    by_organisation = (
        ProfileView.objects.filter(profile=profile)
        .values("organisation__name")
        .annotate(count=Count("pk"), last=Max("viewed_at"))
        .order_by("-last")
    )
    page = Paginator(
        ProfileView.objects.filter(profile=profile).select_related("organisation"),
        VIEWS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    headline = ngettext(
        "%(count)s entreprise a consulté votre profil",
        "%(count)s entreprises ont consulté votre profil",
        counts["organisations"],
    ) % {"count": counts["organisations"]}
    return render(
        request,
        "jobs/candidate/views.html",
        {
            "counts": counts,
            "headline": headline,
            "by_organisation": by_organisation,
            "page": page,
            "pages_label": _("Pages des consultations"),
        },
    )


@candidate_required
@require_safe
def data(request):
    return render(
        request, "jobs/candidate/data.html", {"form": DeleteAccountForm(user=request.user)}
    )


@candidate_required
@require_safe
def download(request):
    content = export.build_zip(request.user)
    audit.record(request, AuditEntry.Action.EXPORT, request.user, what="candidate_data")
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export.filename(request.user)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@candidate_required
@require_POST
@current_password_checked
def delete(request, refused=""):
    form = DeleteAccountForm(request.POST, user=request.user)
    if refused:
        messages.error(request, refused)
        return render(request, "jobs/candidate/data.html", {"form": form}, status=429)
    if not form.is_valid():
        response = render(request, "jobs/candidate/data.html", {"form": form})
        response.wrong_password = form.has_error("password", "wrong_password")
        return response
    user = request.user
    if erase.has_other_roles(user):
        erase.erase_candidate(user)
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request,
            _(
                "Vos données de candidat sont supprimées. Votre compte reste ouvert pour "
                "vos autres espaces."
            ),
        )
        return redirect("core:home")
    logout(request)
    erase.erase_candidate(user)
    return render(request, "jobs/candidate/deleted.html")
