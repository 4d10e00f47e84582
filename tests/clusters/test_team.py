from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.invitations import find_invitation
from ancrage.accounts.models import AuditEntry
from ancrage.clusters import team as operations
from ancrage.clusters.factories import ClusterStaffFactory, StaffInvitationFactory
from ancrage.clusters.models import ClusterStaff, StaffInvitation
from ancrage.clusters.team import TeamError
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login
from tests.links import invitation_in

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
    assert invitation_in(email.body_text) == invitation
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
        ("pending", "Une invitation en attente existe déjà pour cette adresse"),
        ("expired", "Une invitation expirée existe déjà pour cette adresse"),
    ],
)
def test_invite_refuses_a_member_or_an_open_invitation(admin_client, cast, existing, message):
    if existing == "member":
        ClusterStaffFactory(cluster=cast.cluster_a, user__email="nouvelle.recrue@exemple.fr")
    else:
        StaffInvitationFactory(
            cluster=cast.cluster_a,
            email="Nouvelle.Recrue@exemple.fr",
            expires_at=timezone.now() + timedelta(days=-1 if existing == "expired" else 1),
        )
    before = StaffInvitation.objects.count()

    response = admin_client.post(reverse("cluster:invite"), INVITE)

    assert response.status_code == 200
    assert message in unescape(response.text)
    assert 'value="Nadia"' in unescape(response.text)  # what was typed is kept
    if existing != "member":
        assert "« Renvoyer »" in unescape(response.text)
    assert StaffInvitation.objects.count() == before
    assert not OutgoingEmail.objects.exists()


def test_an_address_whose_invitation_was_revoked_can_be_invited_again(admin_client, cast):
    StaffInvitationFactory(
        cluster=cast.cluster_a, email="nouvelle.recrue@exemple.fr", revoked_at=timezone.now()
    )
    admin_client.post(reverse("cluster:invite"), INVITE)
    assert StaffInvitation.objects.filter(cluster=cast.cluster_a).count() == 2


def test_expired_invitations_are_listed_as_expired(admin_client, cast):
    StaffInvitationFactory(
        cluster=cast.cluster_a,
        email="en-retard@exemple.fr",
        expires_at=timezone.now() - timedelta(days=2),
    )
    page = unescape(admin_client.get(reverse("cluster:staff")).text)
    assert "Invitations en attente ou expirées" in page
    assert "Expirée le" in page
    assert "Renvoyez-la pour envoyer un nouveau lien" in page


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
    assert invitation_in(OutgoingEmail.objects.get().body_text) == invitation
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


def test_an_invitation_of_someone_already_in_the_team_cannot_be_resent(admin_client, cast):
    ClusterStaffFactory(cluster=cast.cluster_a, user__email="deja@exemple.fr")
    invitation = StaffInvitationFactory(cluster=cast.cluster_a, email="Deja@exemple.fr")
    key = invitation.key

    response = admin_client.post(
        reverse("cluster:invitation_resend", args=[invitation.pk]), follow=True
    )

    assert "Deja@exemple.fr fait déjà partie de l'équipe du cluster" in unescape(response.text)
    invitation.refresh_from_db()
    assert invitation.key == key
    assert not OutgoingEmail.objects.exists()


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
    response = admin_client.post(
        reverse("cluster:member_role", args=[me.pk]), {"role": "officer"}, follow=True
    )
    me.refresh_from_db()
    assert me.role == ClusterStaff.Role.OFFICER
    assert "vous n'administrez plus l'équipe" in unescape(response.text)
    assert "Inviter une personne" not in unescape(response.text)


def test_an_admin_stepping_down_with_htmx_reloads_the_team_page(admin_client, cast):
    ClusterStaffFactory(cluster=cast.cluster_a, admin=True)
    me = ClusterStaff.objects.get(user=cast.staff_a)

    response = admin_client.post(
        reverse("cluster:member_role", args=[me.pk]), {"role": "officer"}, HTTP_HX_REQUEST="true"
    )

    assert response["HX-Redirect"] == reverse("cluster:staff")
    page = unescape(admin_client.get(reverse("cluster:staff")).text)
    assert "vous n'administrez plus l'équipe" in page
    assert "Inviter une personne" not in page
    assert f'action="{reverse("cluster:member_role", args=[me.pk])}"' not in page


