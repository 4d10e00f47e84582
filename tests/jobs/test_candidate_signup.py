"""Signing up as a candidate: a new account and its verification email, the
same answer for an address that already has an account (no enumeration),
the French errors, and an existing account adding the candidate space."""

import html
import re

import pytest
from django.urls import reverse

from ancrage.accounts.models import User
from ancrage.core.context import SESSION_KEY
from ancrage.jobs.models import CandidateProfile
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login

pytestmark = pytest.mark.django_db

FORM = {
    "email": "Nina.Martin@Exemple.fr ",
    "first_name": "Nina",
    "last_name": "Martin",
    "password1": "une phrase de passe solide",
    "password2": "une phrase de passe solide",
    "accept_terms": "on",
}


def text(response):
    return html.unescape(response.content.decode())


def test_sign_up_sends_the_verification_link_then_the_address_is_verified(client):
    response = client.post(reverse("jobs_candidate:signup"), FORM)
    assert response["Location"] == reverse("jobs_candidate:signup_sent")
    user = User.objects.get(email="nina.martin@exemple.fr")
    assert user.is_candidate and user.first_name == "Nina"
    assert user.email_verified_at is None
    assert user.check_password(FORM["password1"])
    assert CandidateProfile.objects.filter(user=user).exists()
    email = OutgoingEmail.objects.get(to="nina.martin@exemple.fr")
    assert email.template == "jobs_candidate_signup"
    assert "Confirmez votre adresse" in email.subject

    page = text(client.get(response["Location"]))
    assert "Un courriel vient d'être envoyé à nina.martin@exemple.fr" in page

    link = re.search(r"http\S+/candidat/inscription/confirmation/\S+/", email.body_text).group()
    response = client.get(link[link.index("/candidat/") :])
    assert response.status_code == 200
    assert "Votre adresse est confirmée" in text(response)
    user.refresh_from_db()
    assert user.email_verified_at is not None


def test_an_existing_address_gets_the_same_answer_and_a_notice(client, cast):
    form = {**FORM, "email": "MEMBRE-A@exemple.fr"}
    response = client.post(reverse("jobs_candidate:signup"), form)
    assert response["Location"] == reverse("jobs_candidate:signup_sent")
    assert User.objects.filter(email__iexact="membre-a@exemple.fr").count() == 1
    member = User.objects.get(email="membre-a@exemple.fr")
    assert not member.is_candidate
    assert member.check_password(FORM["password1"]) is False
    email = OutgoingEmail.objects.get(to="membre-a@exemple.fr")
    assert email.template == "jobs_candidate_signup_existing"
    assert "/candidat/devenir-candidat/" in email.body_text
    # Once an hour at most: the form cannot flood the owner's mailbox.
    client.post(reverse("jobs_candidate:signup"), form)
    assert OutgoingEmail.objects.filter(to="membre-a@exemple.fr").count() == 1


def test_errors_in_french_and_what_was_typed_is_kept(client):
    form = {
        **FORM,
        "email": "pas-une-adresse",
        "password1": "123",
        "password2": "456",
        "accept_terms": "",
        "first_name": "<script>alert(1)</script>",
    }
    response = client.post(reverse("jobs_candidate:signup"), form)
    assert response.status_code == 200
    page = text(response)
    assert "Votre compte n'est pas encore créé" in page
    assert "Saisissez une adresse e-mail valide." in page
    assert "Les deux mots de passe ne sont pas identiques." in page
    assert "Cochez cette case pour créer votre compte." in page
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()
    assert not User.objects.exists() or not User.objects.filter(first_name__contains="script")

    weak = {**FORM, "password1": "azerty", "password2": "azerty"}
    page = text(client.post(reverse("jobs_candidate:signup"), weak))
    assert "Ce mot de passe est trop court" in page
    assert not User.objects.filter(email="nina.martin@exemple.fr").exists()


def test_bad_and_outdated_confirmation_links(client):
    response = client.get(reverse("jobs_candidate:signup_confirm", args=["abc"]))
    assert response.status_code == 404
    assert "Ce lien n'est pas valide" in text(response)


def test_a_member_employee_opens_a_candidate_space(client, cast):
    login(client, cast.member_a)
    assert client.get(reverse("jobs_candidate:signup"))["Location"] == reverse(
        "jobs_candidate:become"
    )
    assert "Ouvrir mon espace candidat" in text(client.get(reverse("jobs_candidate:become")))
    response = client.post(reverse("jobs_candidate:become"))
    assert response["Location"] == reverse("jobs_candidate:edit")
    cast.member_a.refresh_from_db()
    assert cast.member_a.is_candidate
    assert client.session[SESSION_KEY] == "candidate"
    assert client.get(reverse("jobs_candidate:profile")).status_code == 200


def test_a_candidate_login_renews_the_activity(client, cast):
    from datetime import timedelta

    from django.utils import timezone

    from ancrage.jobs.candidate_profile import profile_for

    profile = profile_for(cast.candidate)
    old = timezone.now() - timedelta(days=500)
    CandidateProfile.objects.filter(pk=profile.pk).update(
        last_activity_at=old, expiry_warned_on=timezone.localdate()
    )
    client.force_login(cast.candidate)
    profile.refresh_from_db()
    assert profile.last_activity_at > old + timedelta(days=499)
    assert profile.expiry_warned_on is None


def test_sign_ups_from_one_address_are_limited(client, settings):
    from ancrage.jobs.views import candidate_account

    for number in range(candidate_account.SIGNUPS_PER_IP_PER_HOUR):
        response = client.post(
            reverse("jobs_candidate:signup"), {**FORM, "email": f"c{number}@exemple.fr"}
        )
        assert response.status_code == 302
    response = client.post(reverse("jobs_candidate:signup"), {**FORM, "email": "trop@exemple.fr"})
    assert response.status_code == 429
    page = text(response)
    assert "Trop d'inscriptions depuis votre connexion" in page
    assert 'value="trop@exemple.fr"' in page
    assert not User.objects.filter(email="trop@exemple.fr").exists()
