"""Reading a campaign's results in a real browser: the charts and their
tables, a segment filter applied (htmx), the previous wave's arrows, the list
of the individual responses, the barometer series; axe-core on every screen."""

from playwright.sync_api import expect

from ancrage.surveys.models import Recurrence, Status
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.surveys.results_fixtures import answer, campaign_with_questions, next_wave, occupations


def row(occupation, open_, filled, days, difficulty):
    return {
        "metier": occupation.pk,
        "ouverts": str(open_),
        "pourvus": str(filled),
        "delai": str(days),
        "difficulte": difficulty,
    }


def test_staff_read_the_results_and_filter_them_by_size(page, live_server, cast):
    welder, turner = occupations(2)
    first = campaign_with_questions(
        cast.cluster_a, title="Baromètre des métiers", period_label="T2 2026", status=Status.CLOSED
    )
    for _index in range(3):
        answer(first, {"enjeu": "form", "confiance": 2, "metiers": [row(welder, 1, 3, 20, 2)]})
    current = next_wave(
        first, period_label="T3 2026", title=first.title, recurrence=Recurrence.QUARTERLY
    )
    for size, choice in (("pme", "rh"), ("pme", "rh"), ("tpe", "form")):
        answer(
            current,
            {
                "enjeu": choice,
                "confiance": 4,
                "metiers": [row(welder, 4, 1, 80, 4), row(turner, 1, 1, 20, 1)],
            },
            size_class=size,
            name=f"Entreprise {size} {choice}",
        )
    log_in(page, live_server, cast.staff_a)

    page.goto(f"/cluster/enquetes/{current.pk}/resultats/")
    assert "Baromètre des métiers" in page.locator("h1").inner_text()
    question = page.locator("#question-enjeu")
    expect(question.locator("svg[role=img]")).to_be_visible()
    recruitment = question.get_by_role("row", name="Recrutement")
    assert "66,7" in recruitment.inner_text() and "▲" in recruitment.inner_text()
    tension = page.get_by_role("table", name="Score de tension par métier (0 à 100)")
    expect(tension).to_be_visible()
    assert "Métier 0" in tension.locator("tbody tr").first.inner_text()
    assert_accessible(page)

    page.get_by_label("Taille").select_option(label="TPE")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_text("Résultats filtrés").wait_for()
    assert "taille=tpe" in page.url
    recruitment = page.locator("#question-enjeu").get_by_role("row", name="Recrutement")
    assert recruitment.locator("td").first.inner_text().strip() == "0"
    assert_accessible(page)

    page.get_by_role("link", name="Tout voir").click()
    page.get_by_role("link", name="Voir les 3 réponses envoyées").click()
    page.get_by_role("heading", name="Réponses individuelles").wait_for()
    names = page.locator("main ul li a").all_inner_texts()
    assert names == ["Entreprise pme rh", "Entreprise pme rh", "Entreprise tpe form"]
    assert_accessible(page)
    page.get_by_role("link", name="Retour aux résultats").click()
    page.get_by_role("link", name="Série des vagues").click()
    page.get_by_role(
        "heading", name="Métiers en tension ce trimestre (T3 2026, en cours)"
    ).wait_for()
    assert page.locator("svg polyline").count() >= 3
    assert_accessible(page)
