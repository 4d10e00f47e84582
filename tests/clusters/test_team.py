from html import unescape

import pytest
from django.urls import reverse

from ancrage.accounts.invitations import find_invitation, invitation_url
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory, StaffInvitationFactory
from ancrage.clusters.models import ClusterStaff, StaffInvitation
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login

INVITE = {
    "email": "Nouvelle.Recrue@Exemple.fr",
    "first_name": "Nadia",
    "last_name": "Recrue",
    "role": "officer",
}


@pytest.fixture
def admin_client(client, cast):
    return login(client, cast.staff_a)


def test_invite_creates_the_invitation_queues_the_email_and_audits(admin_client, cast):
    response = admin_client.post(reverse("cluster:invite"), INVITE, follow=True)

    invitation = StaffInvitation.objects.get()
    assert invitation.cluster == cast.cluster_a
    assert invitation.email == "nouvelle.recrue@exemple.fr"
    assert invitation.invited_by == cast.staff_a
    assert invitation.role == ClusterStaff.Role.OFFICER
    email = OutgoingEmail.objects.get(to="nouvelle.recrue@exemple.fr")
    assert invitation_url(invitation) in email.body_text
    assert find_invitation(invitation.token) == invitation
    entry = AuditEntry.objects.get(action=AuditEntry.Action.INVITATION_SENT)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.actor == cast.staff_a
    assert "Invitation envoyée à nouvelle.recrue@exemple.fr" in unescape(response.text)
    assert "en attente" in unescape(response.text)


@pytest.mark.parametrize(
    ("existing", "message"),
    [
        ("member", "fait déjà partie de l'équipe"),
        ("pending", "Une invitation est déjà en attente"),
    ],
)
def test_invite_refuses_a_member_or_a_pending_address(admin_client, cast, existing, message):
    if existing == "member":
        ClusterStaffFactory(cluster=cast.cluster_a, user__email="nouvelle.recrue@exemple.fr")
    else:
        StaffInvitationFactory(cluster=cast.cluster_a, email="nouvelle.recrue@exemple.fr")
    before = StaffInvitation.objects.count()

    response = admin_client.post(reverse("cluster:invite"), INVITE)

    assert response.status_code == 200
    assert message in unescape(response.text)
    assert 'value="Nadia"' in unescape(response.text)  # what was typed is kept
    assert StaffInvitation.objects.count() == before
    assert not OutgoingEmail.objects.exists()


def test_an_address_invited_by_another_cluster_can_be_invited(admin_client, cast):
    StaffInvitationFactory(cluster=cast.cluster_b, email="nouvelle.recrue@exemple.fr")
    admin_client.post(reverse("cluster:invite"), INVITE)
    assert StaffInvitation.objects.filter(cluster=cast.cluster_a).count() == 1


@pytest.mark.parametrize("email", ["", "pas une adresse", "x" * 10_000 + "@exemple.fr", "<>@;"])
def test_invite_with_bad_input_shows_french_errors(admin_client, email):
    response = admin_client.post(reverse("cluster:invite"), {**INVITE, "email": email})
    assert response.status_code == 200
    assert "L'invitation n'est pas envoyée" in unescape(response.text)
    assert not StaffInvitation.objects.exists()


def test_resend_gives_a_new_link_and_kills_the_old_one(admin_client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a, invited_by=cast.staff_b)
    old_token, old_expiry = invitation.token, invitation.expires_at

    admin_client.post(reverse("cluster:invitation_resend", args=[invitation.pk]))

    invitation.refresh_from_db()
    assert find_invitation(old_token) is None
    assert find_invitation(invitation.token) == invitation
    assert invitation.expires_at > old_expiry
    assert invitation.invited_by == cast.staff_a
    assert invitation_url(invitation) in OutgoingEmail.objects.get().body_text
    assert AuditEntry.objects.filter(action=AuditEntry.Action.INVITATION_SENT).count() == 1


def test_revoke_cancels_the_invitation_and_audits(admin_client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a)

    response = admin_client.post(
        reverse("cluster:invitation_revoke", args=[invitation.pk]), follow=True
    )

    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.INVITATION_REVOKED)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details == {"to": invitation.email}
    assert "Aucune invitation en attente" in unescape(response.text)


def test_a_revoked_invitation_cannot_be_resent(admin_client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a)
    admin_client.post(reverse("cluster:invitation_revoke", args=[invitation.pk]))

    response = admin_client.post(
        reverse("cluster:invitation_resend", args=[invitation.pk]), follow=True
    )

    assert "ne peut plus être renvoyée" in unescape(response.text)
    assert not OutgoingEmail.objects.exists()


