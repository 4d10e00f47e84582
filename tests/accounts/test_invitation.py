from datetime import timedelta
from html import unescape

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.factories import UserFactory
from ancrage.accounts.models import AuditEntry, Invitation, User
from ancrage.clusters.factories import ClusterStaffFactory, StaffInvitationFactory
from ancrage.clusters.models import ClusterStaff
from tests.cast import login


def url(invitation):
    return reverse("accounts:invitation", args=[invitation.token])


@pytest.fixture
def invitation(cast):
    return StaffInvitationFactory(
        cluster=cast.cluster_a,
        email="camille@exemple.fr",
        first_name="Camille",
        last_name="Durand",
        invited_by=cast.staff_a,
    )


SIGNUP = {
    "first_name": "Camille",
    "last_name": "Durand-Le Goff",
    "password1": "une-phrase-de-passe-solide",
    "password2": "une-phrase-de-passe-solide",
}


@pytest.mark.parametrize(
    "token",
    ["pas-un-jeton", "a" * 10_000, "%3Cscript%3E", signing.dumps("accounts.user:1", salt="x")],
    # Fixed ids: a signed token changes every second, and xdist workers must
    # collect the same test names.
    ids=["garbage", "very-long", "markup", "other-salt"],
)
def test_invalid_links_answer_a_french_404(client, db, token):
    response = client.get(reverse("accounts:invitation", args=[token]))
    assert response.status_code == 404
    assert "Ce lien d'invitation est invalide" in unescape(response.text)


def test_a_token_naming_another_model_is_invalid(client, cast):
    token = signing.dumps(f"accounts.user:{cast.candidate.pk}", salt=Invitation.SALT)
    assert client.get(reverse("accounts:invitation", args=[token])).status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "Cette invitation a expiré."),
        ({"revoked_at": timezone.now()}, "Cette invitation a été annulée"),
        ({"accepted_at": timezone.now()}, "Cette invitation a déjà été utilisée."),
    ],
)
def test_unusable_invitations_are_explained(client, invitation, change, message):
    type(invitation).objects.filter(pk=invitation.pk).update(**change)
    response = client.get(url(invitation))
    assert response.status_code == 410
    assert message in unescape(response.text)
    assert "Demandez une nouvelle invitation" in response.text


def test_new_person_sees_a_prefilled_form(client, invitation):
    response = client.get(url(invitation))
    assert response.status_code == 200
    assert 'value="Camille"' in response.text
    assert 'value="Durand"' in response.text
    assert "camille@exemple.fr" in response.text
    assert "rejoindre l'équipe de Cluster Alpha" in unescape(response.text)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"password2": "autre-chose-encore"}, "Les deux mots de passe ne sont pas identiques."),
        ({"password1": "court", "password2": "court"}, "Ce mot de passe est trop court."),
        ({"password1": "123456789012", "password2": "123456789012"}, "entièrement numérique"),
        ({"first_name": ""}, "Ce champ est obligatoire."),
    ],
)
def test_signup_errors_keep_what_was_typed(client, invitation, data, error):
    response = client.post(url(invitation), {**SIGNUP, **data})
    assert response.status_code == 200
    assert error in unescape(response.text)
    assert 'value="Durand-Le Goff"' in response.text
    assert not User.objects.filter(email="camille@exemple.fr").exists()


def test_new_person_creates_the_account_and_enrols(client, cast, invitation):
    response = client.post(url(invitation), SIGNUP)
    assert response["Location"] == reverse("accounts:mfa_setup")
    user = User.objects.get(email="camille@exemple.fr")
    assert user.email_verified_at is not None
    assert user.last_name == "Durand-Le Goff"
    assert user.check_password(SIGNUP["password1"])
    assert ClusterStaff.objects.filter(user=user, cluster=cast.cluster_a).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    entry = AuditEntry.objects.get(action=AuditEntry.Action.INVITATION_ACCEPTED)
    assert (entry.actor, entry.cluster_id) == (user, cast.cluster_a.pk)
    assert int(client.session["_auth_user_id"]) == user.pk
    # Used once: a second visit, even by the same person, is refused.
    client.logout()
    assert client.get(url(invitation)).status_code == 410
    assert client.post(url(invitation), SIGNUP).status_code == 410
    assert User.objects.filter(email__iexact="camille@exemple.fr").count() == 1


def test_existing_account_must_log_in_first(client, cast, invitation):
    UserFactory(email="Camille@exemple.fr")
    response = client.get(url(invitation))
    assert response.status_code == 200
    login_link = f"{reverse('accounts:login')}?next=%2Fcompte%2Finvitation%2F"
    assert login_link in response.text
    assert client.post(url(invitation), SIGNUP).status_code == 200
    assert not ClusterStaff.objects.filter(user__email="camille@exemple.fr").exists()


def test_existing_account_accepts_with_one_click(client, cast, invitation):
    person = ClusterStaffFactory(cluster=cast.cluster_b, user__email="camille@exemple.fr").user
    login(client, person)
    response = client.get(url(invitation))
    assert "Accepter l'invitation" in unescape(response.text)
    response = client.post(url(invitation))
    assert response["Location"] == "/"
    clusters = set(ClusterStaff.objects.filter(user=person).values_list("cluster", flat=True))
    assert clusters == {cast.cluster_a.pk, cast.cluster_b.pk}
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.INVITATION_ACCEPTED, actor=person
    ).exists()
    assert client.post(url(invitation)).status_code == 410


def test_logged_in_as_someone_else(client, cast, invitation):
    login(client, cast.candidate)
    response = client.get(url(invitation))
    assert response.status_code == 403
    assert "envoyée à camille@exemple.fr" in response.text
    assert client.post(url(invitation), SIGNUP).status_code == 403
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_candidate_invited_becomes_staff_and_must_enrol(client, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a, email=cast.candidate.email)
    login(client, cast.candidate)
    client.post(url(invitation))
    response = client.get("/")
    assert response["Location"].startswith(reverse("accounts:mfa_setup"))


def test_accepting_opens_the_space_just_joined(client, cast):
    # Staff of Alpha, the first of her spaces in alphabetical order…
    person = ClusterStaffFactory(cluster=cast.cluster_a, user__email="camille@exemple.fr").user
    invitation = StaffInvitationFactory(cluster=cast.cluster_b, email=person.email)
    login(client, person)
    assert "<h1>Cluster Alpha</h1>" in client.get("/").text
    client.post(url(invitation))
    # …she lands in Bêta, which she just joined.
    assert "<h1>Cluster Bêta</h1>" in client.get("/").text


def test_accepting_an_organisation_invitation_opens_that_organisation(client, cast):
    from ancrage.organisations.factories import MembershipFactory, OrganisationInvitationFactory

    # Staff of Alpha (her only space so far) is invited to act for a member of Alpha.
    membership = MembershipFactory(cluster=cast.cluster_a, organisation__name="Forges Zêta")
    invitation = OrganisationInvitationFactory(
        organisation=membership.organisation, cluster=cast.cluster_a, email=cast.staff_a.email
    )
    login(client, cast.staff_a)
    client.post(url(invitation))
    session = client.session
    assert session["ancrage_context"] == f"member:{membership.organisation.pk}"
