"""The member import in a real browser: a staff member downloads nothing,
uploads a file with errors, reads the report, sends the corrected file from
the same page, imports it and reads the summary; axe-core on each page."""

from playwright.sync_api import expect

from ancrage.organisations.models import Membership, Organisation
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.matrix.test_import import SIREN_A, SIREN_B, complete_row, make_world, row, xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(page, data, name="adherents.xlsx"):
    page.get_by_label("Fichier des adhérents").set_input_files(
        {"name": name, "mimeType": XLSX_TYPE, "buffer": data}
    )
    page.get_by_role("button", name="Vérifier le fichier").click()


def test_staff_fixes_a_file_then_imports_it(page, live_server, cast):
    world = make_world(cast)
    log_in(page, live_server, world.staff)
    page.goto("/cluster/adherents/import/")
    assert page.locator("h1").inner_text() == "Importer des adhérents"
    assert_accessible(page)

    wrong = xlsx([complete_row(), row(SIREN=SIREN_B, Nom="Forge", Compétences="Vannerie")])
    upload(page, wrong)
    page.get_by_role("heading", name="Vérification du fichier").wait_for()
    report = page.get_by_role("table", name="1 erreur")
    assert report.locator("tbody tr").all_inner_texts() == [
        "3\tCompétences\t« Vannerie » ne correspond à aucune compétence du vocabulaire du "
        "cluster ni du ROME."
    ]
    expect(page.get_by_role("button", name="Importer seulement la ligne valide")).to_be_visible()
    assert not Organisation.objects.filter(siren__in=[SIREN_A, SIREN_B]).exists()
    assert_accessible(page)

    fixed = xlsx([complete_row(), row(SIREN=SIREN_B, Nom="Forge", Compétences="Petit usinage")])
    upload(page, fixed, "adherents-corrige.xlsx")
    page.get_by_text("Aucune erreur : 2 organisations sont prêtes à être importées.").wait_for()
    page.get_by_role("button", name="Importer les 2 organisations").click()

    page.get_by_role("heading", name="Import des adhérents terminé").wait_for()
    assert "« adherents-corrige.xlsx », importé le" in page.locator("main").inner_text()
    page.get_by_text("2 adhérents créés, 0 mis à jour, 0 inchangé.").wait_for()
    assert_accessible(page)
    members = Membership.objects.filter(
        cluster=world.cluster, organisation__siren__in=[SIREN_A, SIREN_B]
    )
    assert members.count() == 2
    forge = members.get(organisation__siren=SIREN_B).matrix
    assert [item.entry for item in forge.skills.all()] == [world.small_machining]
