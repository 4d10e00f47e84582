"""`ancrage import-rome` refused: every kind of bad input names the file and the
line and writes nothing; cut files, older versions, concurrent imports and
unreadable archives are refused before anything is written."""

import socket
import threading
from pathlib import Path

import pytest

from ancrage.referentiel.importers.lock import BUSY_MESSAGE
from ancrage.referentiel.models import (
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Revision,
)
from tests.referentiel.conftest import (
    another_import_running,
    column,
    edit_rows,
    failure,
    head,
    name,
    read_rows,
    run,
    write_rows,
    zip_folder,
)

pytestmark = pytest.mark.django_db


# Bad input: a clear message naming the file and the line; nothing written.


@pytest.fixture
def unchanged(small):
    """Asserts, after the test, that the database is as the import left it."""
    before = (
        list(Occupation.objects.order_by("code").values_list("code", "label", "is_obsolete")),
        JobTitle.objects.count(),
        OccupationSkill.objects.count(),
        Release.objects.count(),
        Revision.current(),
    )
    yield
    after = (
        list(Occupation.objects.order_by("code").values_list("code", "label", "is_obsolete")),
        JobTitle.objects.count(),
        OccupationSkill.objects.count(),
        Release.objects.count(),
        Revision.current(),
    )
    assert after == before


def rename_h2903(folder):
    """A change that must not be written when something else is wrong."""

    def change(header, rows):
        for row in rows:
            if row[header.index("code_rome")] == "H2903":
                row[header.index("libelle_rome")] = "Renommé"
        return rows

    edit_rows(folder, "referentiel_code_rome", change)


def test_wrong_folder(unchanged, tmp_path):
    message = failure(tmp_path)
    assert f"{tmp_path} : aucun fichier du ROME (unix_…_vNNN_utf8.csv)" in message
    assert "Import du ROME annulé, rien n'a été écrit" in message


def test_no_such_path(unchanged, tmp_path):
    assert f"{tmp_path / 'absent'} : dossier ou fichier introuvable" in failure(tmp_path / "absent")


def test_not_a_zip(unchanged, tmp_path):
    path = tmp_path / "rome.zip"
    path.write_text("pas une archive")
    assert f"{path} : ni un dossier ni une archive zip lisible" in failure(path)


def test_missing_file(unchanged, rome_copy):
    rename_h2903(rome_copy)
    (rome_copy / name("rubrique_mobilite")).unlink()

    message = failure(rome_copy)

    assert f"{rome_copy / name('rubrique_mobilite')} : fichier manquant" in message


def test_file_in_another_encoding(unchanged, rome_copy):
    rename_h2903(rome_copy)
    header, rows = read_rows(rome_copy, "referentiel_appellation")
    write_rows(rome_copy, "referentiel_appellation", header, rows, encoding="cp1252")
    first = next(n for n, row in enumerate(rows, 2) if not ",".join(row).isascii())

    message = failure(rome_copy)

    assert (
        f"{rome_copy / name('referentiel_appellation')}, ligne {first} : "
        "le fichier n'est pas en UTF-8"
    ) in message


def test_truncated_file(unchanged, rome_copy):
    rename_h2903(rome_copy)
    path = rome_copy / name("texte")
    text = path.read_text(encoding="utf-8")
    cut = text.index("jusqu''à")  # inside the quoted text of H2903's definition
    path.write_text(text[:cut], encoding="utf-8")
    line = text.count("\n", 0, cut) + 1

    message = failure(rome_copy)

    assert (
        f"{path}, ligne {line} : fichier tronqué : un guillemet ouvert n'est jamais fermé"
    ) in message


def test_line_with_missing_columns(unchanged, rome_copy):
    path = rome_copy / name("rubrique_mobilite")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    message = failure(rome_copy)

    assert f"{path}, ligne 4 : 2 colonne(s) au lieu de 3" in message


def test_missing_column(unchanged, rome_copy):
    def drop_label(header, rows):
        index = header.index("libelle_rome")
        header.pop(index)
        for row in rows:
            row.pop(index)
        return rows

    edit_rows(rome_copy, "referentiel_code_rome", drop_label)

    message = failure(rome_copy)

    assert (
        f"{rome_copy / name('referentiel_code_rome')}, ligne 1 : colonne(s) manquante(s) "
        "libelle_rome"
    ) in message


def test_unknown_version(unchanged, rome_copy):
    for file in list(rome_copy.glob("unix_*_v460_utf8.csv")):
        file.rename(rome_copy / file.name.replace("_v460_", "_v346_"))

    message = failure(rome_copy)

    assert f"{rome_copy} : version v346 inconnue" in message


