"""The public search of offers in a real browser: a visitor searches with
words and a commune with a radius, reads the results with their distance,
opens an offer; a candidate saves the search with a weekly alert and finds
it in their saved searches; axe-core on every screen."""

from django.urls import reverse
from playwright.sync_api import expect

from ancrage.jobs.factories import PublicationFactory
from ancrage.jobs.models import SavedSearch
from ancrage.organisations.models import Organisation
from ancrage.territory.factories import CommuneFactory
from ancrage.territory.models import Commune
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def _offers(cast):
    lorient = Commune.objects.get(code="56121")
    lorient.latitude, lorient.longitude = 47.7483, -3.3700
    lorient.save()
    vannes = CommuneFactory(
        code="56260",
        name="Vannes",
        department=lorient.department,
        latitude=47.6582,
        longitude=-2.7608,
    )
    far = CommuneFactory(code="44184", name="Saint-Nazaire", latitude=47.2735, longitude=-2.2138)
    alpha = Organisation.objects.get(name="Usinage Alpha")
    for title, commune in (
        ("Soudeur TIG", vannes),
        ("Électricien de maintenance", lorient),
        ("Soudeuse MIG", far),
    ):
        PublicationFactory(
            cluster=cast.cluster_a,
            offer__organisation=alpha,
            offer__title=title,
            offer__commune=commune,
        )


def _search(page):
    page.get_by_label("Mots-clés").fill("soudeurs")
    commune = page.get_by_role("combobox", name="Commune")
    commune.fill("Lorie")
    page.get_by_role("option", name="Lorient (56121)").click()
    page.get_by_label("Rayon (km)").fill("60")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**radius=60**")
    results = page.locator("#resultats")
    results.get_by_text("1 offre", exact=True).wait_for()
    return results


def test_a_visitor_searches_and_a_candidate_saves_the_search(page, live_server, cast):
    _offers(cast)
    page.goto(reverse("jobs_search:search"))
    assert page.locator("h1").inner_text() == "Rechercher une offre d'emploi"
    page.locator("#resultats").get_by_text("3 offres", exact=True).wait_for()
    assert_accessible(page)

    # A wrong radius: a French message, what was typed kept.
    page.get_by_label("Mots-clés").fill("soudeur")
    page.get_by_label("Rayon (km)").fill("-5")
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_text("Le rayon se donne en kilomètres, de 1 à 200")).to_be_visible()
    assert page.get_by_label("Mots-clés").input_value() == "soudeur"
    assert_accessible(page)

    results = _search(page)
    expect(results.get_by_text("à 47 km", exact=False)).to_be_visible()
    assert "Soudeuse MIG" not in results.inner_text()
    assert "Électricien" not in results.inner_text()
    assert_accessible(page)
    results.get_by_role("link", name="Soudeur TIG").click()
    page.wait_for_url("**/offres/*-soudeur-tig/")
    assert page.locator("h1").inner_text() == "Soudeur TIG"

    # A candidate saves the same search.
    log_in(page, live_server, cast.candidate)
    page.goto(reverse("jobs_search:search"))
    _search(page)
    page.get_by_text("Enregistrer cette recherche et recevoir les nouvelles offres").click()
    page.get_by_label("Nom de la recherche").fill("Soudure autour de Lorient")
    page.get_by_label("Alerte par courriel").select_option(label="Chaque semaine")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url("**/candidat/recherches/")
    expect(page.get_by_text("Recherche « Soudure autour de Lorient » enregistrée.")).to_be_visible()
    expect(page.get_by_role("link", name="Soudure autour de Lorient", exact=True)).to_be_visible()
    assert_accessible(page)
    saved = SavedSearch.objects.get(user=cast.candidate)
    assert saved.frequency == SavedSearch.Frequency.WEEKLY
    assert saved.query["q"] == ["soudeurs"] and saved.query["radius"] == ["60"]
    assert saved.query["commune_code"] == ["56121"]

    # The saved search opens the search again.
    page.get_by_role("link", name="Soudure autour de Lorient", exact=True).click()
    page.locator("#resultats").get_by_text("1 offre", exact=True).wait_for()
    assert page.get_by_label("Mots-clés").input_value() == "soudeurs"
