"""The offer form suggests the occupation from the title and the skills
from the description: it fills only what is empty, adds only what is new,
saves nothing and shows no error before the company saves."""

import html

import pytest
from django.urls import reverse

from ancrage.jobs.factories import OfferFactory, OfferSkillFactory
from ancrage.jobs.forms import OfferForm
from ancrage.jobs.models import Offer
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import JobTitleFactory, OccupationFactory, SkillFactory
from ancrage.referentiel.models import Occupation
from tests.cast import login
from tests.jobs.offer_data import offer_form

pytestmark = pytest.mark.django_db

DESCRIPTION = (
    "Au sein de l'atelier, vous usinez des pièces de haute précision.\n"
    "Vous contrôlez la conformité des pièces produites."
)


@pytest.fixture
def referentiel():
    usinage = OccupationFactory(code="H2903", label="Tourneur-fraiseur / Tourneuse-fraiseuse")
    JobTitleFactory(occupation=usinage, label="Usineur / Usineuse", short_label="Usineur(se)")
    soudage = OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    JobTitleFactory(occupation=soudage, label="Soudeur / Soudeuse", is_principal=True)
    return {
        "usinage": usinage,
        "usiner": SkillFactory(label="Usiner des pièces de précision", ogr_code=1001),
        "controle": SkillFactory(label="Contrôler la conformité des pièces", ogr_code=1002),
    }


def page(response):
    return html.unescape(response.content.decode())


def test_the_occupation_and_skills_are_suggested_without_saving(client, cast, referentiel):
    login(client, cast.member_a)
    data = offer_form(title="Usineur 5 axes", description=DESCRIPTION, contract=None, suggest="1")

    response = client.post(reverse("jobs_company:create"), data)

    assert response.status_code == 200
    assert not Offer.objects.exists()
    text = page(response)
    assert "Métier suggéré d'après l'intitulé" in text
    assert "2 compétences trouvées dans la description" in text
    form = response.context["form"]
    assert form["occupation"].value().code == "H2903"
    chips = {chip.code for chip in form["required_skills"].value().chips}
    assert len(chips) == 2
    # Nothing judged yet: the missing contract is not an error until saving.
    assert "Rien n'est enregistré : corrigez" not in text
    assert 'value="Usineur 5 axes"' in text

    # Saving what was suggested (and completed) keeps it.
    saved = dict(data, contract="cdi")
    del saved["suggest"]
    saved["occupation"] = form["occupation"].value().text
    saved["occupation_code"] = "H2903"
    saved["required_skills_code"] = sorted(chips)
    client.post(reverse("jobs_company:create"), saved)
    offer = Offer.objects.get()
    assert offer.occupation == referentiel["usinage"]
    assert {skill.pk for skill in offer.required_skills} == {
        referentiel["usiner"].pk,
        referentiel["controle"].pk,
    }


def test_what_the_company_chose_is_kept(client, cast, referentiel):
    login(client, cast.member_a)
    organisation = Organisation.objects.get(name="Usinage Alpha")
    soudage = Occupation.objects.get(code="H2913")
    offer = OfferFactory(organisation=organisation, occupation=soudage)
    OfferSkillFactory(offer=offer, skill=referentiel["controle"], required=False)
    data = offer_form(
        title="Usineur 5 axes",
        description=DESCRIPTION,
        occupation="Soudeur / Soudeuse",
        occupation_code="H2913",
        wished_skills_code=[form_code(referentiel["controle"])],
        suggest="1",
    )

    response = client.post(reverse("jobs_company:edit", args=[offer.pk]), data)

    form = response.context["form"]
    assert form["occupation"].value().code == "H2913"
    # « Contrôler » is already wished: only « Usiner » is added, as required.
    assert [chip.code for chip in form["required_skills"].value().chips] == [
        form_code(referentiel["usiner"])
    ]
    assert "1 compétence trouvée dans la description" in page(response)
    offer.refresh_from_db()
    assert offer.title != "Usineur 5 axes"


def test_nothing_to_suggest_says_so(client, cast, referentiel):
    login(client, cast.member_a)
    response = client.post(
        reverse("jobs_company:create"),
        offer_form(title="Zzz", description="Rien de reconnaissable.", suggest="1"),
    )
    text = page(response)
    assert "Aucun métier ne ressort de l'intitulé" in text
    assert "Aucune nouvelle compétence trouvée" in text


def form_code(skill):
    return OfferForm().fields["required_skills"].picker.code_of(skill)