def test_release_note_of_another_version(unchanged, rome_copy):
    note = rome_copy / "version.txt"
    note.write_text(note.read_text(encoding="utf-8").replace(": 60", ": 61"), encoding="utf-8")

    message = failure(rome_copy)

    assert (
        f"{note}, ligne 1 : annonce la version 61, mais les fichiers sont ceux de la version 60"
    ) in message


def test_files_of_two_versions(unchanged, rome_copy):
    file = rome_copy / name("texte")
    file.rename(rome_copy / name("texte", "v461"))

    message = failure(rome_copy)

    assert "fichiers de plusieurs versions mélangés : v460" in message
    assert "v461 (unix_texte_v461_utf8.csv…)" in message


def test_duplicate_codes(unchanged, rome_copy):
    header, rows = read_rows(rome_copy, "referentiel_code_rome")
    first = column(header, rows, "code_rome").index("H2903") + 2
    write_rows(rome_copy, "referentiel_code_rome", header, [*rows, rows[first - 2]])

    message = failure(rome_copy)

    assert (
        f"{rome_copy / name('referentiel_code_rome')}, ligne {len(rows) + 2} : "
        f"code ROME H2903 en double (déjà ligne {first})"
    ) in message


def test_links_to_unknown_codes(unchanged, rome_copy):
    edit_rows(
        rome_copy,
        "liens_rome_referentiels",
        lambda header, rows: [*rows, ["H2903", "5", "1", "999999"]],
    )
    edit_rows(
        rome_copy, "rubrique_mobilite", lambda header, rows: [*rows, ["H2903", "Z9999", "12"]]
    )
    links = rome_copy / name("liens_rome_referentiels")
    mobilities = rome_copy / name("rubrique_mobilite")
    link_line = len(read_rows(rome_copy, "liens_rome_referentiels")[1]) + 1
    mobility_line = len(read_rows(rome_copy, "rubrique_mobilite")[1]) + 1

    message = failure(rome_copy)

    assert "(2 erreur(s))" in message
    assert (
        f"{links}, ligne {link_line} : lien vers un code OGR inconnu 999999 (compétence ou savoir)"
    ) in message
    assert (
        f"{mobilities}, ligne {mobility_line} : code_rome_cible inconnu « Z9999 » "
        "(absent des métiers)"
    ) in message


def test_every_bad_row_is_counted_and_the_list_capped(unchanged, rome_copy):
    def spoil(header, rows):
        for row in rows:
            row[header.index("peu_usite")] = "peut-être"
        return rows

    edit_rows(rome_copy, "referentiel_appellation", spoil)
    count = len(read_rows(rome_copy, "referentiel_appellation")[1])

    message = failure(rome_copy)

    assert f"({count} erreur(s))" in message
    assert "peu_usite inattendu « peut-être » (attendu : « O », « N » ou vide)" in message
    assert message.count("peu_usite inattendu") == 50
    assert f"… et {count - 50} autre(s) erreur(s)." in message


# Checks against the ROME already imported.


@pytest.mark.parametrize(
    ("table", "lines", "lost"),
    [
        ("liens_rome_referentiels", 500, "lien(s) métier → compétence sur"),
        ("liens_rome_referentiels", 1, "lien(s) métier → contexte de travail sur"),
        ("rubrique_mobilite", 60, "mobilité(s) sur"),
        ("texte", 100, "texte(s) de fiche (définition, accès) sur"),
        ("coherence_item", 1, "compétence(s) principale(s) ou émergente(s) des métiers sur"),
        ("cr_gd_dp", 1, "métier(s) classé(s) sur"),
    ],
)
def test_a_file_cut_at_the_end_of_a_row_is_refused(unchanged, rome_copy, table, lines, lost):
    rename_h2903(rome_copy)
    path = head(rome_copy, table, lines)

    message = failure(rome_copy)

    assert f"{path} : " in message
    assert lost in message
    assert (
        "le fichier est probablement incomplet (coupé pendant le téléchargement ou la copie ?) ; "
        "vérifiez-le, ou relancez avec --force si c'est voulu."
    ) in message


def test_how_many_would_disappear_and_force(small, rome_copy):
    path = head(rome_copy, "rubrique_mobilite", 11)
    total = Mobility.objects.count()
    share = f"{(total - 10) * 100 / total:.1f}".replace(".", ",")

    message = failure(rome_copy)
    dry_run = failure(rome_copy, "--dry-run")

    assert f"{path} : {total - 10} mobilité(s) sur {total} seraient supprimées ({share} %)" in (
        message
    )
    assert message == dry_run
    assert Mobility.objects.count() == total

    out = run(rome_copy, "--force")

    assert f"mobilités : {total - 10} retiré(s)" in out
    assert Mobility.objects.count() == 10


