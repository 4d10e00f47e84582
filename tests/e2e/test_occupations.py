"""An anonymous visitor finds a métier: search, open its fiche, follow a
mobility to a related métier."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.referentiel import machining


def test_search_an_occupation_and_follow_a_mobility(page, db):
    machining.build()
    page.goto(reverse("referentiel:occupations"))
    expect(page.get_by_role("heading", name="H – Industrie (3 métiers)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("searchbox", name="Métier ou intitulé de poste").fill("usineur")
    page.get_by_role("button", name="Rechercher").click()
    result = page.get_by_role("link", name="Tourneur-fraiseur / Tourneuse-fraiseuse")
    result.wait_for()
    assert page.get_by_role("searchbox").input_value() == "usineur"
    expect(page.get_by_text("Usineur / Usineuse").first).to_be_visible()
    assert_accessible(page)

    result.click()
    page.wait_for_url("**/metiers/H2903/")
    assert page.locator("h1").inner_text().startswith("Tourneur-fraiseur / Tourneuse-fraiseuse")
    assert page.title().startswith("Tourneur-fraiseur / Tourneuse-fraiseuse (H2903)")
    expect(page.get_by_text("cœur de métier").first).to_be_visible()
    assert_accessible(page)

    mobilities = page.locator("#mobilites")
    mobilities.get_by_role("link", name="Régleur / Régleuse d'équipements industriels").click()
    page.wait_for_url("**/metiers/H2912/")
    assert (
        page.locator("h1").inner_text().startswith("Régleur / Régleuse d'équipements industriels")
    )
    assert_accessible(page)
