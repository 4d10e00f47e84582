import re
from datetime import timedelta
from html import unescape

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts import audit
from ancrage.accounts.factories import DEFAULT_PASSWORD, UserFactory
from ancrage.accounts.history import describe_user_agent
from ancrage.accounts.models import AuditEntry
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login

ACCOUNT_URL = reverse("accounts:account")
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


@pytest.fixture
def person(db):
    return UserFactory(email="lea@exemple.fr", first_name="Léa", candidate=True)


@pytest.fixture
def logged_in(client, person):
    login(client, person)
    return client


def verification_link(email):
    body = OutgoingEmail.objects.get(to=email, template="email_verification").body_text
    return re.search(r"http://\S+", body).group(0).removeprefix("http://127.0.0.1:8000")


def test_edit_name(logged_in, person):
    response = logged_in.post(ACCOUNT_URL, {"first_name": "Léa", "last_name": "Martin"})
    assert response["Location"] == ACCOUNT_URL
    person.refresh_from_db()
    assert person.last_name == "Martin"
    response = logged_in.post(ACCOUNT_URL, {"first_name": "", "last_name": "Martin-Dupont"})
    assert "Ce champ est obligatoire." in response.text
    assert 'value="Martin-Dupont"' in response.text


def test_email_change_waits_for_verification(logged_in, person):
    response = logged_in.post(
        reverse("accounts:change_email"),
        {"email": "Lea.Nouvelle@Exemple.fr", "password": DEFAULT_PASSWORD},
    )
    assert response["Location"] == ACCOUNT_URL
    person.refresh_from_db()
    assert (person.email, person.pending_email) == ("lea@exemple.fr", "lea.nouvelle@exemple.fr")
    assert "En attente de vérification" in logged_in.get(ACCOUNT_URL).text
    link = verification_link("lea.nouvelle@exemple.fr")
    response = logged_in.get(link)
    assert response.status_code == 200
    assert "vous vous connectez désormais avec lea.nouvelle@exemple.fr" in response.text
    person.refresh_from_db()
    assert (person.email, person.pending_email) == ("lea.nouvelle@exemple.fr", "")
    requested = AuditEntry.objects.get(action=AuditEntry.Action.EMAIL_CHANGE_REQUESTED)
    assert requested.details == {"new": "lea.nouvelle@exemple.fr"}
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EMAIL_VERIFIED)
    assert entry.details == {"previous": "lea@exemple.fr"}
    # The old address is told, with the new one.
    notice = OutgoingEmail.objects.get(template="email_changed")
    assert notice.to == "lea@exemple.fr"
    assert "utilise désormais lea.nouvelle@exemple.fr" in notice.body_text
    # The link served once.
    assert logged_in.get(link).status_code == 410


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "autre@exemple.fr", "password": "faux"}, "Mot de passe incorrect."),
        ({"email": "lea@exemple.fr", "password": DEFAULT_PASSWORD}, "C'est déjà l'adresse"),
        ({"email": "PRISE@exemple.fr", "password": DEFAULT_PASSWORD}, "déjà utilisée"),
        (
            {"email": "pas une adresse", "password": DEFAULT_PASSWORD},
            "Saisissez une adresse e-mail valide.",
        ),
        ({"email": "a" * 10_000, "password": DEFAULT_PASSWORD}, "au plus 254 caractères"),
    ],
)
def test_email_change_errors_keep_what_was_typed(logged_in, person, data, error):
    UserFactory(email="prise@exemple.fr")
    response = logged_in.post(reverse("accounts:change_email"), data)
    assert response.status_code == 200
    assert error in unescape(response.text)
    if len(data["email"]) < 100:
        assert f'value="{data["email"]}"' in response.text
    person.refresh_from_db()
    assert person.pending_email == ""
    assert not OutgoingEmail.objects.exists()


