"""The declarations workbook staff download: « Effectifs », « Prévisions »
and « Compétences » pre-filled with each active member's last declaration
(a member that never declared gets a row with its SIREN and name), and a
« Mode d'emploi » sheet. Sent back as it is, it imports cleanly: the date
left empty, the declarations are dated the day of the import."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ancrage.core.spreadsheets import safe_text
from ancrage.gpec.declarations import contents_of
from ancrage.gpec.importer.columns import CHOICE, FORECASTS, SHEETS, SKILLS, WORKFORCE
from ancrage.gpec.importer.workbook import MAX_ROWS
from ancrage.gpec.models import Declaration
from ancrage.organisations.models import Membership

TEXT_COLUMNS = ("siren", "occupation", "skill_code")
# Rows of each sheet formatted and offered the lists of choices.
FORMATTED_ROWS = 1000


def members_and_contents(cluster):
    """[(organisation, blocks, skills)] of the cluster's active members, by name."""
    organisations = [
        membership.organisation
        for membership in Membership.objects.active()
        .filter(cluster=cluster)
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id")
    ]
    latest = list(
        Declaration.objects.filter(cluster=cluster, organisation__in=organisations)
        .order_by("organisation_id", "-declared_on", "-pk")
        .distinct("organisation_id")
    )
    contents = contents_of(latest)
    by_organisation = {item.organisation_id: contents[item.pk] for item in latest}
    return [
        (organisation, *by_organisation.get(organisation.pk, ([], [])))
        for organisation in organisations
    ]


def _label(column, value):
    if value is None or value == "":
        return None
    return str(dict(column.choices).get(value, value))


def _row(sheet, organisation, values):
    row = []
    for column in sheet.columns:
        if column.key == "siren":
            row.append(organisation.siren or None)
        elif column.key == "name":
            row.append(organisation.name)
        elif column.key == "declared_on":
            row.append(None)
        elif column.key == "occupation":
            row.append(values["occupation"].code if values else None)
        elif column.key == "occupation_label":
            row.append(values["occupation"].label if values else None)
        elif column.key == "skill_code":
            skill = values["skill"]
            row.append(str(skill.ogr_code) if skill.ogr_code else None)
        elif column.key == "skill":
            row.append(values["skill"].label)
        elif column.kind == CHOICE:
            row.append(_label(column, values.get(column.key) if values else None))
        else:
            row.append(values.get(column.key) if values else None)
    return [safe_text(value) for value in row]


def rows(cluster):
    """{sheet key: [row]} pre-filled from the members' last declarations."""
    found = {WORKFORCE.key: [], FORECASTS.key: [], SKILLS.key: []}
    forecast_keys = [column.key for column in FORECASTS.columns if column.kind != "text"]
    for organisation, blocks, skills in members_and_contents(cluster):
        if not blocks:
            found[WORKFORCE.key].append(_row(WORKFORCE, organisation, None))
        for block in blocks:
            found[WORKFORCE.key].append(_row(WORKFORCE, organisation, block))
            if any(block.get(key) not in (None, "") for key in forecast_keys):
                found[FORECASTS.key].append(_row(FORECASTS, organisation, block))
        for need in skills:
            found[SKILLS.key].append(_row(SKILLS, organisation, need))
    return found


def template_xlsx(cluster):
    workbook = Workbook()
    workbook.remove(workbook.active)
    content = rows(cluster)
    for sheet in SHEETS:
        _data_sheet(workbook, sheet, content[sheet.key])
    _help_sheet(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _data_sheet(workbook, sheet, rows):
    worksheet = workbook.create_sheet(str(sheet.title))
    worksheet.append([str(column.title) for column in sheet.columns])
    for row in rows:
        worksheet.append(row)
    last = max(len(rows) + 1, FORMATTED_ROWS)
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        worksheet.cell(row=1, column=index).font = Font(bold=True)
        worksheet.cell(row=1, column=index).alignment = Alignment(wrap_text=True)
        worksheet.column_dimensions[letter].width = 28 if column.key in ("name", "skill") else 14
        if column.key in TEXT_COLUMNS:
            # As text: a spreadsheet would drop a SIREN's leading zeros.
            for line in range(2, last + 1):
                worksheet.cell(row=line, column=index).number_format = "@"
        if column.kind == CHOICE:
            labels = ",".join(str(label) for _value, label in column.choices)
            validation = DataValidation(
                type="list", formula1=f'"{labels}"', allow_blank=True, showErrorMessage=False
            )
            validation.add(f"{letter}2:{letter}{last}")
            worksheet.add_data_validation(validation)
    worksheet.freeze_panes = "C2"


def _help_sheet(workbook):
    sheet = workbook.create_sheet(_("Mode d'emploi"))
    sheet.append([_("Importer les déclarations GPEC des adhérents")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    for note in notes():
        sheet.append([note])
    for data_sheet in SHEETS:
        sheet.append([])
        sheet.append([_("Feuille « %(sheet)s »") % {"sheet": data_sheet.title}])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append([str(data_sheet.help)])
        sheet.append([_("Colonne"), _("Contenu"), _("Exemple")])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for column in data_sheet.columns:
            sheet.append([str(column.title), str(column.help), safe_text(column.example) or None])
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 90
    sheet.column_dimensions["C"].width = 36
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
        if len(row) > 1:
            row[1].alignment = Alignment(wrap_text=True, vertical="top")


def notes():
    return [
        _(
            "Le classeur est pré-rempli avec la dernière déclaration de chaque adhérent actif : "
            "modifiez ce qui a changé, ajoutez des lignes, supprimez celles des adhérents que "
            "vous ne voulez pas déclarer."
        ),
        _(
            "Chaque adhérent présent dans le fichier reçoit une nouvelle déclaration, marquée "
            "« importée par l'équipe du cluster » ; ses déclarations précédentes restent."
        ),
        _(
            "Un adhérent est reconnu par son SIREN, ou par son nom quand la colonne SIREN est "
            "vide. Un métier par son code ROME, une compétence par son code ou son libellé exact."
        ),
        _(
            "Une ligne qui ne porte que le SIREN et le nom est ignorée. Ne renommez pas les "
            "onglets ; les colonnes peuvent être dans un autre ordre."
        ),
        _(
            "Toutes les lignes sont vérifiées avec les règles du formulaire de déclaration : "
            "la moindre erreur et rien n'est importé ; chaque erreur est signalée avec sa "
            "feuille, sa ligne et sa colonne."
        ),
        _(
            "Pas de formule ni de cellules fusionnées : des valeurs seulement. %(max)s lignes "
            "au plus, 10 Mo au plus."
        )
        % {"max": f"{MAX_ROWS:,}".replace(",", "\u202f")},
    ]
