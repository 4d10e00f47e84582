import factory
from django.utils import timezone

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.factories import ClusterFactory
from ancrage.jobs.consent import consent_text
from ancrage.jobs.models import (
    Application,
    CandidateProfile,
    Consent,
    Contract,
    Offer,
    OfferSkill,
    Publication,
    SavedSearch,
)
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


class CandidateProfileFactory(factory.django.DjangoModelFactory):
    """A candidate's profile (no CV file: pass `cv=FileFactory()`)."""

    class Meta:
        model = CandidateProfile

    user = factory.SubFactory(UserFactory, candidate=True)
    headline = "Usineur / usineuse sur commande numérique"
    summary = "Cinq ans de conduite de centres d'usinage, réglage et contrôle des pièces."
    commune = factory.SubFactory(CommuneFactory)
    mobility_km = 30
    contracts = factory.LazyFunction(lambda: [Contract.CDI])


class ConsentFactory(factory.django.DjangoModelFactory):
    """The candidate lets the members of `cluster` see their profile."""

    class Meta:
        model = Consent

    profile = factory.SubFactory(CandidateProfileFactory)
    cluster = factory.SubFactory(ClusterFactory)
    text = factory.LazyAttribute(lambda o: consent_text(o.cluster))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    offer = factory.SubFactory(PublishedOfferFactory)
    candidate = factory.SubFactory(CandidateProfileFactory)
    message = "Votre offre correspond à mon expérience, je serais ravi d'en parler."


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedSearch

    user = factory.SubFactory(UserFactory, candidate=True)
    name = "Usinage"
    query = factory.LazyFunction(lambda: {"q": "usinage"})
