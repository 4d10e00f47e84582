"""Declaring GPEC facts in a few words, for the tests of the figures."""

import datetime

from django.http import QueryDict

from ancrage.gpec import population
from ancrage.gpec.factories import (
    DeclarationFactory,
    OccupationForecastFactory,
    SkillNeedFactory,
    WorkforceLineFactory,
)
from ancrage.matrix.query import Scope

TODAY = datetime.date(2026, 6, 30)


def bands(*counts):
    """Age bands keyword arguments: bands(1, 2, 2, 1, 2, 2)."""
    names = (
        "age_under_25",
        "age_25_34",
        "age_35_44",
        "age_45_54",
        "age_55_59",
        "age_60_plus",
    )
    return dict(zip(names, counts, strict=True))


def declare(cluster, organisation, on=TODAY, workforce=(), forecasts=(), skills=()):
    """A declaration with its facts: each item is (occupation or skill, {field: value})."""
    declaration = DeclarationFactory(cluster=cluster, organisation=organisation, declared_on=on)
    for occupation, values in workforce:
        WorkforceLineFactory(declaration=declaration, occupation=occupation, **values)
    for occupation, values in forecasts:
        OccupationForecastFactory(declaration=declaration, occupation=occupation, **values)
    for skill, values in skills:
        SkillNeedFactory(declaration=declaration, skill=skill, **values)
    return declaration


def of_cluster(cluster, query="", as_of=TODAY, freshness_months=36):
    return population.for_request(
        Scope.of_cluster(cluster), QueryDict(query), as_of=as_of, freshness_months=freshness_months
    )
