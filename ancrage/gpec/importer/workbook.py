"""Reading the GPEC declarations workbook: its data sheets, found by their
tab title (« Effectifs », « Prévisions », « Compétences »), as a header and
rows of text. The checks of the member import are reused: size, old or
protected Excel files, zip bombs, formulas and merged cells (reported with
the rest, cell by cell). A file that cannot be read raises `FileRefused`."""

import io
import warnings
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ancrage.gpec.importer.columns import SHEETS, sheet_for
from ancrage.matrix.importer import reading
from ancrage.matrix.importer.reading import FileRefused

MAX_FILE_BYTES = reading.MAX_FILE_BYTES
# Rows of the three data sheets together.
MAX_ROWS = 10_000


@dataclass
class SheetTable:
    title: str  # the tab's title as the file writes it
    header: list
    rows: list  # [(line, [text, …])]
    problems: list = field(default_factory=list)  # [reading.CellProblem]


def too_many_rows():
    return _(
        "Le classeur compte plus de %(max)s lignes de données : découpez-le en plusieurs "
        "fichiers (par exemple un par groupe d'adhérents)."
    ) % {"max": f"{MAX_ROWS:,}".replace(",", "\u202f")}


def read_workbook(data):
    """{sheet key: SheetTable} of the data sheets in `data` (the file's bytes)."""
    if not data.strip():
        raise FileRefused(_("Le fichier est vide."))
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(reading.too_big(len(data)))
    if data.startswith(reading.OLE_SIGNATURE):
        raise FileRefused(reading._ole_problem(data))
    if not data.startswith(b"PK\x03\x04"):
        raise FileRefused(
            _(
                "Ce fichier n'est pas un classeur Excel (.xlsx) : partez du modèle à "
                "télécharger sur cette page."
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise FileRefused(reading._broken()) from None
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise FileRefused(reading._broken())
    if any(info.flag_bits & 0x1 for info in infos):
        raise FileRefused(reading._ole_problem(reading.ENCRYPTED_MARKERS[0]))
    unzipped = sum(info.file_size for info in infos)
    if unzipped > reading.MAX_UNZIPPED_BYTES:
        raise FileRefused(reading.too_big(unzipped))
    try:
        tables = _tables(archive, data)
    except FileRefused:
        raise
    except Exception:  # openpyxl's many errors on a damaged file: see reading._read_xlsx
        raise FileRefused(reading._broken()) from None
    if not tables:
        titles = ", ".join(f"« {sheet.title} »" for sheet in SHEETS)
        raise FileRefused(
            _(
                "Le classeur n'a aucune des feuilles attendues (%(titles)s) : partez du "
                "modèle et gardez le nom de ses onglets."
            )
            % {"titles": titles}
        )
    return tables


def _tables(archive, data):
    tables, total = {}, 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unsupported extensions, default styles…
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            for worksheet in workbook.worksheets:
                sheet = sheet_for(worksheet.title)
                if sheet is None or sheet.key in tables:
                    continue
                header, rows, problems = reading._sheet_rows(worksheet)
                problems.extend(reading._merged(archive, worksheet._worksheet_path))
                total += len(rows)
                if total > MAX_ROWS:
                    raise FileRefused(too_many_rows())
                tables[sheet.key] = SheetTable(worksheet.title, header or [], rows, problems)
        finally:
            workbook.close()
    return tables
