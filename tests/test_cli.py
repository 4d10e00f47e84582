"""The `ancrage` command: French help, pass-through to Django's commands."""

import sys

import pytest

from ancrage import cli


def test_help_is_french(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : ancrage")
    for command in ("demo", "serve", "worker", "import-territory", "manage"):
        assert command in out
    assert "affiche cette aide et quitte" in out


def test_unknown_arguments_are_refused_in_french(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["worker", "--pas-une-option"])
    assert exit_info.value.code == 2
    assert "ancrage : erreur : argument(s) non reconnu(s) : --pas-une-option" in (
        capsys.readouterr().err
    )


def test_import_territory_passes_its_options_to_the_importer(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import-territory", "--help"])
    out = capsys.readouterr().out
    assert "--zones-emploi" in out and "--dry-run" in out


def test_manage_passes_everything_to_django(db, capsys):
    cli.main(["manage", "check", "--fail-level", "ERROR"])
    assert "System check identified no issues" in capsys.readouterr().out


def test_import_territory_reports_a_missing_source(db, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["import-territory", "--source", str(tmp_path)])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Import annulé, rien n'a été écrit" in err
    assert "regions.json : fichier introuvable" in err


def test_serve_runs_gunicorn_with_the_project_settings(monkeypatch):
    import gunicorn.app.wsgiapp

    seen = {}
    monkeypatch.setattr(gunicorn.app.wsgiapp, "run", lambda: seen.update(argv=list(sys.argv)))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    cli._serve("127.0.0.1:9999", workers=3)
    argv = seen["argv"]
    assert argv[argv.index("--config") + 1] == "python:ancrage.gunicorn_conf"
    assert argv[argv.index("--workers") + 1] == "3"


def test_import_members_passes_its_options_to_the_importer(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import-members", "--help"])
    out = capsys.readouterr().out
    assert "--cluster" in out and "--valid-rows-only" in out and "--dry-run" in out
