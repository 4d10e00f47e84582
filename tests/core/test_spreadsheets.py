import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import time_machine
from django.utils import timezone

from ancrage.core.spreadsheets import (
    XLSX_TYPE,
    csv_bytes,
    table_response,
    xlsx_bytes,
    xlsx_sheets_bytes,
)


def test_xlsx_has_a_bold_frozen_header_and_typed_cells():
    content = xlsx_bytes(
        ["Nom", "Effectif", "Depuis", "Cotisation"],
        [["Forges de l'Ouest", 42, date(2024, 3, 1), Decimal("150.00")]],
        title="Adhérents",
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Adhérents"
    assert [cell.value for cell in sheet[1]] == ["Nom", "Effectif", "Depuis", "Cotisation"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].value == 42
    assert sheet["C2"].value == datetime(2024, 3, 1)
    assert sheet["C2"].number_format == "DD/MM/YYYY"


def test_a_workbook_of_several_sheets_keeps_their_order_and_layout():
    content = xlsx_sheets_bytes(
        [("Réponses", ["Nom", "Effectif"], [["Forges", 42]]), ("Questions", ["Clé"], [["=1+1"]])]
    )
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Réponses", "Questions"]
    assert [cell.value for cell in workbook["Réponses"][2]] == ["Forges", 42]
    assert workbook["Questions"]["A1"].font.bold
    assert workbook["Questions"].freeze_panes == "A2"
    assert workbook["Questions"]["A2"].value == "'=1+1"


def test_cells_that_look_like_formulas_are_made_inert():
    content = xlsx_bytes(
        ["Nom"], [['=HYPERLINK("http://x")'], ["+33 2 97"], ["@SUM(A1)"], ["  =1+1"]]
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [
        '\'=HYPERLINK("http://x")',
        "'+33 2 97",
        "'@SUM(A1)",
        "'  =1+1",
    ]
    assert csv_bytes(["Nom"], [["=1+1"]]).decode("utf-8-sig").splitlines()[1] == "'=1+1"


def test_aware_datetimes_are_written_in_paris_time():
    moment = datetime(2026, 7, 1, 10, 0, tzinfo=timezone.get_fixed_timezone(0))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(["Quand"], [[moment]]))).active
    assert sheet["A2"].value == datetime(2026, 7, 1, 12, 0)


def test_csv_opens_in_french_excel():
    content = csv_bytes(["Nom", "Depuis"], [["Forges; Fils", date(2024, 3, 1)]])
    assert content.startswith("\ufeff".encode())
    assert content.decode("utf-8-sig") == 'Nom;Depuis\r\n"Forges; Fils";01/03/2024\r\n'


@time_machine.travel(datetime(2026, 11, 23, 10, 0, tzinfo=timezone.get_fixed_timezone(0)))
def test_downloads_are_named_after_the_day():
    response = table_response("xlsx", "adherents", ["Nom"], [["A"]])
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="adherents-2026-11-23.xlsx"'
    response = table_response("csv", "adherents", ["Nom"], [["A"]])
    assert response["Content-Disposition"] == 'attachment; filename="adherents-2026-11-23.csv"'


def test_control_characters_an_xlsx_file_cannot_hold_are_dropped():
    content = xlsx_bytes(["Nom\x01"], [["ACME\x0bSAS"], ["Tab\tand\nnewline"]])
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [row[0].value for row in sheet.iter_rows()] == ["Nom", "ACMESAS", "Tab\tand\nnewline"]
