"""The template of a member file: the header row and an example row, and,
in the XLSX, a second sheet that explains each column."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ancrage.core.spreadsheets import csv_bytes, safe_text
from ancrage.matrix.importer.columns import COLUMNS
from ancrage.matrix.importer.validation import EXAMPLE_NAME


def example_row():
    return [EXAMPLE_NAME if column.key == "name" else str(column.example) for column in COLUMNS]


def headers():
    return [str(column.title) for column in COLUMNS]


def template_csv():
    return csv_bytes(headers(), [example_row()])


def template_xlsx():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Adhérents")
    sheet.append(headers())
    sheet.append([safe_text(value) for value in example_row()])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(len(str(column.title)), 16) + 2
        # Identifiers and codes as text: a spreadsheet would drop leading zeros.
        if column.key in ("siren", "siret", "commune_code", "postal_code", "naf"):
            for row in range(1, 1001):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"

    help_sheet = workbook.create_sheet(_("Mode d'emploi"))
    help_sheet.append([_("Colonne"), _("Contenu"), _("Exemple")])
    for column in COLUMNS:
        help_sheet.append([str(column.title), str(column.help), safe_text(str(column.example))])
    help_sheet.append([])
    for note in notes():
        help_sheet.append([note])
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    help_sheet.column_dimensions["A"].width = 22
    help_sheet.column_dimensions["B"].width = 90
    help_sheet.column_dimensions["C"].width = 36
    for row in help_sheet.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def notes():
    return [
        _("Une ligne par organisation ; la première ligne porte les titres des colonnes."),
        _(
            "Supprimez la ligne d'exemple. Les titres peuvent être écrits autrement "
            "(majuscules, accents), les colonnes dans un autre ordre."
        ),
        _(
            "Une cellule vide ne change rien à ce qui est déjà enregistré ; réimporter le "
            "même fichier met à jour les adhérents au lieu de les dupliquer."
        ),
        _("Pas de formule ni de cellules fusionnées : des valeurs seulement."),
    ]
