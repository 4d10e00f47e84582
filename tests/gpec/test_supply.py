"""Supply per occupation: the job seekers of the latest external import, in
the population's basins or départements."""

import datetime

import pytest
from django.utils import timezone

from ancrage.gpec import assumptions, occupations, supply
from ancrage.gpec.models import ExternalSupply, ExternalSupplyImport
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from ancrage.territory.models import BmoBasin
from tests.gpec.figures_helpers import declare, of_cluster

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    """Two members in the Lorient basin (Morbihan), one in Nantes' (Loire-Atlantique)."""
    lorient = BmoBasin.objects.create(code="5301", name="Lorient")
    nantes = BmoBasin.objects.create(code="5201", name="Nantes")
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    loire = DepartmentFactory(code="44", name="Loire-Atlantique")
    communes = [
        CommuneFactory(department=morbihan, bmo_basin=lorient),
        CommuneFactory(department=morbihan, bmo_basin=lorient),
        CommuneFactory(department=loire, bmo_basin=nantes),
    ]
    first = MembershipFactory(organisation__commune=communes[0])
    cluster = first.cluster
    for commune in communes[1:]:
        MembershipFactory(cluster=cluster, organisation__commune=commune)
    return cluster, lorient, nantes, morbihan, loire


def imported(cluster, lines, days_ago=0):
    batch = ExternalSupplyImport.objects.create(
        cluster=cluster,
        label="France Travail",
        period_end=datetime.date(2026, 1, 1),
        imported_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    for occupation, place, seekers in lines:
        basin = place if isinstance(place, BmoBasin) else None
        ExternalSupply.objects.create(
            batch=batch,
            occupation=occupation,
            bmo_basin=basin,
            department=None if basin else place,
            job_seekers=seekers,
        )
    return batch


def test_basins_of_the_population_from_the_latest_import(territory):
    cluster, lorient, nantes, _morbihan, _loire = territory
    usinage, soudage = OccupationFactory(), OccupationFactory()
    imported(cluster, [(usinage, lorient, 999)], days_ago=30)
    imported(cluster, [(usinage, lorient, 40), (usinage, nantes, 25), (soudage, nantes, 7)])
    found = supply.external(of_cluster(cluster), [usinage.pk, soudage.pk])
    # 40 + 25: the older import is not used; 3 organisations in those basins.
    assert found[usinage.pk].value == 65
    assert found[usinage.pk].organisations == 3
    assert found[usinage.pk].public and not found[usinage.pk].fragile
    assert found[soudage.pk].value == 7
    assert found[soudage.pk].organisations == 1


def test_departements_when_lines_are_per_departement(territory):
    cluster, _lorient, _nantes, morbihan, _loire = territory
    usinage, soudage = OccupationFactory(), OccupationFactory()
    other = DepartmentFactory(code="29", name="Finistère")
    imported(cluster, [(usinage, morbihan, 120), (usinage, other, 500)])
    found = supply.external(of_cluster(cluster), [usinage.pk, soudage.pk])
    assert found[usinage.pk].value == 120
    assert found[usinage.pk].organisations == 2
    assert soudage.pk not in found


def test_basin_lines_win_over_departement_lines(territory):
    cluster, lorient, _nantes, morbihan, _loire = territory
    usinage = OccupationFactory()
    imported(cluster, [(usinage, lorient, 40), (usinage, morbihan, 120)])
    assert supply.external(of_cluster(cluster), [usinage.pk])[usinage.pk].value == 40


def test_a_basin_filter_narrows_the_territory(territory):
    cluster, lorient, nantes, _morbihan, _loire = territory
    usinage = OccupationFactory()
    imported(cluster, [(usinage, lorient, 40), (usinage, nantes, 25)])
    found = supply.external(of_cluster(cluster, "bassin=5201"), [usinage.pk])
    assert (found[usinage.pk].value, found[usinage.pk].organisations) == (25, 1)


def test_another_clusters_import_is_not_used(territory):
    cluster, lorient, _nantes, _morbihan, _loire = territory
    usinage = OccupationFactory()
    imported(MembershipFactory().cluster, [(usinage, lorient, 40)])
    assert supply.external(of_cluster(cluster), [usinage.pk]) == {}


def test_occupation_figures_carry_the_supply(territory):
    cluster, lorient, _nantes, _morbihan, _loire = territory
    usinage, soudage = OccupationFactory(), OccupationFactory()
    organisation = cluster.memberships.first().organisation
    declare(
        cluster, organisation, workforce=[(usinage, {"headcount": 4}), (soudage, {"headcount": 2})]
    )
    imported(cluster, [(usinage, lorient, 40)])
    figures = {
        item.occupation: item.supply
        for item in occupations.occupation_figures(of_cluster(cluster), assumptions.defaults())
    }
    assert figures[usinage].total == 40
    assert set(figures[usinage].by_source) == {"external"}
    assert figures[soudage].total is None and figures[soudage].by_source == {}
    assert [provider.key for provider in supply.PROVIDERS] == ["cv_bank", "external"]
