"""The whole survey journey in a real browser: staff build a questionnaire,
launch a campaign to the members, a member company answers from its space,
staff close the campaign and read the results."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from ancrage.surveys.models import Campaign, Response
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_build_launch_answer_and_read_a_campaign(page, live_server, cast):
    today = timezone.localdate()
    log_in(page, live_server, cast.staff_a)

    # Build.
    page.goto("/")
    page.get_by_role("link", name="Enquêtes", exact=True).click()
    page.get_by_role("link", name="Questionnaires et modèles").click()
    page.get_by_role("link", name="Nouveau questionnaire").click()
    page.get_by_label("Titre").fill("Enquête flash recrutement")
    page.get_by_role("button", name="Créer le questionnaire").click()
    page.get_by_text("Le questionnaire est créé").wait_for()
    page.get_by_role("link", name="Ajouter une section").click()
    page.get_by_label("Titre").fill("Recrutement")
    page.get_by_role("button", name="Enregistrer la section").click()
    page.get_by_text("La section « Recrutement » est ajoutée.").wait_for()
    section = page.locator("section.builder-section", has_text="Recrutement")
    section.get_by_label("Ajouter une question de type").select_option(label="nombre")
    section.get_by_role("button", name="Ajouter à la section « Recrutement »").click()
    page.get_by_role("textbox", name="Question").fill("Postes ouverts aujourd'hui")
    page.get_by_label("Valeur minimale").fill("0")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La question est ajoutée.").wait_for()
    section = page.locator("section.builder-section", has_text="Recrutement")
    section.get_by_label("Ajouter une question de type").select_option(label="choix unique")
    section.get_by_role("button", name="Ajouter à la section « Recrutement »").click()
    page.get_by_role("textbox", name="Question").fill("Principal frein")
    page.get_by_label("Choix proposés").fill("Peu de candidats\nCompétences manquantes")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La question est ajoutée.").wait_for()

    # Launch to every member.
    page.get_by_role("link", name="Enquêtes", exact=True).click()
    page.get_by_role("link", name="Nouvelle campagne").click()
    page.get_by_label("Questionnaire").select_option(label="Enquête flash recrutement")
    page.get_by_label("Titre").fill("Enquête flash")
    page.get_by_label("Période").fill("T4 2026")
    page.get_by_label("Ouverture le").fill(today.isoformat())
    page.get_by_label("Clôture le").fill((today + datetime.timedelta(days=14)).isoformat())
    page.get_by_text("1 adhérent sera invité").wait_for()
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Campagne enregistrée en préparation").wait_for()
    campaign = Campaign.objects.get(title="Enquête flash")
    page.goto(f"/cluster/enquetes/{campaign.pk}/")
    page.get_by_role("button", name="Lancer la campagne").click()
    page.get_by_text("La campagne est ouverte : les invitations partent.").wait_for()

    # A member company answers from its space.
    page.context.clear_cookies()
    log_in(page, live_server, cast.member_a)
    page.goto("/")
    page.get_by_role("link", name="Répondez à l'enquête « Enquête flash » (T4 2026)").click()
    page.get_by_label("Postes ouverts aujourd'hui").fill("-2")
    page.get_by_role("button", name="Envoyer mes réponses").click()
    page.get_by_text("Certaines réponses sont à corriger").wait_for()
    assert page.get_by_label("Postes ouverts aujourd'hui").input_value() == "-2"
    page.get_by_label("Postes ouverts aujourd'hui").fill("3")
    page.get_by_role("radio", name="Compétences manquantes").check()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    page.get_by_text("Merci, vos réponses sont enregistrées").wait_for()
    assert_accessible(page)
    response = Response.objects.get(campaign=campaign)
    assert response.state == Response.State.SUBMITTED
    assert response.answered_by == cast.member_a

    # Staff close the campaign and read the results.
    page.context.clear_cookies()
    log_in(page, live_server, cast.staff_a)
    page.goto(f"/cluster/enquetes/{campaign.pk}/")
    page.get_by_role("button", name="Clôturer maintenant").click()
    page.get_by_role("link", name="Résultats", exact=True).click()
    page.wait_for_url(f"**/cluster/enquetes/{campaign.pk}/resultats/")
    assert "Enquête flash" in page.locator("h1").inner_text()
    expect(page.locator("svg[role=img]").first).to_be_visible()
    campaign.refresh_from_db()
    assert campaign.status == "closed"
    row = page.get_by_role("row", name="Compétences manquantes")
    assert "100" in row.inner_text()
    assert_accessible(page)