def test_link_for_an_address_taken_meanwhile_fails(logged_in, person):
    logged_in.post(
        reverse("accounts:change_email"),
        {"email": "libre@exemple.fr", "password": DEFAULT_PASSWORD},
    )
    UserFactory(email="libre@exemple.fr")
    response = logged_in.get(verification_link("libre@exemple.fr"))
    assert response.status_code == 409
    assert "utilisée par un autre compte" in response.text
    person.refresh_from_db()
    assert person.email == "lea@exemple.fr"


def test_verification_link_expires(logged_in, person):
    logged_in.post(
        reverse("accounts:change_email"),
        {"email": "libre@exemple.fr", "password": DEFAULT_PASSWORD},
    )
    link = verification_link("libre@exemple.fr")
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = logged_in.get(link)
    assert response.status_code == 410
    assert "a expiré" in response.text


def test_a_newer_request_outdates_the_first_link(logged_in, person):
    url = reverse("accounts:change_email")
    logged_in.post(url, {"email": "un@exemple.fr", "password": DEFAULT_PASSWORD})
    logged_in.post(url, {"email": "deux@exemple.fr", "password": DEFAULT_PASSWORD})
    assert logged_in.get(verification_link("un@exemple.fr")).status_code == 410
    person.refresh_from_db()
    assert person.email == "lea@exemple.fr"


def test_change_password_keeps_the_session(logged_in, person):
    new = "une-autre-phrase-solide"
    response = logged_in.post(
        reverse("accounts:change_password"),
        {"old_password": DEFAULT_PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == ACCOUNT_URL
    person.refresh_from_db()
    assert person.check_password(new)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PASSWORD_CHANGED).exists()
    assert logged_in.get(ACCOUNT_URL).status_code == 200


def test_change_password_errors(logged_in, person):
    response = logged_in.post(
        reverse("accounts:change_password"),
        {"old_password": "faux", "new_password1": "abc", "new_password2": "abd"},
    )
    assert response.status_code == 200
    assert "Mot de passe actuel incorrect." in response.text
    assert "Les deux mots de passe ne sont pas identiques." in response.text
    person.refresh_from_db()
    assert person.check_password(DEFAULT_PASSWORD)


def test_latest_logins_of_this_account(client, rf, person, django_assert_max_num_queries):
    someone = UserFactory(email="quelquun@exemple.fr")
    request = rf.get("/", HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="192.0.2.7")
    request.user = someone
    audit.record(request, AuditEntry.Action.LOGIN, someone)
    with time_machine.travel("2026-03-01 08:30:00+00:00"):
        request.user = person
        audit.record(request, AuditEntry.Action.LOGIN, person)
    for _ in range(11):
        audit.record(None, AuditEntry.Action.LOGIN_FAILED, actor_email="lea@exemple.fr")
    login(client, person)
    with django_assert_max_num_queries(12):
        response = client.get(ACCOUNT_URL)
    rows = re.findall(r"<tr>\s*<td>", response.text)
    assert len(rows) == 10
    assert "Échec" in response.text
    assert "192.0.2.7" not in response.text  # only the 10 latest: eleven failures since
    AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED).delete()
    response = client.get(ACCOUNT_URL)
    assert "1 mars 2026 à 09:30" in response.text  # Europe/Paris
    assert "192.0.2.7" in response.text
    assert "Firefox sur Linux" in response.text
    assert response.text.count("192.0.2.7") == 1  # not someone else's login


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (FIREFOX, "Firefox sur Linux"),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge sur Windows",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Safari sur iOS",
        ),
        ("curl/8.0", "curl/8.0"),
        ("", "inconnu"),
    ],
)
def test_describe_user_agent(user_agent, expected):
    assert describe_user_agent(user_agent) == expected


def test_mfa_section_only_for_privileged_users(client, cast):
    login(client, cast.candidate)
    assert "Double authentification" not in client.get(ACCOUNT_URL).text
    login(client, cast.staff_a)
    response = client.get(ACCOUNT_URL)
    assert "Régénérer mes codes de secours" in response.text
    assert "Il vous reste 0" in response.text


def test_account_page_does_not_jump_to_the_password_form(client, cast):
    login(client, cast.staff_a)
    assert "autofocus" not in client.get(reverse("accounts:account")).text
