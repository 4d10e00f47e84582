"""Distances between communes: the SQL filter agrees with the Python
formula, keeps what is inside the radius and drops the rest."""

import pytest

from ancrage.jobs.factories import OfferFactory
from ancrage.jobs.models import Offer
from ancrage.territory.distance import box, distance_km, within
from ancrage.territory.factories import CommuneFactory

pytestmark = pytest.mark.django_db

PARIS = (48.8566, 2.3522)


def test_paris_to_lyon_is_about_391_km():
    assert round(distance_km(*PARIS, 45.7640, 4.8357)) == 391


def test_the_box_holds_the_circle():
    (lat_min, lat_max), (_, lon_max) = box(*PARIS, 50)
    assert lat_min < PARIS[0] < lat_max
    # 50 km north and east are inside the box.
    assert lat_max - PARIS[0] == pytest.approx(50 / 111.19, rel=1e-3)
    assert lon_max - PARIS[1] > lat_max - PARIS[0]


def test_within_keeps_the_rows_inside_the_radius_with_their_distance():
    versailles = CommuneFactory(name="Versailles", latitude=48.8049, longitude=2.1204)
    lyon = CommuneFactory(name="Lyon", latitude=45.7640, longitude=4.8357)
    unknown = CommuneFactory(name="Sans coordonnées")
    near = OfferFactory(commune=versailles)
    OfferFactory(commune=lyon)
    OfferFactory(commune=unknown)

    found = list(within(Offer.objects.all(), *PARIS, 30))

    assert found == [near]
    assert found[0].distance_km == pytest.approx(
        distance_km(*PARIS, versailles.latitude, versailles.longitude), abs=0.01
    )
    assert len(within(Offer.objects.all(), *PARIS, 400)) == 2
