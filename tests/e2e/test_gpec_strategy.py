"""The cluster's staff in a real browser: the strategy page explains its
priorities, one is added to the action plan (pre-filled) and saved with an
indicator, and the « Stratégie emploi-compétences » PDF is downloaded."""

from django.urls import reverse
from django.utils import timezone

from ancrage.gpec.models import Action, Lever
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.gpec.test_strategy import figures  # noqa: F401 -- the fixture


def test_staff_turn_a_priority_into_an_action_and_print_the_strategy(
    page,
    live_server,
    cast,
    figures,  # noqa: F811
    tmp_path,
):
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("gpec_strategy:page"))
    first = page.locator("#priorite-1")
    first.get_by_text("Ce métier est classé « recruter » parce que").wait_for()
    assert "Usinage" in first.get_by_role("heading").inner_text()
    assert_accessible(page)

    first.get_by_role("link", name="Ajouter au plan d'action").click()
    page.get_by_role("heading", name="Nouvelle action").wait_for()
    assert page.get_by_label("Intitulé").input_value() == "Recruter : Usinage"
    assert page.get_by_label("Levier").input_value() == Lever.RECRUIT
    page.get_by_label("Responsable").fill("Chargée de mission emploi")
    page.get_by_label("Indicateur (ligne 1)").fill("Candidats reçus au jobdating")
    page.get_by_label("Cible (ligne 1)").fill("40")
    page.get_by_label("Valeur actuelle (ligne 1)").fill("12,5")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer l'action").click()
    page.get_by_text("est ajoutée au plan").wait_for()
    assert_accessible(page)
    action = Action.objects.get()
    assert (action.cluster, action.lever, action.occupation) == (
        cast.cluster_a,
        Lever.RECRUIT,
        figures["machining"],
    )
    assert list(action.indicators.values_list("label", flat=True)) == [
        "Candidats reçus au jobdating"
    ]

    page.goto(reverse("gpec_strategy:page"))
    page.locator("#priorite-1").get_by_role("link", name="Recruter : Usinage").wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le PDF").click()
    download = download_info.value
    day = timezone.localdate().isoformat()
    assert download.suggested_filename == f"strategie-emploi-competences-alpha-{day}.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")
