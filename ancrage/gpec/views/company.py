"""A member's GPEC page (`gpec.company_page`) and its XLSX download: for the
organisation's users, per cluster it is an active member of (another
cluster answers 404); for the acting cluster's staff, per active member
(another cluster's member answers 404). Members see the cluster's
benchmarks anonymised, staff see them all, flagged when fragile."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core.permissions import require_context, staff_required
from ancrage.core.spreadsheets import XLSX_TYPE, download
from ancrage.gpec import company_export, company_page
from ancrage.organisations.models import Membership

member_required = require_context("member")


def _of_member(request, cluster_pk):
    return get_object_or_404(
        Membership.objects.active().select_related("cluster", "organisation"),
        cluster_id=cluster_pk,
        organisation=request.scope.organisation,
    )


def _of_staff(request, organisation_pk):
    return get_object_or_404(
        Membership.objects.active().select_related("cluster", "organisation"),
        cluster=request.scope.cluster,
        organisation_id=organisation_pk,
    )


def _render(request, membership, *, staff):
    page = company_page.build(membership.cluster, membership.organisation, staff=staff)
    cluster, organisation = membership.cluster, membership.organisation
    if staff:
        declare_url = reverse("gpec_declarations:declare_on_behalf", args=[organisation.pk])
        export_url = reverse("gpec_company:staff_export", args=[organisation.pk])
    else:
        declare_url = reverse("gpec_declarations:declare", args=[cluster.pk])
        export_url = reverse("gpec_company:mine_export", args=[cluster.pk])
    return render(
        request,
        "gpec/company/page.html",
        {"page": page, "declare_url": declare_url, "export_url": export_url},
    )


def _export(request, membership, *, staff):
    page = company_page.build(membership.cluster, membership.organisation, staff=staff)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        membership.organisation,
        cluster=membership.cluster,
        what="gpec_company",
        format="xlsx",
    )
    stamp = timezone.localdate().isoformat()
    name = slugify(membership.organisation.name)[:60] or "organisation"
    return download(f"gpec-{name}-{stamp}.xlsx", company_export.workbook(page), XLSX_TYPE)


@member_required
@require_safe
def mine(request, cluster_pk):
    return _render(request, _of_member(request, cluster_pk), staff=False)


@member_required
@require_safe
def mine_export(request, cluster_pk):
    return _export(request, _of_member(request, cluster_pk), staff=False)


@staff_required
@require_safe
def staff(request, organisation_pk):
    return _render(request, _of_staff(request, organisation_pk), staff=True)


@staff_required
@require_safe
def staff_export(request, organisation_pk):
    return _export(request, _of_staff(request, organisation_pk), staff=True)
