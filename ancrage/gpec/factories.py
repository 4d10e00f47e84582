import factory
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.gpec.models import Declaration, Source, WorkforceLine
from ancrage.organisations.factories import OrganisationFactory
from ancrage.referentiel.factories import OccupationFactory


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
