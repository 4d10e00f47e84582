"""Bad files for the member import: each gets a clear French message and
nothing is written."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from ancrage.matrix import importer
from ancrage.matrix.importer.reading import OLE_SIGNATURE
from ancrage.organisations.models import Organisation
from tests.matrix.test_import import HEADER, SIREN_A, complete_row, make_world, xlsx

pytestmark = pytest.mark.django_db

NOT_A_TABLE = (
    "Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV : partez du modèle de fichier."
)
BROKEN = (
    "Le classeur est abîmé ou n'est pas un vrai fichier .xlsx : ouvrez-le dans votre tableur "
    "et enregistrez-le de nouveau au format « Classeur Excel (.xlsx) »."
)


@pytest.fixture
def world(cast):
    return make_world(cast)


def messages(world, data):
    outcome = importer.run(world.cluster, data)
    assert not outcome.written
    assert not Organisation.objects.filter(siren=SIREN_A).exists()
    return [str(problem) for problem in outcome.report.problems]


def workbook_bytes(fill):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    fill(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_cells_with_formulas_are_reported(world):
    def fill(sheet):
        sheet.append(complete_row())
        sheet["H2"] = "=40+2"

    assert messages(world, workbook_bytes(fill)) == [
        "ligne 2, colonne « Effectif » : la cellule H2 contient une formule : remplacez-la par "
        "sa valeur (Copier, puis Collage spécial › Valeurs)."
    ]


def test_merged_cells_are_reported_on_each_row_they_cover(world):
    def fill(sheet):
        sheet.append(complete_row())
        sheet.append(complete_row(SIREN="", SIRET="", Nom="Autre", Code_NAF=""))
        sheet.merge_cells("G2:G3")

    assert messages(world, workbook_bytes(fill)) == [
        "ligne 2, colonne « Code NAF » : cellules fusionnées (G2:G3) : défusionnez-les et "
        "répétez la valeur sur chaque ligne.",
        "ligne 3, colonne « Code NAF » : cellules fusionnées (G2:G3) : défusionnez-les et "
        "répétez la valeur sur chaque ligne.",
    ]


def test_formulas_and_merges_do_not_stop_the_valid_rows(world):
    def fill(sheet):
        sheet.append(complete_row())
        sheet.append(complete_row(SIREN="", SIRET="", Nom="Autre", Effectif="=1+1"))

    outcome = importer.run(world.cluster, workbook_bytes(fill), valid_rows_only=True)
    assert outcome.summary.created == [2]
    assert outcome.summary.skipped == [3]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"  \r\n ", "Le fichier est vide."),
        (b"%PDF-1.7\n\x00\x01binary", NOT_A_TABLE),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NOT_A_TABLE),
        (
            OLE_SIGNATURE + b"\x00" * 100,
            "C'est un classeur Excel de l'ancien format (.xls) : enregistrez-le au format "
            "« Classeur Excel (.xlsx) » ou « CSV », puis envoyez-le.",
        ),
        (
            OLE_SIGNATURE + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50,
            "Le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de "
            "passe (Fichier › Informations › Protéger le classeur), puis envoyez-la.",
        ),
        (
            b"SIREN;Nom\n;\n",
            "Le fichier ne contient que la ligne des titres : aucune organisation à importer.",
        ),
        (
            b'Nom;SIREN\n"Usinage;123\n',
            "Ligne 2 : le fichier CSV est illisible à partir de cette ligne (guillemet non "
            "fermé ou mal placé).",
        ),
        (
            b"Nom;SIREN\n\x81\x8d;1\n",
            "Ligne 2 : le texte n'est ni en UTF-8 ni en Windows-1252 (octet 0x81) : enregistrez "
            "le fichier en « CSV UTF-8 ».",
        ),
    ],
    ids=["empty", "blank", "pdf", "png", "xls", "password", "header-only", "quote", "encoding"],
)
def test_files_that_cannot_be_read(world, data, message):
    assert messages(world, data) == [message]


def test_a_workbook_with_only_its_header(world):
    assert messages(world, xlsx([])) == [
        "Le fichier ne contient que la ligne des titres : aucune organisation à importer."
    ]


def test_a_workbook_whose_first_row_is_empty(world):
    assert messages(world, xlsx([complete_row()], header=[])) == [
        "La première ligne est vide : elle doit porter les titres des colonnes (partez du "
        "modèle de fichier)."
    ]


def test_a_truncated_workbook(world):
    data = xlsx([complete_row()])
    assert messages(world, data[: len(data) // 2]) == [BROKEN]


def test_a_workbook_with_a_damaged_sheet(world):
    source = zipfile.ZipFile(io.BytesIO(xlsx([complete_row()])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as damaged:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            damaged.writestr(info, content)
    assert messages(world, buffer.getvalue()) == [BROKEN]


def test_zip_archives_that_are_not_workbooks(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert messages(world, buffer.getvalue()) == [
        "C'est un classeur OpenDocument (.ods) : enregistrez-le au format « Classeur Excel "
        "(.xlsx) » ou « CSV », puis envoyez-le."
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    assert messages(world, buffer.getvalue()) == [NOT_A_TABLE]


def test_a_csv_line_with_too_many_values(world):
    data = f"Nom;SIREN\nUsinage;{SIREN_A};en trop\n".encode()
    assert messages(world, data) == [
        "ligne 2 : 3 valeurs pour 2 colonnes : un séparateur « ; » de trop ? Mettez entre "
        "guillemets une valeur qui en contient."
    ]


def test_a_csv_with_tabs_and_quoted_separators(world):
    data = f'Nom\tSIREN\n"Usinage\t&\tCie"\t{SIREN_A}\n'.encode()
    outcome = importer.run(world.cluster, data)
    assert outcome.summary.created == [2]
    assert Organisation.objects.get(siren=SIREN_A).name == "Usinage & Cie"


def test_a_file_over_the_size_limit(world):
    data = b"Nom;SIREN\n" + b"x" * (10 * 1024 * 1024)
    assert messages(world, data) == [
        "Le fichier pèse 10,0\xa0Mio : 10,0\xa0Mio au plus. Découpez-le en plusieurs fichiers "
        "ou retirez les colonnes et les feuilles inutiles."
    ]
