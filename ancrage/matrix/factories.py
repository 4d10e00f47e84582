import factory

from ancrage.matrix.models import (
    MatrixProfile,
    ProfileActivity,
    ProfileMarket,
    ProfileSkill,
    Proposal,
    State,
)
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import VocabularyEntryFactory


class MatrixProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatrixProfile

    membership = factory.SubFactory(MembershipFactory)
    occupation = factory.SubFactory(
        VocabularyEntryFactory, cluster=factory.SelfAttribute("..membership.cluster")
    )
    state = State.DRAFT

    class Params:
        validated = factory.Trait(state=State.VALIDATED)


class ProfileSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProfileSkill

    profile = factory.SubFactory(MatrixProfileFactory)
    entry = factory.SubFactory(
        VocabularyEntryFactory,
        for_skill=True,
        cluster=factory.SelfAttribute("..profile.membership.cluster"),
    )


class ProfileActivityFactory(factory.django.DjangoModelFactory):
    """Activities are the seeded list: pass `activity=Activity.objects.get(…)`."""

    class Meta:
        model = ProfileActivity

    profile = factory.SubFactory(MatrixProfileFactory)


class ProfileMarketFactory(factory.django.DjangoModelFactory):
    """Markets are the seeded list: pass `market=Market.objects.get(…)`."""

    class Meta:
        model = ProfileMarket

    profile = factory.SubFactory(MatrixProfileFactory)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    profile = factory.SubFactory(MatrixProfileFactory)
    content = factory.LazyFunction(dict)
