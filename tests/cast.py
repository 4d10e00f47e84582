"""The standard cast every view is tested with, and a helper to log in."""

from dataclasses import dataclass

from django_otp import DEVICE_ID_SESSION_KEY

from ancrage.accounts.factories import AuthorityScopeFactory, UserFactory
from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory

ROLES = ("anonymous", "staff_a", "member_a", "staff_b", "candidate", "authority")


@dataclass
class Cast:
    cluster_a: object
    cluster_b: object
    staff_a: object
    member_a: object
    staff_b: object
    candidate: object
    authority: object

    @classmethod
    def create(cls):
        bretagne = RegionFactory(code="53", name="Bretagne")
        morbihan = DepartmentFactory(code="56", name="Morbihan", region=bretagne)
        pdl = RegionFactory(code="52", name="Pays de la Loire")
        loire_atlantique = DepartmentFactory(code="44", name="Loire-Atlantique", region=pdl)
        lorient = CommuneFactory(code="56121", name="Lorient", department=morbihan)
        saint_nazaire = CommuneFactory(
            code="44184", name="Saint-Nazaire", department=loire_atlantique
        )
        cluster_a = ClusterFactory(name="Cluster Alpha", slug="alpha", seat=lorient)
        cluster_b = ClusterFactory(name="Cluster Bêta", slug="beta", seat=saint_nazaire)
        staff_a = ClusterStaffFactory(
            cluster=cluster_a, admin=True, user__email="staff-a@exemple.fr"
        ).user
        staff_b = ClusterStaffFactory(
            cluster=cluster_b, admin=True, user__email="staff-b@exemple.fr"
        ).user
        membership = MembershipFactory(cluster=cluster_a, organisation__name="Usinage Alpha")
        member_a = OrganisationUserFactory(
            organisation=membership.organisation, user__email="membre-a@exemple.fr"
        ).user
        candidate = UserFactory(email="candidat@exemple.fr", candidate=True)
        authority = AuthorityScopeFactory(
            name="Région Bretagne",
            user=UserFactory(email="autorite@exemple.fr", with_mfa=True),
            regions=[bretagne],
        ).user
        return cls(cluster_a, cluster_b, staff_a, member_a, staff_b, candidate, authority)

    def user(self, role):
        return None if role == "anonymous" else getattr(self, role)


def login(client, user):
    """Log `user` in, with MFA verified when they have a device."""
    client.force_login(user)
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
