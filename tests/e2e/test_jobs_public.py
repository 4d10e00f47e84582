"""A cluster's job board in a real browser, as an anonymous visitor: filter
by contract, open an offer, read its salary and how to apply."""

from decimal import Decimal

from django.urls import reverse
from playwright.sync_api import expect

from ancrage.jobs.factories import PublicationFactory
from ancrage.organisations.models import Organisation
from tests.e2e.accessibility import assert_accessible


def test_an_anonymous_visitor_finds_an_offer_on_a_clusters_board(page, cast):
    alpha = Organisation.objects.get(name="Usinage Alpha")
    PublicationFactory(
        cluster=cast.cluster_a,
        offer__organisation=alpha,
        offer__title="Technicien / technicienne d'usinage",
        offer__contract="cdi",
    )
    PublicationFactory(
        cluster=cast.cluster_a,
        offer__organisation=alpha,
        offer__title="Apprenti(e) soudeur",
        offer__contract="alternance",
        offer__salary_min=Decimal("1100"),
        offer__salary_max=Decimal("1450"),
        offer__salary_period="mois",
        offer__rhythm="2 semaines en entreprise, 1 semaine au CFA",
        offer__application_mode="courriel",
        offer__application_email="recrutement@usinage-alpha.example",
    )
    page.goto(reverse("jobs_board:list", args=["alpha"]))
    assert page.locator("h1").inner_text() == "Offres d'emploi de Cluster Alpha"
    results = page.locator("#resultats")
    results.get_by_text("2 offres").wait_for()
    expect(page.get_by_role("link", name="Flux Atom")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("checkbox", name="Alternance ou apprentissage").check()
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**contract=alternance**")
    results.get_by_text("1 offre").wait_for()
    assert "Technicien / technicienne d'usinage" not in results.inner_text()
    assert page.get_by_role("checkbox", name="Alternance ou apprentissage").is_checked()
    assert_accessible(page)

    results.get_by_role("link", name="Apprenti(e) soudeur").click()
    page.wait_for_url("**/offres/*-apprentie-soudeur/")
    assert page.locator("h1").inner_text() == "Apprenti(e) soudeur"
    assert "De 1\u202f100 à 1\u202f450 € brut mensuel".replace("\u202f", "\xa0") in (
        page.locator("dd.salary").inner_text().replace("\u202f", "\xa0")
    )
    assert "2 semaines en entreprise, 1 semaine au CFA" in page.inner_text("main")
    apply = page.get_by_role("link", name="recrutement@usinage-alpha.example")
    assert apply.get_attribute("href").startswith("mailto:recrutement@usinage-alpha.example")
    expect(page.get_by_role("link", name="Partager sur LinkedIn")).to_be_visible()
    assert_accessible(page)
