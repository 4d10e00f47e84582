"""Answering a campaign through the personal link in a real browser: a
conditional question appears as the person answers, a table row, the draft
saved while typing and kept across a reload, then the submission."""

from django.urls import reverse
from playwright.sync_api import expect

from ancrage.surveys.models import Response
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.surveys.respond_world import make_world


def test_answer_with_autosave_reload_and_submit(page, live_server, cast):
    world = make_world(cast)
    url = reverse("respond:answer", args=[world["token"]])
    page.goto(url)
    assert_accessible(page)
    page.get_by_label("Question effectif").fill("42")
    page.locator("#q-probleme").get_by_label("Recruter").check()
    # « combien » is asked only to those who recruit.
    combien = page.locator("#q-combien")
    assert combien.is_hidden()
    page.locator("#q-recrute").get_by_label("Oui").check()
    combien.wait_for(state="visible")
    page.get_by_label("Question combien").fill("3")
    page.get_by_label("Métier, ligne 1").fill("H2903")
    page.get_by_label("Postes ouverts, ligne 1").fill("2")
    page.get_by_role("status").filter(has_text="Brouillon enregistré à").wait_for()
    page.wait_for_timeout(2000)  # the last autosave after typing
    page.get_by_role("status").filter(has_text="Brouillon enregistré à").wait_for()
    assert Response.objects.get().draft["postes__0__ouverts"] == "2"

    page.reload()
    assert page.get_by_label("Question effectif").input_value() == "42"
    expect(page.get_by_label("Question combien")).to_be_visible()
    assert page.get_by_label("Postes ouverts, ligne 1").input_value() == "2"

    page.get_by_role("button", name="Envoyer mes réponses").click()
    page.get_by_text("Merci, vos réponses sont enregistrées").wait_for()
    assert_accessible(page)
    response = Response.objects.get()
    assert response.state == Response.State.SUBMITTED
    assert response.answers["combien"] == "3"
    assert response.answers["postes"] == [
        {"metier_ligne": world["items"]["usineur"].pk, "ouverts": "2"}
    ]


def test_the_organisation_list_and_the_staff_reading_are_accessible(page, live_server, cast):
    world = make_world(cast)
    response = Response.objects.create(
        invitee=world["invitee"],
        campaign=world["campaign"],
        state=Response.State.SUBMITTED,
        answers={"effectif": "42", "postes": [{"metier_ligne": world["items"]["usineur"].pk}]},
    )
    log_in(page, live_server, cast.member_a)
    page.goto(reverse("respond:mine"))
    page.get_by_text("Réponses envoyées").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Enquête RH annuelle").click()
    assert page.get_by_label("Question effectif").input_value() == "42"
    assert_accessible(page)
    page.context.clear_cookies()
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("respond:staff_response", args=[world["campaign"].pk, response.pk]))
    page.get_by_text("Usineur (H2903)").wait_for()
    assert_accessible(page)
