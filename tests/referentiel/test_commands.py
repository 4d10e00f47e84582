"""`ancrage normalize` and `ancrage extract-skills`, through Django's
call_command and through the `ancrage` command line."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from ancrage import cli
from tests.referentiel import machining

TEXT = (
    "Rejoignez notre atelier !\n"
    "Vous réglez les paramètres des machines avant chaque série ; "
    "vous faites preuve de rigueur."
)


@pytest.fixture
def rome(db):
    return machining.build()


def run(*args, stdin=None):
    out = io.StringIO()
    options = {"stdin": stdin} if stdin is not None else {}
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def test_normalize_prints_the_best_occupations_in_french(rome):
    out = run("normalize", "Usineuse H/F", "--limit", "2")
    lines = out.splitlines()
    assert lines[0] == "1. H2903  Tourneur-fraiseur / Tourneuse-fraiseuse"
    assert re.fullmatch(
        r"   appellation reconnue : Usineur / Usineuse \(score [01],\d\d\)", lines[1]
    )
    assert len([line for line in lines if line[0].isdigit()]) <= 2


def test_normalize_json(rome):
    rows = json.loads(run("normalize", "usineur", "--json", "--limit", "1"))
    assert len(rows) == 1
    assert rows[0]["code"] == "H2903"
    assert rows[0]["matched_title"] == "Usineur / Usineuse"
    assert set(rows[0]) == {"code", "label", "matched_title", "score"}


@pytest.mark.parametrize("title", ["", "   ", "xqzwv kpflt", "!!!"])
def test_normalize_nothing_found_is_not_an_error(rome, title):
    assert run("normalize", title) == "Aucun métier trouvé.\n"
    assert json.loads(run("normalize", title, "--json")) == []


@pytest.mark.parametrize("limit", ["0", "21", "trois"])
def test_normalize_bad_limit(rome, limit):
    with pytest.raises(
        CommandError, match=f"--limit : un nombre entier de 1 à 20, pas « {limit} »"
    ):
        run("normalize", "usineur", "--limit", limit)


def test_extract_skills_prints_each_skill_with_its_span(rome, tmp_path):
    path = tmp_path / "offre.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = run("extract_skills", str(path))
    start = TEXT.index("réglez")
    assert (
        out.splitlines()[0] == "Régler les paramètres d'une machine (savoir-faire, code OGR 100001)"
    )
    assert out.splitlines()[1].startswith(f"   ligne 2 (caractères {start} à ")
    assert "« réglez les paramètres des machines »" in out
    assert "Faire preuve de rigueur (savoir-être professionnel, code OGR 100004)" in out
    assert out.endswith("2 compétence(s) trouvée(s).\n")


def test_extract_skills_json_from_stdin_with_an_occupation(rome):
    stdin = io.TextIOWrapper(io.BytesIO(("\ufeff" + TEXT).encode()), encoding="utf-8")
    rows = json.loads(run("extract_skills", "-", "--occupation", "h2912", "--json", stdin=stdin))
    assert [row["label"] for row in rows] == ["Régler les paramètres d'une machine"]
    row = rows[0]
    assert row["kind"] == "savoir_faire"
    assert row["ogr_code"] == 100001
    # Offsets count characters of the text, the byte order mark left out.
    assert TEXT[row["start"] : row["end"]] == row["matched_text"]


def test_extract_skills_nothing_found(rome, tmp_path):
    path = tmp_path / "vide.txt"
    path.write_text("Bonjour.", encoding="utf-8")
    assert run("extract_skills", str(path)) == "Aucune compétence trouvée.\n"


def test_extract_skills_bad_input(rome, tmp_path):
    with pytest.raises(CommandError, match=r"absent\.txt : fichier introuvable\."):
        run("extract_skills", str(tmp_path / "absent.txt"))
    with pytest.raises(CommandError, match="est un dossier : donnez un fichier texte"):
        run("extract_skills", str(tmp_path))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Première ligne\nRégler les machines".encode("cp1252"))
    with pytest.raises(
        CommandError, match=r"ce n'est pas un texte UTF-8 \(octet invalide ligne 1\)"
    ):
        run("extract_skills", str(latin1))
    long = tmp_path / "long.txt"
    long.write_text("a" * 50_001, encoding="utf-8")
    with pytest.raises(CommandError, match="le texte dépasse 50\xa0000 caractères"):
        run("extract_skills", str(long))
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * 1_000_000)
    with pytest.raises(CommandError, match="le texte dépasse"):
        run("extract_skills", str(huge))
    accented = tmp_path / "accents.txt"
    accented.write_text("é" * 50_000, encoding="utf-8")  # 100,000 bytes, 50,000 characters
    assert run("extract_skills", str(accented)) == "Aucune compétence trouvée.\n"
    with pytest.raises(
        CommandError, match="--occupation : aucun métier n'a le code ROME « Z9999 »"
    ):
        run("extract_skills", str(accented), "--occupation", "z9999")


# Django closes the database connection at the end of a command run from the
# command line: one such run per test, last.


def test_ancrage_normalize(rome, capsys):
    cli.main(["normalize", "usineur", "--limit", "1"])
    assert capsys.readouterr().out.startswith("1. H2903  Tourneur-fraiseur / Tourneuse-fraiseuse")


def test_ancrage_extract_skills_from_stdin(rome, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    cli.main(["extract-skills", "-", "--json"])
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_ancrage_extract_skills_error_exits_1_in_french(rome, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract-skills", str(tmp_path / "absent.txt")])
    assert exit_info.value.code == 1
    assert "absent.txt : fichier introuvable." in capsys.readouterr().err


def test_the_ancrage_command_lists_and_explains_them(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "normalize" in out and "extract-skills" in out
    with pytest.raises(SystemExit):
        cli.main(["extract-skills", "--help"])
    out = capsys.readouterr().out
    assert "--occupation" in out and "fichier texte UTF-8" in out
