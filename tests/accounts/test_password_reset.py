import re
from html import unescape

from django.urls import reverse

from ancrage.accounts.factories import UserFactory
from ancrage.accounts.models import AuditEntry
from ancrage.outbox.models import OutgoingEmail

RESET_URL = reverse("accounts:password_reset")


def test_reset_by_email_through_the_outbox(client, db):
    person = UserFactory(email="lea@exemple.fr")
    response = client.post(RESET_URL, {"email": "LEA@exemple.fr"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    email = OutgoingEmail.objects.get()
    assert email.to == "lea@exemple.fr"
    assert email.subject == "Réinitialisation de votre mot de passe Ancrage"
    link = re.search(r"http://\S+", email.body_text).group(0).removeprefix("http://127.0.0.1:8000")
    response = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in response.text
    new = "une-phrase-toute-neuve"
    set_url = response.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    person.refresh_from_db()
    assert person.check_password(new)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PASSWORD_RESET)
    assert entry.actor == person
    # The link served once.
    assert "n'est pas valide" in unescape(client.get(link, follow=True).text)


def test_unknown_address_looks_the_same(client, db):
    response = client.post(RESET_URL, {"email": "personne@exemple.fr"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert not OutgoingEmail.objects.exists()
    page = client.get(response["Location"]).text
    assert "Si un compte correspond" in unescape(page)


def test_bad_input_gets_a_french_error(client, db):
    response = client.post(RESET_URL, {"email": "x" * 10_000})
    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide." in unescape(response.text)


def test_an_address_gets_at_most_three_reset_emails_an_hour(client, db, time_machine):
    UserFactory(email="lea@exemple.fr")
    time_machine.move_to("2026-11-23 10:00:00+01:00")
    for _ in range(5):
        response = client.post(RESET_URL, {"email": "lea@exemple.fr"})
        assert response["Location"] == reverse("accounts:password_reset_done")
    assert OutgoingEmail.objects.filter(to="lea@exemple.fr").count() == 3
    time_machine.move_to("2026-11-23 11:01:00+01:00")
    client.post(RESET_URL, {"email": "lea@exemple.fr"})
    assert OutgoingEmail.objects.filter(to="lea@exemple.fr").count() == 4
