import factory
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.gpec.models import (
    Action,
    Declaration,
    Lever,
    OccupationForecast,
    SkillNeed,
    Source,
    WorkforceLine,
)
from ancrage.organisations.factories import OrganisationFactory
from ancrage.referentiel.factories import OccupationFactory, SkillFactory


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    declared_on = factory.LazyFunction(timezone.localdate)


class WorkforceLineFactory(factory.django.DjangoModelFactory):
    """A workforce line of a declaration: `WorkforceLineFactory(declaration=d)`."""

    class Meta:
        model = WorkforceLine
        exclude = ["declaration"]

    declaration = factory.SubFactory(DeclarationFactory)
    cluster = factory.SelfAttribute("declaration.cluster")
    organisation = factory.SelfAttribute("declaration.organisation")
    observed_on = factory.SelfAttribute("declaration.declared_on")
    source = Source.DECLARATION
    source_key = factory.LazyAttribute(lambda o: o.declaration.source_key)
    source_label = "Déclaration"
    occupation = factory.SubFactory(OccupationFactory)
    headcount = 10


class OccupationForecastFactory(factory.django.DjangoModelFactory):
    """Forecasts of a declaration: `OccupationForecastFactory(declaration=d, creations_1y=2)`."""

    class Meta:
        model = OccupationForecast
        exclude = ["declaration"]

    declaration = factory.SubFactory(DeclarationFactory)
    cluster = factory.SelfAttribute("declaration.cluster")
    organisation = factory.SelfAttribute("declaration.organisation")
    observed_on = factory.SelfAttribute("declaration.declared_on")
    source = Source.DECLARATION
    source_key = factory.LazyAttribute(lambda o: o.declaration.source_key)
    source_label = "Déclaration"
    occupation = factory.SubFactory(OccupationFactory)


class SkillNeedFactory(factory.django.DjangoModelFactory):
    """A skill need of a declaration: `SkillNeedFactory(declaration=d, skill=s, people=2)`."""

    class Meta:
        model = SkillNeed
        exclude = ["declaration"]

    declaration = factory.SubFactory(DeclarationFactory)
    cluster = factory.SelfAttribute("declaration.cluster")
    organisation = factory.SelfAttribute("declaration.organisation")
    observed_on = factory.SelfAttribute("declaration.declared_on")
    source = Source.DECLARATION
    source_key = factory.LazyAttribute(lambda o: o.declaration.source_key)
    source_label = "Déclaration"
    skill = factory.SubFactory(SkillFactory)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    cluster = factory.SubFactory(ClusterFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    lever = Lever.TRAIN
    owner = "Chargée de mission emploi-compétences"
