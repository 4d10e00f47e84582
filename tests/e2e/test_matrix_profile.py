"""A member's matrix profile in a real browser: staff fill it in with the
pickers and submit it; the organisation's user validates it; staff change
it (« à revoir »); the member proposes a change and staff accept it. axe-core
on each screen."""

import re

from ancrage.matrix import profiles
from ancrage.matrix.models import Proposal, State
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.matrix.profile_fixtures import Vocabulary, membership_of_a


def test_staff_fill_submit_member_validates_then_proposes(page, live_server, cast):
    words = Vocabulary(cast.cluster_a)
    membership = membership_of_a(cast)
    messages = page.locator("#messages")

    # Staff fill in the profile.
    log_in(page, live_server, cast.staff_a)
    page.goto(f"/cluster/matrice/adherents/{membership.organisation_id}/")
    assert page.locator("h1").inner_text() == "Profil de Usinage Alpha dans la matrice"
    occupation = page.get_by_role("combobox", name=re.compile("Métier principal"))
    occupation.fill("usineur")
    page.get_by_role("option", name=re.compile("Usineur mécanique")).wait_for()
    occupation.press("ArrowDown")
    occupation.press("Enter")
    assert occupation.input_value() == "Usineur mécanique"
    skills = page.get_by_role("combobox", name="Compétences clés")
    for typed, label in (("petit usi", "Petit usinage"), ("compos", "Composite")):
        skills.fill(typed)
        page.get_by_role("option", name=re.compile(label)).click()
        page.get_by_role("checkbox", name=re.compile(label)).wait_for(state="attached")
    page.get_by_label("Commentaire sur « Petit usinage » (facultatif)").fill("jusqu'à 50 mm")
    page.get_by_role("checkbox", name="Usinage", exact=True).check()
    page.get_by_label("Commentaire sur « Usinage » (facultatif)").fill("5 axes")
    page.get_by_role("checkbox", name="Naval", exact=True).check()
    page.get_by_label("Certifications (facultatif)").fill("ISO 9001, EN 9100")
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    messages.get_by_text("Le profil de Usinage Alpha est enregistré.").wait_for()
    profile = membership.matrix
    content = profiles.content_of(profile)
    assert content.occupation == words.machinist
    assert {(e.display_label, c) for e, c in content.skills} == {
        ("Petit usinage", "jusqu'à 50 mm"),
        ("Composite", ""),
    }
    assert [(a.slug, c) for a, c in content.activities] == [("usinage", "5 axes")]
    assert [m.slug for m, _c in content.markets] == ["naval"]
    assert content.certifications == ["ISO 9001", "EN 9100"]

    page.get_by_role("button", name="Soumettre pour validation").click()
    messages.get_by_text(re.compile("Le profil est soumis à validation")).wait_for()
    profile.refresh_from_db()
    assert profile.state == State.SUBMITTED

    # The organisation's user validates it.
    log_in(page, live_server, cast.member_a)
    page.goto("/organisation/matrice/")
    page.get_by_role("link", name="Cluster Alpha").click()
    assert "5 axes" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Valider").click()
    messages.get_by_text(re.compile("le profil est validé")).wait_for()
    profile.refresh_from_db()
    assert (profile.state, profile.validated_by) == (State.VALIDATED, cast.member_a)

    # Staff change it: it goes « à revoir ».
    log_in(page, live_server, cast.staff_a)
    page.goto(f"/cluster/matrice/adherents/{membership.organisation_id}/")
    page.locator("label.rounded-pill", has_text="Composite").click()  # the chip
    assert not page.get_by_role("checkbox", name="Composite").count()
    page.get_by_role("button", name="Enregistrer").click()
    messages.get_by_text(re.compile("il passe « à revoir »")).wait_for()
    profile.refresh_from_db()
    assert profile.state == State.TO_REVIEW

    # The member proposes a change.
    log_in(page, live_server, cast.member_a)
    page.goto("/organisation/matrice/alpha/")
    page.get_by_role("link", name="Proposer des modifications").click()
    skills = page.get_by_role("combobox", name="Compétences clés")
    skills.fill("soudage")
    page.get_by_role("option", name=re.compile("Soudage TIG")).click()
    page.get_by_label("Commentaire sur « Soudage TIG » (facultatif)").fill("inox")
    page.get_by_role("checkbox", name="Aéronautique").check()
    page.get_by_label("Message à l'équipe du cluster (facultatif)").fill("Nouvelle activité.")
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer la proposition").click()
    messages.get_by_text(re.compile("Votre proposition est envoyée")).wait_for()
    proposal = Proposal.objects.get()

    # Staff read what it changes and accept it.
    log_in(page, live_server, cast.staff_a)
    page.goto(f"/cluster/matrice/adherents/{membership.organisation_id}/")
    page.get_by_role("heading", name="Propositions de l'organisation en attente").wait_for()
    assert_accessible(page)
    page.goto("/cluster/matrice/propositions/")
    page.get_by_role("link", name="Usinage Alpha").click()
    changes = page.locator("main").inner_text()
    assert "Soudage TIG" in changes and "Aéronautique" in changes
    assert_accessible(page)
    page.get_by_role("button", name="Accepter la proposition").click()
    messages.get_by_text(re.compile("La proposition est acceptée")).wait_for()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    profile.refresh_from_db()
    assert (profile.state, profile.validated_by) == (State.VALIDATED, cast.member_a)
    content = profiles.content_of(profile)
    assert ("Soudage TIG", "inox") in {(e.display_label, c) for e, c in content.skills}
    assert {m.slug for m, _c in content.markets} == {"naval", "aeronautique"}


def test_staff_pick_and_comment_skills_without_javascript(browser, live_server, cast):
    """Without JavaScript: skills typed by name, « Ajouter à la liste » turns
    them into chips with their comment field, then « Enregistrer » saves."""
    words = Vocabulary(cast.cluster_a)
    membership = membership_of_a(cast)
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", java_script_enabled=False
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        log_in(page, live_server, cast.staff_a)
        page.goto(f"/cluster/matrice/adherents/{membership.organisation_id}/")
        page.get_by_role("combobox", name=re.compile("Métier principal")).fill("Usineur mécanique")
        page.get_by_role("combobox", name="Compétences clés").fill("Petit usinage; Composite")
        page.get_by_role("button", name="Ajouter à la liste").click()
        page.get_by_text("Rien n'est encore enregistré").wait_for()
        page.get_by_label("Commentaire sur « Composite » (facultatif)").fill("structures")
        page.get_by_role("button", name="Enregistrer").click()
        page.get_by_text("Le profil de Usinage Alpha est enregistré.").wait_for()
        content = profiles.content_of(membership.matrix)
        assert content.occupation == words.machinist
        assert {(e.display_label, c) for e, c in content.skills} == {
            ("Petit usinage", ""),
            ("Composite", "structures"),
        }
    finally:
        context.close()
