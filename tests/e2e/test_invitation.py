import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ancrage.accounts.models import User
from ancrage.clusters.factories import StaffInvitationFactory
from ancrage.clusters.models import ClusterStaff
from tests.e2e.accessibility import assert_accessible


def test_new_person_accepts_enrols_and_lands_in_the_cluster(page, cast):
    invitation = StaffInvitationFactory(
        cluster=cast.cluster_a, email="recrue@exemple.fr", first_name="Yann", last_name="Le Goff"
    )
    page.goto(f"/compte/invitation/{invitation.token}/")
    assert page.locator("h1").inner_text() == "Créer votre compte"
    assert page.get_by_label("Prénom").input_value() == "Yann"
    assert_accessible(page)
    page.get_by_label("Mot de passe", exact=True).fill("une-phrase-de-passe-solide")
    page.get_by_label("Mot de passe (confirmation)").fill("une-phrase-de-passe-solide")
    page.get_by_role("button", name="Créer mon compte et accepter l'invitation").click()
    page.wait_for_url(re.compile(r"/activation/"))
    assert_accessible(page)
    user = User.objects.get(email="recrue@exemple.fr")
    assert ClusterStaff.objects.filter(user=user, cluster=cast.cluster_a).exists()
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Code à 6 chiffres").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Activer").click()
    page.wait_for_url(re.compile(r"/codes-de-secours/"))
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("h1").inner_text() == "Cluster Alpha"
    assert_accessible(page)


def test_used_invitation_link_is_explained(page, cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a, email="deja@exemple.fr")
    type(invitation).objects.filter(pk=invitation.pk).update(accepted_at=invitation.created_at)
    page.goto(f"/compte/invitation/{invitation.token}/")
    assert page.locator("h1").inner_text() == "Invitation plus valable"
    assert_accessible(page)
    page.goto("/compte/invitation/faux-jeton/")
    assert page.locator("h1").inner_text() == "Lien d'invitation invalide"
    assert_accessible(page)
