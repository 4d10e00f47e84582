"""Staff invite people to act for a member organisation; the invitation is
accepted on the usual page; the new user then works in the organisation's
own space. Resend, revoke and removal like the cluster team screens."""

from django.urls import reverse

from ancrage.accounts.models import AuditEntry, User
from ancrage.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    OrganisationInvitationFactory,
    OrganisationUserFactory,
)
from ancrage.organisations.models import Organisation, OrganisationInvitation, OrganisationUser
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login


def usinage(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def invite(client, organisation, **data):
    payload = {
        "email": "Ana.Lopes@Exemple.fr",
        "first_name": "Ana",
        "last_name": "Lopes",
        "role": "hr",
        **data,
    }
    return client.post(reverse("members:invite", args=[organisation.pk]), payload)


def test_invitation_then_acceptance_then_the_new_user_acts_for_the_organisation(client, cast):
    organisation = usinage(cast)
    login(client, cast.staff_a)
    response = invite(client, organisation)
    assert response["Location"].endswith("#utilisateurs")
    invitation = OrganisationInvitation.objects.get()
    assert invitation.email == "ana.lopes@exemple.fr"
    assert invitation.cluster == cast.cluster_a and invitation.invited_by == cast.staff_a
    email = OutgoingEmail.objects.get(to="ana.lopes@exemple.fr")
    assert "représenter Usinage Alpha (ressources humaines) sur Ancrage" in email.body_text
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.INVITATION_SENT, cluster_id=cast.cluster_a.pk
    ).exists()

    client.logout()
    accept = reverse("accounts:invitation", args=[invitation.token])
    response = client.post(
        accept,
        {
            "first_name": "Ana",
            "last_name": "Lopes",
            "password1": "Un-mot-de-passe-solide-42",
            "password2": "Un-mot-de-passe-solide-42",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="ana.lopes@exemple.fr")
    link = OrganisationUser.objects.get(user=user)
    assert link.organisation == organisation and link.role == "hr"

    home = client.get(reverse("organisation:home"))
    assert home.status_code == 200
    assert "Usinage Alpha" in home.content.decode()
    response = client.post(
        reverse("organisation:edit"),
        {"name": "Usinage Alpha", "kind": "company", "headcount": "15"},
    )
    assert response["Location"] == reverse("organisation:home")
    organisation.refresh_from_db()
    assert organisation.headcount == 15


def test_bad_invitations_are_explained_and_kept(client, cast):
    organisation = usinage(cast)
    login(client, cast.staff_a)
    response = invite(client, organisation, email=cast.member_a.email)
    assert "représente déjà l&#x27;organisation" in response.content.decode()
    invite(client, organisation)
    response = invite(client, organisation, first_name="Anabela")
    page = response.content.decode()
    assert "Une invitation en attente existe déjà pour cette adresse" in page
    assert 'value="Anabela"' in page
    response = invite(client, organisation, email="pas-une-adresse", last_name="")
    assert response.status_code == 200
    assert OrganisationInvitation.objects.count() == 1


def test_htmx_actions_answer_the_users_section(client, cast):
    organisation = usinage(cast)
    login(client, cast.staff_a)
    response = client.post(
        reverse("members:invite", args=[organisation.pk]),
        {"email": "x@exemple.fr", "first_name": "X", "last_name": "Y", "role": "contact"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert 'id="utilisateurs"' in page and "<h1" not in page
    assert "Invitation envoyée à x@exemple.fr" in page  # the live region, out of band


def test_resend_gives_a_new_link_and_revoke_closes_it(client, cast):
    organisation = usinage(cast)
    invitation = OrganisationInvitationFactory(organisation=organisation, cluster=cast.cluster_a)
    old_key = invitation.key
    login(client, cast.staff_a)
    client.post(reverse("members:invitation_resend", args=[organisation.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.key != old_key and invitation.invited_by == cast.staff_a
    client.post(reverse("members:invitation_revoke", args=[organisation.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    response = client.post(
        reverse("members:invitation_resend", args=[organisation.pk, invitation.pk]), follow=True
    )
    assert "ne peut plus être renvoyée" in response.content.decode()


def test_another_clusters_invitations_are_out_of_reach(client, cast):
    organisation = usinage(cast)
    MembershipFactory(cluster=cast.cluster_b, organisation=organisation)
    theirs = OrganisationInvitationFactory(
        organisation=organisation, cluster=cast.cluster_a, email="secret-alpha@exemple.fr"
    )
    login(client, cast.staff_b)
    page = client.get(reverse("members:detail", args=[organisation.pk])).content.decode()
    assert "secret-alpha@exemple.fr" not in page
    url = reverse("members:invitation_revoke", args=[organisation.pk, theirs.pk])
    assert client.post(url).status_code == 404


def test_removing_an_organisation_user(client, cast):
    organisation = usinage(cast)
    link = OrganisationUser.objects.get(user=cast.member_a)
    login(client, cast.staff_a)
    client.post(reverse("members:user_remove", args=[organisation.pk, link.pk]))
    assert not OrganisationUser.objects.filter(pk=link.pk).exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MEMBER_UPDATED)
    assert entry.details["person"] == cast.member_a.email
    login(client, cast.member_a)
    assert client.get(reverse("organisation:home")).status_code == 403


def test_a_user_of_another_organisation_cannot_be_removed_through_this_one(client, cast):
    organisation = usinage(cast)
    stranger = OrganisationUserFactory(organisation=OrganisationFactory())
    login(client, cast.staff_a)
    url = reverse("members:user_remove", args=[organisation.pk, stranger.pk])
    assert client.post(url).status_code == 404
    assert OrganisationUser.objects.filter(pk=stranger.pk).exists()
