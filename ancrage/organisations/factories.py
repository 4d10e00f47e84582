import factory

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.factories import ClusterFactory
from ancrage.organisations.models import Membership, Organisation, OrganisationUser


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Faker("company", locale="fr_FR")
    kind = Organisation.Kind.COMPANY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class OrganisationUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationUser

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    job_title = "Dirigeant(e)"