def test_a_member_read_before_a_concurrent_change_is_read_again(admin_client, cast):
    """Two admins demote each other: the second request, whose member was read
    before the first committed, sees the first change and is refused."""
    other = ClusterStaffFactory(cluster=cast.cluster_a, admin=True)
    me = ClusterStaff.objects.get(user=cast.staff_a)
    stale_me = ClusterStaff.objects.select_related("user").get(pk=me.pk)
    ClusterStaff.objects.filter(pk=other.pk).update(role=ClusterStaff.Role.OFFICER)

    request = RequestFactory().post("/")
    request.user = cast.staff_b
    with pytest.raises(TeamError, match="dernier administrateur"):
        operations.change_role(request, stale_me, ClusterStaff.Role.OFFICER)
    me.refresh_from_db()
    assert me.is_admin


def test_team_operations_lock_the_cluster_row(admin_client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a)
    invitation = StaffInvitationFactory(cluster=cast.cluster_a)
    calls = [
        ("cluster:member_role", [officer.pk], {"role": "admin"}),
        ("cluster:invitation_resend", [invitation.pk], {}),
        ("cluster:invitation_revoke", [invitation.pk], {}),
        ("cluster:invite", [], INVITE),
        ("cluster:member_remove", [officer.pk], {}),
    ]
    for name, args, data in calls:
        with CaptureQueriesContext(connection) as queries:
            admin_client.post(reverse(name, args=args), data)
        locks = [
            query["sql"]
            for query in queries
            if 'FROM "clusters_cluster"' in query["sql"] and "FOR NO KEY UPDATE" in query["sql"]
        ]
        assert locks, name


def test_a_double_submitted_invitation_creates_one_row(admin_client, cast):
    admin_client.post(reverse("cluster:invite"), INVITE)
    admin_client.post(reverse("cluster:invite"), INVITE)
    assert StaffInvitation.objects.count() == 1


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


def test_htmx_actions_answer_the_team_section_and_the_live_region(admin_client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a)
    response = admin_client.post(
        reverse("cluster:invitation_revoke", args=[invitation.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    text = unescape(response.text)
    assert "<html" not in text
    # The message goes out of band to the live region, outside the swapped block…
    region, section = text.split('<div id="equipe">')
    assert 'hx-swap-oob="innerHTML"' in region and 'id="messages"' in region
    assert f"Invitation de {invitation.email} annulée." in region
    assert "annulée." not in section
    # …and focus moves to the section's first heading.
    assert 'id="equipe-membres"' in section
    assert "autofocus" in section.split("</h2>")[0]


def test_the_team_page_has_a_live_region_outside_the_section(admin_client):
    page = admin_client.get(reverse("cluster:staff")).text
    assert page.index('id="messages"') < page.index('<div id="equipe">')
    assert page.count('role="status"') == 1
    assert "autofocus" not in page


def test_htmx_invitation_errors_take_the_focus(admin_client):
    response = admin_client.post(
        reverse("cluster:invite"), {**INVITE, "email": "non"}, HTTP_HX_REQUEST="true"
    )
    section = unescape(response.text).split('<div id="equipe">')[1]
    alert = section.split("L'invitation n'est pas envoyée")[0].rsplit("<div", 1)[1]
    assert "autofocus" in alert
    assert "autofocus" not in section.split("</h2>")[0]


def test_an_admin_removing_themself_goes_home(admin_client, cast):
    ClusterStaffFactory(cluster=cast.cluster_a, admin=True)
    me = ClusterStaff.objects.get(user=cast.staff_a)
    response = admin_client.post(reverse("cluster:member_remove", args=[me.pk]))
    assert response["Location"] == reverse("core:home")
    assert not ClusterStaff.objects.filter(pk=me.pk).exists()


def test_team_page_query_count_is_bounded(admin_client, cast, django_assert_max_num_queries):
    for _ in range(10):
        ClusterStaffFactory(cluster=cast.cluster_a)
        StaffInvitationFactory(cluster=cast.cluster_a, invited_by=cast.staff_a)
    with django_assert_max_num_queries(14):
        response = admin_client.get(reverse("cluster:staff"))
    assert response.status_code == 200
