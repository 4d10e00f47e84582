"""The import command on small files: validation, dry run, zones."""

import json

import pytest
from django.core.management import CommandError, call_command

from ancrage.territory.models import BmoBasin, Commune, EmploymentZone, Region

pytestmark = pytest.mark.django_db

REGIONS = [{"code": "53", "nom": "Bretagne"}]
DEPARTMENTS = [{"code": "56", "nom": "Morbihan", "region": "53"}]
EPCIS = [
    {
        "code": "200042174",
        "nom": "CA Lorient Agglomération",
        "type": "CA",
        "membres": [{"code": "56121"}, {"code": "56098"}],
    }
]
COMMUNES = [
    {
        "code": "56121",
        "nom": "Lorient",
        "type": "commune-actuelle",
        "departement": "56",
        "region": "53",
        "codesPostaux": ["56100"],
        "population": 58329,
    },
    {
        "code": "56098",
        "nom": "Lanester",
        "type": "commune-actuelle",
        "departement": "56",
        "region": "53",
        "codesPostaux": ["56600"],
        "population": 23000,
    },
    {"code": "56095", "nom": "Keryado", "type": "commune-associee", "chefLieu": "56121"},
]


def write_cog(folder, communes=COMMUNES, departments=DEPARTMENTS):
    files = {
        "regions.json": REGIONS,
        "departements.json": departments,
        "epci.json": EPCIS,
        "communes.json": communes,
    }
    for name, rows in files.items():
        (folder / name).write_text(json.dumps(rows), encoding="utf-8")
    return folder


def run(*args):
    output = []

    class Out:
        def write(self, text):
            output.append(text)

        def flush(self):
            pass

    call_command("import_territory", *args, stdout=Out())
    return "".join(output)


def test_import_creates_then_is_idempotent(tmp_path):
    source = str(write_cog(tmp_path))
    output = run("--source", source)
    assert "communes : 2 créé(s), 0 mis à jour" in output
    lorient = Commune.objects.get(code="56121")
    assert lorient.epci.name == "CA Lorient Agglomération"
    assert not Commune.objects.filter(code="56095").exists()  # not a current commune
    assert "0 changement(s)." in run("--source", source)


def test_dry_run_writes_nothing(tmp_path):
    output = run("--source", str(write_cog(tmp_path)), "--dry-run")
    assert "[simulation] communes : 2 créé(s)" in output
    assert not Commune.objects.exists()
    assert not Region.objects.exists()


def test_bad_rows_are_all_reported_and_nothing_is_written(tmp_path):
    bad = [
        COMMUNES[0],
        {**COMMUNES[1], "nom": ""},
        {**COMMUNES[1], "code": "56001", "departement": "99"},
        {**COMMUNES[1], "code": "56002", "codesPostaux": ["5610"]},
        {**COMMUNES[1], "code": "56003", "population": -4},
        "not an object",
    ]
    with pytest.raises(CommandError) as failure:
        run("--source", str(write_cog(tmp_path, communes=bad)))
    message = str(failure.value)
    assert "Import annulé, rien n'a été écrit" in message
    assert "communes.json, entrée 2 : champ(s) manquant(s) nom" in message
    assert "communes.json, entrée 3 (56001) : département inconnu 99" in message
    assert "communes.json, entrée 4 (56002) : code postal invalide" in message
    assert "communes.json, entrée 5 (56003) : population invalide -4" in message
    assert not Commune.objects.exists()
    assert not Region.objects.exists()


