"""Every role's landing page and the administration screens in a real
browser, checked with axe-core."""

import pytest
from django.urls import reverse

from ancrage.accounts.factories import UserFactory
from ancrage.outbox.models import OutgoingEmail
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


@pytest.mark.parametrize(
    ("role", "heading"),
    [
        ("member_a", "Usinage Alpha"),
        ("candidate", "Visibilité"),
        ("authority", "Région Bretagne"),
        ("staff_b", "Cluster Bêta"),
    ],
)
def test_dashboards_are_accessible(page, live_server, cast, role, heading):
    log_in(page, live_server, cast.user(role))
    page.goto("/")
    assert heading in page.locator("main").inner_text()
    assert_accessible(page)


def test_account_without_any_role_is_told_what_to_do(page, live_server, db):
    log_in(page, live_server, UserFactory(email="sans-role@exemple.fr"))
    page.goto("/")
    assert "Votre compte n'a encore aucun espace" in page.locator("main").inner_text()
    assert_accessible(page)


def test_platform_admin_reads_an_invitation_in_the_outbox(page, live_server, cast):
    admin = UserFactory(email="admin@exemple.fr", platform_admin=True, with_mfa=True)
    OutgoingEmail.objects.create(
        to="camille@exemple.fr",
        subject="Invitation sur Ancrage",
        body_text="Bonjour Camille,\nPour accepter, ouvrez ce lien personnel.",
        template="invitation",
        status=OutgoingEmail.Status.FAILED,
        attempts=5,
        last_error="Connection refused",
    )
    log_in(page, live_server, admin)
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Courriels envoyés").first.click()
    assert page.url.endswith(reverse("outbox:list"))
    assert_accessible(page)
    page.get_by_role("link", name="Invitation sur Ancrage").click()
    assert "Pour accepter, ouvrez ce lien personnel." in page.locator("main").inner_text()
    assert_accessible(page)
