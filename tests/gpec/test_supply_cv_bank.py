"""Supply per occupation from the CV bank: the candidates with an active
consent to the cluster, seeking the occupation, living in the basins (or
départements) of the population's organisations."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from ancrage.clusters.factories import NetworkFactory
from ancrage.clusters.models import Cluster
from ancrage.gpec import population as population_module
from ancrage.gpec import supply
from ancrage.jobs.factories import CandidateProfileFactory, ConsentFactory
from ancrage.matrix.query import Scope
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from ancrage.territory.models import BmoBasin
from tests.gpec.figures_helpers import TODAY, of_cluster

pytestmark = pytest.mark.django_db

# Before the populations' day (TODAY).
GIVEN = timezone.make_aware(datetime.datetime(2026, 1, 1))


@pytest.fixture
def territory():
    """Two members in the Lorient basin (Morbihan), one in Nantes' (Loire-Atlantique)."""
    lorient = BmoBasin.objects.create(code="5301", name="Lorient")
    nantes = BmoBasin.objects.create(code="5201", name="Nantes")
    brest = BmoBasin.objects.create(code="5302", name="Brest")
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    loire = DepartmentFactory(code="44", name="Loire-Atlantique")
    finistere = DepartmentFactory(code="29", name="Finistère")
    places = {
        "lorient": CommuneFactory(department=morbihan, bmo_basin=lorient),
        "lanester": CommuneFactory(department=morbihan, bmo_basin=lorient),
        "nantes": CommuneFactory(department=loire, bmo_basin=nantes),
        "brest": CommuneFactory(department=finistere, bmo_basin=brest),
        "morbihan_no_basin": CommuneFactory(department=morbihan, bmo_basin=None),
        "finistere_no_basin": CommuneFactory(department=finistere, bmo_basin=None),
    }
    first = MembershipFactory(organisation__commune=places["lorient"])
    cluster = first.cluster
    MembershipFactory(cluster=cluster, organisation__commune=places["lanester"])
    MembershipFactory(cluster=cluster, organisation__commune=places["nantes"])
    return cluster, places


def seeker(cluster, commune, *occupations, **consent):
    profile = CandidateProfileFactory(commune=commune)
    profile.occupations.set(occupations)
    consent.setdefault("given_at", GIVEN)
    if cluster is not None:
        ConsentFactory(profile=profile, cluster=cluster, **consent)
    return profile


def test_candidates_per_occupation_in_the_territory(territory):
    cluster, places = territory
    welder, machinist, unknown = OccupationFactory(), OccupationFactory(), OccupationFactory()
    seeker(cluster, places["lorient"], welder, machinist)
    seeker(cluster, places["lanester"], welder)
    seeker(cluster, places["nantes"], welder)
    # A commune without basin counts by its département (Morbihan has members).
    seeker(cluster, places["morbihan_no_basin"], machinist)
    # Not counted: outside the territory, no commune, no consent, another
    # cluster, a withdrawn consent, a consent given after the day.
    seeker(cluster, places["brest"], welder)
    seeker(cluster, places["finistere_no_basin"], welder)
    seeker(cluster, None, welder)
    seeker(None, places["lorient"], welder)
    seeker(MembershipFactory().cluster, places["lorient"], welder)
    seeker(
        cluster,
        places["lorient"],
        welder,
        withdrawn_at=timezone.make_aware(datetime.datetime(2026, 3, 1)),
    )
    seeker(
        cluster,
        places["lorient"],
        welder,
        given_at=timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(23)))
        + datetime.timedelta(days=1),
    )

    found = supply.PROVIDERS[0].compute(of_cluster(cluster), [welder.pk, machinist.pk, unknown.pk])

    assert supply.PROVIDERS[0].key == "cv_bank"
    assert found[welder.pk].value == 3
    # The 3 members live in the Lorient and Nantes basins.
    assert found[welder.pk].organisations == 3
    assert found[welder.pk].public and not found[welder.pk].fragile
    assert found[machinist.pk].value == 2
    # Lorient basin (2 members) and Morbihan (the same 2).
    assert found[machinist.pk].organisations == 2
    assert unknown.pk not in found


def test_a_withdrawn_consent_counted_before_its_withdrawal(territory):
    cluster, places = territory
    welder = OccupationFactory()
    seeker(
        cluster,
        places["lorient"],
        welder,
        given_at=timezone.make_aware(datetime.datetime(2026, 1, 1)),
        withdrawn_at=timezone.make_aware(datetime.datetime(2026, 9, 1)),
    )
    assert supply.supplies(of_cluster(cluster), [welder.pk])[welder.pk].total == 1
    later = of_cluster(cluster, as_of=datetime.date(2026, 10, 1))
    assert supply.supplies(later, [welder.pk])[welder.pk].total is None


def test_network_counts_a_candidate_once(territory):
    cluster, places = territory
    network = NetworkFactory(name="Réseau test")
    other = MembershipFactory(organisation__commune=places["nantes"]).cluster
    Cluster.objects.filter(pk__in=[cluster.pk, other.pk]).update(network=network)
    welder = OccupationFactory()
    profile = seeker(cluster, places["nantes"], welder)
    ConsentFactory(profile=profile, cluster=other, given_at=GIVEN)
    population = population_module.for_request(
        Scope.of_network(network), QueryDict(""), as_of=TODAY
    )
    found = supply.PROVIDERS[0].compute(population, [welder.pk])
    assert found[welder.pk].value == 1


def test_supplies_add_the_cv_bank_to_the_total(territory):
    cluster, places = territory
    welder = OccupationFactory()
    seeker(cluster, places["lorient"], welder)
    seeker(cluster, places["nantes"], welder)
    result = supply.supplies(of_cluster(cluster), [welder.pk])[welder.pk]
    assert result.by_source["cv_bank"].value == 2
    assert result.total == 2
