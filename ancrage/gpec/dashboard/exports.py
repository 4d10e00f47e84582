"""The dashboard as one XLSX workbook: a first sheet saying what the figures
are (scope, filters, day, freshness), then a sheet per table. For the
cluster's staff, a last column of each sheet names the figures of the row
that rest on fewer than 3 organisations; across a network, hidden figures
are « secret », as on the page."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.core.spreadsheets import XLSX_TYPE, download, xlsx_sheets_bytes

FLAG_HEADER = gettext_lazy("Chiffres reposant sur moins de 3 organisations")
FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_name(title, taken):
    name = title.translate(FORBIDDEN).strip()[:31] or "Tableau"
    base, number = name, 2
    while name in taken:
        suffix = f" {number}"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(name)
    return name


def about_rows(board, scope_label):
    totals = board.totals
    filters = board.filters
    rows = [
        [_("Périmètre"), scope_label],
        [_("Chiffres au"), totals.as_of],
        [
            _("Données prises en compte"),
            _("observées après le %(since)s (%(months)s mois)")
            % {"since": totals.since.strftime("%d/%m/%Y"), "months": totals.freshness_months},
        ],
        [_("Adhérents comptés"), totals.counted],
        [_("Adhérents ayant déclaré"), totals.declared],
    ]
    rows += [[str(title), str(label)] for title, label, _query in filters.chips]
    if board.secret:
        rows.append(
            [
                _("Secret statistique"),
                _(
                    "Les chiffres reposant sur moins de 3 organisations, ou dominés par une "
                    "seule, sont remplacés par « secret »."
                ),
            ]
        )
    else:
        rows.append(
            [
                _("Chiffres fragiles"),
                _(
                    "La dernière colonne de chaque feuille nomme les chiffres qui reposent sur "
                    "moins de 3 organisations : à ne pas diffuser hors de l'équipe du cluster."
                ),
            ]
        )
    return rows


def workbook(board, scope_label):
    taken = set()
    sheets = [
        (
            sheet_name(_("À propos"), taken),
            [_("Élément"), _("Valeur")],
            about_rows(board, scope_label),
        )
    ]
    flag = not board.secret
    for table in board.tables:
        headers = [str(header) for header in table.headers]
        if flag:
            headers.append(str(FLAG_HEADER))
        sheets.append((sheet_name(str(table.sheet), taken), headers, table.sheet_rows(flag)))
    return xlsx_sheets_bytes(sheets)


def response(board, scope_label, basename):
    stamp = timezone.localdate().isoformat()
    return download(f"{basename}-{stamp}.xlsx", workbook(board, scope_label), XLSX_TYPE)
