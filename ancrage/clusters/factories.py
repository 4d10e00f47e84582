import factory
from django.utils.text import slugify

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.models import Cluster, ClusterStaff, Network, StaffInvitation
from ancrage.territory.factories import CommuneFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ["slug"]

    name = "France Clusters"
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Cluster.Kind.GRAPPE
    filiere = "Mécanique et métallurgie"
    seat = factory.SubFactory(CommuneFactory)
    founded_year = 2005


class ClusterStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClusterStaff

    cluster = factory.SubFactory(ClusterFactory)
    user = factory.SubFactory(UserFactory, with_mfa=True)
    role = ClusterStaff.Role.OFFICER

    class Params:
        admin = factory.Trait(role=ClusterStaff.Role.ADMIN)


class StaffInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffInvitation

    cluster = factory.SubFactory(ClusterFactory)
    email = factory.Sequence(lambda n: f"invite{n}@exemple.fr")
    first_name = "Camille"
    last_name = "Invitée"
    role = ClusterStaff.Role.OFFICER
