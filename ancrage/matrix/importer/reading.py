"""Reading a member file, XLSX or CSV, into a header and rows of text.

The format is told by the content, not by the file name. A file that cannot
be read at all raises `FileRefused` with a French message; what is wrong in
some cells only (a formula, merged cells, a CSV line with too many fields)
is returned as cell problems, so that the validation reports it with the
rest."""

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from ancrage.referentiel.importers.csvfiles import decode

MAX_FILE_BYTES = 10 * 1024 * 1024
# Uncompressed size of a workbook: refuses zip bombs.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 20_000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")
SCAN_CHUNK = 1024 * 1024


class FileRefused(Exception):
    """The file cannot be read; the message says why, in French."""


@dataclass
class CellProblem:
    line: int
    column: int | None  # index in the row, None for the whole line
    message: str


@dataclass
class Table:
    header: list
    rows: list  # [(line, [text, …])]
    problems: list = field(default_factory=list)  # [CellProblem]
    kind: str = "csv"  # "xlsx" or "csv"
    encoding: str = ""
    delimiter: str = ""


def too_big(size):
    return _(
        "Le fichier pèse %(size)s : %(max)s au plus. Découpez-le en plusieurs fichiers "
        "ou retirez les colonnes et les feuilles inutiles."
    ) % {"size": filesizeformat(size), "max": filesizeformat(MAX_FILE_BYTES)}


def read_table(data):
    """The table in `data` (the bytes of the file)."""
    if not data.strip():
        raise FileRefused(_("Le fichier est vide."))
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(too_big(len(data)))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        table = _read_xlsx(data)
    elif data.startswith(OLE_SIGNATURE):
        raise FileRefused(_ole_problem(data))
    else:
        table = _read_csv(data)
    if not any(str(cell).strip() for cell in table.header):
        raise FileRefused(
            _(
                "La première ligne est vide : elle doit porter les titres des colonnes "
                "(partez du modèle de fichier)."
            )
        )
    if not table.rows:
        raise FileRefused(
            _("Le fichier ne contient que la ligne des titres : aucune organisation à importer.")
        )
    return table


def _ole_problem(data):
    if any(marker in data for marker in ENCRYPTED_MARKERS):
        return _(
            "Le classeur est protégé par un mot de passe : enregistrez-en une copie sans "
            "mot de passe (Fichier › Informations › Protéger le classeur), puis envoyez-la."
        )
    return _(
        "C'est un classeur Excel de l'ancien format (.xls) : enregistrez-le au format "
        "« Classeur Excel (.xlsx) » ou « CSV », puis envoyez-le."
    )


def _not_a_table():
    return _(
        "Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV : partez du "
        "modèle de fichier."
    )


# CSV ------------------------------------------------------------------------------


def _decoded(data):
    """(text, encoding): UTF-8 (with or without a byte-order mark), else Windows-1252."""
    problems = []
    text = decode(data, "", problems)
    if text is not None:
        return text, "utf-8"
    if b"\x00" in data:
        raise FileRefused(_not_a_table())
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileRefused(
            _(
                "Ligne %(line)s : le texte n'est ni en UTF-8 ni en Windows-1252 (octet "
                "0x%(byte)02X) : enregistrez le fichier en « CSV UTF-8 »."
            )
            % {"line": line, "byte": data[error.start]}
        ) from None


def _delimiter(first_line):
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _read_csv(data):
    text, encoding = _decoded(data)
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\t\r\n")
    if controls:
        raise FileRefused(_not_a_table())
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header, rows, problems = None, [], []
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise FileRefused(
                _(
                    "Ligne %(line)s : le fichier CSV est illisible à partir de cette ligne "
                    "(guillemet non fermé ou mal placé)."
                )
                % {"line": line}
            ) from None
        cells = [_cell_text(value) for value in fields]
        if header is None:
            header = cells
            continue
        if not any(cells):
            continue
        if len(cells) > len(header) and any(cells[len(header) :]):
            problems.append(
                CellProblem(
                    line,
                    None,
                    _(
                        "%(count)s valeurs pour %(columns)s colonnes : un séparateur "
                        "« %(delimiter)s » de trop ? Mettez entre guillemets une valeur "
                        "qui en contient."
                    )
                    % {"count": len(cells), "columns": len(header), "delimiter": delimiter},
                )
            )
        rows.append((line, cells))
        _check_count(rows)
    if header is None:
        raise FileRefused(_("Le fichier est vide."))
    return Table(header, rows, problems, "csv", encoding, delimiter)


