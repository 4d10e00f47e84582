"""The vocabulary screen in a real browser: a staff member finds an
occupation with the picker and the keyboard, renames it, adds an item of the
cluster's own, merges two entries and reorders the list; axe-core on the way."""

from django import forms
from django.urls import reverse
from playwright.sync_api import expect

from ancrage.referentiel.factories import JobTitleFactory, OccupationFactory
from ancrage.referentiel.forms import OccupationMultipleField
from ancrage.referentiel.models import VocabularyEntry
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_staff_curates_the_clusters_vocabulary(page, live_server, cast):
    welding = OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    JobTitleFactory(occupation=welding, label="Soudeur / Soudeuse TIG")
    boilermaking = OccupationFactory(code="H2902", label="Chaudronnier / Chaudronnière")
    log_in(page, live_server, cast.staff_a)
    page.goto("/")
    page.get_by_role("link", name="Vocabulaire", exact=True).click()
    assert page.locator("h1").inner_text() == "Vocabulaire de Cluster Alpha"
    occupations = page.locator("#metiers")
    assert_accessible(page)

    # Find an occupation by a job title, choose it with the keyboard, add it.
    picker = occupations.get_by_role("combobox", name="Métier du ROME", exact=True)
    picker.fill("soudeur tig")
    page.get_by_role("option", name="Soudeur / Soudeuse TIG").wait_for()
    assert picker.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    picker.press("ArrowDown")
    picker.press("Enter")
    assert picker.input_value() == "Soudeur / Soudeuse (H2913)"
    assert picker.get_attribute("aria-expanded") == "false"
    picker.press("Enter")  # the list is closed: Enter sends the form
    live_region = page.locator("#messages[role=status]")
    live_region.get_by_text("« Soudeur / Soudeuse » est ajouté à la liste (n° 1).").wait_for()
    # Focus moves to the list's heading; the picker is empty for the next one.
    page.wait_for_function("document.activeElement.id === 'metiers-titre'")
    assert picker.input_value() == ""
    expect(occupations.get_by_role("heading", name="Métiers (1)")).to_be_visible()
    entry = VocabularyEntry.objects.get(cluster=cast.cluster_a)
    assert entry.occupation == welding
    assert_accessible(page)

    # Rename it locally: the official name and code stay in sight.
    occupations.get_by_role("link", name="Renommer « Soudeur / Soudeuse »").click()
    assert "code H2913" in page.locator("main").inner_text()
    page.get_by_label("Nom local").fill("Soudeur naval")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    live_region.get_by_text("L'élément s'appelle maintenant « Soudeur naval ».").wait_for()
    row = occupations.locator("tr", has_text="Soudeur naval")
    assert "Soudeur / Soudeuse · H2913" in row.inner_text()

    # Two items of the cluster's own, one linked to the closest ROME occupation
    # typed as its code (resolved when the form is sent).
    occupations.get_by_role("textbox", name="Nom", exact=True).fill("Shaper")
    link = occupations.get_by_role("combobox", name="Métier du ROME le plus proche (facultatif)")
    link.fill("H2902")
    link.press("Enter")  # no option active: Enter sends the form
    live_region.get_by_text("« Shaper » est ajouté à la liste (n° 2).").wait_for()
    occupations.get_by_role("textbox", name="Nom", exact=True).fill("Soudeur de coques")
    occupations.get_by_role("button", name="Ajouter").nth(1).click()
    live_region.get_by_text("« Soudeur de coques » est ajouté à la liste (n° 3).").wait_for()
    shaper = VocabularyEntry.objects.get(label="Shaper")
    assert shaper.occupation == boilermaking

    # Merge the duplicate into « Soudeur naval »: its name stays as an alias.
    occupations.get_by_label("Élément à garder").select_option(label="Soudeur naval (H2913)")
    occupations.get_by_label("Doublon à fusionner").select_option(
        label="Soudeur de coques (propre au cluster)"
    )
    occupations.get_by_role("button", name="Fusionner").click()
    live_region.get_by_text("« Soudeur de coques » est fusionné dans « Soudeur naval »").wait_for()
    assert "Soudeur de coques" in occupations.locator("tr", has_text="Soudeur naval").inner_text()
    expect(occupations.get_by_role("heading", name="Métiers (2)")).to_be_visible()

    # Reorder: « Shaper » goes up; focus stays on its buttons.
    occupations.get_by_role("button", name="Monter « Shaper »").click()
    live_region.get_by_text("« Shaper » est maintenant n° 1.").wait_for()
    # Now first: its « up » button is disabled, focus goes to « down ».
    page.wait_for_function("document.activeElement.textContent.includes('Descendre « Shaper »')")
    names = occupations.locator("tbody th").all_inner_texts()
    assert [name.split()[0] for name in names] == ["Shaper", "Soudeur"]
    assert list(
        VocabularyEntry.objects.filter(cluster=cast.cluster_a)
        .order_by("position")
        .values_list("label", "position")
    ) == [("Shaper", 1), ("Soudeur naval", 2)]
    assert_accessible(page)


def test_the_multiple_picker_adds_and_removes_chips_with_the_keyboard(page, live_server, db):
    OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    boilermaking = OccupationFactory(code="H2902", label="Chaudronnier / Chaudronnière")

    class TeamForm(forms.Form):
        occupations = OccupationMultipleField(label="Métiers recherchés")

    field = TeamForm(initial={"occupations": [boilermaking]})["occupations"]
    # No screen uses several occupations yet: put the field in a page of the app.
    page.goto(reverse("referentiel:suggestions"))
    page.evaluate(
        """html => {
            const form = document.createElement("form");
            form.innerHTML = html;
            document.querySelector("main").append(form);
            htmx.process(form);
        }""",
        f'<label for="{field.id_for_label}">{field.label}</label>{field}',
    )
    page.add_script_tag(url="/static/ancrage/combobox.js")
    picker = page.get_by_role("combobox", name="Métiers recherchés")
    chips = page.locator("[data-combobox-chips] input:checked")
    assert [chips.nth(0).get_attribute("value")] == ["H2902"]

    picker.fill("soudeu")
    page.get_by_role("option", name="Soudeur / Soudeuse").wait_for()
    picker.press("ArrowDown")
    picker.press("Enter")
    assert picker.input_value() == ""
    assert [chips.nth(n).get_attribute("value") for n in range(chips.count())] == [
        "H2902",
        "H2913",
    ]
    status = page.locator("[data-combobox-status]")
    assert status.inner_text() == "Soudeur / Soudeuse (H2913) ajouté à la liste."
    assert_accessible(page)

    # Choosing it again adds nothing; unchecking a chip removes it.
    picker.fill("soudeu")
    page.get_by_role("option", name="Soudeur / Soudeuse").wait_for()
    picker.press("ArrowDown")
    picker.press("Enter")
    assert chips.count() == 2
    assert status.inner_text() == "Soudeur / Soudeuse (H2913) est déjà dans la liste."
    page.get_by_role("checkbox", name="Chaudronnier / Chaudronnière (H2902)").press("Space")
    assert [chips.nth(n).get_attribute("value") for n in range(chips.count())] == ["H2913"]
    assert status.inner_text() == "Chaudronnier / Chaudronnière (H2902) retiré de la liste."
    assert page.evaluate("document.activeElement.value") == "H2913"