def test_unreadable_files_are_reported(tmp_path):
    write_cog(tmp_path)
    (tmp_path / "epci.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "regions.json").unlink()
    with pytest.raises(CommandError) as failure:
        run("--source", str(tmp_path))
    assert "regions.json : fichier introuvable" in str(failure.value)
    assert "epci.json : JSON illisible" in str(failure.value)


def test_zones_and_basins_attach_communes(tmp_path):
    write_cog(tmp_path)
    zones = tmp_path / "zones.csv"
    zones.write_text(
        "CODGEO,LIBGEO,ZE2020,LIBZE2020\n56121,Lorient,5307,Lorient\n56098,Lanester,5307,Lorient\n",
        encoding="utf-8",
    )
    basins = tmp_path / "bassins.csv"
    basins.write_text(
        "CODE_COMMUNE_INSEE;BE19;NOMBE19\n56121;5310;LORIENT\n99999;5310;LORIENT\n",
        encoding="utf-8",
    )
    output = run("--source", str(tmp_path), "--zones-emploi", str(zones), "--bassins", str(basins))
    assert "communes rattachées (zones d'emploi) : 0 créé(s), 2 mis à jour" in output
    assert EmploymentZone.objects.get(code="5307").communes.count() == 2
    assert list(BmoBasin.objects.get(code="5310").communes.values_list("code", flat=True)) == [
        "56121"
    ]
    again = run("--skip-cog", "--zones-emploi", str(zones), "--bassins", str(basins))
    assert "0 changement(s)." in again


def test_bad_zone_rows_are_reported_with_their_line(tmp_path):
    write_cog(tmp_path)
    zones = tmp_path / "zones.csv"
    zones.write_text(
        "CODGEO,LIBGEO,ZE2020,LIBZE2020\n56121,Lorient,5307,Lorient\n56098,Lanester,,Lorient\n"
        "56098,Lanester,1234567,Trop long\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as failure:
        run("--source", str(tmp_path), "--zones-emploi", str(zones))
    message = str(failure.value)
    assert "zones.csv, ligne 3 : commune, code ou nom de zone vide" in message
    assert "zones.csv, ligne 4 : code de zone trop long « 1234567 »" in message
    assert not Commune.objects.exists()
    assert not EmploymentZone.objects.exists()


def test_zone_file_with_missing_columns_or_bad_encoding(tmp_path):
    write_cog(tmp_path)
    zones = tmp_path / "zones.csv"
    zones.write_text("CODGEO,ZE2020\n56121,5307\n", encoding="utf-8")
    with pytest.raises(CommandError, match="colonne\\(s\\) manquante\\(s\\) LIBZE2020"):
        run("--skip-cog", "--zones-emploi", str(zones))
    zones.write_bytes("CODGEO,ZE2020,LIBZE2020\n56121,5307,Lorient é\n".encode("latin-1"))
    with pytest.raises(CommandError, match="encodé en UTF-8"):
        run("--skip-cog", "--zones-emploi", str(zones))


def test_rows_the_database_would_refuse_are_reported(tmp_path):
    lorient = COMMUNES[0]
    bad = [
        lorient,
        {**lorient, "code": "561210"},
        {**lorient, "code": "5612"},
        {**lorient, "code": "56122", "nom": "L" * 101},
        {**lorient, "code": "56123", "nom": "Lori\x00ent"},
        {**lorient, "code": "56124", "type": None},
        {**lorient, "code": "56125", "nom": 123},
        {**lorient, "code": {"a": 1}},
        {**lorient, "code": "56126", "departement": ["56"]},
        {**lorient, "code": "56127", "codesPostaux": 56100},
        {**lorient, "code": "56128", "population": True},
        {**lorient, "code": "56129", "population": 2**40},
    ]
    epcis = [
        {**EPCIS[0], "type": None},
        {"code": "2000421740", "nom": "Trop long", "type": "CA"},
        {"code": "200000001", "nom": "Type long", "type": "COMMUNAUTES"},
        {"code": "200000002", "nom": "Membres", "membres": 5},
    ]
    write_cog(tmp_path, communes=bad)
    (tmp_path / "epci.json").write_text(json.dumps(epcis), encoding="utf-8")
    with pytest.raises(CommandError) as failure:
        run("--source", str(tmp_path))
    lines = str(failure.value).splitlines()
    assert lines == [
        "Import annulé, rien n'a été écrit :",
        "epci.json, entrée 2 : code trop long (10 caractères, 9 au plus)",
        "epci.json, entrée 3 (200000001) : type trop long (11 caractères, 10 au plus)",
        "epci.json, entrée 4 (200000002) : membres doit être une liste (5)",
        "communes.json, entrée 2 : code trop long (6 caractères, 5 au plus)",
        "communes.json, entrée 3 (5612) : code INSEE invalide 5612",
        "communes.json, entrée 4 : nom trop long (101 caractères, 100 au plus)",
        "communes.json, entrée 5 : nom contient un caractère nul",
        "communes.json, entrée 6 : type invalide None",
        "communes.json, entrée 7 : nom doit être un texte (123)",
        "communes.json, entrée 8 : code doit être un texte ({'a': 1})",
        "communes.json, entrée 9 : departement doit être un texte (['56'])",
        "communes.json, entrée 10 (56127) : code postal invalide 56100",
        "communes.json, entrée 11 (56128) : population invalide True",
        "communes.json, entrée 12 (56129) : population invalide 1099511627776",
    ]
    assert not Commune.objects.exists()
    assert not Region.objects.exists()


def test_epci_without_type_is_imported(tmp_path):
    write_cog(tmp_path)
    (tmp_path / "epci.json").write_text(json.dumps([{**EPCIS[0], "type": None}]), encoding="utf-8")
    run("--source", str(tmp_path))
    assert Commune.objects.get(code="56121").epci.kind == ""


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("56121,Lorient,5307,Lor\x00ient", "caractère nul"),
        ("56\x00121,Lorient,5307,Lorient", "caractère nul"),
        ("561211,Lorient,5307,Lorient", "code commune invalide « 561211 »"),
        ("5612X,Lorient,5307,Lorient", "code commune invalide « 5612X »"),
        ("56121,Lorient,5307," + "L" * 101, "nom de zone trop long (101 caractères, 100 au plus)"),
        ('56121,Lorient,5307,"' + "L" * 200_000 + '"', "CSV illisible (field larger than field"),
    ],
)
def test_zone_rows_the_database_would_refuse_are_reported(tmp_path, row, reason):
    write_cog(tmp_path)
    zones = tmp_path / "zones.csv"
    zones.write_text(f"CODGEO,LIBGEO,ZE2020,LIBZE2020\n56098,Lanester,5307,Lorient\n{row}\n")
    with pytest.raises(CommandError) as failure:
        run("--source", str(tmp_path), "--zones-emploi", str(zones))
    assert f"zones.csv, ligne 3 : {reason}" in str(failure.value)
    assert not Commune.objects.exists()
    assert not EmploymentZone.objects.exists()


def test_zone_rows_of_unknown_communes_are_counted(tmp_path):
    write_cog(tmp_path)
    zones = tmp_path / "zones.csv"
    zones.write_text(
        "CODGEO,LIBGEO,ZE2020,LIBZE2020\n56121,Lorient,5307,Lorient\n"
        "56001,Ancienne,5307,Lorient\n56002,Autre,5307,Lorient\n",
        encoding="utf-8",
    )
    output = run("--source", str(tmp_path), "--zones-emploi", str(zones))
    assert "communes rattachées (zones d'emploi) : 0 créé(s), 1 mis à jour" in output
    assert (
        "attention, zones d'emploi : 2 commune(s) du fichier inconnue(s) dans la base, ignorée(s)"
        in output
    )
    assert "inconnue" not in run("--source", str(tmp_path))
