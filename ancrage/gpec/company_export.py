"""The XLSX workbook of a member's GPEC page (`gpec.company_page.Page`):
the same tables, one sheet each. A benchmark hidden on the page is
« secret » in the file too; the staff's file says which rest on fewer than
3 organisations."""

from django.utils.translation import gettext as _

from ancrage.core.spreadsheets import xlsx_sheets_bytes
from ancrage.gpec.company_page import BAND_LABELS, HORIZON_ROWS
from ancrage.gpec.models import WorkforceLine


def _yes(flag):
    return _("oui") if flag else ""


def _occupation(block):
    occupation = block.figures.occupation
    return [occupation.label, occupation.code]


def _raw(figure):
    """An own figure's value as a number, None when the organisation gave none."""
    return figure.value if figure.organisations else None


def workforce_sheet(page):
    bands = [str(BAND_LABELS[band]) for band in reversed(WorkforceLine.AGE_BANDS)]
    headers = [
        _("Métier"),
        _("Code ROME"),
        _("Effectif"),
        _("Femmes"),
        _("Cadres"),
        _("Postes ouverts non pourvus"),
        _("Délai de recrutement (jours)"),
        *bands,
    ]
    rows = []
    for block in page.occupations:
        figures = block.figures
        rows.append(
            [
                *_occupation(block),
                *(
                    _raw(figure)
                    for figure in (
                        figures.headcount,
                        figures.women,
                        figures.cadres,
                        figures.open_unfilled,
                        figures.time_to_fill_days,
                    )
                ),
                *(people for _label, people, _older in block.pyramid),
            ]
        )
    return (_("Effectifs"), headers, rows)


def forecasts_sheet(page):
    headers = [_("Métier"), _("Code ROME"), _("Indicateur"), _("À 1 an"), _("À 3 ans")]
    rows = [
        [
            *_occupation(block),
            str(label),
            *(_raw(getattr(block.figures.horizons[years], key)) for years in (1, 3)),
        ]
        for block in page.occupations
        for key, label in HORIZON_ROWS
    ]
    return (_("Prévisions"), headers, rows)


def benchmarks_sheet(page):
    headers = [
        _("Métier"),
        _("Code ROME"),
        _("Indicateur"),
        _("Votre chiffre") if not page.staff else _("Son chiffre"),
        _("Médiane des autres adhérents"),
        _("Quartiles"),
    ]
    if page.staff:
        headers += [_("Autres organisations"), _("Moins de 3 organisations")]
    rows = []
    for block in page.occupations:
        for row in block.benchmarks:
            line = [*_occupation(block), row.label, row.own, row.median.plain, row.quartiles]
            if page.staff:
                line += [row.organisations, _yes(row.fragile)]
            rows.append(line)
    return (_("Repères du cluster"), headers, rows)


def skills_sheet(page):
    headers = [
        _("Compétence"),
        _("Personnes concernées"),
        _("Par horizon"),
        _("Nature du besoin"),
        _("Réponse envisagée"),
        _("Adhérents du cluster ayant ce besoin"),
    ]
    rows = [
        [
            row.figures.skill.label,
            row.figures.people.value,
            row.horizons,
            row.kinds,
            row.answers,
            row.cluster_organisations.plain,
        ]
        for row in page.skills
    ]
    return (_("Compétences"), headers, rows)


def actions_sheet(page):
    headers = [
        _("Action"),
        _("Levier"),
        _("Répond à"),
        _("Statut"),
        _("Échéance"),
        _("Responsable"),
    ]
    rows = [
        [
            action.title,
            action.get_lever_display(),
            reason,
            action.get_status_display(),
            action.deadline,
            action.owner,
        ]
        for action, reason in page.actions
    ]
    return (_("Actions du cluster"), headers, rows)


def workbook(page):
    return xlsx_sheets_bytes(
        [
            workforce_sheet(page),
            forecasts_sheet(page),
            benchmarks_sheet(page),
            skills_sheet(page),
            actions_sheet(page),
        ]
    )
