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


def send(client, url, data, nonce=None, **options):
    """Post the form of the page at `url`, with that page's one-time nonce."""
    if nonce is None:
        nonce = client.get(url).context["form"]["nonce"].value()
    return client.post(url, {**data, "nonce": nonce}, **options)


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
    response = send(staff, f"{URL}?market=naval", {**MESSAGE, "expected": "3"})
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
    assert entry.details.pop("nonce")
    assert entry.details == {"filter": "market=naval", "count": 3, "subject": "Salon Euronaval"}


def test_a_changed_list_is_shown_again_before_sending(staff, sample):
    ContactFactory(organisation=sample.alpha, email="nouveau@usinage-alpha.fr")
    response = send(staff, f"{URL}?market=naval", {**MESSAGE, "expected": "3"})
    assert response.status_code == 200
    assert "La liste des destinataires a changé" in response.content.decode()
    assert 'value="4"' in response.content.decode()
    assert response.context["form"]["subject"].value() == "Salon Euronaval"
    assert not OutgoingEmail.objects.exists()
    response = send(staff, f"{URL}?market=naval", {**MESSAGE, "expected": "4"})
    assert OutgoingEmail.objects.count() == 4


def test_missing_subject_keeps_the_message(staff, sample):
    response = send(staff, f"{URL}?market=naval", {"subject": "", "body": "Texte", "expected": "3"})
    assert response.status_code == 200
    assert response.context["form"].errors["subject"]
    assert "Texte" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_too_many_recipients_are_refused(staff, sample, monkeypatch):
    monkeypatch.setattr(mailing, "MAX_RECIPIENTS", 2)
    response = send(staff, f"{URL}?market=naval", {**MESSAGE, "expected": "3"})
    assert "au plus 2" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_a_daily_limit_per_cluster(staff, sample, monkeypatch):
    monkeypatch.setattr(mailing, "MAX_MAILINGS_PER_DAY", 1)
    send(staff, f"{URL}?size=tpe", {**MESSAGE, "expected": "0"})
    OrganisationUserFactory(organisation=sample.bureau, user__email="ouest@exemple.fr")
    send(staff, f"{URL}?size=tpe", {**MESSAGE, "expected": "1"})
    assert OutgoingEmail.objects.count() == 1
    response = send(staff, f"{URL}?size=eti", {**MESSAGE, "expected": "1"})
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


def test_posting_the_same_page_twice_sends_once(staff, sample):
    url = f"{URL}?market=naval"
    nonce = staff.get(url).context["form"]["nonce"].value()
    send(staff, url, {**MESSAGE, "expected": "3"}, nonce=nonce)
    assert OutgoingEmail.objects.count() == 3
    response = send(staff, url, {**MESSAGE, "expected": "3"}, nonce=nonce)
    assert response.status_code == 302
    assert OutgoingEmail.objects.count() == 3
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MAILING_SENT).count() == 1
    page = staff.get(response["Location"]).content.decode()
    assert "Ce message est déjà parti : il n&#x27;est pas envoyé une seconde fois." in page


def test_a_resubmission_after_the_daily_cap_still_says_already_sent(staff, sample, monkeypatch):
    monkeypatch.setattr(mailing, "MAX_MAILINGS_PER_DAY", 1)
    url = f"{URL}?market=naval"
    nonce = staff.get(url).context["form"]["nonce"].value()
    send(staff, url, {**MESSAGE, "expected": "3"}, nonce=nonce)
    response = send(staff, url, {**MESSAGE, "expected": "3"}, nonce=nonce, follow=True)
    assert "Ce message est déjà parti" in response.content.decode()
    assert OutgoingEmail.objects.count() == 3


def test_a_forged_or_missing_nonce_sends_nothing_and_keeps_the_message(staff, sample, cast):
    url = f"{URL}?market=naval"
    for nonce in ("", "forged", mailing.new_nonce(cast.cluster_b)):
        response = staff.post(url, {**MESSAGE, "expected": "3", "nonce": nonce})
        assert response.status_code == 200
        page = response.content.decode()
        assert "La page a expiré" in page
        assert "Rejoignez notre stand." in page
        renewed = response.context["form"]["nonce"].value()
        assert renewed and renewed != nonce
    assert not OutgoingEmail.objects.exists()
    response = staff.post(url, {**MESSAGE, "expected": "3", "nonce": renewed})
    assert response.status_code == 302
    assert OutgoingEmail.objects.count() == 3


def test_the_cap_is_checked_again_under_the_lock(staff, sample, monkeypatch):
    """A message sent meanwhile by a colleague took the last one of the day:
    the check made before the lock passed, the one under it refuses."""
    monkeypatch.setattr(mailing, "MAX_MAILINGS_PER_DAY", 1)
    url = f"{URL}?market=naval"
    nonce = staff.get(url).context["form"]["nonce"].value()
    calls = iter([0, 1])
    monkeypatch.setattr(mailing, "_sent_today", lambda cluster: next(calls))
    response = send(staff, url, {**MESSAGE, "expected": "3"}, nonce=nonce)
    assert response.status_code == 200
    assert "réessayez demain" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_another_clusters_contacts_are_never_written_to(staff, sample, cast):
    ContactFactory(
        organisation=sample.alpha, email="vu-par-beta@exemple.fr", cluster=cast.cluster_b
    )
    ContactFactory(
        organisation=sample.alpha, email="vu-par-alpha@exemple.fr", cluster=cast.cluster_a
    )
    response = staff.get(URL, {"market": "naval"})
    emails = [email for email, _name in response.context["preview"]]
    assert "vu-par-alpha@exemple.fr" in emails
    assert "vu-par-beta@exemple.fr" not in emails
    assert response.context["recipients"] == 4
