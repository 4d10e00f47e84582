"""The personal link of an invitee (no account needed): the answer page, its
draft autosave and the unsubscribe page. A forged, altered or too old link,
or the link of a removed invitee, answers a French page with a 404 status.
Anonymous POSTs are rate-limited per IP address (`respond_common`)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.surveys import tokens
from ancrage.surveys.models import Invitee
from ancrage.surveys.views import respond_common as common


def invalid_link(request):
    return render(
        request,
        "surveys/respond/notice.html",
        {
            "title": _("Lien non valide"),
            "message": _(
                "Ce lien n'est pas valide : il a pu être mal copié, ou l'invitation a été "
                "retirée. Copiez le lien complet depuis le message reçu, ou contactez le "
                "cluster qui vous a invité."
            ),
        },
        status=404,
    )


def _invitee(invitee_id, *related):
    if invitee_id is None:
        return None
    return Invitee.objects.select_related("campaign", *related).filter(pk=invitee_id).first()


@login_not_required
@require_http_methods(["GET", "POST"])
@never_cache
def answer(request, token):
    if request.method == "POST" and common.rate_limited(request):
        return common.too_many(request)
    invitee = _invitee(
        tokens.invitee_id_for_answer(token),
        "campaign__cluster",
        "campaign__version",
        "campaign__questionnaire",
        "response",
    )
    if invitee is None:
        return invalid_link(request)
    return common.answer_page(
        request,
        invitee,
        page_url=reverse("respond:answer", args=[token]),
        draft_url=reverse("respond:draft", args=[token]),
    )


@login_not_required
@require_POST
def draft(request, token):
    """Autosave (htmx): the raw POST becomes the draft, in one SELECT and one
    INSERT or UPDATE; no question is loaded, nothing is validated."""
    if common.rate_limited(request):
        return common.too_many(request)
    invitee = _invitee(tokens.invitee_id_for_answer(token), "campaign__version", "response")
    if invitee is None:
        return invalid_link(request)
    campaign = invitee.campaign
    context = {"campaign": campaign}
    state = common.state_of(campaign)
    version_pk, revision = common.posted_revision(request.POST)
    draft = common.typed(request.POST)
    if state == common.NOT_OPEN:
        context["error"] = _("L'enquête n'est pas encore ouverte.")
    elif draft is None:
        context["error"] = common.too_big_message()
    else:
        response = common.save_draft(
            invitee,
            getattr(invitee, "response", None),
            draft,
            revision,
            set(request.POST.get("keys", "").split()),
        )
        context["saved_at"] = response.updated_at
        version = campaign.version
        context["changed"] = version_pk != version.pk or revision != version.revision
        if state == common.CLOSED:
            context["closed_while_typing"] = True
            context["closed_on"] = campaign.ends_on
    if not request.htmx:
        return redirect("respond:answer", token)
    return render(request, "surveys/respond/_draft_status.html", context)


@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST" and common.rate_limited(request):
        return common.too_many(request)
    invitee = _invitee(tokens.invitee_id_for_unsubscribe(token), "campaign__cluster")
    if invitee is None:
        return invalid_link(request)
    if request.method == "POST" and not invitee.is_member and not invitee.unsubscribed_at:
        invitee.unsubscribed_at = timezone.now()
        invitee.save(update_fields=["unsubscribed_at"])
    return render(
        request,
        "surveys/respond/unsubscribe.html",
        {"invitee": invitee, "campaign": invitee.campaign},
    )
