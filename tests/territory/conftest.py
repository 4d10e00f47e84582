from pathlib import Path

import pytest

from ancrage.territory import importer
from ancrage.territory.models import BmoBasin, Commune, Department, EmploymentZone, Epci, Region

GEO = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "geo"
ZONES = GEO / "zones-emploi-2020-communes.csv"
BASINS = GEO / "bassins-emploi-bmo-2019-communes.csv"


def read_all(source=GEO):
    return (
        importer.read_cog(source),
        importer.read_commune_zones(ZONES, "CODGEO", "ZE2020", "LIBZE2020"),
        importer.read_commune_zones(BASINS, "CODE_COMMUNE_INSEE", "BE19", "NOMBE19"),
    )


@pytest.fixture(scope="module")
def france(django_db_setup, django_db_blocker):
    """The whole official geography, imported once for a module, then removed."""
    if not GEO.is_dir():
        pytest.skip(f"reference data missing: {GEO}")
    with django_db_blocker.unblock():
        report = importer.apply(*read_all())
        yield report
        Commune.objects.all().delete()
        for model in (Epci, Department, Region, EmploymentZone, BmoBasin):
            model.objects.all().delete()
