"""Tenders in a real browser: staff create a tender, add its requirements
(a skill with the picker, an activity), see the members ranked with what each
covers and misses, and mark one as contacted; axe-core on every screen."""

from playwright.sync_api import expect

from ancrage.tenders.factories import member
from ancrage.tenders.models import Candidate, Requirement, Tender
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.tenders.world import World


def test_staff_create_a_tender_and_follow_the_members_who_fit(page, live_server, cast):
    world = World(cast)
    usinage, soudure = world.skills[:2]
    prototyping = world.activities[2]
    lorient, saint_nazaire = world.lorient, world.saint_nazaire
    member(
        world.cluster,
        "Atelier Complet",
        skills=[usinage, soudure],
        activities=[prototyping],
        commune=lorient,
    )
    member(world.cluster, "Usinage Seul", skills=[usinage], commune=saint_nazaire)
    member(world.cluster, "Prototypes Express", activities=[prototyping], commune=lorient)
    member(world.cluster, "Hors Sujet", skills=[world.skills[3]], commune=lorient)
    member(world.cluster, "Hors Territoire", skills=[usinage])  # no commune
    log_in(page, live_server, cast.staff_a)

    page.goto("/cluster/appels-d-offres/")
    assert page.locator("h1").inner_text() == "Appels d'offres"
    assert_accessible(page)
    page.get_by_role("link", name="Nouvel appel d'offres").click()
    page.get_by_label("Intitulé").fill("Capacité d'usinage supplémentaire")
    page.get_by_label("Nature").select_option(label="demande d'un donneur d'ordres")
    page.get_by_label("Donneur d'ordres").fill("Chantier naval (fictif)")
    page.get_by_label("Territoire (départements)").fill("56 44")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("L'appel d'offres est créé").wait_for()
    tender = Tender.objects.get()
    assert page.locator("h1").inner_text() == "Capacité d'usinage supplémentaire"

    # A skill chosen in the picker, must-have; an activity with weight 3. (The
    # picker listens once its script has run: typing before would go unheard.)
    page.wait_for_load_state()
    picker = page.get_by_role("combobox", name="Compétence du cluster")
    picker.fill("Usinag")
    suggestions = page.get_by_role("listbox", name="Éléments du vocabulaire proposés")
    suggestions.get_by_role("option", name="Usinage").first.click()
    page.get_by_label("Importance").select_option(label="indispensable")
    page.get_by_role("button", name="Ajouter", exact=True).click()
    page.get_by_text("« Usinage » est ajoutée.").wait_for()
    page.get_by_label("ou une activité").select_option(label=str(prototyping))
    page.get_by_label("Importance").select_option(label="poids 3")
    page.get_by_role("button", name="Ajouter", exact=True).click()
    page.get_by_text(f"« {prototyping} » est ajoutée.").wait_for()
    assert Requirement.objects.filter(tender=tender).count() == 2
    assert_accessible(page)

    # Ranked members: must-have first, then the weight of the rest.
    page.get_by_role("link", name="Adhérents capables de répondre").click()
    rows = page.locator("tbody tr")
    assert rows.count() == 3
    assert [rows.nth(i).locator("th").inner_text().split("\n")[0] for i in range(3)] == [
        "Atelier Complet",
        "Usinage Seul",
        "Prototypes Express",
    ]
    assert "100 %" in rows.nth(0).inner_text()
    second = rows.nth(1)
    assert "Usinage" in second.locator("td").nth(2).inner_text()
    assert str(prototyping) in second.locator("td").nth(3).inner_text()
    assert_accessible(page)

    second.get_by_role("button", name="Contacté : Usinage Seul").click()
    page.get_by_text("Usinage Seul : contacté.").wait_for()
    assert "Contacté" in page.locator("tr", has_text="Usinage Seul").inner_text()
    # With htmx only the member's cell changed; focus moved to its new status.
    page.wait_for_function("document.activeElement.textContent.trim() === 'Contacté'")
    assert page.url.endswith(f"/cluster/appels-d-offres/{tender.pk}/adherents/")
    assert_accessible(page)
    candidate = Candidate.objects.get(tender=tender)
    assert candidate.membership.organisation.name == "Usinage Seul"
    assert candidate.status == Candidate.Status.CONTACTED

    # The follow-up on the tender's page, then the outcome.
    page.get_by_role("link", name="Fiche et suivi").click()
    page.get_by_label("Suivi de Usinage Seul").select_option(label="intéressé")
    page.get_by_role("button", name="Enregistrer Usinage Seul").click()
    page.get_by_text("Suivi de Usinage Seul enregistré : intéressé.").wait_for()
    page.get_by_role("combobox", name="Issue").select_option(label="gagné")
    page.get_by_role("button", name="Enregistrer l'issue").click()
    page.get_by_text("Issue enregistrée : gagné.").wait_for()
    assert_accessible(page)
    page.goto("/cluster/appels-d-offres/?outcome=won")
    expect(page.get_by_role("link", name="Capacité d'usinage supplémentaire")).to_be_visible()
