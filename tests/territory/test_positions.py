"""Importing the communes' positions: the data.gouv.fr and La Poste layouts,
every bad line reported with nothing written, unknown communes counted."""

import pytest
from django.core.management import CommandError

from ancrage.territory.models import Commune
from tests.territory.test_importer import run, write_cog

pytestmark = pytest.mark.django_db


@pytest.fixture
def communes(tmp_path):
    run("--source", str(write_cog(tmp_path)))
    return tmp_path


def position(code):
    commune = Commune.objects.get(code=code)
    return commune.latitude, commune.longitude


def test_data_gouv_layout(communes):
    path = communes / "communes-france.csv"
    path.write_text(
        "code_insee,nom_standard,latitude_mairie,longitude_mairie,latitude_centre,longitude_centre\n"
        "56121,Lorient,47.7483,-3.3702,47.7500,-3.3666\n"
        "56098,Lanester,47.7614,-3.3417,47.7650,-3.3300\n"
        "99999,Ailleurs,45.0,1.0,45.0,1.0\n",
        encoding="utf-8",
    )
    output = run("--skip-cog", "--positions", str(path))
    assert position("56121") == (47.75, -3.3666)
    assert position("56098") == (47.765, -3.33)
    assert "positions des communes : 2 mise(s) à jour" in output
    assert "1 commune(s) du fichier inconnue(s)" in output


def test_la_poste_layout_with_one_row_per_postal_code(communes):
    path = communes / "laposte.csv"
    path.write_text(
        "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;Ligne_5;coordonnees_gps\n"
        "56121;LORIENT;56100;;47.7500, -3.3666\n"
        "56121;LORIENT;56100;KERYADO;47.7500, -3.3666\n",
        encoding="utf-8",
    )
    run("--skip-cog", "--positions", str(path))
    assert position("56121") == (47.75, -3.3666)


def test_every_bad_line_is_reported_and_nothing_written(communes):
    path = communes / "positions.csv"
    path.write_text(
        "code_insee;latitude;longitude\n"
        "56121;47,75;-3,3666\n"
        "5612X;47.7;-3.3\n"
        "56098;abc;-3.3\n"
        "56098;147.7;-3.3\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as failure:
        run("--skip-cog", "--positions", str(path))
    message = str(failure.value)
    assert "rien n'a été écrit" in message
    assert "ligne 3 : code de commune invalide « 5612X »" in message
    assert "ligne 4 : latitude ou longitude illisible" in message
    assert "ligne 5 : latitude hors limites (147.7)" in message
    assert position("56121") == (None, None)


def test_a_file_without_the_columns_is_refused(communes):
    path = communes / "autre.csv"
    path.write_text("commune;x;y\n56121;1;2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="colonnes attendues"):
        run("--skip-cog", "--positions", str(path))


def test_dry_run_writes_nothing(communes):
    path = communes / "positions.csv"
    path.write_text("code_insee,latitude,longitude\n56121,47.75,-3.37\n", encoding="utf-8")
    output = run("--skip-cog", "--positions", str(path), "--dry-run")
    assert "[simulation] positions des communes : 1 mise(s) à jour" in output
    assert position("56121") == (None, None)
