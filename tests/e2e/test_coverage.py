"""The coverage view in a real browser: rare capabilities stand out, each
links to the cross-filter; axe-core on the way."""

from ancrage.referentiel.factories import VocabularyEntryFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.matrix.test_crossfilter_data import build


def test_staff_spot_rare_capabilities(page, live_server, cast):
    build(cast)
    VocabularyEntryFactory(cluster=cast.cluster_a, for_skill=True, skill=None, label="Soudage")
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/matrice/")
    page.get_by_role("link", name="Voir la couverture des compétences").click()
    assert page.locator("h1").inner_text() == "Couverture de la matrice"
    assert_accessible(page)

    skills = page.get_by_role("table", name="Compétences clés du vocabulaire : nombre d'adhérents")
    rows = skills.locator("tbody tr")
    # Rarest first: nobody, then a single member (named).
    assert rows.nth(0).get_by_role("rowheader").inner_text() == "Soudage"
    assert "Personne" in rows.nth(0).inner_text()
    assert "Un seul adhérent" in rows.nth(1).inner_text()
    assert "Usinage Alpha" in rows.nth(1).inner_text()

    page.get_by_role("link", name="par nom").click()
    page.wait_for_url("**tri=nom")
    first = skills.locator("tbody tr").nth(0).get_by_role("rowheader").inner_text()
    assert first == "Composite"

    skills.get_by_role("link", name="Génie électrique").click()
    page.locator("#crossfilter-total").wait_for()
    assert page.locator("#crossfilter-total").inner_text() == "2 adhérents trouvés"
    assert_accessible(page)
