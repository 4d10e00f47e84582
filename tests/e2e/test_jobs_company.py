"""A member company's offer in a real browser: the company writes an offer,
gets a French error for a minimum salary above the maximum with what it
typed kept, fixes it, submits the offer to its cluster and reads that it
awaits moderation; axe-core on every screen."""

from playwright.sync_api import expect

from ancrage.jobs.models import Offer, Publication
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_member_writes_an_offer_and_submits_it_to_its_cluster(page, live_server, cast):
    log_in(page, live_server, cast.member_a)
    page.goto("/organisation/offres/")
    assert page.locator("h1").inner_text() == "Offres d'emploi"
    assert_accessible(page)
    page.get_by_role("link", name="Nouvelle offre").click()
    page.wait_for_load_state()
    page.get_by_label("Intitulé du poste").fill("Usineur / usineuse 5 axes")
    page.get_by_label("Description du poste et du profil").fill(
        "Réglage et conduite de centres d'usinage 5 axes, en équipe de jour."
    )
    page.get_by_role("combobox", name="Contrat", exact=True).select_option(label="CDI")
    commune = page.get_by_role("combobox", name="Commune")
    commune.fill("Lorie")
    page.get_by_role("option", name="Lorient (56121)").click()
    page.get_by_label("Salaire minimum").fill("38000")
    page.get_by_label("Salaire maximum").fill("32000")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()

    page.get_by_text("Rien n'est enregistré : corrigez les champs signalés.").wait_for()
    expect(page.get_by_text("est inférieur au salaire minimum")).to_be_visible()
    assert page.get_by_label("Salaire minimum").input_value() == "38000"
    assert page.get_by_label("Intitulé du poste").input_value() == "Usineur / usineuse 5 axes"
    assert commune.input_value() == "Lorient (56121)"
    assert not Offer.objects.exists()
    assert_accessible(page)

    page.get_by_label("Salaire maximum").fill("42000")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("L'offre est enregistrée en brouillon").wait_for()
    offer = Offer.objects.get()
    assert (offer.salary_min, offer.salary_max) == (38000, 42000)
    assert page.locator("h1").inner_text() == "Usineur / usineuse 5 axes"
    assert_accessible(page)

    page.get_by_role("link", name="Soumettre aux clusters").click()
    assert page.get_by_label("Cluster Alpha").is_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Soumettre").click()
    page.get_by_text("Offre soumise. Cluster Alpha : en attente de modération").wait_for()
    assert Publication.objects.get(offer=offer).status == Publication.Status.PENDING
    assert_accessible(page)

    menu = page.get_by_role("navigation", name="Navigation principale")
    menu.get_by_role("link", name="Offres d'emploi").click()
    row = page.locator("tr", has_text="Usineur / usineuse 5 axes")
    assert "en attente de modération" in row.inner_text()
    assert "Cluster Alpha" in row.inner_text()