# XLSX -----------------------------------------------------------------------------


def _read_xlsx(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise FileRefused(_broken()) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise FileRefused(
                _(
                    "C'est un classeur OpenDocument (.ods) : enregistrez-le au format "
                    "« Classeur Excel (.xlsx) » ou « CSV », puis envoyez-le."
                )
            )
        raise FileRefused(_not_a_table())
    if any(info.flag_bits & 0x1 for info in infos):
        raise FileRefused(_ole_problem(ENCRYPTED_MARKERS[0]))
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise FileRefused(too_big(sum(info.file_size for info in infos)))
    # openpyxl raises all sorts of exceptions on a damaged archive or XML
    # (KeyError, ValueError, TypeError, zlib.error, ParseError…): each one
    # means the same thing to the person.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions, default styles…
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                sheet = workbook.worksheets[0]
                header, rows, problems = _sheet_rows(sheet)
                problems.extend(_merged(archive, sheet._worksheet_path))
            finally:
                workbook.close()
    except FileRefused:
        raise
    except Exception:  # see above
        raise FileRefused(_broken()) from None
    if header is None:
        raise FileRefused(_("Le fichier est vide."))
    return Table(header, rows, problems, "xlsx")


def _broken():
    return _(
        "Le classeur est abîmé ou n'est pas un vrai fichier .xlsx : ouvrez-le dans votre "
        "tableur et enregistrez-le de nouveau au format « Classeur Excel (.xlsx) »."
    )


def _sheet_rows(sheet):
    header, rows, problems = None, [], []
    for line, cells in enumerate(sheet.iter_rows(), start=1):
        texts = []
        for index, cell in enumerate(cells):
            if cell.data_type == "f":
                problems.append(
                    CellProblem(
                        line,
                        index,
                        _(
                            "la cellule %(cell)s contient une formule : remplacez-la par "
                            "sa valeur (Copier, puis Collage spécial › Valeurs)."
                        )
                        % {"cell": f"{get_column_letter(index + 1)}{line}"},
                    )
                )
                texts.append("")
            else:
                texts.append(_cell_text(cell.value))
        if header is None:
            header = texts
            continue
        if any(texts):
            rows.append((line, texts))
            _check_count(rows)
    return header, rows, problems


def _merged(archive, path):
    """Problems for the merged cells of the sheet: the value of a merged
    range is only in its first cell, the other rows would be read empty."""
    references = {}
    tail = b""
    with archive.open(path) as handle:
        while chunk := handle.read(SCAN_CHUNK):
            text = tail + chunk
            references.update(dict.fromkeys(match[1].decode() for match in MERGE.finditer(text)))
            tail = text[-200:]  # a tag may straddle two chunks
    problems = []
    for reference in references:
        first_column, first_line, _last_column, last_line = range_boundaries(reference)
        for line in range(first_line, min(last_line, MAX_ROWS + 1) + 1):
            problems.append(
                CellProblem(
                    line,
                    first_column - 1,
                    _(
                        "cellules fusionnées (%(range)s) : défusionnez-les et répétez la "
                        "valeur sur chaque ligne."
                    )
                    % {"range": reference},
                )
            )
    return problems


# Both -----------------------------------------------------------------------------


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime | date):
        value = value.strftime("%d/%m/%Y")
    return str(value).strip()


def _check_count(rows):
    if len(rows) > MAX_ROWS:
        raise FileRefused(
            _("Le fichier compte plus de %(max)s lignes : découpez-le en plusieurs fichiers.")
            % {"max": f"{MAX_ROWS:,}".replace(",", " ")}
        )
