import re
from html import unescape

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken

from ancrage.accounts.factories import UserFactory
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.demo.data import DEMO_TOTP_KEY_HEX
from tests.cast import login

SETUP_URL = reverse("accounts:mfa_setup")
VERIFY_URL = reverse("accounts:mfa_verify")


def code(device, shift=0):
    return f"{totp(device.bin_key, drift=shift):06d}"


@pytest.fixture
def new_staff(db):
    """Cluster staff at first login: no device yet."""
    staff = ClusterStaffFactory(user__with_mfa=False, user__email="nouveau@exemple.fr").user
    staff.totpdevice_set.all().delete()
    return staff


@pytest.fixture
def staff(db):
    """Cluster staff with a device, logged in with a password only."""
    return ClusterStaffFactory(user__email="equipe@exemple.fr").user


def test_privileged_user_without_device_must_enrol(client, new_staff):
    client.force_login(new_staff)
    response = client.get("/")
    assert response["Location"] == f"{SETUP_URL}?next=%2F"
    response = client.get(response["Location"])
    assert "<svg" in response.text
    assert "https://" not in re.search(r"<svg.*</svg>", response.text, re.S).group(0)
    device = new_staff.totpdevice_set.get()
    assert not device.confirmed
    # The same device (and QR code) on a second visit.
    client.get(SETUP_URL)
    assert new_staff.totpdevice_set.count() == 1


def test_enrolment_with_a_wrong_then_a_right_code(client, new_staff):
    client.force_login(new_staff)
    client.get(SETUP_URL)
    device = new_staff.totpdevice_set.get()
    response = client.post(SETUP_URL, {"code": "000000", "next": "/compte/"})
    assert response.status_code == 200
    assert "Ce code n'est pas le bon" in unescape(response.text)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MFA_FAILED).count() == 1
    response = client.post(SETUP_URL, {"code": code(device), "next": "/compte/"})
    backup_url = reverse("accounts:mfa_backup_codes")
    assert response["Location"] == f"{backup_url}?next=%2Fcompte%2F"
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MFA_ENROLLED).exists()
    response = client.get(response["Location"])
    shown = re.findall(r"<li class=\"col mb-2\">(\w{4}-\w{4})</li>", response.text)
    assert len(shown) == 10
    stored = set(StaticToken.objects.filter(device__user=new_staff).values_list("token", flat=True))
    assert {c.replace("-", "") for c in shown} == stored
    assert 'href="/compte/"' in response.text
    # Shown once only.
    assert client.get(backup_url)["Location"] == reverse("accounts:account")
    # Verified now: the site opens; the setup page sends to the account page.
    assert client.get("/").status_code == 200
    assert client.get(SETUP_URL)["Location"] == reverse("accounts:account")


def test_setup_cannot_replace_an_existing_device_before_verification(client, staff):
    client.force_login(staff)
    response = client.get(SETUP_URL)
    assert response["Location"].startswith(VERIFY_URL)
    assert staff.totpdevice_set.count() == 1


def test_every_login_asks_the_current_code(client, staff):
    device = staff.totpdevice_set.get()
    client.force_login(staff)
    response = client.get("/compte/")
    assert response["Location"] == f"{VERIFY_URL}?next=%2Fcompte%2F"
    response = client.post(VERIFY_URL, {"code": "abcdef", "next": "/compte/"})
    assert response.status_code == 200
    assert "Ce code n'est pas valide" in unescape(response.text)
    assert AuditEntry.objects.get(action=AuditEntry.Action.MFA_FAILED).actor == staff
    response = client.post(VERIFY_URL, {"code": code(device), "next": "/compte/"})
    assert response["Location"] == "/compte/"
    assert client.get("/compte/").status_code == 200


def test_unsafe_next_after_verification_goes_home(client, staff):
    device = staff.totpdevice_set.get()
    client.force_login(staff)
    response = client.post(VERIFY_URL, {"code": code(device), "next": "//pirate.example/"})
    assert response["Location"] == "/"


def test_backup_code_works_once(client, staff):
    login(client, staff)
    device = staff.totpdevice_set.get()
    client.post(reverse("accounts:mfa_regenerate_backup_codes"), {"code": code(device)})
    backup = StaticToken.objects.filter(device__user=staff).first().token
    client.logout()
    client.force_login(staff)
    response = client.post(VERIFY_URL, {"code": f" {backup[:4].upper()}-{backup[4:]} "})
    assert response["Location"] == "/"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MFA_BACKUP_USED)
    assert entry.details == {"remaining": 9}
    assert "Il vous reste 9 codes de secours" in unescape(client.get("/").text)
    client.logout()
    client.force_login(staff)
    response = client.post(VERIFY_URL, {"code": backup})
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MFA_FAILED).count() == 1


def test_repeated_wrong_codes_are_throttled(client, staff):
    device = staff.totpdevice_set.get()
    client.force_login(staff)
    for _ in range(5):
        client.post(VERIFY_URL, {"code": "000000"})
    response = client.post(VERIFY_URL, {"code": code(device)})
    assert response.status_code == 429
    assert "attendez 15 minutes" in response.text
    assert not client.session.get("otp_device_id")


def test_demo_mode_shows_the_current_code(client, staff, settings):
    settings.DEMO = True
    device = staff.totpdevice_set.get()
    device.key = DEMO_TOTP_KEY_HEX
    device.save()
    client.force_login(staff)
    response = client.get(VERIFY_URL)
    assert code(device) in response.text
    settings.DEMO = False
    assert code(device) not in client.get(VERIFY_URL).text


def test_demo_mode_shows_the_code_during_enrolment(client, new_staff, settings):
    settings.DEMO = True
    client.force_login(new_staff)
    response = client.get(SETUP_URL)
    assert code(new_staff.totpdevice_set.get()) in response.text


def test_regenerate_backup_codes_needs_the_current_code(client, staff):
    login(client, staff)
    device = staff.totpdevice_set.get()
    url = reverse("accounts:mfa_regenerate_backup_codes")
    response = client.post(url, {"code": "999999"})
    assert response.status_code == 200
    assert "Ce code n'est pas valide" in unescape(response.text)
    assert not StaticToken.objects.exists()
    response = client.post(url, {"code": code(device)})
    assert response["Location"] == reverse("accounts:mfa_backup_codes")
    first = set(StaticToken.objects.values_list("token", flat=True))
    assert len(first) == 10
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MFA_CODES_REGENERATED).exists()
    device.last_t = -1
    device.save()
    client.post(url, {"code": code(device)})
    second = set(StaticToken.objects.values_list("token", flat=True))
    assert len(second) == 10
    assert not first & second


def test_candidates_do_not_use_mfa(client, cast):
    login(client, cast.candidate)
    assert client.get(SETUP_URL).status_code == 403
    assert client.get(VERIFY_URL).status_code == 403
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("typed", ["", "abc", "1" * 10_000, "<b>", "12-34"])
def test_odd_codes_are_refused_in_french(client, staff, typed):
    client.force_login(staff)
    response = client.post(VERIFY_URL, {"code": typed})
    assert response.status_code == 200
    assert "otp_device_id" not in client.session


def test_the_next_page_keeps_all_its_query_parameters(client, cast):
    client.force_login(cast.staff_a)
    response = client.get("/cluster/journal/?action=login&person=a")
    assert response["Location"] == (
        f"{VERIFY_URL}?next=%2Fcluster%2Fjournal%2F%3Faction%3Dlogin%26person%3Da"
    )


def test_admin_access_flag_makes_an_account_privileged(db):
    assert UserFactory(is_staff=True).is_privileged
