"""A small cluster with GPEC declarations, for the dashboard's tests.

Cluster Alpha (the cast's) has five members: « Usinage Alpha » (the cast's,
no commune), three in Lorient (Morbihan, basin « Lorient ») and one in
Saint-Nazaire (Loire-Atlantique). Declared 30 days ago:

| member        | Usinage H2903: headcount (ages), forecasts at 1 year | Soudage H2913       |
|---------------|------------------------------------------------------|---------------------|
| Usinage Alpha | 10 (1,2,2,1,2,2), creations 1, difficulty 4          |                     |
| Lorient 1     | 20 (2,4,4,4,4,2), retirements 1, creations 2         | 3 (0,1,1,0,1,0), +1 |
| Lorient 2     | 6 (no age bands), creations 3, difficulty 3          |                     |
| Lorient 3     | 4 (0,1,1,1,1,0)                                      |                     |
| Nazaire       |                                                      | 2 (0,0,1,0,0,1)     |

and Usinage Alpha declared 400 days ago 8 in Usinage (needs at 1 year 2).
Needs at 1 year (defaults 60+: 0.3, 55–59: 0.02):
Usinage = (0.3×2 + 0.02×2 + 1) + (1 + 2) + 3 + (0.02×1) = 7.66;
Soudage = 0.02×1 + 1 + 0.3×1 = 1.32 (2 organisations: fragile).
The skill « Programmation de commande numérique » is needed by Usinage Alpha
(2 people), Lorient 1 (1) and Lorient 2 (3); only Lorient 1's matrix profile
lists it (fragile), and nobody declared it before (emerging)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ancrage.gpec.factories import (
    DeclarationFactory,
    OccupationForecastFactory,
    SkillNeedFactory,
    WorkforceLineFactory,
)
from ancrage.matrix.factories import MatrixProfileFactory, ProfileSkillFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.factories import (
    OccupationFactory,
    SkillFactory,
    VocabularyEntryFactory,
)
from ancrage.territory.factories import CommuneFactory
from ancrage.territory.models import BmoBasin, Commune, Department


def bands(*counts):
    names = (
        "age_under_25",
        "age_25_34",
        "age_35_44",
        "age_45_54",
        "age_55_59",
        "age_60_plus",
    )
    return dict(zip(names, counts, strict=True))


@dataclass
class Sample:
    usinage: object
    soudage: object
    skill: object
    members: dict  # name: Organisation
    recent: datetime.date


def declare(cluster, organisation, on, workforce=(), forecasts=(), skills=()):
    declaration = DeclarationFactory(cluster=cluster, organisation=organisation, declared_on=on)
    for occupation, values in workforce:
        WorkforceLineFactory(declaration=declaration, occupation=occupation, **values)
    for occupation, values in forecasts:
        OccupationForecastFactory(declaration=declaration, occupation=occupation, **values)
    for skill, values in skills:
        SkillNeedFactory(declaration=declaration, skill=skill, **values)
    return declaration


def build(cast):
    cluster = cast.cluster_a
    today = timezone.localdate()
    recent = today - datetime.timedelta(days=30)
    year_ago = today - datetime.timedelta(days=400)
    usinage = OccupationFactory(code="H2903", label="Usinage")
    soudage = OccupationFactory(code="H2913", label="Soudage")
    skill = SkillFactory(label="Programmation de commande numérique")
    basin = BmoBasin.objects.create(code="5301", name="Lorient")
    lorient = Commune.objects.get(code="56121")
    lorient.bmo_basin = basin
    lorient.latitude, lorient.longitude = 47.75, -3.37
    lorient.save()
    nazaire = CommuneFactory(
        code="44185", name="Saint-Nazaire Est", department=Department.objects.get(code="44")
    )
    members = {"Usinage Alpha": Organisation.objects.get(name="Usinage Alpha")}
    for name, commune in (
        ("Lorient 1", lorient),
        ("Lorient 2", lorient),
        ("Lorient 3", lorient),
        ("Nazaire", nazaire),
    ):
        members[name] = MembershipFactory(
            cluster=cluster, organisation__name=name, organisation__commune=commune
        ).organisation
    # Every member has a matrix profile (the matrix filters read it); only
    # Lorient 1 lists the skill as a key skill: it is fragile.
    entry = VocabularyEntryFactory(cluster=cluster, for_skill=True, skill=skill)
    for organisation in members.values():
        profile = MatrixProfileFactory(
            membership=Membership.objects.get(cluster=cluster, organisation=organisation)
        )
        if organisation.name == "Lorient 1":
            ProfileSkillFactory(profile=profile, entry=entry)
    declare(
        cluster,
        members["Usinage Alpha"],
        year_ago,
        workforce=[(usinage, {"headcount": 8, **bands(1, 2, 2, 1, 1, 1)})],
        forecasts=[(usinage, {"creations_1y": 2, "retirements_1y": 0})],
    )
    declare(
        cluster,
        members["Usinage Alpha"],
        recent,
        workforce=[(usinage, {"headcount": 10, **bands(1, 2, 2, 1, 2, 2)})],
        forecasts=[(usinage, {"creations_1y": 1, "difficulty": 4})],
        skills=[(skill, {"people": 2, "horizon_years": 1})],
    )
    declare(
        cluster,
        members["Lorient 1"],
        recent,
        workforce=[
            (usinage, {"headcount": 20, **bands(2, 4, 4, 4, 4, 2)}),
            (soudage, {"headcount": 3, **bands(0, 1, 1, 0, 1, 0)}),
        ],
        forecasts=[
            (usinage, {"retirements_1y": 1, "creations_1y": 2, "difficulty": 2}),
            (soudage, {"creations_1y": 1}),
        ],
        skills=[(skill, {"people": 1, "horizon_years": 1})],
    )
    declare(
        cluster,
        members["Lorient 2"],
        recent,
        workforce=[(usinage, {"headcount": 6})],
        forecasts=[(usinage, {"creations_1y": 3, "difficulty": 3})],
        skills=[(skill, {"people": 3, "horizon_years": 3})],
    )
    declare(
        cluster,
        members["Lorient 3"],
        recent,
        workforce=[(usinage, {"headcount": 4, **bands(0, 1, 1, 1, 1, 0)})],
    )
    declare(
        cluster,
        members["Nazaire"],
        recent,
        workforce=[(soudage, {"headcount": 2, **bands(0, 0, 1, 0, 0, 1)})],
    )
    return Sample(usinage, soudage, skill, members, recent)
