"""Who a campaign invites: the members its audience keeps (before launch,
as they would be invited; then the invitees), the organisations added by
hand or imported (non-members, even linked by SIREN), removable until they
answered, and the live count of the members a cross-filter keeps (htmx, on
the campaign form)."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import staff_required
from ancrage.matrix import query
from ancrage.organisations.models import Membership
from ancrage.surveys import audience, campaign_progress, campaigns
from ancrage.surveys.forms_campaign import FILTER_AXES, NONE, SELECTION, NonMemberForm
from ancrage.surveys.models import Invitee, Response, Status
from ancrage.surveys.views.campaigns import campaign_of


def _record(request, campaign, what, invitee):
    audit.record(
        request,
        AuditEntry.Action.CAMPAIGN_INVITEES,
        campaign,
        cluster=campaign.cluster,
        what=what,
        invitee=invitee.name,
        email=invitee.email,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def audience_page(request, pk):
    campaign = campaign_of(request, pk)
    form = NonMemberForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and campaign.status == Status.CLOSED:
        messages.error(request, _("La campagne est clôturée : on ne peut plus y inviter personne."))
        return redirect("campaigns:audience", pk=campaign.pk)
    if request.method == "POST" and form.is_valid() and _add(request, campaign, form):
        return redirect("campaigns:audience", pk=campaign.pk)
    draft = campaign.status == Status.DRAFT
    members = audience.planned_members(campaign) if draft else []
    invitees = campaign_progress.invitees(campaign).select_related("commune")
    if draft:
        # Members are invited at launch: before, the invitees are those added
        # by hand or imported (a member among them is listed once, above).
        invitees = invitees.exclude(
            is_member=True, organisation__in=[organisation.pk for organisation, _e in members]
        )
    return render(
        request,
        "surveys/campaigns/audience.html",
        {
            "campaign": campaign,
            "form": form,
            "draft": draft,
            "members": members,
            "members_without_address": sum(1 for _org, emails in members if not emails),
            "invitees": list(invitees),
            "filtered": bool(campaign.audience_filter),
        },
    )


def _add(request, campaign, form):
    data = form.cleaned_data
    invitee = Invitee(
        campaign=campaign,
        name=data["name"],
        email=data["email"],
        siren=data["siren"],
        commune=data["commune"],
        size_class=data["size_class"],
    )
    try:
        with transaction.atomic():
            invitee.save()
            _record(request, campaign, "add", invitee)
            if campaign.status == Status.OPEN:
                campaigns.send_invitations(campaign)
    except IntegrityError:
        form.add_error("email", _("Cette adresse est déjà invitée à cette campagne."))
        return False
    if campaign.status == Status.OPEN:
        text = _("%(name)s est invité(e) : l'invitation part.")
    else:
        text = _("%(name)s est ajouté(e) aux destinataires.")
    messages.success(request, text % {"name": invitee.name})
    return True


@staff_required
@require_POST
def remove_invitee(request, pk, invitee_pk):
    campaign = campaign_of(request, pk)
    invitee = get_object_or_404(Invitee, pk=invitee_pk, campaign=campaign)
    with transaction.atomic():
        response = Response.objects.filter(invitee=invitee).first()
        if campaign.status == Status.CLOSED:
            messages.error(
                request, _("La campagne est clôturée : ses destinataires ne changent plus.")
            )
        elif response is not None and response.state == Response.State.SUBMITTED:
            messages.error(
                request,
                _("%(name)s a déjà répondu : sa réponse est conservée.") % {"name": invitee.name},
            )
        elif response is not None:
            messages.error(
                request,
                _("%(name)s a commencé à répondre : son brouillon est conservé.")
                % {"name": invitee.name},
            )
        elif invitee.is_member and campaign.status == Status.SCHEDULED:
            # A scheduled campaign picks its members again when it opens.
            messages.error(
                request,
                _(
                    "Les adhérents invités suivent le public choisi à l'ouverture : "
                    "modifiez la sélection de la campagne pour retirer %(name)s."
                )
                % {"name": invitee.name},
            )
        else:
            _record(request, campaign, "remove", invitee)
            invitee.delete()
            messages.success(
                request, _("%(name)s est retiré(e) des destinataires.") % {"name": invitee.name}
            )
    return redirect("campaigns:audience", pk=campaign.pk)


@staff_required
@require_GET
def audience_count(request):
    """How many members the audience chosen on the campaign form keeps (htmx fragment)."""
    cluster = request.scope.cluster
    choice = request.GET.get("audience", "")
    params = {axis: request.GET.getlist(axis) for axis in FILTER_AXES}
    spec = query.parse(query.Scope.of_cluster(cluster), params)
    empty_selection = choice == SELECTION and spec.is_empty
    if choice == NONE or empty_selection:
        count = 0
    elif choice == SELECTION:
        count = query.memberships(query.Scope.of_cluster(cluster), spec).count()
    else:
        count = Membership.objects.filter(cluster=cluster).active().count()
    return render(
        request,
        "surveys/campaigns/_audience_count.html",
        {"count": count, "choice": choice, "empty_selection": empty_selection},
    )
