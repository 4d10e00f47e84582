"""The impact figures as one XLSX workbook: what the figures are (cluster,
period, each figure's definition), then the figures, by occupation and by
month."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.core.spreadsheets import XLSX_TYPE, download, xlsx_sheets_bytes
from ancrage.jobs.impact import DEFINITIONS

# The columns of the tables by occupation and by month, in order.
COLUMNS = [
    "offers",
    "positions",
    "applications",
    "filled",
    "through_platform",
    "closed",
    "share",
    "median_days",
]


def column_title(key):
    if key == "closed":
        return _("Offres closes par l'entreprise")
    return str(DEFINITIONS[key][0])


def values(row):
    return [getattr(row, key) for key in COLUMNS]


def workbook(impact, cluster_name):
    figures = impact.figures
    about = [
        [_("Bourse d'emploi"), cluster_name],
        [_("Période"), str(impact.period.label)],
        [_("Du"), impact.period.start],
        [_("Au"), impact.period.end],
        [_("Chiffres au"), timezone.localdate()],
    ]
    about += [[str(label), str(text)] for label, text in DEFINITIONS.values()]
    totals = [[str(DEFINITIONS[key][0]), getattr(figures, key)] for key in DEFINITIONS]
    totals.append([column_title("closed"), figures.closed])
    headers = [column_title(key) for key in COLUMNS]
    occupations = [[row.code, row.label, *values(row)] for row in impact.occupations]
    months = [[row.month.strftime("%m/%Y"), *values(row)] for row in impact.months]
    return xlsx_sheets_bytes(
        [
            (_("À propos"), [_("Élément"), _("Valeur")], about),
            (_("Chiffres"), [_("Chiffre"), _("Valeur")], totals),
            (_("Par métier"), [_("Code ROME"), _("Métier"), *headers], occupations),
            (_("Par mois"), [_("Mois"), *headers], months),
        ]
    )


def response(impact, cluster_name):
    stamp = timezone.localdate().isoformat()
    return download(f"bourse-emploi-impact-{stamp}.xlsx", workbook(impact, cluster_name), XLSX_TYPE)
