"""The consortium builder in a real browser: staff compute consortia, see who
covers what, exclude and lock members and compute again, then propose one."""

from playwright.sync_api import expect

from ancrage.tenders.factories import RequirementFactory, TenderFactory, member
from ancrage.tenders.models import Candidate, Consortium
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.tenders.world import World


def members_of(section):
    header = section.locator("thead th")
    return sorted(header.nth(i).inner_text().split("\n")[0] for i in range(1, header.count()))


def test_staff_compute_constrain_and_propose_a_consortium(page, live_server, cast):
    world = World(cast)
    s = world.skills
    tender = TenderFactory(cluster=world.cluster, title="Coque composite")
    for skill in s:
        RequirementFactory(tender=tender, skill=skill, must_have=True)
    # Greedy would take « Grand Groupe » first (4 of the 6), then need two more.
    member(world.cluster, "Grand Groupe", skills=s[:4], headcount=6000)
    member(world.cluster, "Atelier Nord", skills=[s[0], s[1], s[4]], headcount=30)
    member(world.cluster, "Atelier Sud", skills=[s[2], s[3], s[5]], headcount=8)
    member(world.cluster, "Finitions", skills=[s[4]], headcount=12)
    log_in(page, live_server, cast.staff_a)

    page.goto(f"/cluster/appels-d-offres/{tender.pk}/consortiums/")
    best = page.locator("section", has=page.get_by_role("heading", name="Meilleur consortium"))
    assert best.get_by_role("heading").inner_text() == "Meilleur consortium : 2 adhérents"
    assert members_of(best) == ["Atelier Nord", "Atelier Sud"]
    assert "Optimal (prouvé par le solveur)." in best.inner_text()
    expect(page.get_by_role("heading", name="Variante 1")).to_be_visible()
    assert_accessible(page)

    # Exclude « Atelier Nord »: the best is now three members.
    best.get_by_role("button", name="Exclure Atelier Nord").click()
    page.get_by_text("Atelier Nord est exclu des consortiums.").wait_for()
    best = page.locator("section", has=page.get_by_role("heading", name="Meilleur consortium"))
    assert best.get_by_role("heading").inner_text() == "Meilleur consortium : 3 adhérents"
    assert "Atelier Nord" not in members_of(best)

    # Free it; exclude « Atelier Sud », the only one with « Essais »: no
    # consortium, and the page says why.
    page.get_by_role("button", name="Libérer Atelier Nord").click()
    page.get_by_text("Atelier Nord n'est plus ni imposé ni exclu.").wait_for()
    best = page.locator("section", has=page.get_by_role("heading", name="Meilleur consortium"))
    best.get_by_role("button", name="Exclure Atelier Sud").click()
    page.get_by_text("Atelier Sud est exclu des consortiums.").wait_for()
    alert = page.get_by_role("alert")
    assert "Aucun consortium ne couvre toutes les exigences indispensables." in alert.inner_text()
    expect(
        page.get_by_text("« Essais » : couverte seulement par des adhérents exclus.")
    ).to_be_visible()
    assert_accessible(page)

    # Free it, lock « Finitions »: it is in every consortium shown.
    page.get_by_role("button", name="Libérer Atelier Sud").click()
    page.get_by_text("Atelier Sud n'est plus ni imposé ni exclu.").wait_for()
    assert not Candidate.objects.exclude(constraint="").exists()
    best = page.locator("section", has=page.get_by_role("heading", name="Meilleur consortium"))
    assert members_of(best) == ["Atelier Nord", "Atelier Sud"]
    variant = page.locator("section", has=page.get_by_role("heading", name="Variante 1"))
    variant.get_by_role("button", name="Imposer Finitions").click()
    page.get_by_text("Finitions est imposé dans les consortiums.").wait_for()
    for section in page.locator("section", has=page.locator("table")).all():
        assert "Finitions" in members_of(section)
    assert_accessible(page)

    # Propose the best, with « Finitions » as lead.
    best = page.locator("section", has=page.get_by_role("heading", name="Meilleur consortium"))
    chosen = members_of(best)
    best.get_by_label("Mandataire").select_option(label="Finitions")
    best.get_by_label("Commentaire (facultatif)").fill("À présenter au donneur d'ordres")
    best.get_by_role("button", name="Proposer ce consortium").click()
    page.get_by_text("mandataire : Finitions").first.wait_for()
    proposed = Consortium.objects.get()
    assert sorted(m.organisation.name for m in proposed.members.all()) == chosen
    assert proposed.lead.organisation.name == "Finitions"
    assert "À présenter au donneur d'ordres" in page.locator("#consortiums").inner_text()
    assert_accessible(page)
