"""Campaigns in a real browser: staff create a campaign from the shipped
barometer, keep the PME of the matrix as audience (the count follows the
choice live), add a non-member, launch, and follow the response rate;
axe-core on every screen."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.organisations.models import Membership
from ancrage.outbox.models import OutgoingEmail
from ancrage.surveys import shipped
from ancrage.surveys.models import Campaign, Status
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_staff_create_launch_and_follow_a_campaign(page, live_server, cast):
    questionnaire = shipped.instantiate(cast.cluster_a, "barometre-metiers-en-tension")
    membership = Membership.objects.get(cluster=cast.cluster_a)
    membership.organisation.headcount = 40  # a PME
    membership.organisation.save()
    MatrixProfileFactory(membership=membership)
    log_in(page, live_server, cast.staff_a)
    today = timezone.localdate()

    page.goto(f"{live_server.url}/cluster/enquetes/")
    assert page.locator("h1").inner_text() == "Campagnes d'enquête"
    assert_accessible(page)
    page.get_by_role("link", name="Nouvelle campagne").click()
    page.get_by_label("Questionnaire").select_option(label=questionnaire.title)
    page.get_by_label("Titre").fill("Baromètre des métiers")
    page.get_by_label("Période").fill("T1 2027")
    page.get_by_label("Ouverture le").fill(today.isoformat())
    page.get_by_label("Clôture le").fill((today + datetime.timedelta(days=30)).isoformat())
    page.get_by_label("Relances (jours après l'ouverture)").fill("7, 14")
    page.get_by_label("Récurrence").select_option(label="tous les trimestres")
    page.get_by_text("2 adhérents seront invités").or_(
        page.get_by_text("1 adhérent sera invité")
    ).wait_for()
    page.get_by_label("une sélection de la matrice").check()
    page.get_by_text("Choisissez au moins un critère ci-dessous.").wait_for()
    page.get_by_label("PME").check()
    page.get_by_text("1 adhérent sera invité").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Campagne enregistrée en préparation").wait_for()
    campaign = Campaign.objects.get()
    assert campaign.audience_filter == "size=pme"
    assert "Usinage Alpha" in page.locator("details").text_content()
    assert_accessible(page)

    page.get_by_label("Organisation").fill("Forge de la Filière")
    page.get_by_label("Adresse électronique").fill("rh@forge.example")
    page.get_by_role("button", name="Ajouter").click()
    page.get_by_text("Forge de la Filière est ajouté(e) aux destinataires.").wait_for()
    page.get_by_role("link", name=str(campaign)).click()
    page.get_by_role("button", name="Lancer la campagne").click()
    page.get_by_text("La campagne est ouverte : les invitations partent.").wait_for()
    assert_accessible(page)
    campaign.refresh_from_db()
    assert campaign.status == Status.OPEN
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "membre-a@exemple.fr",
        "rh@forge.example",
    ]
    progress = page.locator("#progress")
    assert "0 %" in progress.inner_text()
    assert "2 organisations invitées" in progress.inner_text()
    invitees = page.locator("section[aria-labelledby='invitees-title'] tbody tr")
    assert invitees.count() == 2
    assert "pas commencé" in invitees.nth(0).inner_text()
    expect(page.get_by_role("button", name="Relancer maintenant")).to_be_visible()
