"""The commune picker in a real browser: type, choose with the keyboard, the
hidden INSEE code follows; the search page without JavaScript is accessible."""

from django.urls import reverse
from playwright.sync_api import expect

from ancrage.territory.factories import CommuneFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_choose_a_commune_with_the_keyboard(page, live_server, cast):
    CommuneFactory(
        code="56098",
        name="Lanester",
        postal_codes=["56600"],
        department=cast.cluster_a.seat.department,
    )
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("cluster:profile_edit"))
    field = page.get_by_role("combobox", name="Commune du siège")
    field.fill("lanes")
    option = page.get_by_role("option", name="Lanester (56600)")
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == "id_seat_listbox-56098"
    field.press("Enter")
    assert field.input_value() == "Lanester (56600)"
    assert page.locator("input[name=seat_code]").input_value() == "56098"
    assert field.get_attribute("aria-expanded") == "false"
    field.press("Backspace")
    assert page.locator("input[name=seat_code]").input_value() == ""


def test_commune_search_page_is_accessible(page, cast):
    page.goto(reverse("territory:commune_autocomplete") + "?q=lorient")
    expect(page.get_by_text("code INSEE 56121")).to_be_visible()
    assert_accessible(page)
