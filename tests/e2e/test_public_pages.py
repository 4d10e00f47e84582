import pytest

from tests.e2e.accessibility import assert_accessible

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
    assert skip.is_visible()
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
