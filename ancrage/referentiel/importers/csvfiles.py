"""Strict reading of the CSV files of an official publication.

A publication is a folder or a zip archive of CSV files. Every problem is
reported with the file and the line: a file missing, not in UTF-8, cut short
(an open quote, a line with too few columns) or laid out differently (a
column missing).
"""

import csv
import io
import lzma
import zipfile
import zlib
from pathlib import Path

# Bad rows listed in a failure message; the others are counted.
MAX_LISTED = 50
# Larger than any official file by far; refuses zip bombs.
MAX_FILE_BYTES = 200 * 1024 * 1024


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))

    def lines(self):
        """The errors to show: the first `MAX_LISTED`, then how many more."""
        shown = self.errors[:MAX_LISTED]
        hidden = len(self.errors) - len(shown)
        if hidden:
            shown.append(f"… et {hidden} autre(s) erreur(s).")
        return shown


class Source:
    """The files of a folder or of a zip archive, by file name."""

    def __init__(self, path):
        self.path = Path(path)
        self._zip = None
        try:
            if self.path.is_dir():
                self._members = {p.name: p for p in self.path.iterdir() if p.is_file()}
            elif self.path.is_file():
                self._open_zip()
            else:
                raise ImportFailed([f"{self.path} : dossier ou fichier introuvable"])
        except OSError as error:
            raise ImportFailed([f"{self.path} : {unreadable(error)}"]) from None

    def _open_zip(self):
        try:
            self._zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            raise ImportFailed(
                [f"{self.path} : ni un dossier ni une archive zip lisible"]
            ) from None
        self._members = {}
        duplicates = set()
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            name = info.filename.rsplit("/", 1)[-1]
            if name in self._members:
                duplicates.add(name)
            self._members[name] = info
        if duplicates:
            raise ImportFailed(
                [
                    f"{self.path} : l'archive contient plusieurs fichiers {name}"
                    for name in sorted(duplicates)
                ]
            )

    def close(self):
        if self._zip is not None:
            self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def names(self):
        return set(self._members)

    def where(self, name):
        """How messages name a file of the source."""
        if self._zip is None:
            return str(self.path / name)
        return f"{name} (dans {self.path})"

    def read(self, name):
        """The bytes of `name`, or None when the source has no such file."""
        member = self._members.get(name)
        if member is None:
            return None
        if self._zip is None:
            try:
                return member.read_bytes()
            except OSError as error:
                raise ImportFailed([f"{self.where(name)} : {unreadable(error)}"]) from None
        if member.file_size > MAX_FILE_BYTES:
            raise ImportFailed(
                [f"{self.where(name)} : fichier trop gros ({member.file_size} octets)"]
            )
        try:
            return self._zip.read(member)
        except (RuntimeError, NotImplementedError) as error:
            # zipfile's words for a member that needs a password or a
            # compression method it does not know.
            if "encrypt" in str(error):
                problem = "archive protégée par un mot de passe"
            else:
                problem = f"méthode de compression n° {member.compress_type} non prise en charge"
            raise ImportFailed(
                [
                    f"{self.where(name)} : {problem} : décompressez l'archive vous-même "
                    "puis donnez le chemin du dossier"
                ]
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, lzma.LZMAError) as error:
            raise ImportFailed([f"{self.where(name)} : archive abîmée ({error})"]) from None


def unreadable(error):
    """What a failed read of the disk says, in French."""
    if isinstance(error, PermissionError):
        return "lecture interdite (droits insuffisants pour l'utilisateur qui lance la commande)"
    return f"lecture impossible ({error.strerror or error})"


def decode(data, where, errors):
    """The text of a file that must be UTF-8 (a leading BOM is allowed), or
    None with the line of the first byte that is not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        errors.append(
            f"{where}, ligne {line} : le fichier n'est pas en UTF-8 (octet 0x{byte:02X} ; "
            "probablement Windows-1252 ou ISO-8859-1) : enregistrez-le en UTF-8"
        )
        return None
    nul = text.find("\x00")
    if nul >= 0:
        errors.append(f"{where}, ligne {text.count(chr(10), 0, nul) + 1} : caractère nul")
        return None
    return text


def read_table(source, name, columns, errors):
    """The rows of the CSV file `name` as (line, {column: value}) for the
    `columns` asked (values stripped), checking the header and that every
    line has as many fields as the header. Problems go to `errors`."""
    where = source.where(name)
    data = source.read(name)
    if data is None:
        errors.append(f"{where} : fichier manquant")
        return []
    text = decode(data, where, errors)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        errors.append(f"{where} : fichier vide")
        return []
    except csv.Error as error:
        errors.append(f"{where}, ligne 1 : en-tête illisible ({error})")
        return []
    missing = [column for column in columns if column not in header]
    if missing:
        errors.append(
            f"{where}, ligne 1 : colonne(s) manquante(s) {', '.join(missing)} "
            "(la mise en page du fichier n'est pas celle attendue)"
        )
        return []
    positions = [(column, header.index(column)) for column in columns]
    rows = []
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(f"{where}, ligne {start} : {_csv_problem(error)}")
            break
        if not fields:
            continue
        if len(fields) != len(header):
            errors.append(
                f"{where}, ligne {start} : {len(fields)} colonne(s) au lieu de {len(header)} "
                "(ligne coupée ou guillemet mal placé)"
            )
            continue
        rows.append((start, {column: fields[index].strip() for column, index in positions}))
    return rows


def _csv_problem(error):
    if "unexpected end of data" in str(error):
        return "fichier tronqué : un guillemet ouvert n'est jamais fermé"
    return f"CSV illisible à partir de cette ligne, guillemet non fermé ou mal placé ({error})"
