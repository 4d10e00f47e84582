from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from ancrage.accounts.factories import UserFactory
from ancrage.accounts.models import AuditEntry
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login


@pytest.fixture
def admin_client(client, db):
    return login(client, UserFactory(platform_admin=True, with_mfa=True))


def email(**kwargs):
    defaults = {
        "to": "camille@exemple.fr",
        "subject": "Invitation",
        "body_text": "Lien : https://x",
    }
    return OutgoingEmail.objects.create(**{**defaults, **kwargs})


def test_list_filters_by_status_and_paginates(admin_client, django_assert_max_num_queries):
    email(subject="Parti", status="sent")
    email(subject="Bloqué", status="failed", attempts=5, last_error="Connexion refusée")
    for i in range(55):
        email(subject=f"Attente {i}")

    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("outbox:list"))
    assert "Page 1 sur 2" in response.text
    failed = unescape(admin_client.get(reverse("outbox:list"), {"status": "failed"}).text)
    assert "Bloqué" in failed
    assert "Connexion refusée" in failed
    assert "Parti" not in failed
    bad = admin_client.get(reverse("outbox:list"), {"status": "perdu", "page": "zzz"})
    assert bad.status_code == 200
    assert "Sélectionnez un choix valide" in unescape(bad.text)


def test_detail_shows_the_body_and_is_audited(admin_client):
    message = email(body_text="Votre lien : https://ancrage.example/invitation/abc/")
    response = admin_client.get(reverse("outbox:detail", args=[message.pk]))
    assert "https://ancrage.example/invitation/abc/" in response.text
    assert "Renvoyer ce courriel" not in response.text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW)
    assert entry.object_id == str(message.pk)
    assert admin_client.get(reverse("outbox:detail", args=[999999])).status_code == 404


def test_resend_a_failed_email(admin_client, django_capture_on_commit_callbacks):
    message = email(status="failed", attempts=5, last_error="Connexion refusée")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("outbox:resend", args=[message.pk]), follow=True)

    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT  # immediate task backend in tests
    assert message.attempts == 1
    assert [m.to for m in mail.outbox] == [["camille@exemple.fr"]]
    assert "remis dans la file d'envoi" in unescape(response.text)


def test_only_failed_emails_are_resent(admin_client):
    message = email(status="sent", attempts=1)
    response = admin_client.post(reverse("outbox:resend", args=[message.pk]), follow=True)
    assert "Seul un courriel en échec peut être renvoyé" in unescape(response.text)
    assert not mail.outbox
