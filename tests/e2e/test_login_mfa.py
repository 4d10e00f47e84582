import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ancrage.accounts.factories import DEFAULT_PASSWORD
from ancrage.clusters.factories import ClusterStaffFactory
from tests.e2e.accessibility import assert_accessible


def current_code(device):
    return f"{totp(device.bin_key):06d}"


def type_credentials(page, email):
    page.goto("/compte/connexion/")
    assert_accessible(page)
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def test_staff_logs_in_with_password_and_code(page, cast):
    type_credentials(page, cast.staff_a.email)
    page.wait_for_url(re.compile(r"/compte/double-authentification/"))
    assert page.locator("h1").inner_text() == "Double authentification"
    assert_accessible(page)
    device = cast.staff_a.totpdevice_set.get()
    page.get_by_label("Code à 6 chiffres ou code de secours").fill(current_code(device))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("h1").inner_text() == "Cluster Alpha"
    assert_accessible(page)


def test_wrong_code_is_explained(page, cast):
    type_credentials(page, cast.authority.email)
    page.get_by_label("Code à 6 chiffres ou code de secours").fill("abcdef")
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Ce code n'est pas valide")).to_be_visible()
    assert_accessible(page)


def test_first_login_enrols_and_shows_backup_codes(page, cast):
    staff = ClusterStaffFactory(
        cluster=cast.cluster_a, user__with_mfa=False, user__email="premiere@exemple.fr"
    ).user
    staff.totpdevice_set.all().delete()
    type_credentials(page, staff.email)
    page.wait_for_url(re.compile(r"/activation/"))
    assert page.locator("svg").count() >= 1
    assert_accessible(page)
    device = TOTPDevice.objects.get(user=staff)
    page.get_by_label("Code à 6 chiffres").fill(current_code(device))
    page.get_by_role("button", name="Activer").click()
    page.wait_for_url(re.compile(r"/codes-de-secours/"))
    assert page.locator(".backup-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("h1").inner_text() == "Cluster Alpha"


def test_account_page_is_accessible(page, cast):
    type_credentials(page, cast.staff_a.email)
    device = cast.staff_a.totpdevice_set.get()
    page.get_by_label("Code à 6 chiffres ou code de secours").fill(current_code(device))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/compte/")
    assert page.locator("h1").inner_text() == "Mon compte"
    assert page.get_by_text("Connexion réussie").count() == 1
    assert_accessible(page)
    page.goto("/compte/mot-de-passe-oublie/")
    assert_accessible(page)
