"""The lists the migrations seed (activities, markets), put back when a
transactional test's flush emptied them."""

import importlib

from django.apps import apps

SEEDED_LISTS = importlib.import_module("ancrage.referentiel.migrations.0002_activities_and_markets")


def ensure_seeded_lists():
    from ancrage.referentiel.models import Activity, Market

    if not (Activity.objects.exists() and Market.objects.exists()):
        SEEDED_LISTS.seed(apps, None)
