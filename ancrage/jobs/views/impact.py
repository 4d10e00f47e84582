"""The impact of the cluster's job board on hiring (/cluster/offres/impact/),
for its staff: the figures of a period (a year, or the last 12 months), by
occupation and by month, each chart with its table and each figure with its
definition; and the same as an XLSX workbook (logged)."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.core import charts
from ancrage.core.permissions import staff_required
from ancrage.jobs import impact, impact_export
from ancrage.jobs.impact_forms import PeriodForm

# The occupations drawn in the chart (all are in the table).
CHART_OCCUPATIONS = 15


def _impact(request):
    cluster = request.scope.cluster
    offers = impact.board_offers(cluster)
    form = PeriodForm(request.GET, offers=offers)
    return form, impact.compute(offers, form.period())


def _month(month):
    return month.strftime("%m/%Y")


def _charts(found):
    months = found.months
    occupations = [row for row in found.occupations if row.offers][:CHART_OCCUPATIONS]
    return {
        "offers_by_month": charts.histogram(
            [(_month(row.month), row.offers, str(row.offers)) for row in months],
            title=_("Offres publiées par mois"),
            desc=_("Nombre d'offres publiées chaque mois de la période ; le tableau suit."),
        ),
        "hires_by_month": charts.histogram(
            [(_month(row.month), row.filled, str(row.filled)) for row in months],
            title=_("Recrutements déclarés par mois"),
            desc=_("Offres closes comme pourvues chaque mois de la période ; le tableau suit."),
        ),
        "by_occupation": charts.bars(
            [
                (
                    f"{row.label} ({row.code})" if row.code else row.label,
                    row.offers,
                    str(row.offers),
                )
                for row in occupations
            ],
            title=_("Offres publiées par métier"),
            desc=_("Les métiers qui comptent le plus d'offres publiées ; le tableau suit."),
        ),
    }


@staff_required
@require_safe
def impact_page(request):
    form, found = _impact(request)
    return render(
        request,
        "jobs/impact/page.html",
        {
            "form": form,
            "impact": found,
            "figures": found.figures,
            "definitions": impact.DEFINITIONS,
            "charts": _charts(found),
            "query": request.GET.urlencode(),
        },
    )


@staff_required
@require_safe
def export(request):
    cluster = request.scope.cluster
    _form, found = _impact(request)
    audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=cluster,
        what="jobs_impact",
        period=str(found.period.label),
        format="xlsx",
    )
    return impact_export.response(found, cluster.name)
