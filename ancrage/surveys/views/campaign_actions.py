"""The follow-up page's actions (POST only): launch, remind now, close now,
extend, reopen, prepare the next wave. Each service locks the campaign's row
and re-checks its state, so a double click does nothing the second time."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ancrage.core.permissions import staff_required
from ancrage.surveys import campaigns
from ancrage.surveys.forms_campaign import ClosingDateForm
from ancrage.surveys.models import Status
from ancrage.surveys.views.campaigns import campaign_of, detail_context


def _back(campaign):
    return redirect("campaigns:detail", pk=campaign.pk)


@staff_required
@require_POST
def launch(request, pk):
    campaign = campaign_of(request, pk)
    try:
        campaign = campaigns.launch(campaign, request)
    except campaigns.CampaignError as error:
        messages.error(request, str(error))
        return _back(campaign)
    if campaign.status == Status.OPEN:
        messages.success(request, _("La campagne est ouverte : les invitations partent."))
    else:
        messages.success(
            request,
            _(
                "La campagne est programmée : elle ouvrira le %(date)s, "
                "les invitations partiront alors."
            )
            % {"date": campaign.opens_on.strftime("%d/%m/%Y")},
        )
    return _back(campaign)


@staff_required
@require_POST
def remind(request, pk):
    campaign = campaign_of(request, pk)
    try:
        run = campaigns.remind_now(campaign, request)
    except campaigns.CampaignError as error:
        messages.error(request, str(error))
        return _back(campaign)
    messages.success(
        request,
        ngettext(
            "Relance envoyée : %(count)s message part.",
            "Relance envoyée : %(count)s messages partent.",
            run.sent,
        )
        % {"count": run.sent},
    )
    return _back(campaign)


@staff_required
@require_POST
def close(request, pk):
    campaign = campaign_of(request, pk)
    if campaigns.close(campaign, request, force=True):
        messages.success(
            request, _("La campagne est clôturée : plus aucune réponse n'est acceptée.")
        )
    else:
        messages.info(request, _("Cette campagne n'est pas ouverte : rien à clôturer."))
    return _back(campaign)


def _with_date(request, pk, service, done):
    campaign = campaign_of(request, pk)
    form = ClosingDateForm(request.POST, prefix="closing")
    if form.is_valid():
        try:
            service(campaign, form.cleaned_data["closes_on"], request)
        except campaigns.CampaignError as error:
            form.add_error("closes_on", str(error))
        else:
            messages.success(request, done)
            return _back(campaign)
    return render(request, "surveys/campaigns/detail.html", detail_context(campaign, form))


@staff_required
@require_POST
def extend(request, pk):
    return _with_date(request, pk, campaigns.extend, _("La date de clôture est reportée."))


@staff_required
@require_POST
def reopen(request, pk):
    return _with_date(request, pk, campaigns.reopen, _("La campagne est rouverte."))


@staff_required
@require_POST
def next_wave(request, pk):
    campaign = campaign_of(request, pk)
    if not (campaign.recurrence or campaign.status == Status.CLOSED):
        messages.error(
            request,
            _("La vague suivante se prépare pour une campagne récurrente ou clôturée."),
        )
        return _back(campaign)
    wave = campaigns.next_wave(campaign, request)
    messages.success(
        request,
        _("Vague suivante « %(label)s » : vérifiez ses dates et ses destinataires, puis lancez-la.")
        % {"label": wave.period_label},
    )
    return redirect("campaigns:detail", pk=wave.pk)
