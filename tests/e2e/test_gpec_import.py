"""The GPEC declarations import in a real browser: a staff member downloads
the template, uploads it with one bad row, reads the error (sheet, line,
column), sends the corrected workbook, checks the preview, imports it, then
finds the members on the list of declarations; axe-core on each page."""

import io
from pathlib import Path

from openpyxl import load_workbook

from ancrage.gpec.models import Declaration, ExternalSupply, Source, WorkforceLine
from ancrage.organisations.factories import MembershipFactory, siren_for
from ancrage.referentiel.factories import OccupationFactory
from ancrage.territory.models import BmoBasin
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SIREN = siren_for(12_345_678)


def filled(template, headcount):
    """The template with the forge's row filled: 12 people whose age bands
    add up to `headcount`."""
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook["Effectifs"]
    line = next(row[0].row for row in sheet.iter_rows(min_row=2) if row[1].value == "Forge Alpha")
    sheet.cell(row=line, column=4, value="H2903")
    sheet.cell(row=line, column=6, value=12)
    for column, value in zip(range(7, 13), (1, 2, 3, 2, 2, headcount - 10), strict=True):
        sheet.cell(row=line, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(page, data, name):
    page.get_by_label("Classeur des déclarations").first.set_input_files(
        {"name": name, "mimeType": XLSX_TYPE, "buffer": data}
    )
    page.get_by_role("button", name="Vérifier le fichier").first.click()


def test_staff_fix_a_bad_row_then_import(page, live_server, cast):
    OccupationFactory(code="H2903", label="Usinage")
    MembershipFactory(
        cluster=cast.cluster_a, organisation__name="Forge Alpha", organisation__siren=SIREN
    )
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/gpec/import/")
    assert page.locator("h1").inner_text() == "Importer des déclarations GPEC"
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le modèle").click()
    template = Path(download.value.path()).read_bytes()

    upload(page, filled(template, 13), "gpec.xlsx")
    page.get_by_role("heading", name="Vérification du classeur").wait_for()
    report = page.get_by_role("table", name="1 erreur")
    [text] = report.locator("tbody tr").all_inner_texts()
    line = text.split("\t")[1]
    assert text == (
        f"Effectifs\t{line}\tF « Effectif »\tLes tranches d'âge totalisent 13 personnes, "
        "l'effectif en compte 12 : corrigez l'un ou l'autre."
    )
    page.get_by_text("1 ligne à corriger").wait_for()
    assert not page.get_by_role("button", name="Importer").count()
    assert not Declaration.objects.exists()
    assert_accessible(page)

    upload(page, filled(template, 12), "gpec-corrige.xlsx")
    page.get_by_text("Aucune erreur : 1 déclaration est prête à être importée.").wait_for()
    preview = page.get_by_role("table", name="Ce qui va être importé")
    assert "Forge Alpha" in preview.inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Importer 1 déclaration").click()

    page.get_by_role("heading", name="Import des déclarations terminé").wait_for()
    assert "« gpec-corrige.xlsx », importé le" in page.locator("main").inner_text()
    assert_accessible(page)
    declaration = Declaration.objects.get()
    assert declaration.source == Source.IMPORT and declaration.on_behalf
    line = WorkforceLine.objects.get(source_key=declaration.source_key)
    assert (line.headcount, line.age_60_plus, line.source) == (12, 2, Source.IMPORT)

    menu = page.get_by_role("navigation", name="Rubriques de la GPEC")
    menu.get_by_role("link", name="Déclarations des adhérents").click()
    page.get_by_role("heading", name="Déclarations GPEC des adhérents").wait_for()
    rows = page.get_by_role("table", name="Dernière déclaration de chaque adhérent")
    assert "import" in rows.locator("tr", has_text="Forge Alpha").inner_text()
    assert "à relancer" in rows.locator("tr", has_text="Usinage Alpha").inner_text()
    assert_accessible(page)


def test_an_admin_imports_external_supply_figures(page, live_server, cast):
    OccupationFactory(code="H2903", label="Usinage")
    BmoBasin.objects.create(code="5301", name="Lorient")
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/gpec/import/offre/")
    page.get_by_text("Aucun import pour l'instant.").wait_for()
    assert_accessible(page)
    page.get_by_label("Source des chiffres").fill("France Travail, DEFM cat. A")
    page.get_by_label("Date des chiffres").fill("2025-12-31")

    def send(text):
        page.get_by_label("Fichier CSV").set_input_files(
            {"name": "offre.csv", "mimeType": "text/csv", "buffer": text.encode("latin-1")}
        )
        page.get_by_role("button", name="Importer les chiffres").click()

    send("code_rome;code_bassin;demandeurs_emploi\nH2903;5301;-2\n")
    errors = page.get_by_role("table", name="Erreurs du fichier")
    assert errors.locator("tbody tr").all_inner_texts() == [
        "2\tdemandeurs_emploi\tUn nombre de personnes ne peut pas être négatif."
    ]
    assert page.get_by_label("Source des chiffres").input_value() == "France Travail, DEFM cat. A"
    assert_accessible(page)
    send("code_rome;code_bassin;demandeurs_emploi\nH2903;5301;42\n")
    page.get_by_text("1 ligne importée").wait_for()
    assert (
        "France Travail, DEFM cat. A"
        in page.get_by_role("table", name="Imports précédents").inner_text()
    )
    assert ExternalSupply.objects.get().job_seekers == 42
    assert_accessible(page)
