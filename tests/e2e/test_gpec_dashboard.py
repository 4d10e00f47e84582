"""The cluster's staff read the GPEC dashboard in a real browser: the
figures of every member, then those of one département, an occupation's age
pyramid, and the workbook of all the tables."""

from openpyxl import load_workbook

from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.gpec.dashboard_sample import build


def test_staff_filter_open_a_pyramid_and_download(page, live_server, cast, tmp_path):
    build(cast)
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/gpec/")
    page.get_by_role("heading", name="Tableau de bord GPEC").wait_for()
    totals = page.locator("#gpec-totals")
    assert "5" in totals.inner_text()
    needs = page.locator("#tableau-besoins")
    assert needs.get_by_role("row", name="Soudage (H2913)").count() == 1
    assert page.locator("#tableau-besoins .badge").count() > 0  # fragile figures flagged
    assert_accessible(page)

    # One département: Loire-Atlantique has Soudage only.
    page.get_by_label("Loire-Atlantique (44)").check()
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("link", name="Département : Loire-Atlantique (44)").wait_for()
    assert "departement=44" in page.url
    assert needs.get_by_role("row", name="Usinage (H2903)").count() == 0
    assert needs.get_by_role("row", name="Soudage (H2913)").count() == 1

    # Back to every member, then Usinage's age pyramid.
    page.get_by_role("link", name="Tout effacer").click()
    page.get_by_label("Métier", exact=True).select_option("H2903")
    page.get_by_role("button", name="Afficher sa pyramide").click()
    pyramid = page.locator("#tableau-pyramide")
    pyramid.get_by_role("row", name="60 ans et plus").wait_for()
    assert "Usinage (H2903)" in pyramid.locator("caption").inner_text()
    assert pyramid.get_by_role("row", name="60 ans et plus").inner_text().split()[-3] == "4"
    assert page.locator("#pyramide svg > title").text_content().startswith("Pyramide")
    assert_accessible(page)

    # The workbook of every table.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger tous les tableaux (XLSX)").click()
    path = tmp_path / "gpec.xlsx"
    download_info.value.save_as(path)
    workbook = load_workbook(path)
    rows = list(workbook["Pyramide des âges"].iter_rows(values_only=True))
    assert rows[1][:2] == ("60 ans et plus", 4)
