"""The invitee import in a real browser: a staff member uploads a file with
errors, reads every bad line, sends the corrected file from the same page and
sees the invitees imported; axe-core on each page."""

from ancrage.surveys.factories import CampaignFactory
from ancrage.surveys.models import Status
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.surveys.test_invitee_import import xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(page, data):
    page.get_by_label("Fichier des destinataires").set_input_files(
        {"name": "destinataires.xlsx", "mimeType": XLSX_TYPE, "buffer": data}
    )
    page.get_by_role("button", name="Importer").click()


def test_staff_fixes_an_invitee_file_then_imports_it(page, live_server, cast):
    campaign = CampaignFactory(
        cluster=cast.cluster_a, title="Observatoire", status=Status.SCHEDULED
    )
    log_in(page, live_server, cast.staff_a)
    page.goto(f"/cluster/enquetes/{campaign.pk}/destinataires/import/")
    assert page.locator("h1").inner_text() == "Importer des destinataires"
    assert_accessible(page)

    upload(
        page,
        xlsx(
            [
                ["Forges du Blavet", "forges@exemple.fr", "", "Lorient", "35"],
                ["Chantier naval", "pas-une-adresse", "", "", ""],
                ["", "vide@exemple.fr", "", "", "-2"],
            ]
        ),
    )
    problems = page.locator("#import-problems li")
    problems.first.wait_for()
    texts = problems.all_inner_texts()
    assert len(texts) == 2
    assert texts[0].startswith("Ligne 3 :") and "pas-une-adresse" in texts[0]
    assert texts[1].startswith("Ligne 4 :") and "négatif" in texts[1]
    assert not campaign.invitees.exists()
    assert_accessible(page)

    upload(
        page,
        xlsx(
            [
                ["Forges du Blavet", "forges@exemple.fr", "", "Lorient", "35"],
                ["Chantier naval", "chantier@exemple.fr", "", "Saint-Nazaire", ""],
            ]
        ),
    )
    page.get_by_text("2 destinataires importés.").wait_for()
    assert_accessible(page)
    assert sorted(campaign.invitees.values_list("name", "commune__name")) == [
        ("Chantier naval", "Saint-Nazaire"),
        ("Forges du Blavet", "Lorient"),
    ]
