"""Screens that staff and the organisation's own users share: the shared
profile, establishments and contacts. The callers find the organisation
(through the acting cluster's membership, or the person's own organisation)
and say where to go back; the changes go to the audit log of `clusters`."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.organisations.forms import EstablishmentForm, OrganisationForm
from ancrage.organisations.forms_people import ContactForm


def _record(request, organisation, clusters, **details):
    for cluster in clusters:
        audit.record(
            request,
            AuditEntry.Action.ORGANISATION_UPDATED,
            organisation,
            cluster=cluster,
            **details,
        )


def edit_profile(request, organisation, *, clusters, back, logo_url, siren_locked):
    previous_logo = organisation.logo.name
    form = OrganisationForm(
        request.POST or None,
        request.FILES or None,
        instance=organisation,
        siren_locked=siren_locked,
        logo_url=logo_url,
    )
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            with transaction.atomic():
                form.save()
                _record(request, organisation, clusters, changed=form.changed_data)
                if previous_logo and "logo" in form.changed_data:
                    storage = organisation.logo.storage
                    transaction.on_commit(lambda: storage.delete(previous_logo))
            messages.success(request, _("La fiche de l'organisation est enregistrée."))
        else:
            messages.info(request, _("Aucune modification à enregistrer."))
        return redirect(back)
    return render(
        request,
        "organisations/profile_edit.html",
        {"organisation": organisation, "form": form, "back": back},
    )


class Records:
    """Establishments or contacts of an organisation. Contacts are owned
    (`owned`): a cluster's staff (`recorder`) reach only the ones their
    cluster recorded, and record new ones in its name; the organisation's
    own space (`recorder` None) reaches all of them and records its own."""

    def __init__(self, related, form_class, noun, added, saved, deleted, owned=False):
        self.related = related
        self.form_class = form_class
        self.noun = noun
        self.added = added
        self.saved = saved
        self.deleted = deleted
        self.owned = owned

    def get(self, organisation, pk, recorder):
        items = getattr(organisation, self.related).all()
        if self.owned and recorder is not None:
            items = items.filter(cluster=recorder)
        return get_object_or_404(items, pk=pk)

    def audited_clusters(self, item, clusters):
        """A cluster's own contact concerns only that cluster's audit log."""
        if self.owned and item.cluster_id is not None:
            return [item.cluster]
        return clusters

    def form(self, organisation, data, instance):
        if self.form_class is EstablishmentForm:
            return EstablishmentForm(data, instance=instance, organisation=organisation)
        return self.form_class(data, instance=instance)


ESTABLISHMENTS = Records(
    "establishments",
    EstablishmentForm,
    gettext_lazy("établissement"),
    gettext_lazy("L'établissement %(name)s est ajouté."),
    gettext_lazy("L'établissement %(name)s est enregistré."),
    gettext_lazy("L'établissement %(name)s est supprimé."),
)
CONTACTS = Records(
    "contacts",
    ContactForm,
    gettext_lazy("contact"),
    gettext_lazy("Le contact %(name)s est ajouté."),
    gettext_lazy("Le contact %(name)s est enregistré."),
    gettext_lazy("Le contact %(name)s est supprimé."),
    owned=True,
)


def record_form(request, organisation, records, pk, *, clusters, back, recorder=None):
    """Add (pk None) or edit one establishment or contact; `recorder` is the
    acting cluster on staff screens, None in the organisation's space."""
    instance = records.get(organisation, pk, recorder) if pk is not None else None
    form = records.form(organisation, request.POST or None, instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save(commit=False)
            item.organisation = organisation
            if records.owned and instance is None:
                item.cluster = recorder
            item.save()
            if getattr(item, "is_head_office", False):
                organisation.establishments.exclude(pk=item.pk).update(is_head_office=False)
            _record(
                request,
                organisation,
                records.audited_clusters(item, clusters),
                kind=str(records.noun),
                label=str(item),
                changed=form.changed_data,
            )
        message = records.saved if instance is not None else records.added
        messages.success(request, message % {"name": item})
        return redirect(back)
    return render(
        request,
        "organisations/record_form.html",
        {
            "organisation": organisation,
            "form": form,
            "records": records,
            "instance": instance,
            "back": back,
        },
    )


def record_delete(request, organisation, records, pk, *, clusters, back, recorder=None):
    """GET asks for confirmation; POST deletes."""
    item = records.get(organisation, pk, recorder)
    if request.method == "POST":
        with transaction.atomic():
            _record(
                request,
                organisation,
                records.audited_clusters(item, clusters),
                kind=str(records.noun),
                label=str(item),
                removed=True,
            )
            item.delete()
        messages.success(request, records.deleted % {"name": item})
        return redirect(back)
    return render(
        request,
        "organisations/record_delete.html",
        {"organisation": organisation, "item": item, "records": records, "back": back},
    )
