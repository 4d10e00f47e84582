"""Members in a real browser: staff add a member by SIREN (commune and NAF
pickers), filter the directory and export it; the organisation's user edits
what it publishes and the public directory follows."""

import io
from pathlib import Path

from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from ancrage.organisations.factories import siren_for
from ancrage.organisations.models import Membership, Organisation
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in

SIREN = siren_for(55_512_345)


def test_staff_add_a_member_by_siren_filter_the_directory_and_export(page, live_server, cast):
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("members:list"))
    assert page.locator("h1").inner_text() == "Adhérents de Cluster Alpha"
    assert_accessible(page)

    page.get_by_role("link", name="Ajouter un adhérent").click()
    page.get_by_label("SIREN").fill(f"{SIREN[:3]} {SIREN[3:6]} {SIREN[6:]}")
    page.get_by_role("button", name="Continuer").click()
    page.get_by_role("textbox", name="Nom usuel").fill("Décolletage de l'Ellé")
    naf = page.get_by_role("combobox", name="Code NAF")
    naf.fill("25.62")
    page.get_by_role("option", name="25.62A · Décolletage").click()
    assert naf.input_value() == "25.62A — Décolletage"
    commune = page.get_by_role("combobox", name="Commune")
    commune.fill("lorie")
    page.get_by_role("option", name="Lorient (56121)").click()
    page.get_by_label("Effectif salarié").fill("35")
    assert_accessible(page)
    page.get_by_role("button", name="Ajouter l'adhérent").click()

    page.get_by_text("est ajoutée aux adhérents de Cluster Alpha").wait_for()
    assert page.locator("h1").inner_text() == "Décolletage de l'Ellé"
    organisation = Organisation.objects.get(siren=SIREN)
    assert (organisation.naf_code, organisation.commune.code) == ("25.62A", "56121")
    assert organisation.size_class == "pme"
    assert Membership.objects.filter(organisation=organisation, cluster=cast.cluster_a).exists()
    assert_accessible(page)

    page.goto(reverse("members:list"))
    page.get_by_label("Code NAF").fill("25.62")
    page.get_by_role("button", name="Filtrer").click()
    results = page.locator("#resultats")
    page.wait_for_url("**naf=25.62**")
    results.get_by_text("1 adhérent").wait_for()
    assert "Décolletage de l'Ellé" in results.inner_text()
    assert "Usinage Alpha" not in results.inner_text()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporter (XLSX)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("adherents-")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    assert [row[0] for row in list(sheet.values)[1:]] == ["Décolletage de l'Ellé"]


def test_the_organisation_chooses_what_is_published(page, live_server, cast):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    Organisation.objects.filter(pk=organisation.pk).update(
        website="https://usinage-alpha.example", description="Usinage de précision."
    )
    public_page = reverse("member_directory:detail", args=["alpha", organisation.pk])
    page.goto(public_page)
    expect(page.get_by_text("Usinage de précision.")).to_be_visible()
    expect(page.get_by_role("link", name="https://usinage-alpha.example")).to_be_visible()

    log_in(page, live_server, cast.member_a)
    page.goto(reverse("organisation:home"))
    assert page.locator("h1").inner_text() == "Usinage Alpha"
    assert_accessible(page)
    page.get_by_role("link", name="Choisir ce qui est publié").click()
    page.get_by_label("site web").uncheck()
    page.get_by_label("taille").check()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Vos choix de publication sont enregistrés.").wait_for()

    page.get_by_role("link", name="Votre page publique").click()
    assert page.locator("h1").inner_text() == "Usinage Alpha"
    expect(page.get_by_text("Usinage de précision.")).to_be_visible()
    assert page.get_by_role("link", name="https://usinage-alpha.example").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Adhérents").click()
    page.get_by_label("Nom").fill("usinage")
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_role("link", name="Usinage Alpha")).to_be_visible()
    assert_accessible(page)


def test_staff_invite_a_person_of_the_organisation_from_the_member_page(page, live_server, cast):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    organisation.contacts.create(first_name="Léa", last_name="Morvan", email="lea@usinage.fr")
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("members:detail", args=[organisation.pk]))
    expect(page.get_by_role("cell", name=cast.member_a.email, exact=True)).to_be_visible()
    assert_accessible(page)

    section = page.locator("#utilisateurs")
    section.get_by_label("Adresse électronique").fill("ana.lopes@exemple.fr")
    section.get_by_label("Prénom").fill("Ana")
    section.get_by_role("textbox", name="Nom", exact=True).fill("Lopes")
    section.get_by_role("combobox", name="Rôle").select_option("hr")
    section.get_by_role("button", name="Envoyer l'invitation").click()

    row = page.locator("tr", has_text="ana.lopes@exemple.fr")
    row.wait_for()
    assert "ressources humaines" in row.inner_text()
    live_region = page.locator("#messages[role=status]")
    assert "Invitation envoyée à ana.lopes@exemple.fr" in live_region.inner_text()
    assert page.evaluate("document.activeElement.id") == "utilisateurs-titre"
    assert_accessible(page)

    row.get_by_role("button", name="Annuler").click()
    page.get_by_text("Invitation de ana.lopes@exemple.fr annulée.").wait_for()
    assert page.locator("tr", has_text="ana.lopes@exemple.fr").count() == 0


def test_naf_search_page_without_javascript_is_accessible(page, live_server, cast):
    log_in(page, live_server, cast.staff_a)
    page.goto(reverse("members:naf_options") + "?q=décolletage")
    expect(page.get_by_text("Décolletage")).to_be_visible()
    assert_accessible(page)