@pytest.mark.parametrize(
    ("table", "lines", "blamed", "referring"),
    [
        (
            "referentiel_code_rome",
            10,
            [name("referentiel_code_rome")],
            "unix_cr_gd_dp_v460_utf8.csv, unix_texte_v460_utf8.csv, "
            "unix_referentiel_appellation_v460_utf8.csv, "
            "unix_liens_rome_referentiels_v460_utf8.csv, unix_coherence_item_v460_utf8.csv, "
            "unix_rubrique_mobilite_v460_utf8.csv",
        ),
        (
            "referentiel_competence",
            1,
            [name("referentiel_competence"), name("referentiel_savoir")],
            "unix_liens_rome_referentiels_v460_utf8.csv",
        ),
        (
            "referentiel_appellation",
            1,
            [name("referentiel_appellation")],
            "unix_liens_rome_referentiels_v460_utf8.csv",
        ),
    ],
)
def test_a_cut_file_is_named_before_the_files_referring_to_it(
    unchanged, rome_copy, table, lines, blamed, referring
):
    head(rome_copy, table, lines)

    message = failure(rome_copy)

    files = " ou ".join(str(rome_copy / file) for file in blamed)
    first = message.splitlines()[1]
    assert first.startswith(
        f"{files} : probablement incomplet (coupé pendant le téléchargement ou la copie ?) : "
    )
    assert f"ligne(s) de {referring} renvoient à des codes qui n'y sont pas" in first
    assert "inconnu" in message  # the rows themselves are listed after


def test_one_import_at_a_time(rome_small):
    with another_import_running():
        message = failure(rome_small)

    assert message == BUSY_MESSAGE
    assert not Occupation.objects.exists()
    assert not Release.objects.exists()
    assert "métiers : 18 ajouté(s)" in run(rome_small)


# Archives, folders and downloads that cannot be read.


def patch_central_directory(archive, offset, value):
    """Overwrite a two-byte field of every entry of a zip's central directory."""
    data = bytearray(archive.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start >= 0:
        data[start + offset : start + offset + 2] = value.to_bytes(2, "little")
        start = data.find(b"PK\x01\x02", start + 4)
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("offset", "value", "problem"),
    [
        (8, 0x1, "archive protégée par un mot de passe"),  # general purpose flags
        (10, 9, "méthode de compression n° 9 non prise en charge"),  # Deflate64
    ],
)
def test_a_zip_that_cannot_be_read(unchanged, rome_small, tmp_path, offset, value, problem):
    archive = zip_folder(rome_small, tmp_path / "rome.zip")
    patch_central_directory(archive, offset, value)

    message = failure(archive)

    assert (
        f"version.txt (dans {archive}) : {problem} : décompressez l'archive vous-même puis donnez "
        "le chemin du dossier"
    ) in message


def test_a_folder_or_file_that_cannot_be_read(unchanged, rome_copy, monkeypatch):
    # The tests may run as root, whom file modes do not stop: the refusal is simulated.
    texts = rome_copy / name("texte")
    read_bytes, iterdir = Path.read_bytes, Path.iterdir

    def refuse(path, real):
        def read(self):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        return read

    monkeypatch.setattr(Path, "read_bytes", refuse(texts, read_bytes))
    assert f"{texts} : lecture interdite (droits insuffisants" in failure(rome_copy)

    monkeypatch.setattr(Path, "iterdir", refuse(rome_copy, iterdir))
    assert f"{rome_copy} : lecture interdite (droits insuffisants" in failure(rome_copy)


class _RawServer:
    """Answers one HTTP request with `reply`, then closes the connection."""

    def __init__(self, reply):
        self.reply = reply
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/rome.zip"
        self.thread = threading.Thread(target=self.answer, daemon=True)

    def answer(self):
        peer, _ = self.socket.accept()
        with peer:
            request = b""
            while b"\r\n\r\n" not in request and (chunk := peer.recv(4096)):
                request += chunk
            peer.sendall(self.reply)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.thread.join(timeout=5)
        self.socket.close()


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nPK\x03\x04\r\n",
            "Téléchargement interrompu : la connexion à {url} a été coupée avant la fin du fichier "
            "; relancez la commande.",
        ),
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nPK\x03\x04",
            "Téléchargement interrompu : la connexion à {url} a été coupée avant la fin du fichier "
            "; relancez la commande (4 octets reçus sur 1000).",
        ),
        (
            b"pas du HTTP\r\n\r\n",
            "Téléchargement impossible depuis {url} : réponse du serveur illisible (BadStatusLine) "
            "; réessayez plus tard.",
        ),
    ],
)
def test_download_cut_short_or_garbled(settings, reply, problem):
    with _RawServer(reply) as server:
        settings.ANCRAGE_ROME_DOWNLOAD_URL = server.url
        message = failure("--download")

    assert problem.format(url=server.url) in message
    assert "rien n'a été écrit" in message
    assert not Occupation.objects.exists()
