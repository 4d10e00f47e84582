import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in

PUBLIC_PAGES = ["/", "/mentions-legales/", "/donnees-personnelles/", "/accessibilite/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_are_accessible(page, cast, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_skip_link_reaches_the_content(page, cast):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_visible()
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


@pytest.mark.parametrize(
    "path",
    [
        "/cette-page-n-existe-pas/",
        "/compte/mot-de-passe-oublie/envoye/",
        "/compte/mot-de-passe-oublie/MQ/mauvais-jeton/",
        "/compte/mot-de-passe-oublie/termine/",
        "/compte/adresse/verification/mauvais-jeton/",
        "/territoire/communes/?q=%3Cscript%3E",
    ],
)
def test_error_and_end_of_journey_pages_are_accessible(page, cast, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_the_french_405_page_is_accessible(page, live_server, cast):
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/equipe/inviter/")
    assert "Action impossible depuis cette adresse" in page.locator("h1").inner_text()
    assert_accessible(page)
