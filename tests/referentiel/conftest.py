"""Copies of the official ROME and ESCO files for the importers' tests.

`rome_small` is the real version 60 cut down to the 18 fiches of domain H29
(mechanics) and what they refer to: fast to import, and small enough to
alter one file per test. The whole publication is imported by one test per
module only (in its own transaction, rolled back after it)."""

import csv
import io
import shutil
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ancrage.referentiel.importers import rome_update
from ancrage.referentiel.importers.lock import LOCK_KEY
from ancrage.referentiel.importers.rome import read_publication

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ROME = DATA / "rome-v460"
ESCO = DATA / "esco-fr"
SUFFIX = "v460"
DOMAIN = "H29"


def name(table, suffix=SUFFIX):
    return f"unix_{table}_{suffix}_utf8.csv"


def read_rows(folder, table, suffix=SUFFIX):
    """(header, rows) of a CSV file of the ROME, rows as lists."""
    with (folder / name(table, suffix)).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def write_rows(folder, table, header, rows, suffix=SUFFIX, encoding="utf-8"):
    """Write a CSV file the way France Travail does: every field quoted."""
    with (folder / name(table, suffix)).open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def edit_rows(folder, table, change):
    """Rewrite a file with `change(header, rows)`, which returns the new rows."""
    header, rows = read_rows(folder, table)
    write_rows(folder, table, header, change(header, rows))


def column(header, rows, key):
    index = header.index(key)
    return [row[index] for row in rows]


def _keep(header, rows, **wanted):
    """Rows whose columns are in the sets given: _keep(h, r, code_rome={…})."""
    indexes = {header.index(key): values for key, values in wanted.items()}
    return [row for row in rows if all(row[i] in values for i, values in indexes.items())]


@pytest.fixture(scope="session")
def rome_small(tmp_path_factory):
    """The version 60 files cut down to the fiches of domain H29."""
    if not ROME.is_dir():
        pytest.skip(f"reference data missing: {ROME}")
    folder = tmp_path_factory.mktemp("rome-small")
    header, rows = read_rows(ROME, "referentiel_code_rome")
    codes = {code for code in column(header, rows, "code_rome") if code.startswith(DOMAIN)}
    links_header, links = read_rows(ROME, "liens_rome_referentiels")
    links = _keep(links_header, links, code_rome=codes)
    ogr = set(column(links_header, links, "code_ogr"))
    for table in (
        "referentiel_code_rome",
        "cr_gd_dp",
        "texte",
        "referentiel_appellation",
        "coherence_item",
    ):
        header, rows = read_rows(ROME, table)
        write_rows(folder, table, header, _keep(header, rows, code_rome=codes))
    write_rows(folder, "liens_rome_referentiels", links_header, links)
    for table, key in (
        ("referentiel_competence", "code_ogr"),
        ("referentiel_savoir", "code_ogr_savoir"),
    ):
        header, rows = read_rows(ROME, table)
        write_rows(folder, table, header, _keep(header, rows, **{key: ogr}))
    header, rows = read_rows(ROME, "rubrique_mobilite")
    write_rows(
        folder,
        "rubrique_mobilite",
        header,
        _keep(header, rows, code_rome=codes, code_rome_cible=codes),
    )
    shutil.copy(ROME / name("referentiel_contexte_travail"), folder)
    shutil.copy(ROME / "version.txt", folder)
    return folder


@pytest.fixture
def rome_copy(rome_small, tmp_path):
    """A copy of the small publication to alter in a test."""
    return Path(shutil.copytree(rome_small, tmp_path / "rome"))


def new_version(folder, number=61):
    """Rename the files and the release note as for another version."""
    for file in list(folder.glob("unix_*_v460_utf8.csv")):
        file.rename(folder / file.name.replace("_v460_", f"_v4{number}_"))
    note = folder / "version.txt"
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("Numero de version : 60", f"Numero de version : {number}"))


def head(folder, table, lines):
    """Keep the first `lines` lines of a file, header included, as
    `head -n` does: the file is cut at the end of a row."""
    path = folder / name(table)
    kept = path.read_text(encoding="utf-8").splitlines(keepends=True)[:lines]
    path.unlink()  # a link to the real file stays untouched
    path.write_text("".join(kept), encoding="utf-8")
    return path


def linked_rome(folder):
    """The whole publication as symbolic links to the real files: cheap to
    make, and `head` replaces a link by a shorter copy."""
    folder.mkdir()
    for file in ROME.iterdir():
        (folder / file.name).symlink_to(file)
    return folder


@contextmanager
def another_import_running():
    """Another session holds the lock of the référentiel's imports. (An
    import run earlier in the same test holds it until the test ends.)"""
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [LOCK_KEY])
            assert cursor.fetchone()[0], "an import ran earlier in this test"
        yield
    finally:
        other.close()


def zip_folder(folder, path, prefix="RefRomeCsv/"):
    """The files of `folder` in a zip archive, under `prefix` as published."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, prefix + file.name)
    path.write_bytes(buffer.getvalue())
    return path


def run(*args):
    out = io.StringIO()
    call_command("import_rome", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def failure(*args):
    with pytest.raises(CommandError) as raised:
        run(*args)
    return str(raised.value)


@pytest.fixture
def small(rome_small):
    """The small publication, imported."""
    return rome_update.apply(read_publication(rome_small))
