"""The importer and the search against the real official files (one import
for the module)."""

import json
import shutil

import pytest

from ancrage.territory import importer
from ancrage.territory.models import BmoBasin, Commune, Department, EmploymentZone, Epci, Region
from tests.territory.conftest import GEO, read_all

pytestmark = pytest.mark.django_db


def test_full_import_counts(france):
    # 13 metropolitan and 5 overseas régions, plus 8 collectivités d'outre-mer.
    assert Region.objects.count() == 26
    assert Department.objects.count() == 109
    assert Epci.objects.count() == 1255
    assert Commune.objects.filter(is_current=True).count() == 34969
    assert EmploymentZone.objects.count() == 306
    assert BmoBasin.objects.count() == 403
    assert france.created["communes"] == 34969
    assert france.retired == 0


def test_communes_are_attached(france):
    lorient = Commune.objects.select_related(
        "department", "region", "epci", "employment_zone", "bmo_basin"
    ).get(code="56121")
    assert lorient.name == "Lorient"
    assert lorient.postal_codes == ["56100"]
    assert lorient.department.name == "Morbihan"
    assert lorient.region.name == "Bretagne"
    assert lorient.epci.name == "CA Lorient Agglomération"
    assert lorient.employment_zone.name == "Lorient"
    assert lorient.bmo_basin.code
    assert Commune.objects.filter(employment_zone__isnull=False).count() > 34800
    assert Commune.objects.filter(bmo_basin__isnull=False).count() > 34800


def test_reimport_changes_nothing(france):
    report = importer.apply(*read_all())
    assert report.changes == 0, list(report.lines())


def test_commune_missing_from_a_new_file_is_retired_not_deleted(france, tmp_path):
    for name in ("regions.json", "departements.json", "epci.json"):
        shutil.copy(GEO / name, tmp_path / name)
    communes = json.loads((GEO / "communes.json").read_text(encoding="utf-8"))
    kept = [row for row in communes if row["code"] != "56121"]
    (tmp_path / "communes.json").write_text(json.dumps(kept), encoding="utf-8")

    report = importer.apply(importer.read_cog(tmp_path))

    assert report.retired == 1
    lorient = Commune.objects.get(code="56121")
    assert not lorient.is_current
    assert lorient not in Commune.objects.search("Lorient")
    assert Commune.objects.count() == 34969


def test_dry_run_rolls_back(france, tmp_path):
    for name in ("regions.json", "departements.json", "epci.json"):
        shutil.copy(GEO / name, tmp_path / name)
    communes = json.loads((GEO / "communes.json").read_text(encoding="utf-8"))
    for row in communes:
        if row["code"] == "56121":
            row["nom"] = "Lorient-sur-Mer"
    (tmp_path / "communes.json").write_text(json.dumps(communes), encoding="utf-8")

    report = importer.apply(importer.read_cog(tmp_path), dry_run=True)

    assert report.updated["communes"] == 1
    assert Commune.objects.get(code="56121").name == "Lorient"


def names(query, limit=10):
    return [commune.name for commune in Commune.objects.search(query, limit)]


def codes(query, limit=10):
    return [commune.code for commune in Commune.objects.search(query, limit)]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Lorient", "56121"),
        ("lorient", "56121"),
        ("LORIENT", "56121"),
        ("Lorien", "56121"),  # a prefix
        ("Loriant", "56121"),  # a typo
        ("st etienne", "42218"),
        ("Saint-Étienne", "42218"),
        ("saint etienne", "42218"),
        ("besancon", "25056"),
        ("ploemeur", "56162"),
        ("villeneuve d ascq", "59009"),
        ("Villeneuve-d'Ascq", "59009"),
        ("l abergement clemenciat", "01001"),
        ("56121", "56121"),
        ("2A004", "2A004"),
    ],
)
def test_search_puts_the_right_commune_first(france, query, code):
    assert codes(query)[0] == code


def test_postal_code_shared_by_several_communes(france):
    found = codes("30200", 20)
    assert "30288" in found  # Saint-Nazaire (Gard)
    assert len(found) > 1
    # 30200 is also the INSEE code of Pompignan.
    assert all(
        "30200" in c.postal_codes or c.code == "30200" for c in Commune.objects.search("30200", 20)
    )


def test_prefix_of_a_postal_code(france):
    found = list(Commune.objects.search("5610", 10))
    assert found[0].code == "56121"
    assert all(c.postal_codes[0].startswith("5610") or c.code.startswith("5610") for c in found)


@pytest.mark.parametrize(
    "query", ["", "   ", "%%%", "'; drop table", "_", "x" * 10_000, "é" * 10_000]
)
def test_odd_queries_never_fail(france, query):
    assert len(names(query)) <= 10


def test_saint_nazaire_is_ambiguous_until_the_postal_code(france):
    candidates = Commune.objects.resolve("Saint-Nazaire")
    assert {c.code for c in candidates} == {"44184", "30288", "66186"}
    assert [c.code for c in Commune.objects.resolve("Saint-Nazaire (66570)")] == ["66186"]


def test_short_queries_match_prefixes_only(france):
    found = list(Commune.objects.search("La", 10))
    assert len(found) == 10
    assert all(commune.search_name.startswith("LA") for commune in found)
