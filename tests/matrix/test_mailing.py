"""The targeted message to the members the cross-filter finds."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.matrix.views import mailing
from ancrage.organisations.factories import ContactFactory, OrganisationUserFactory
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login
from tests.matrix.test_crossfilter_data import build

pytestmark = pytest.mark.django_db
URL = "/cluster/matrice/diffusion/"
MESSAGE = {"subject": "Salon Euronaval", "body": "Rejoignez notre stand.\nÀ bientôt."}


@pytest.fixture
def sample(cast):
    return build(cast)


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def test_the_url_name():
    assert reverse("matrix:mailing") == URL


def test_preview_counts_each_address_once(staff, sample):
    response = staff.get(URL, {"market": "naval"})
    # Électro Naval: its user, « achats@ » and a contact with the user's
    # address in capitals (once); Usinage Alpha: the cast's member user.
    assert response.context["organisations"] == 2
    assert response.context["recipients"] == 3
    assert [email for email, _name in response.context["preview"]] == [
        "membre-a@exemple.fr",
        "dirigeant@electro-naval.fr",
        "achats@electro-naval.fr",
    ]
    page = response.content.decode()
    assert "Envoyer à 3 destinataires" in page
    assert 'action="/cluster/matrice/diffusion/?market=naval"' in page


def test_sending_queues_one_email_per_recipient_and_logs_it(staff, sample, cast):
    response = staff.post(f"{URL}?market=naval", {**MESSAGE, "expected": "3"})
    assert response.status_code == 302
    assert response["Location"] == "/cluster/matrice/?market=naval"
    emails = OutgoingEmail.objects.order_by("to")
    assert [email.to for email in emails] == [
        "achats@electro-naval.fr",
        "dirigeant@electro-naval.fr",
        "membre-a@exemple.fr",
    ]
    email = emails.get(to="membre-a@exemple.fr")
    assert email.subject == "Salon Euronaval"
    assert email.template == "mailing_message"
    assert "Rejoignez notre stand.\nÀ bientôt." in email.body_text
    assert "Usinage Alpha est adhérent de Cluster Alpha" in email.body_text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MAILING_SENT)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details == {"filter": "market=naval", "count": 3, "subject": "Salon Euronaval"}


def test_a_changed_list_is_shown_again_before_sending(staff, sample):
    ContactFactory(organisation=sample.alpha, email="nouveau@usinage-alpha.fr")
    response = staff.post(f"{URL}?market=naval", {**MESSAGE, "expected": "3"})
    assert response.status_code == 200
    assert "La liste des destinataires a changé" in response.content.decode()
    assert 'value="4"' in response.content.decode()
    assert response.context["form"]["subject"].value() == "Salon Euronaval"
    assert not OutgoingEmail.objects.exists()
    response = staff.post(f"{URL}?market=naval", {**MESSAGE, "expected": "4"})
    assert OutgoingEmail.objects.count() == 4


def test_missing_subject_keeps_the_message(staff, sample):
    response = staff.post(f"{URL}?market=naval", {"subject": "", "body": "Texte", "expected": "3"})
    assert response.status_code == 200
    assert response.context["form"].errors["subject"]
    assert "Texte" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_too_many_recipients_are_refused(staff, sample, monkeypatch):
    monkeypatch.setattr(mailing, "MAX_RECIPIENTS", 2)
    response = staff.post(f"{URL}?market=naval", {**MESSAGE, "expected": "3"})
    assert "au plus 2" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_a_daily_limit_per_cluster(staff, sample, monkeypatch):
    monkeypatch.setattr(mailing, "MAX_MAILINGS_PER_DAY", 1)
    staff.post(f"{URL}?size=tpe", {**MESSAGE, "expected": "0"})
    OrganisationUserFactory(organisation=sample.bureau, user__email="ouest@exemple.fr")
    staff.post(f"{URL}?size=tpe", {**MESSAGE, "expected": "1"})
    assert OutgoingEmail.objects.count() == 1
    response = staff.post(f"{URL}?size=eti", {**MESSAGE, "expected": "1"})
    assert "réessayez demain" in response.content.decode()
    assert OutgoingEmail.objects.count() == 1


def test_nobody_to_write_to(staff, sample):
    response = staff.get(URL, {"size": "tpe"})
    assert "Aucun destinataire" in response.content.decode()
    assert "Envoyer à" not in response.content.decode()


def test_other_clusters_staff_reach_only_their_members(client, cast, sample):
    login(client, cast.staff_b)
    response = client.get(URL, {"market": "naval"})
    assert response.context["organisations"] == 1  # Bêta Industrie
    assert "electro-naval" not in response.content.decode()
