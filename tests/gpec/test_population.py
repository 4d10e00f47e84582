"""Whose facts count: the latest source of each organisation, fresh enough,
from the scope's clusters, narrowed by the filters; across a network an
organisation counts once."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory, NetworkFactory
from ancrage.gpec import assumptions, occupations, population, supply
from ancrage.gpec.models import (
    ExternalSupply,
    ExternalSupplyImport,
    OccupationForecast,
    WorkforceLine,
)
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.matrix.query import Scope
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from ancrage.referentiel.factories import OccupationFactory, VocabularyEntryFactory
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from ancrage.territory.models import BmoBasin
from tests.gpec.figures_helpers import TODAY, declare, of_cluster

pytestmark = pytest.mark.django_db


def headcounts(population_):
    """{occupation label: (headcount, organisations)}."""
    return {
        item.occupation.label: (item.headcount.value, item.headcount.organisations)
        for item in occupations.occupation_figures(population_, assumptions.defaults())
    }


def latest_ids(population_, model=WorkforceLine):
    sql, params = population_.latest_sql(model)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM ({sql}) facts", params)  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def usinage():
    return OccupationFactory(label="Usinage")


def test_the_latest_declaration_replaces_the_earlier_one(usinage):
    membership = MembershipFactory()
    cluster, organisation = membership.cluster, membership.organisation
    soudage = OccupationFactory(label="Soudage")
    declare(
        cluster,
        organisation,
        on=datetime.date(2025, 5, 1),
        workforce=[(usinage, {"headcount": 99}), (soudage, {"headcount": 4})],
    )
    declare(
        cluster,
        organisation,
        on=datetime.date(2026, 5, 1),
        workforce=[(usinage, {"headcount": 12})],
    )
    # Soudage is not in the latest declaration: it no longer counts.
    assert headcounts(of_cluster(cluster)) == {"Usinage": (12, 1)}
    # A year earlier, the earlier declaration was the latest.
    assert headcounts(of_cluster(cluster).shifted(years=-1)) == {
        "Usinage": (99, 1),
        "Soudage": (4, 1),
    }


def test_facts_older_than_the_freshness_do_not_count(usinage):
    a, b = MembershipFactory(), MembershipFactory()
    b.cluster = a.cluster
    b.save()
    declare(
        a.cluster,
        a.organisation,
        on=datetime.date(2023, 5, 1),
        workforce=[(usinage, {"headcount": 7})],
    )
    declare(
        a.cluster,
        b.organisation,
        on=datetime.date(2026, 5, 1),
        workforce=[(usinage, {"headcount": 5})],
    )
    # 36 months before 30/06/2026 is 30/06/2023: the declaration of 01/05/2023 is too old.
    assert headcounts(of_cluster(a.cluster)) == {"Usinage": (5, 1)}
    assert headcounts(of_cluster(a.cluster, freshness_months=48)) == {"Usinage": (12, 2)}
    # A declaration after the day of the figures does not count either.
    assert headcounts(of_cluster(a.cluster, as_of=datetime.date(2026, 4, 30))) == {
        "Usinage": (7, 1)
    }


def test_only_active_members_of_the_cluster_count(usinage):
    membership = MembershipFactory()
    cluster = membership.cluster
    declare(cluster, membership.organisation, workforce=[(usinage, {"headcount": 3})])
    former = MembershipFactory(cluster=cluster, status=Membership.Status.FORMER)
    declare(cluster, former.organisation, workforce=[(usinage, {"headcount": 50})])
    # Another cluster's facts about one of our members.
    other = ClusterFactory()
    MembershipFactory(cluster=other, organisation=membership.organisation)
    declare(other, membership.organisation, on=TODAY, workforce=[(usinage, {"headcount": 40})])
    assert headcounts(of_cluster(cluster)) == {"Usinage": (3, 1)}


def test_across_a_network_an_organisation_counts_once(usinage):
    network = NetworkFactory()
    first, second = ClusterFactory(network=network), ClusterFactory(network=network)
    both = MembershipFactory(cluster=first)
    MembershipFactory(cluster=second, organisation=both.organisation)
    only = MembershipFactory(cluster=second)
    declare(
        first,
        both.organisation,
        on=datetime.date(2026, 1, 10),
        workforce=[(usinage, {"headcount": 8})],
    )
    declare(
        second,
        both.organisation,
        on=datetime.date(2026, 3, 10),
        workforce=[(usinage, {"headcount": 9})],
    )
    declare(second, only.organisation, workforce=[(usinage, {"headcount": 1})])
    scope = Scope.of_network(network)
    whole = population.for_request(scope, QueryDict(""), as_of=TODAY)
    # The organisation in both clusters counts once, with its latest source (9).
    assert headcounts(whole) == {"Usinage": (10, 2)}


def test_a_later_declaration_without_forecasts_drops_the_earlier_ones(usinage):
    """A declaration is a complete statement; a survey answer is not."""
    membership = MembershipFactory()
    cluster, organisation = membership.cluster, membership.organisation
    declare(
        cluster,
        organisation,
        on=datetime.date(2025, 5, 1),
        workforce=[(usinage, {"headcount": 10})],
        forecasts=[(usinage, {"creations_1y": 2})],
    )
    assert latest_ids(of_cluster(cluster), OccupationForecast)
    declare(
        cluster,
        organisation,
        on=datetime.date(2026, 5, 1),
        workforce=[(usinage, {"headcount": 12})],
    )
    assert latest_ids(of_cluster(cluster), OccupationForecast) == set()
    assert headcounts(of_cluster(cluster)) == {"Usinage": (12, 1)}
    # A survey answer after the declaration adds its forecasts: the workforce stays.
    OccupationForecast.objects.create(
        cluster=cluster,
        organisation=organisation,
        observed_on=datetime.date(2026, 6, 1),
        source="survey",
        source_key="survey-response:1",
        source_label="Baromètre",
        occupation=usinage,
        creations_1y=3,
    )
    forecasts = OccupationForecast.objects.filter(
        id__in=latest_ids(of_cluster(cluster), OccupationForecast)
    )
    assert [forecast.creations_1y for forecast in forecasts] == [3]
    assert headcounts(of_cluster(cluster)) == {"Usinage": (12, 1)}


def test_across_a_network_a_cluster_the_organisation_left_does_not_count(usinage):
    network = NetworkFactory()
    kept, left = ClusterFactory(network=network), ClusterFactory(network=network)
    active = MembershipFactory(cluster=kept)
    MembershipFactory(
        cluster=left, organisation=active.organisation, status=Membership.Status.FORMER
    )
    declare(
        kept,
        active.organisation,
        on=datetime.date(2026, 1, 10),
        workforce=[(usinage, {"headcount": 8})],
    )
    declare(
        left,
        active.organisation,
        on=datetime.date(2026, 3, 10),
        workforce=[(usinage, {"headcount": 500})],
    )
    whole = population.for_request(Scope.of_network(network), QueryDict(""), as_of=TODAY)
    assert headcounts(whole) == {"Usinage": (8, 1)}


def test_territory_filters_narrow_the_population(usinage):
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    loire = DepartmentFactory(code="44", name="Loire-Atlantique")
    lorient = BmoBasin.objects.create(code="5301", name="Lorient")
    a = MembershipFactory(
        organisation__commune=CommuneFactory(department=morbihan, bmo_basin=lorient)
    )
    cluster = a.cluster
    b = MembershipFactory(cluster=cluster, organisation__commune=CommuneFactory(department=loire))
    declare(cluster, a.organisation, workforce=[(usinage, {"headcount": 3})])
    declare(cluster, b.organisation, workforce=[(usinage, {"headcount": 4})])
    assert headcounts(of_cluster(cluster)) == {"Usinage": (7, 2)}
    assert headcounts(of_cluster(cluster, "departement=56")) == {"Usinage": (3, 1)}
    assert headcounts(of_cluster(cluster, "bassin=5301")) == {"Usinage": (3, 1)}
    # An unknown basin is dropped, as the matrix drops unknown values.
    assert of_cluster(cluster, "bassin=9999&bassin=<x>").basins == ()


def test_of_organisation_keeps_one(usinage):
    a, b = MembershipFactory(), MembershipFactory()
    b.cluster = a.cluster
    b.save()
    declare(a.cluster, a.organisation, workforce=[(usinage, {"headcount": 3})])
    declare(a.cluster, b.organisation, workforce=[(usinage, {"headcount": 4})])
    own = of_cluster(a.cluster).of_organisation(b.organisation.pk)
    assert headcounts(own) == {"Usinage": (4, 1)}
    assert len(latest_ids(own)) == 1


def test_a_matrix_filter_keeps_the_members_whose_profile_matches(usinage):
    a, b, c = MembershipFactory(), MembershipFactory(), MembershipFactory()
    cluster = a.cluster
    for membership in (b, c):
        membership.cluster = cluster
        membership.save()
    chaudronnier = VocabularyEntryFactory(cluster=cluster, occupation=OccupationFactory())
    MatrixProfileFactory(membership=a, occupation=chaudronnier)
    MatrixProfileFactory(membership=b)  # another métier
    for membership, headcount in ((a, 3), (b, 4), (c, 5)):  # c has no profile
        declare(cluster, membership.organisation, workforce=[(usinage, {"headcount": headcount})])
    assert headcounts(of_cluster(cluster)) == {"Usinage": (12, 3)}
    assert headcounts(of_cluster(cluster, f"metier={chaudronnier.pk}")) == {"Usinage": (3, 1)}


def test_across_a_network_the_more_recent_import_of_a_territory_counts_once(usinage):
    network = NetworkFactory()
    first, second = ClusterFactory(network=network), ClusterFactory(network=network)
    lorient = BmoBasin.objects.create(code="5301", name="Lorient")
    commune = CommuneFactory(bmo_basin=lorient)
    MembershipFactory(cluster=first, organisation__commune=commune)
    for cluster, seekers, days_ago in ((first, 40, 10), (second, 45, 2)):
        batch = ExternalSupplyImport.objects.create(
            cluster=cluster,
            label="France Travail",
            period_end=TODAY,
            imported_at=timezone.now() - datetime.timedelta(days=days_ago),
        )
        ExternalSupply.objects.create(
            batch=batch, occupation=usinage, bmo_basin=lorient, job_seekers=seekers
        )
    whole = population.for_request(Scope.of_network(network), QueryDict(""), as_of=TODAY)
    assert supply.external(whole, [usinage.pk])[usinage.pk].value == 45
