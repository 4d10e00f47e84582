"""A member company's CV bank in a real browser: it searches the profiles
(a wrong radius gets a French message, what was typed stays), reads a
summary without name, opens the profile (logged), downloads the CV (logged)
and reads the best candidates for its offer with their reasons; axe-core on
every screen."""

from playwright.sync_api import expect

from ancrage.files.factories import FileFactory
from ancrage.jobs.factories import (
    CandidateProfileFactory,
    ConsentFactory,
    OfferFactory,
    OfferSkillFactory,
)
from ancrage.jobs.models import Contract, ProfileView
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.territory.factories import CommuneFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in


def test_member_searches_the_cv_bank_and_sees_matches(page, live_server, cast):
    occupation = OccupationFactory(code="H2913", label="Soudage manuel")
    tig = SkillFactory(label="Soudure TIG")
    commune = CommuneFactory(code="56998", name="Lanester", latitude=47.76, longitude=-3.34)
    profile = CandidateProfileFactory(
        headline="Soudeuse TIG confirmée",
        summary="Dix ans de chaudronnerie navale.",
        user__first_name="Anne",
        user__last_name="Le Goff",
        user__email="anne.legoff@exemple.fr",
        commune=commune,
        contracts=[Contract.CDI],
        cv=FileFactory(text="Anne Le Goff, soudeuse"),
    )
    profile.occupations.set([occupation])
    profile.skills.set([tig])
    ConsentFactory(profile=profile, cluster=cast.cluster_a)
    hidden = CandidateProfileFactory(headline="Profil d'un autre cluster")
    ConsentFactory(profile=hidden, cluster=cast.cluster_b)
    offer = OfferFactory(
        organisation=Organisation.objects.get(name="Usinage Alpha"),
        title="Soudeur / soudeuse TIG",
        occupation=occupation,
        commune=commune,
    )
    OfferSkillFactory(offer=offer, skill=tig, required=True)

    log_in(page, live_server, cast.member_a)
    page.goto("/organisation/cvtheque/")
    expect(page.locator("h1")).to_have_text("CVthèque")
    headlines = page.locator(".cvbank-results p.fw-semibold")
    expect(headlines).to_have_text(["Soudeuse TIG confirmée"])
    assert_accessible(page)

    page.get_by_label("Mots-clés").fill("soudeuse")
    page.get_by_label("Rayon (km)").fill("-5")
    page.get_by_role("button", name="Chercher").click()
    expect(page.get_by_text("Le rayon se donne en kilomètres, de 1 à 200")).to_be_visible()
    assert page.get_by_label("Mots-clés").input_value() == "soudeuse"
    assert page.get_by_label("Rayon (km)").input_value() == "-5"
    assert_accessible(page)

    page.get_by_label("Rayon (km)").fill("")
    page.get_by_label("CDI").check()
    page.get_by_role("button", name="Chercher").click()
    results = page.locator(".cvbank-results")
    expect(headlines).to_have_text(["Soudeuse TIG confirmée"])
    expect(page.get_by_text("1 profil", exact=True)).to_be_visible()
    expect(results.get_by_text("Anne Le Goff")).to_have_count(0)
    assert not ProfileView.objects.exists()

    results.get_by_role("link", name="Ouvrir le profil").click()
    expect(page.locator("h1")).to_have_text("Anne Le Goff")
    expect(page.get_by_text("anne.legoff@exemple.fr")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le CV").click()
    assert download_info.value.suggested_filename == "CV-Anne-Le-Goff.pdf"
    assert list(ProfileView.objects.order_by("pk").values_list("what", flat=True)) == [
        "profil",
        "cv",
    ]

    page.goto(f"/organisation/cvtheque/offre/{offer.pk}/")
    expect(page.locator("h1")).to_have_text("Meilleurs candidats de la CVthèque")
    matches = page.locator(".cvbank-matches")
    expect(matches.locator("p.fw-semibold")).to_have_text(["Soudeuse TIG confirmée"])
    expect(matches.get_by_text("Même métier (H2913)")).to_be_visible()
    expect(matches.get_by_text("1 compétence exigée sur 1")).to_be_visible()
    expect(matches.get_by_text("Cherche ce contrat (CDI)")).to_be_visible()
    assert_accessible(page)
    matches.get_by_role("link", name="Ouvrir le profil").click()
    expect(page.locator("h1")).to_have_text("Anne Le Goff")
    assert ProfileView.objects.count() == 3
