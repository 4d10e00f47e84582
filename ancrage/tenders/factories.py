import factory

from ancrage.clusters.factories import ClusterFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.tenders.models import Candidate, Consortium, Requirement, Tender


class TenderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tender

    cluster = factory.SubFactory(ClusterFactory)
    title = factory.Sequence(lambda n: f"Appel d'offres {n}")
    client = "Chantiers de l'Atlantique (fictif)"


class RequirementFactory(factory.django.DjangoModelFactory):
    """A skill requirement; pass `skill=None, activity=…` for an activity."""

    class Meta:
        model = Requirement

    tender = factory.SubFactory(TenderFactory)
    skill = factory.SubFactory(
        VocabularyEntryFactory, for_skill=True, cluster=factory.SelfAttribute("..tender.cluster")
    )


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    tender = factory.SubFactory(TenderFactory)
    membership = factory.SubFactory(
        MembershipFactory, cluster=factory.SelfAttribute("..tender.cluster")
    )


class ConsortiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consortium

    tender = factory.SubFactory(TenderFactory)
