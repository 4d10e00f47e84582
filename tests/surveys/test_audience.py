"""Who a campaign invites: all active members, or those the matrix
cross-filter keeps (only members with a matrix profile), or nobody but the
non-members; and the addresses to write to."""

import pytest

from ancrage.clusters.factories import ClusterFactory
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.organisations.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationUserFactory,
)
from ancrage.organisations.models import Membership, Role
from ancrage.surveys import audience
from ancrage.surveys.factories import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    return ClusterFactory()


def names(memberships):
    return sorted(m.organisation.name for m in memberships.select_related("organisation"))


def test_every_active_member_by_default(cluster):
    MembershipFactory(cluster=cluster, organisation__name="Active")
    MembershipFactory(cluster=cluster, organisation__name="Partie", status=Membership.Status.FORMER)
    MembershipFactory(organisation__name="Ailleurs")
    assert names(audience.member_memberships(cluster)) == ["Active"]
    assert names(audience.member_memberships(cluster, audience_members=False)) == []


def test_the_matrix_filter_keeps_matching_profiles_only(cluster):
    big = MatrixProfileFactory(
        membership__cluster=cluster,
        membership__organisation__name="Grande",
        membership__organisation__headcount=800,
    )
    MatrixProfileFactory(
        membership__cluster=cluster,
        membership__organisation__name="Petite",
        membership__organisation__headcount=5,
    )
    MembershipFactory(
        cluster=cluster, organisation__name="Sans profil", organisation__headcount=900
    )
    kept = audience.member_memberships(cluster, True, "size=eti")
    assert names(kept) == [big.membership.organisation.name]
    # A selection whose values all vanished keeps nobody rather than everyone.
    assert names(audience.member_memberships(cluster, True, "size=zzz")) == []


def test_users_first_then_the_main_contact(cluster):
    users = MembershipFactory(cluster=cluster).organisation
    OrganisationUserFactory(organisation=users, user__email="b@x.fr")
    OrganisationUserFactory(organisation=users, user__email="a@x.fr")
    OrganisationUserFactory(organisation=users, user__email="off@x.fr", user__is_active=False)
    ContactFactory(organisation=users, email="contact@x.fr", cluster=None)
    contacts = MembershipFactory(cluster=cluster).organisation
    ContactFactory(organisation=contacts, email="dir@y.fr", role=Role.DIRECTOR, cluster=None)
    ContactFactory(organisation=contacts, email="rh@y.fr", role=Role.HR, cluster=cluster)
    ContactFactory(
        organisation=contacts, email="secret@y.fr", role=Role.HR, cluster=ClusterFactory()
    )
    nobody = MembershipFactory(cluster=cluster).organisation
    found = audience.addresses([users.pk, contacts.pk, nobody.pk], cluster)
    assert found == {users.pk: ["a@x.fr", "b@x.fr"], contacts.pk: ["rh@y.fr"]}


def test_planned_members_show_who_has_no_address(cluster):
    campaign = CampaignFactory(cluster=cluster)
    MembershipFactory(cluster=cluster, organisation__name="Muette")
    planned = audience.planned_members(campaign)
    assert [(organisation.name, emails) for organisation, emails in planned] == [("Muette", [])]


def test_a_non_member_found_by_siren_is_written_to_the_address_it_was_invited_with(cluster):
    from ancrage.surveys.factories import InviteeFactory

    organisation = OrganisationUserFactory(user__email="user@z.fr").organisation
    invitee = InviteeFactory(
        campaign=CampaignFactory(cluster=cluster),
        organisation=organisation,
        email="fichier@z.fr",
        is_member=False,
    )
    assert audience.recipients(invitee) == ["fichier@z.fr"]
    member = InviteeFactory(campaign=invitee.campaign, email="ignored@z.fr")
    OrganisationUserFactory(organisation=member.organisation, user__email="m@z.fr")
    assert audience.recipients(member) == ["m@z.fr"]
