import factory
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.jobs.models import Contract, Offer, OfferSkill, Publication
from ancrage.organisations.factories import OrganisationFactory
from ancrage.organisations.models import Membership
from ancrage.referentiel.factories import SkillFactory
from ancrage.territory.factories import CommuneFactory


class OfferFactory(factory.django.DjangoModelFactory):
    """A draft offer; `OfferFactory(published_on=cluster)` is not a thing:
    use `PublicationFactory` for an offer on a job board."""

    class Meta:
        model = Offer

    organisation = factory.SubFactory(OrganisationFactory)
    title = "Usineur / usineuse sur commande numérique"
    description = "Réglage et conduite de centres d'usinage 5 axes, en équipe de jour."
    contract = Contract.CDI
    commune = factory.SubFactory(CommuneFactory)


class PublishedOfferFactory(OfferFactory):
    status = Offer.Status.PUBLISHED
    published_on = factory.LazyFunction(timezone.localdate)


class PublicationFactory(factory.django.DjangoModelFactory):
    """An offer published on a cluster's job board, its organisation an
    active member of the cluster (`membership=False` for none)."""

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    offer = factory.SubFactory(PublishedOfferFactory)
    cluster = factory.SubFactory(ClusterFactory)
    status = Publication.Status.PUBLISHED

    @factory.post_generation
    def membership(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Membership.objects.get_or_create(
                cluster=self.cluster, organisation=self.offer.organisation
            )


class OfferSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferSkill

    offer = factory.SubFactory(OfferFactory)
    skill = factory.SubFactory(SkillFactory)
