"""Moderation in a real browser: staff open the oldest pending offer, try to
refuse it without a reason (French error, nothing changed), refuse it with a
reason, then publish another; the company is told by email; the
administrator moves to moderation after publication; axe-core on every
screen."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory
from ancrage.jobs.models import Publication
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def submitted(cast, title, days_ago):
    offer = OfferFactory(organisation=Organisation.objects.get(name="Usinage Alpha"), title=title)
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    publication.submitted_at = timezone.now() - datetime.timedelta(days=days_ago)
    publication.save()
    return publication


def test_staff_refuse_an_offer_with_a_reason_and_publish_another(page, live_server, cast):
    oldest = submitted(cast, "Stage de formation déguisé", days_ago=3)
    other = submitted(cast, "Usineur / usineuse 5 axes", days_ago=1)
    log_in(page, live_server, cast.staff_a)

    page.goto("/cluster/offres/")
    assert page.locator("h1").inner_text() == "Offres d'emploi à modérer"
    expect(page.get_by_role("link", name="En attente de modération (2)")).to_be_visible()
    rows = page.locator("tbody tr")
    assert rows.nth(0).locator("th").inner_text() == "Stage de formation déguisé"
    assert_accessible(page)

    rows.nth(0).get_by_role("link", name="Stage de formation déguisé").click()
    assert page.locator("h1").inner_text() == "Stage de formation déguisé"
    assert_accessible(page)
    page.get_by_role("button", name="Refuser").click()
    page.get_by_text("Indiquez le motif : l'entreprise le lira.").wait_for()
    oldest.refresh_from_db()
    assert oldest.status == Publication.Status.PENDING
    assert_accessible(page)

    page.get_by_label("Motif").fill("C'est une formation, pas un emploi.")
    page.get_by_role("button", name="Refuser").click()
    page.get_by_text(
        "L'offre « Stage de formation déguisé » est refusée ; l'entreprise est prévenue."
    ).wait_for()
    oldest.refresh_from_db()
    assert oldest.status == Publication.Status.REFUSED
    assert oldest.reason == "C'est une formation, pas un emploi."
    refusal = OutgoingEmail.objects.get(to=cast.member_a.email, template="jobs_offer_refused")
    assert "C'est une formation, pas un emploi." in refusal.body_text

    page.get_by_role("link", name="Usineur / usineuse 5 axes").click()
    page.get_by_role("button", name="Publier").click()
    page.get_by_text("L'offre « Usineur / usineuse 5 axes » est publiée.").wait_for()
    other.refresh_from_db()
    assert other.status == Publication.Status.PUBLISHED
    expect(page.get_by_role("link", name="Publiée (1)")).to_be_visible()
    expect(page.get_by_role("link", name="Refusée (1)")).to_be_visible()
    assert_accessible(page)

    # The administrator lets the offers appear at once from now on.
    page.get_by_role("link", name="Réglages de la bourse d'emploi").click()
    assert_accessible(page)
    page.get_by_label("Après publication").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Réglage enregistré : modération après publication.").wait_for()
    assert lifecycle.moderation_of(cast.cluster_a) == "apres"
