"""The cross-filter in a real browser: a staff member clicks facets and the
counts follow, switches to the matrix, reopens the shared link and downloads
the XLSX; axe-core on the way."""

import re

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.matrix.test_crossfilter_data import build


def heading(page):
    return page.locator("#crossfilter-total")


def facet(page, name):
    return page.get_by_role("group", name=name, exact=True)


def test_staff_cross_filter_members(page, live_server, cast, tmp_path):
    sample = build(cast)
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/matrice/")
    assert page.locator("h1").inner_text() == "Matrice des adhérents"
    assert heading(page).inner_text() == "3 adhérents trouvés"
    assert_accessible(page)

    # A click refreshes the results and every other facet's counts.
    facet(page, "Marchés").get_by_role("checkbox", name=re.compile(r"^Naval")).check()
    page.wait_for_function(
        "document.getElementById('crossfilter-total').textContent.includes('2 adhérents')"
    )
    assert "market=naval" in page.url
    metiers = facet(page, "Métier")
    expect(metiers.get_by_role("checkbox", name="Bureau d'études (1)")).to_be_visible()
    expect(metiers.get_by_role("checkbox", name="Usineur (1)")).to_be_visible()
    markets = facet(page, "Marchés")
    expect(markets.get_by_role("checkbox", name="Aéronautique (2)")).to_be_visible()

    # « A design office in electrical engineering for the naval sector. »
    metiers.get_by_role("checkbox", name=re.compile(r"^Bureau d'études")).check()
    page.wait_for_function(
        "document.getElementById('crossfilter-total').textContent.includes('1 adhérent trouvé')"
    )
    skills = facet(page, "Compétences clés")
    skills.get_by_role("checkbox", name=re.compile(r"^Génie électrique")).check()
    page.wait_for_function(
        "document.querySelectorAll('#crossfilter .list-inline-item').length === 4"
    )
    results = page.get_by_role("table", name="Adhérents trouvés")
    assert results.get_by_role("rowheader").all_inner_texts() == ["Électro Naval"]
    assert_accessible(page)

    # The matrix: chosen skill and market as columns, hits said in words.
    views = page.get_by_role("navigation", name="Présentation des résultats")
    views.get_by_role("link", name="Matrice", exact=True).click()
    matrix = page.locator("table.crossfilter-matrix")
    matrix.wait_for()
    assert matrix.get_by_role("columnheader").all_inner_texts() == [
        "Organisation",
        "Génie électrique",
        "Naval",
    ]
    assert [text.split() for text in matrix.locator("td").all_inner_texts()] == [
        ["✓", "oui"],
        ["✓", "oui"],
    ]
    assert_accessible(page)

    # The shared link gives the same result in a new page.
    link = page.get_by_label("Lien de ce filtre").input_value()
    assert f"skill={sample.electrical.pk}" in link
    other = page.context.new_page()
    other.goto(link)
    assert other.locator("#crossfilter-total").inner_text() == "1 adhérent trouvé"
    expect(other.locator("table.crossfilter-matrix")).to_be_visible()
    other.close()

    # Removing a criterion by its chip.
    page.get_by_role("link", name=re.compile(r"^Marchés : Naval")).click()
    page.wait_for_function(
        "document.getElementById('crossfilter-total').textContent.includes('2 adhérents')"
    )
    assert "market=" not in page.url

    # The XLSX download holds the result.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporter (XLSX)").click()
    path = tmp_path / "matrice.xlsx"
    download_info.value.save_as(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Bureau Ouest", "Électro Naval"]


def test_search_within_a_long_facet(page, live_server, cast):
    build(cast)
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/matrice/")
    skills = facet(page, "Compétences clés")
    search = skills.get_by_role("searchbox", name="Chercher dans « Compétences clés »")
    search.fill("usin")
    search.press("Enter")
    page.wait_for_function(
        "document.querySelectorAll('#facette-skill input[type=checkbox]').length === 1"
    )
    expect(skills.get_by_role("checkbox", name="Petit usinage (1)")).to_be_visible()
    assert "skill_search=usin" in page.url
