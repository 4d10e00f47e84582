"""Accepting a cluster invitation never changes the role of someone already in
the team, and closes the other open invitations for the same address."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from ancrage.clusters.factories import ClusterStaffFactory, StaffInvitationFactory
from ancrage.clusters.models import ClusterStaff
from tests.cast import login


def accept(client, invitation):
    return client.post(reverse("accounts:invitation", args=[invitation.token]))


def test_an_old_officer_invitation_does_not_demote_an_admin(client, cast):
    officer_invitation = StaffInvitationFactory(
        cluster=cast.cluster_a, email=cast.staff_a.email, role=ClusterStaff.Role.OFFICER
    )
    login(client, cast.staff_a)

    accept(client, officer_invitation)

    assert ClusterStaff.objects.get(cluster=cast.cluster_a, user=cast.staff_a).is_admin
    officer_invitation.refresh_from_db()
    assert officer_invitation.status == "accepted"


def test_accepting_revokes_the_other_open_invitations_for_the_address(client, cast):
    person = ClusterStaffFactory(cluster=cast.cluster_b, user__email="camille@exemple.fr").user
    admin_invitation = StaffInvitationFactory(
        cluster=cast.cluster_a, email="camille@exemple.fr", role=ClusterStaff.Role.ADMIN
    )
    older = StaffInvitationFactory(
        cluster=cast.cluster_a,
        email="Camille@Exemple.fr",
        expires_at=timezone.now() - timedelta(days=1),
    )
    elsewhere = StaffInvitationFactory(cluster=cast.cluster_b, email="camille@exemple.fr")
    login(client, person)

    accept(client, admin_invitation)

    older.refresh_from_db()
    elsewhere.refresh_from_db()
    assert older.status == "revoked"
    assert elsewhere.status == "pending"  # another cluster's invitation is its business
    membership = ClusterStaff.objects.get(cluster=cast.cluster_a, user=person)
    assert membership.is_admin
    assert accept(client, older).status_code == 410
