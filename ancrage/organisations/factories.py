import factory

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.factories import ClusterFactory
from ancrage.organisations.models import (
    Contact,
    Establishment,
    Membership,
    Organisation,
    OrganisationInvitation,
    OrganisationUser,
)


def luhn_key(body):
    """The digit that makes `body` + digit pass the Luhn check (SIREN, SIRET)."""
    total = 0
    for index, digit in enumerate(reversed(body)):
        value = int(digit) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def siren_for(number):
    """A SIREN with a valid key, from any number below 100 million (fictitious:
    real SIRENs are not drawn from a sequence)."""
    body = f"{number % 100_000_000:08d}"
    return body + luhn_key(body)


def siret_for(siren, number):
    """A SIRET of `siren` with a valid key (establishment `number`)."""
    body = f"{siren}{number % 10_000:04d}"
    return body + luhn_key(body)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Faker("company", locale="fr_FR")
    kind = Organisation.Kind.COMPANY
    siren = factory.Sequence(lambda n: siren_for(40_000_000 + n))
    listed_publicly = True


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment

    organisation = factory.SubFactory(OrganisationFactory)
    siret = factory.LazyAttributeSequence(lambda o, n: siret_for(o.organisation.siren, n + 1))
    is_head_office = True


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organisation = factory.SubFactory(OrganisationFactory)
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"contact{n}@exemple.fr")


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
    role = OrganisationUser._meta.get_field("role").default
    job_title = "Dirigeant(e)"


class OrganisationInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationInvitation

    organisation = factory.SubFactory(OrganisationFactory)
    cluster = factory.SubFactory(ClusterFactory)
    email = factory.Sequence(lambda n: f"invite-orga{n}@exemple.fr")
    first_name = "Dominique"
    last_name = "Invitée"
