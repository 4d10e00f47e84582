"""The activity and market lists are seeded by a data migration."""

import importlib

import pytest
from django.apps import apps

from ancrage.referentiel.models import Activity, Market

seeding = importlib.import_module("ancrage.referentiel.migrations.0002_activities_and_markets")

pytestmark = pytest.mark.django_db


def test_the_lists_clusters_use_are_seeded_once_in_order():
    Activity.objects.all().delete()
    Market.objects.all().delete()
    seeding.seed(apps, None)
    seeding.seed(apps, None)  # twice: nothing doubled
    activities = list(Activity.objects.values_list("label", flat=True))
    assert activities[:3] == ["Études avant-projet", "Conception / bureau d'études", "Prototypage"]
    assert {"Usinage", "Mise en service", "Parachèvement", "Logistique"} <= set(activities)
    markets = set(Market.objects.values_list("label", flat=True))
    assert {"Aéronautique", "Énergies marines renouvelables", "Oil & gas", "BTP"} <= markets
    assert Activity.objects.count() == len(seeding.ACTIVITIES) == 20
    assert Market.objects.count() == len(seeding.MARKETS) == 20
    assert str(Market.objects.get(slug="btp")) == "BTP"
