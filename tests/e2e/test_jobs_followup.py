"""Offers kept current and the staff's follow-up, in a real browser: the
owner of an offer not updated for 60 days follows the email's link and
confirms it (« Toujours d'actualité »); the staff open the impact figures
of their board (a period chosen, the definitions shown) and the follow-up
page (a wrong threshold said in French, then offers with few applications
and candidates who never applied); axe-core on every screen."""

import datetime
import re
from urllib.parse import urlsplit

from django.utils import timezone
from playwright.sync_api import expect

from ancrage.jobs import expiry
from ancrage.jobs.factories import (
    ApplicationFactory,
    ConsentFactory,
    OfferFactory,
    PublicationFactory,
)
from ancrage.jobs.models import Offer
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_owner_confirms_an_offer_and_staff_follow_up(page, live_server, cast):
    today = timezone.localdate()
    organisation = Organisation.objects.get(name="Usinage Alpha")
    offer = OfferFactory(
        organisation=organisation,
        title="Usineur / usineuse 5 axes",
        status=Offer.Status.PUBLISHED,
        published_on=today - datetime.timedelta(days=70),
        positions=2,
    )
    PublicationFactory(cluster=cast.cluster_a, offer=offer)
    Offer.objects.filter(pk=offer.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=70)
    )
    ApplicationFactory(offer=offer)
    ConsentFactory(cluster=cast.cluster_a, profile__headline="Soudeuse TIG confirmée")
    expiry.run(today)

    email = OutgoingEmail.objects.get(to=cast.member_a.email, template="jobs_offer_confirm")
    link = re.search(r"https?://\S+/confirmer/", email.body_text).group(0)
    log_in(page, live_server, cast.member_a)
    page.goto(urlsplit(link).path)
    assert page.locator("h1").inner_text() == "Votre offre est-elle toujours d'actualité ?"
    expect(page.get_by_role("link", name="Clore l'offre")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Toujours d'actualité").click()
    page.get_by_text("Merci : l'offre « Usineur / usineuse 5 axes » reste publiée.").wait_for()
    offer.refresh_from_db()
    assert offer.confirmation_asked_on is None
    assert offer.status == Offer.Status.PUBLISHED
    assert timezone.localtime(offer.updated_at).date() == today

    log_in(page, live_server, cast.staff_a)
    page.goto("/cluster/offres/impact/")
    assert page.locator("h1").inner_text() == "Impact de la bourse d'emploi"
    expect(page.locator("#impact-offers")).to_have_text("1")
    expect(page.locator("#impact-positions")).to_have_text("2")
    expect(page.locator("#impact-applications")).to_have_text("1")
    expect(page.get_by_text("Médiane, en jours, du temps entre la publication")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Période", exact=True).select_option(label=str(today.year - 2))
    page.get_by_role("button", name="Afficher").click()
    expect(
        page.get_by_role("heading", name=f"Chiffres de la période : {today.year - 2}")
    ).to_be_visible()
    expect(page.locator("#impact-offers")).to_have_text("0")
    expect(page.get_by_role("link", name="Télécharger les chiffres (XLSX)")).to_be_visible()

    page.goto("/cluster/offres/suivi/")
    assert page.locator("h1").inner_text() == "Suivi de la bourse d'emploi"
    page.get_by_label("Moins de … candidatures").fill("-5")
    page.get_by_role("button", name="Afficher").click()
    page.get_by_text("Indiquez au moins 1 candidature.").wait_for()
    assert page.get_by_label("Moins de … candidatures").input_value() == "-5"
    assert_accessible(page)
    page.get_by_label("Moins de … candidatures").fill("2")
    page.get_by_role("button", name="Afficher").click()
    table = page.locator("#offres-peu-candidatures")
    expect(table.get_by_role("link", name="Usineur / usineuse 5 axes")).to_be_visible()
    expect(page.locator("#candidats-sans-candidature")).to_contain_text("Soudeuse TIG confirmée")
    assert_accessible(page)
