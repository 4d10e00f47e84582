"""A cluster whose membership of an organisation is « former » reads it but
changes nothing of it: neither the shared profile, nor its people, nor its
matrix profile; it may still edit (and so reactivate) the membership."""

import pytest
from django.urls import reverse

from ancrage.matrix.models import MatrixProfile
from ancrage.organisations.factories import (
    ContactFactory,
    EstablishmentFactory,
    MembershipFactory,
    OrganisationInvitationFactory,
)
from ancrage.organisations.models import Membership, Organisation, OrganisationUser
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login


@pytest.fixture
def former(cast):
    """Usinage Alpha, active member of A, former member of B."""
    organisation = Organisation.objects.get(name="Usinage Alpha")
    MembershipFactory(
        cluster=cast.cluster_b, organisation=organisation, status=Membership.Status.FORMER
    )
    return organisation


def test_former_members_page_is_read_only(client, cast, former):
    login(client, cast.staff_b)
    response = client.get(reverse("members:detail", args=[former.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ancien adhérent : la fiche" in page
    assert reverse("members:edit", args=[former.pk]) not in page
    assert reverse("members:invite", args=[former.pk]) not in page
    assert reverse("members:contact_add", args=[former.pk]) not in page
    assert reverse("members:membership_edit", args=[former.pk]) in page


def test_former_member_cannot_be_renamed(client, cast, former):
    login(client, cast.staff_b)
    url = reverse("members:edit", args=[former.pk])
    assert client.get(url).status_code == 404
    response = client.post(url, {"name": "Renommée", "kind": "company"})
    assert response.status_code == 404
    former.refresh_from_db()
    assert former.name == "Usinage Alpha"


def test_former_member_people_cannot_be_changed(client, cast, former):
    login(client, cast.staff_b)
    link = OrganisationUser.objects.get(organisation=former)
    contact = ContactFactory(organisation=former)
    establishment = EstablishmentFactory(organisation=former)
    invitation = OrganisationInvitationFactory(organisation=former, cluster=cast.cluster_b)
    refused = [
        reverse("members:invite", args=[former.pk]),
        reverse("members:user_remove", args=[former.pk, link.pk]),
        reverse("members:invitation_resend", args=[former.pk, invitation.pk]),
        reverse("members:invitation_revoke", args=[former.pk, invitation.pk]),
        reverse("members:contact_add", args=[former.pk]),
        reverse("members:contact_edit", args=[former.pk, contact.pk]),
        reverse("members:contact_delete", args=[former.pk, contact.pk]),
        reverse("members:establishment_add", args=[former.pk]),
        reverse("members:establishment_edit", args=[former.pk, establishment.pk]),
        reverse("members:establishment_delete", args=[former.pk, establishment.pk]),
    ]
    for url in refused:
        response = client.post(url, {"email": "intrus@exemple.fr", "first_name": "I"})
        assert response.status_code == 404, url
    assert OrganisationUser.objects.filter(pk=link.pk).exists()
    assert former.contacts.filter(pk=contact.pk).exists()
    assert former.establishments.filter(pk=establishment.pk).exists()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert not OutgoingEmail.objects.exists()


def test_former_membership_can_be_reactivated(client, cast, former):
    login(client, cast.staff_b)
    url = reverse("members:membership_edit", args=[former.pk])
    response = client.post(url, {"status": "active", "since": "", "fee_year": "", "notes": ""})
    assert response.status_code == 302
    membership = Membership.objects.get(cluster=cast.cluster_b, organisation=former)
    assert membership.status == Membership.Status.ACTIVE
    assert client.get(reverse("members:edit", args=[former.pk])).status_code == 200


def test_former_members_matrix_profile_answers_404_and_is_not_created(client, cast, former):
    login(client, cast.staff_b)
    edit = reverse("matrix_profile:staff_edit", args=[former.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {}).status_code == 404
    submit = reverse("matrix_profile:staff_submit", args=[former.pk])
    assert client.post(submit).status_code == 404
    assert not MatrixProfile.objects.filter(membership__cluster=cast.cluster_b).exists()
    assert not OutgoingEmail.objects.exists()


def test_organisation_cannot_validate_or_propose_for_a_former_membership(client, cast, former):
    login(client, cast.member_a)
    slug = cast.cluster_b.slug
    assert client.get(reverse("matrix_profile:member_detail", args=[slug])).status_code == 200
    for name in ("member_validate", "member_send_back", "member_propose"):
        response = client.post(reverse(f"matrix_profile:{name}", args=[slug]), {"note": "x"})
        assert response.status_code == 404, name
    assert client.get(reverse("matrix_profile:member_propose", args=[slug])).status_code == 404
    assert not MatrixProfile.objects.filter(membership__cluster=cast.cluster_b).exists()


def test_ending_a_membership_revokes_its_pending_invitations(client, cast):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    mine = OrganisationInvitationFactory(organisation=organisation, cluster=cast.cluster_a)
    others = MembershipFactory(cluster=cast.cluster_b, organisation=organisation)
    theirs = OrganisationInvitationFactory(organisation=organisation, cluster=others.cluster)
    login(client, cast.staff_a)
    url = reverse("members:membership_edit", args=[organisation.pk])
    client.post(url, {"status": "former", "since": "", "fee_year": "", "notes": ""})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == "revoked"  # its link no longer gives access
    assert theirs.status == "pending"  # cluster B's own invitation is not ours to end
