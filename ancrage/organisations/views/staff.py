"""Staff screens of the member directory: the list (search, filters, sort,
export), adding a member, a member's page and the edit screens. Everything
is read through the acting cluster's memberships: another cluster's members
answer 404, and its memberships (status, fee, notes) never show."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import require_context, staff_required
from ancrage.core.spreadsheets import table_response
from ancrage.core.widgets import listbox_id, read_query
from ancrage.organisations import services
from ancrage.organisations.access import logo_response, staff_membership
from ancrage.organisations.directory import (
    EXPORT_HEADERS,
    SORTS,
    MemberFilterForm,
    base_memberships,
    export_rows,
)
from ancrage.organisations.forms import (
    MembershipForm,
    OrganisationForm,
    SirenForm,
    organisation_with_siren,
)
from ancrage.organisations.forms_people import OrganisationInvitationForm
from ancrage.organisations.identifiers import search_naf
from ancrage.organisations.models import Contact, Membership, OrganisationInvitation
from ancrage.organisations.views.shared import edit_profile

PAGE_SIZE = 25
EXPORT_FORMATS = ("xlsx", "csv")


def _filtered(request):
    cluster = request.scope.cluster
    form = MemberFilterForm(request.GET or None, cluster=cluster)
    memberships = base_memberships(cluster)
    if not form.is_bound:
        return form, memberships.order_by(*SORTS["nom"][1])
    return form, (form.filter(memberships) if form.is_valid() else memberships.none())


@staff_required
@require_safe
def member_list(request):
    form, memberships = _filtered(request)
    page = Paginator(memberships, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "organisations/_results.html" if request.htmx else "organisations/list.html"
    return render(
        request,
        template,
        {"cluster": request.scope.cluster, "form": form, "page": page},
    )


@staff_required
@require_safe
def export(request):
    form, memberships = _filtered(request)
    query = request.GET.copy()
    fmt = query.pop("format", ["xlsx"])[-1]
    if form.errors or fmt not in EXPORT_FORMATS:
        messages.error(request, _("Corrigez les filtres signalés avant d'exporter la liste."))
        return redirect(f"{reverse('members:list')}?{query.urlencode()}")
    count = memberships.count()
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=request.scope.cluster,
        what="members",
        format=fmt,
        count=count,
        filters=_audited_filters(form),
    )
    return table_response(
        fmt, "adherents", [str(h) for h in EXPORT_HEADERS], export_rows(memberships), "Adhérents"
    )


def _audited_filters(form):
    """The filters the export applied: the form's known, cleaned fields only
    (never the raw query, which may carry anything)."""
    if not form.is_bound:
        return {}
    return {
        name: str(getattr(value, "code", None) or getattr(value, "pk", value))
        for name, value in form.cleaned_data.items()
        if value not in (None, "")
    }


@staff_required
@require_http_methods(["GET", "POST"])
def add(request):
    """By SIREN first: a known organisation gets a membership (« attach »),
    an unknown one is created with its profile (« create »)."""
    step = request.POST.get("step", "siren") if request.method == "POST" else "siren"
    if step in ("attach", "create"):
        siren_form = SirenForm({"siren": request.POST.get("siren", "")})
        if siren_form.is_valid():
            return _add_with(request, step, siren_form.cleaned_data["siren"])
        step = "siren"
    siren_form = SirenForm(request.POST or None)
    if request.method == "POST" and siren_form.is_valid():
        siren = siren_form.cleaned_data["siren"]
        known = organisation_with_siren(siren) if siren else None
        if known is None:
            organisation_form = OrganisationForm(initial={"siren": siren})
            return _render_add(request, "create", siren, organisation_form=organisation_form)
        if not known.memberships.filter(cluster=request.scope.cluster).exists():
            return _render_add(request, "attach", siren, organisation=known)
        siren_form.add_error(
            "siren",
            _("« %(name)s » (SIREN %(siren)s) est déjà adhérente du cluster.")
            % {"name": known.name, "siren": siren},
        )
        return _render_add(request, "siren", siren, siren_form=siren_form, member=known)
    return _render_add(request, "siren", "", siren_form=siren_form)


def _add_with(request, step, siren):
    cluster = request.scope.cluster
    known = organisation_with_siren(siren) if siren else None
    membership_form = MembershipForm(request.POST)
    organisation_form = None
    if known is not None:
        step = "attach"
        if membership_form.is_valid():
            try:
                services.attach(request, known, membership_form)
            except services.MemberError as error:
                messages.error(request, str(error))
                return redirect("members:detail", known.pk)
            messages.success(
                request, _("« %(name)s » est maintenant adhérente.") % {"name": known.name}
            )
            return redirect("members:detail", known.pk)
    else:
        step = "create"
        organisation_form = OrganisationForm(request.POST, request.FILES)
        if organisation_form.is_valid() and membership_form.is_valid():
            try:
                membership = services.create(request, organisation_form, membership_form)
            except services.MemberError as error:
                organisation_form.add_error("siren", str(error))
            else:
                messages.success(
                    request,
                    _("« %(name)s » est ajoutée aux adhérents de %(cluster)s.")
                    % {"name": membership.organisation.name, "cluster": cluster.name},
                )
                return redirect("members:detail", membership.organisation_id)
    return _render_add(
        request,
        step,
        siren,
        organisation=known,
        organisation_form=organisation_form,
        membership_form=membership_form,
    )


def _render_add(request, step, siren, **context):
    context.setdefault("membership_form", MembershipForm())
    return render(
        request,
        "organisations/add.html",
        {"cluster": request.scope.cluster, "step": step, "siren": siren, **context},
    )


@staff_required
@require_safe
def detail(request, pk):
    membership = staff_membership(request, pk)
    return render(request, "organisations/detail.html", member_context(request, membership))


def member_context(request, membership, invitation_form=None):
    organisation = membership.organisation
    if invitation_form is None:
        invitation_form = OrganisationInvitationForm(organisation=organisation)
    return {
        "cluster": request.scope.cluster,
        "membership": membership,
        "can_write": membership.status == Membership.Status.ACTIVE,
        "organisation": organisation,
        "establishments": organisation.establishments.select_related("commune__department"),
        "contacts": Contact.objects.filter(organisation=organisation).seen_by(membership),
        "users": organisation.users.select_related("user").order_by("user__email"),
        "invitations": OrganisationInvitation.objects.filter(
            organisation=organisation,
            cluster=request.scope.cluster,
            accepted_at=None,
            revoked_at=None,
        ).order_by("-created_at", "-id"),
        "invitation_form": invitation_form,
        "logo_url": staff_logo_url(organisation),
    }


def staff_logo_url(organisation):
    if not organisation.logo:
        return ""
    url = reverse("members:logo", args=[organisation.pk])
    return f"{url}?v={organisation.logo_version}"


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    membership = staff_membership(request, pk, write=True)
    return edit_profile(
        request,
        membership.organisation,
        clusters=[request.scope.cluster],
        back=reverse("members:detail", args=[pk]),
        logo_url=staff_logo_url(membership.organisation),
        siren_locked=False,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, pk):
    membership = staff_membership(request, pk)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            with transaction.atomic():
                membership = form.save()
                if membership.status != Membership.Status.ACTIVE:
                    # A former member's pending invitations die with it.
                    OrganisationInvitation.objects.pending().filter(
                        cluster=membership.cluster, organisation=membership.organisation
                    ).update(revoked_at=timezone.now())
                services.record_update(
                    request,
                    AuditEntry.Action.MEMBER_UPDATED,
                    membership.organisation,
                    form.changed_data,
                    cluster=membership.cluster,
                )
            messages.success(request, _("L'adhésion est enregistrée."))
        else:
            messages.info(request, _("Aucune modification à enregistrer."))
        return redirect("members:detail", pk)
    return render(
        request,
        "organisations/membership_edit.html",
        {"membership": membership, "organisation": membership.organisation, "form": form},
    )


@staff_required
@require_safe
def logo(request, pk):
    return logo_response(request, staff_membership(request, pk).organisation, public=False)


@require_context("staff", "member")
@require_safe
def naf_options(request):
    """The options of the NAF picker; without JavaScript, a small search page."""
    query = read_query(request, 100)
    found = search_naf(query) if query.strip() else []
    if request.htmx:
        listbox = listbox_id(request, "naf")
        return render(
            request, "organisations/naf_options.html", {"found": found, "listbox": listbox}
        )
    return render(request, "organisations/naf_search.html", {"found": found, "query": query})