def test_another_clusters_invitation_and_member_answer_404(admin_client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_b)
    member_b = ClusterStaff.objects.get(user=cast.staff_b)
    for name, pk in [
        ("cluster:invitation_resend", invitation.pk),
        ("cluster:invitation_revoke", invitation.pk),
        ("cluster:member_role", member_b.pk),
        ("cluster:member_remove", member_b.pk),
    ]:
        assert admin_client.post(reverse(name, args=[pk]), {"role": "officer"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "pending"
    assert ClusterStaff.objects.filter(pk=member_b.pk, role="admin").exists()


def test_change_role_and_audit(admin_client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a)

    admin_client.post(reverse("cluster:member_role", args=[officer.pk]), {"role": "admin"})

    officer.refresh_from_db()
    assert officer.role == ClusterStaff.Role.ADMIN
    entry = AuditEntry.objects.get(action=AuditEntry.Action.STAFF_ROLE_CHANGED)
    assert entry.details["role_before"] == "officer"
    assert entry.details["role_after"] == "admin"


def test_an_unknown_role_is_refused(admin_client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a)
    response = admin_client.post(
        reverse("cluster:member_role", args=[officer.pk]), {"role": "roi"}, follow=True
    )
    assert "Choisissez un rôle dans la liste" in unescape(response.text)
    officer.refresh_from_db()
    assert officer.role == ClusterStaff.Role.OFFICER


def test_the_last_admin_can_be_neither_demoted_nor_removed(admin_client, cast):
    me = ClusterStaff.objects.get(user=cast.staff_a)
    ClusterStaffFactory(cluster=cast.cluster_a)  # an officer does not count

    response = admin_client.post(
        reverse("cluster:member_role", args=[me.pk]), {"role": "officer"}, follow=True
    )
    assert "dernier administrateur du cluster" in unescape(response.text)
    response = admin_client.post(reverse("cluster:member_remove", args=[me.pk]), follow=True)
    assert "nommez d'abord un autre administrateur" in unescape(response.text)

    me.refresh_from_db()
    assert me.role == ClusterStaff.Role.ADMIN
    assert not AuditEntry.objects.filter(
        action__in=[AuditEntry.Action.STAFF_ROLE_CHANGED, AuditEntry.Action.STAFF_REMOVED]
    ).exists()


def test_an_admin_may_step_down_when_another_admin_remains(admin_client, cast):
    ClusterStaffFactory(cluster=cast.cluster_a, admin=True)
    me = ClusterStaff.objects.get(user=cast.staff_a)
    admin_client.post(reverse("cluster:member_role", args=[me.pk]), {"role": "officer"})
    me.refresh_from_db()
    assert me.role == ClusterStaff.Role.OFFICER


def test_remove_asks_for_confirmation_then_removes_and_keeps_the_account(admin_client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a, user__email="partant@exemple.fr")
    url = reverse("cluster:member_remove", args=[officer.pk])

    confirmation = admin_client.get(url)
    assert "partant@exemple.fr" in unescape(confirmation.text)
    assert ClusterStaff.objects.filter(pk=officer.pk).exists()

    response = admin_client.post(url, follow=True)

    assert not ClusterStaff.objects.filter(pk=officer.pk).exists()
    assert type(officer.user).objects.filter(email="partant@exemple.fr").exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.STAFF_REMOVED)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["person"] == "partant@exemple.fr"
    assert "ne fait plus partie de l'équipe" in unescape(response.text)


def test_officers_see_the_team_but_cannot_act(client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a)
    invitation = StaffInvitationFactory(cluster=cast.cluster_a)
    login(client, officer.user)

    page = client.get(reverse("cluster:staff"))
    assert page.status_code == 200
    assert cast.staff_a.email in unescape(page.text)
    assert invitation.email in unescape(page.text)
    assert "Inviter une personne" not in unescape(page.text)
    assert client.post(reverse("cluster:invite"), INVITE).status_code == 403
    assert (
        client.post(reverse("cluster:invitation_revoke", args=[invitation.pk])).status_code == 403
    )
    assert client.get(reverse("cluster:audit")).status_code == 403


def test_htmx_actions_answer_the_team_section(admin_client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a)
    response = admin_client.post(
        reverse("cluster:invitation_revoke", args=[invitation.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="equipe">')
    assert "<html" not in unescape(response.text)
    assert "annulée" in unescape(response.text)


def test_team_page_query_count_is_bounded(admin_client, cast, django_assert_max_num_queries):
    for _ in range(10):
        ClusterStaffFactory(cluster=cast.cluster_a)
        StaffInvitationFactory(cluster=cast.cluster_a, invited_by=cast.staff_a)
    with django_assert_max_num_queries(14):
        response = admin_client.get(reverse("cluster:staff"))
    assert response.status_code == 200
