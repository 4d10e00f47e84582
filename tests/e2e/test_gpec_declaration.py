"""A member declares its workforce in a real browser: two occupations with
their age bands, a second block added with « Ajouter un métier », a bad cell
kept and explained, then « Rien n'a changé » the next time."""

from django.urls import reverse
from django.utils import timezone

from ancrage.gpec.models import Declaration, WorkforceLine
from ancrage.referentiel.factories import OccupationFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in

AGES = ("age_under_25", "age_25_34", "age_35_44", "age_45_54", "age_55_59", "age_60_plus")


def fill_block(page, index, code, headcount, ages):
    page.locator(f'[name="metiers-{index}-occupation"]').fill(code)
    page.locator(f'[name="metiers-{index}-headcount"]').fill(str(headcount))
    for band, value in zip(AGES, ages, strict=True):
        page.locator(f'[name="metiers-{index}-{band}"]').fill(str(value))


def test_a_member_declares_then_nothing_changed(page, live_server, cast):
    OccupationFactory(code="H2903", label="Usinage")
    OccupationFactory(code="H2913", label="Soudage")
    log_in(page, live_server, cast.member_a)
    page.goto(reverse("gpec_declarations:mine"))
    page.get_by_text("Aucune déclaration pour l'instant.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Déclarer").click()
    fill_block(page, 0, "H2903", 12, (1, 3, 3, 2, 2, 1))
    page.get_by_role("button", name="Ajouter un métier").click()
    page.locator('[name="metiers-1-headcount"]').wait_for()
    assert page.locator('[name="metiers-0-headcount"]').input_value() == "12"
    # The bands of the second occupation add up to 5, not 4.
    fill_block(page, 1, "H2913", 4, (0, 1, 1, 1, 1, 1))
    page.get_by_role("button", name="Enregistrer la déclaration").click()
    error = page.locator("#id_metiers-1-headcount_error")
    error.wait_for()
    assert "totalisent 5 personnes" in error.inner_text()
    assert page.locator('[name="metiers-1-age_60_plus"]').input_value() == "1"
    assert page.locator('[name="metiers-0-age_45_54"]').input_value() == "2"
    assert_accessible(page)
    page.locator('[name="metiers-1-headcount"]').fill("5")
    page.get_by_role("button", name="Enregistrer la déclaration").click()
    page.get_by_text("enregistrée").wait_for()
    declaration = Declaration.objects.get()
    assert sorted(
        WorkforceLine.objects.filter(source_key=declaration.source_key).values_list(
            "occupation__code", "headcount", "age_55_59"
        )
    ) == [("H2903", 12, 2), ("H2913", 5, 1)]

    page.get_by_role("button", name="Rien n'a changé").click()
    page.get_by_text("sont repris à la date d'aujourd'hui").wait_for()
    assert_accessible(page)
    again = Declaration.objects.exclude(pk=declaration.pk).get()
    assert again.unchanged_from == declaration
    assert again.declared_on == timezone.localdate()
    assert WorkforceLine.objects.filter(source_key=again.source_key).count() == 2
