"""The organisation's own space (`/organisation/`), for the people who act
for it: its shared profile, establishments and contacts, its memberships
(cluster, since, status — never the clusters' internal notes or fees) and
what it publishes in the clusters' public member directories."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Cluster
from ancrage.core.permissions import require_context
from ancrage.organisations.access import logo_response, own_organisation
from ancrage.organisations.forms import PublicationForm
from ancrage.organisations.models import Membership
from ancrage.organisations.views.shared import (
    CONTACTS,
    ESTABLISHMENTS,
    edit_profile,
    record_delete,
    record_form,
)

member_required = require_context("member")


def _clusters(organisation):
    return list(Cluster.objects.filter(memberships__organisation=organisation))


def own_logo_url(organisation):
    if not organisation.logo:
        return ""
    return f"{reverse('organisation:logo')}?v={organisation.logo_version}"


@member_required
@require_safe
def home(request):
    organisation = own_organisation(request)
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .select_related("cluster")
        .order_by("cluster__name")
    )
    return render(
        request,
        "organisations/own.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "establishments": organisation.establishments.select_related("commune__department"),
            "contacts": organisation.contacts.select_related("cluster"),
            "logo_url": own_logo_url(organisation),
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def edit(request):
    organisation = own_organisation(request)
    return edit_profile(
        request,
        organisation,
        clusters=_clusters(organisation),
        back=reverse("organisation:home"),
        logo_url=own_logo_url(organisation),
        siren_locked=True,
    )


@member_required
@require_http_methods(["GET", "POST"])
def publication(request):
    organisation = own_organisation(request)
    form = PublicationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            with transaction.atomic():
                form.save()
                for cluster in _clusters(organisation):
                    audit.record(
                        request,
                        AuditEntry.Action.ORGANISATION_UPDATED,
                        organisation,
                        cluster=cluster,
                        changed=form.changed_data,
                        listed_publicly=organisation.listed_publicly,
                        public_fields=organisation.public_fields,
                    )
            messages.success(request, _("Vos choix de publication sont enregistrés."))
        else:
            messages.info(request, _("Aucune modification à enregistrer."))
        return redirect("organisation:home")
    return render(
        request, "organisations/publication.html", {"organisation": organisation, "form": form}
    )


@member_required
@require_safe
def logo(request):
    return logo_response(request, own_organisation(request), public=False)


def _record_view(records, anchor, handler):
    @member_required
    @require_http_methods(["GET", "POST"])
    def view(request, item=None):
        organisation = own_organisation(request)
        return handler(
            request,
            organisation,
            records,
            item,
            clusters=_clusters(organisation),
            back=reverse("organisation:home") + anchor,
        )

    return view


establishment_add = _record_view(ESTABLISHMENTS, "#etablissements", record_form)
establishment_edit = _record_view(ESTABLISHMENTS, "#etablissements", record_form)
establishment_delete = _record_view(ESTABLISHMENTS, "#etablissements", record_delete)
contact_add = _record_view(CONTACTS, "#contacts", record_form)
contact_edit = _record_view(CONTACTS, "#contacts", record_form)
contact_delete = _record_view(CONTACTS, "#contacts", record_delete)
