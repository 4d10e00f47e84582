"""Cluster screens in a real browser: invite a colleague, switch cluster, and
axe-core on every staff screen."""

import pytest
from playwright.sync_api import expect

from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.clusters.models import ClusterStaff, StaffInvitation
from ancrage.outbox.models import OutgoingEmail
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_admin_invites_a_colleague_from_the_team_screen(page, live_server, cast):
    log_in(page, live_server, cast.staff_a)
    page.goto("/")
    page.get_by_role("link", name="Équipe", exact=True).click()
    assert page.locator("h1").inner_text() == "Équipe de Cluster Alpha"
    assert_accessible(page)

    page.get_by_label("Adresse électronique").fill("claire.martin@exemple.fr")
    page.get_by_label("Prénom").fill("Claire")
    page.get_by_role("textbox", name="Nom", exact=True).fill("Martin")
    page.get_by_role("combobox", name="Rôle", exact=True).select_option("officer")
    page.get_by_role("button", name="Envoyer l'invitation").click()

    row = page.locator("tr", has_text="claire.martin@exemple.fr")
    row.wait_for()
    assert "en attente" in row.inner_text()
    # The message is in the live region, outside the swapped section; focus
    # moves to the section's first heading.
    live_region = page.locator("#messages[role=status]")
    assert "Invitation envoyée à claire.martin@exemple.fr" in live_region.inner_text()
    assert page.evaluate("document.activeElement.id") == "equipe-membres"
    assert StaffInvitation.objects.get().invited_by == cast.staff_a
    assert OutgoingEmail.objects.filter(to="claire.martin@exemple.fr").exists()
    assert_accessible(page)

    # A second invitation to the same address is refused, and what was typed stays.
    page.get_by_label("Adresse électronique").fill("claire.martin@exemple.fr")
    page.get_by_label("Prénom").fill("Claire")
    page.get_by_role("textbox", name="Nom", exact=True).fill("Martin")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.get_by_text("Une invitation en attente existe déjà pour cette adresse").wait_for()
    assert page.get_by_label("Prénom").input_value() == "Claire"
    assert "n'est pas envoyée" in page.evaluate("document.activeElement.textContent")
    assert StaffInvitation.objects.count() == 1
    assert_accessible(page)


def test_an_admin_stepping_down_loses_the_admin_controls_at_once(page, live_server, cast):
    ClusterStaffFactory(cluster=cast.cluster_a, admin=True)
    me = ClusterStaff.objects.get(user=cast.staff_a)
    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/equipe/")

    page.get_by_label(f"Rôle de {cast.staff_a}").select_option("officer")
    page.locator("tr", has_text=cast.staff_a.email).get_by_role("button", name="Changer").click()

    page.get_by_text("vous n'administrez plus l'équipe").wait_for()
    assert page.get_by_role("heading", name="Inviter une personne").count() == 0
    assert page.get_by_role("button", name="Changer").count() == 0
    me.refresh_from_db()
    assert me.role == ClusterStaff.Role.OFFICER
    assert_accessible(page)


def test_staff_of_two_clusters_switches_cluster_in_the_header(page, live_server, cast):
    ClusterStaffFactory(cluster=cast.cluster_b, user=cast.staff_a)
    log_in(page, live_server, cast.staff_a)
    page.goto("/")
    assert page.locator("h1").inner_text() == "Cluster Alpha"

    page.get_by_label("Espace").select_option(label="Cluster Bêta — équipe")
    page.get_by_role("button", name="Changer").first.click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Cluster Bêta"
    page.get_by_role("link", name="Équipe", exact=True).click()
    assert page.locator("h1").inner_text() == "Équipe de Cluster Bêta"
    expect(page.get_by_text(cast.staff_b.email)).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/cluster/profil/", "/cluster/profil/modifier/", "/cluster/journal/"]
)
def test_cluster_screens_are_accessible(page, live_server, cast, path):
    log_in(page, live_server, cast.staff_a)
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/clusters/", "/clusters/?region=53", "/clusters/alpha/"])
def test_directory_pages_are_accessible(page, cast, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
