"""An application in a real browser: a candidate opens an offer, applies
with a message (HTML typed is shown as text), the company opens the
application in its pipeline, shortlists the candidate then hires them, and
the candidate reads the new state in their list; axe-core on every screen."""

from playwright.sync_api import expect

from ancrage.jobs.factories import CandidateProfileFactory, PublicationFactory
from ancrage.jobs.models import Application
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in

MESSAGE = "Bonjour, <b>disponible</b> dès lundi."


def test_a_candidate_applies_and_the_company_hires(page, browser, live_server, cast):
    cast.candidate.first_name, cast.candidate.last_name = "Léa", "Dumas"
    cast.candidate.save()
    CandidateProfileFactory(user=cast.candidate, headline="Usineuse confirmée")
    offer = PublicationFactory(
        cluster=cast.cluster_a,
        offer__organisation=Organisation.objects.get(name="Usinage Alpha"),
        offer__title="Usineur / usineuse 5 axes",
    ).offer

    log_in(page, live_server, cast.candidate)
    page.goto(f"/offres/{offer.pk}/")
    page.get_by_role("link", name="Postuler", exact=True).click()
    expect(page.get_by_role("heading", name="Le profil envoyé à l'entreprise")).to_be_visible()
    expect(page.get_by_text("Usineuse confirmée")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Message au recruteur").fill(MESSAGE)
    page.get_by_role("button", name="Envoyer ma candidature").click()
    expect(page.get_by_text("Votre candidature est envoyée à Usinage Alpha")).to_be_visible()
    row = page.locator("tr", has_text="Usineur / usineuse 5 axes")
    expect(row.locator(".application-status")).to_have_text("Nouvelle")
    assert_accessible(page)
    application = Application.objects.get()
    assert application.message == MESSAGE

    company = browser.new_context(base_url=live_server.url, locale="fr-FR")
    company.set_default_timeout(30_000)
    member = company.new_page()
    log_in(member, live_server, cast.member_a)
    member.goto("/organisation/candidatures/")
    assert_accessible(member)
    member.get_by_role("link", name="Usineur / usineuse 5 axes").click()
    expect(member.get_by_role("link", name="Léa Dumas")).to_be_visible()
    assert_accessible(member)
    member.get_by_role("link", name="Léa Dumas").click()
    expect(member.locator(".application-message")).to_have_text(MESSAGE)
    expect(member.locator("#application-status")).to_have_text("Vue")
    assert_accessible(member)
    member.get_by_role("button", name="Présélectionner").click()
    expect(member.get_by_text("La candidature est maintenant « présélectionnée »")).to_be_visible()
    member.get_by_role("button", name="Embaucher").click()
    expect(member.locator("#application-status")).to_have_text("Embauché(e)")
    expect(member.get_by_text("Courriel envoyé : « Félicitations")).to_be_visible()
    assert_accessible(member)
    company.close()

    page.reload()
    expect(row.locator(".application-status")).to_have_text("Embauché(e)")
    expect(row.get_by_role("link", name="Retirer")).to_have_count(0)
    assert set(
        OutgoingEmail.objects.filter(to=cast.candidate.email).values_list("template", flat=True)
    ) == {"jobs_application_received", "jobs_application_shortlisted", "jobs_application_hired"}
