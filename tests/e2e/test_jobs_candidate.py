"""A candidate in a real browser: signs up, confirms the address from the
email, logs in, fills the profile with the pickers (a radius of −5 km is
refused in French with what was typed kept), uploads a CV and adds the
skills found in it, lets the members of a cluster see the profile, and
reads on the dashboard how many companies viewed it; axe-core on every
screen."""

import re
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from ancrage.accounts.models import User
from ancrage.files.factories import pdf_bytes
from ancrage.jobs.models import Consent, ProfileView
from ancrage.organisations.factories import OrganisationFactory
from ancrage.outbox.models import OutgoingEmail
from tests.e2e.accessibility import assert_accessible
from tests.referentiel import machining

PASSWORD = "une phrase de passe solide"


def test_candidate_signs_up_fills_the_profile_and_opens_it_to_a_cluster(page, live_server, cast):
    machining.build()
    messages = page.locator("#messages")

    page.goto("/candidat/inscription/")
    assert page.locator("h1").inner_text() == "Créer mon espace candidat"
    assert_accessible(page)
    page.get_by_label("Adresse électronique").fill("nina.martin@exemple.fr")
    page.get_by_label("Prénom").fill("Nina")
    page.get_by_label("Nom", exact=True).fill("Martin")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("checkbox", name=re.compile("j'accepte les conditions")).check()
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_text("Un courriel vient d'être envoyé à nina.martin@exemple.fr").wait_for()
    assert_accessible(page)

    body = OutgoingEmail.objects.get(to="nina.martin@exemple.fr").body_text
    link = re.search(r"/candidat/inscription/confirmation/\S+/", body).group()
    page.goto(link)
    expect(page.get_by_text("Votre adresse est confirmée.")).to_be_visible()
    page.locator("#contenu").get_by_role("link", name="Se connecter").click()
    page.get_by_label("Adresse électronique").fill("nina.martin@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()

    # The profile, with the pickers; a negative radius first.
    page.get_by_role("heading", name="Modifier mon profil").wait_for()
    page.get_by_label("Titre du profil").fill("Usineuse sur commande numérique")
    page.get_by_label("Présentation").fill("Cinq ans d'usinage <b>5 axes</b>.")
    occupations = page.get_by_role("combobox", name="Métiers recherchés")
    occupations.fill("tourneur")
    page.get_by_role("option", name=re.compile("Tourneur-fraiseur")).click()
    page.get_by_role("checkbox", name=re.compile("Tourneur-fraiseur")).wait_for(state="attached")
    commune = page.get_by_role("combobox", name="Commune")
    commune.fill("Lorie")
    page.get_by_role("option", name="Lorient (56121)").click()
    page.get_by_label("Mobilité (km)").fill("-5")
    page.get_by_role("checkbox", name="CDI").check()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Rien n'est enregistré : corrigez les champs signalés.").wait_for()
    expect(
        page.get_by_text("Le rayon de mobilité doit être compris entre 0 et 1 000 km")
    ).to_be_visible()
    assert page.get_by_label("Titre du profil").input_value() == "Usineuse sur commande numérique"
    assert commune.input_value() == "Lorient (56121)"
    assert_accessible(page)
    page.get_by_label("Mobilité (km)").fill("40")
    page.get_by_role("button", name="Enregistrer").click()
    messages.get_by_text("Votre profil est enregistré.").wait_for()
    expect(page.get_by_text("Lorient (56121), jusqu'à 40 km")).to_be_visible()
    expect(page.get_by_text("Cinq ans d'usinage <b>5 axes</b>.")).to_be_visible()
    assert_accessible(page)

    # The CV, and the skills found in it.
    page.get_by_role("link", name="Mon CV").first.click()
    with tempfile.TemporaryDirectory() as folder:
        cv = Path(folder) / "CV Nina Martin.pdf"
        cv.write_bytes(
            pdf_bytes(
                "Nina Martin\nJe règle les paramètres des machines.\nJe fais preuve de rigueur."
            )
        )
        page.get_by_label("Votre CV (PDF, 5 Mo au plus)").set_input_files(str(cv))
        page.get_by_role("button", name="Envoyer le PDF").click()
        messages.get_by_text("Votre CV « CV Nina Martin.pdf » est enregistré.").wait_for()
    expect(page.get_by_role("checkbox", name="Régler les paramètres d'une machine")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Ajouter ces compétences à mon profil").click()
    messages.get_by_text("2 compétence(s) ajoutée(s) à votre profil.").wait_for()

    # Visible to the members of Cluster Alpha.
    page.get_by_role("link", name="Visibilité").click()
    page.get_by_role("checkbox", name=re.compile("Cluster Alpha")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer mes choix").click()
    messages.get_by_text("Visible des adhérents de : Cluster Alpha.").wait_for()
    user = User.objects.get(email="nina.martin@exemple.fr")
    consent = Consent.objects.get(profile__user=user)
    assert consent.cluster == cast.cluster_a and "Cluster Alpha" in consent.text

    # Three companies opened the profile.
    for name in ("Alpha Usinage", "Bêta Naval", "Gamma Composites"):
        ProfileView.objects.create(
            profile=user.candidate_profile,
            organisation=OrganisationFactory(name=name),
            what="profil",
        )
    page.goto("/")
    expect(page.get_by_text("3 entreprises ont consulté votre profil")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Voir le détail").click()
    expect(page.get_by_role("cell", name="Gamma Composites")).to_be_visible()
    assert_accessible(page)
