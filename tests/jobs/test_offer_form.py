"""The offer form: every field an offer is written with, each bad input
refused with a French message on its field and what was typed kept; HTML
is kept as text."""

import datetime

import pytest
from django.utils import timezone

from ancrage.jobs.factories import OfferFactory, OfferSkillFactory
from ancrage.jobs.forms import CloseForm, OfferForm
from ancrage.jobs.models import Offer, OfferSkill
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.territory.models import Commune
from tests.jobs.offer_data import offer_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def errors_of(**changes):
    form = OfferForm(offer_form(**changes))
    assert not form.is_valid()
    return form


def test_a_complete_offer_is_saved_with_its_skills_and_languages(organisation):
    occupation = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    required, wished = SkillFactory(), SkillFactory()
    in_a_month = timezone.localdate() + datetime.timedelta(days=30)
    form = OfferForm(
        offer_form(
            occupation="H2903",
            contract="cdd",
            contract_months="6",
            working_time="partiel",
            weekly_hours="28",
            salary_min="28000",
            salary_max="32000",
            qualification="4",
            experience="1-2",
            start_date=in_a_month.isoformat(),
            languages_text="anglais, Allemand ; anglais",
            positions="2",
            application_mode="courriel",
            application_email="rh@usinage-alpha.fr",
            expires_on=in_a_month.isoformat(),
            required_skills_code=[str(required.pk)],
            wished_skills_code=[str(wished.pk)],
        )
    )
    assert form.is_valid(), form.errors
    form.instance.organisation = organisation
    offer = form.save()
    assert offer.status == Offer.Status.DRAFT
    assert offer.occupation == occupation
    assert offer.commune == Commune.objects.get(code="56121")
    assert offer.languages == ["anglais", "Allemand"]
    assert offer.contract_months == 6
    assert {(s.skill, s.required) for s in OfferSkill.objects.filter(offer=offer)} == {
        (required, True),
        (wished, False),
    }


def test_editing_shows_the_saved_skills_and_keeps_the_state(organisation):
    offer = OfferFactory(organisation=organisation, status=Offer.Status.PUBLISHED)
    offer_skill = OfferSkillFactory(offer=offer, required=True)
    offer.languages = ["anglais"]
    offer.save()
    form = OfferForm(instance=offer)
    assert form.initial["languages_text"] == "anglais"
    assert form.initial["required_skills"] == [offer_skill.skill]
    form = OfferForm(offer_form(title="Nouveau titre", commune=offer.commune.code), instance=offer)
    assert form.is_valid(), form.errors
    form.save()
    offer.refresh_from_db()
    assert offer.title == "Nouveau titre"
    assert offer.status == Offer.Status.PUBLISHED
    assert not offer.skills.exists()  # the skills are those of the form


def test_salary_min_above_max_is_refused_and_the_values_kept(cast):
    form = errors_of(salary_min="40000", salary_max="30000")
    assert form.errors["salary_max"] == [
        "Le salaire maximum (30\xa0000) est inférieur au salaire minimum (40\xa0000) : "
        "corrigez l'un ou l'autre."
    ]
    html = str(form["salary_min"]) + str(form["salary_max"])
    assert 'value="40000"' in html and 'value="30000"' in html
    assert 'value="Usineur / usineuse 5 axes"' in str(form["title"])


@pytest.mark.parametrize("contract", ["cdd", "interim", "vie"])
def test_a_timed_contract_needs_its_duration(cast, contract):
    form = errors_of(contract=contract)
    assert "durée du contrat en mois" in form.errors["contract_months"][0]


def test_a_cdi_has_no_duration(cast):
    form = errors_of(contract_months="12")
    assert form.errors["contract_months"] == ["Un CDI n'a pas de durée : laissez ce champ vide."]
    assert 'value="12"' in str(form["contract_months"])


def test_email_mode_needs_an_email_and_link_mode_a_url(cast):
    form = errors_of(application_mode="courriel")
    assert "courriel" in form.errors["application_email"][0]
    form = errors_of(application_mode="lien")
    assert "lien" in form.errors["application_url"][0]
    form = errors_of(application_mode="lien", application_url="javascript:alert(1)")
    assert "application_url" in form.errors


def test_the_period_ends_after_it_starts(cast):
    form = errors_of(
        contract="stage", period_start="2027-06-30", period_end="2027-03-01", rhythm="x"
    )
    assert form.errors["period_end"] == ["La fin de la période précède son début."]
    assert 'value="2027-03-01"' in str(form["period_end"])


@pytest.mark.parametrize("hours", ["0", "0.5", "49", "-3"])
def test_weekly_hours_between_1_and_48(cast, hours):
    form = errors_of(weekly_hours=hours)
    assert form.errors["weekly_hours"] == [
        "La durée hebdomadaire doit être comprise entre 1 et 48 heures."
    ]


def test_an_expiry_date_in_the_past_is_refused(cast):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    form = errors_of(expires_on=yesterday.isoformat())
    assert "date d'expiration est passée" in form.errors["expires_on"][0]


def test_an_expiry_date_already_saved_may_stay(organisation):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    offer = OfferFactory(organisation=organisation, expires_on=yesterday)
    form = OfferForm(
        offer_form(commune=offer.commune.code, expires_on=yesterday.isoformat()), instance=offer
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("positions", ["0", "-2"])
def test_at_least_one_position(cast, positions):
    form = errors_of(positions=positions)
    assert form.errors["positions"] == ["Indiquez au moins 1 poste à pourvoir."]


def test_missing_required_fields_and_unknown_commune(cast):
    form = errors_of(title="", description="", commune="Nullepart-sur-Mer")
    assert set(form.errors) >= {"title", "description", "commune"}
    assert "Nullepart-sur-Mer" in str(form["commune"])


def test_a_skill_both_required_and_wished_is_refused(cast):
    skill = SkillFactory()
    form = errors_of(required_skills_code=[str(skill.pk)], wished_skills_code=[str(skill.pk)])
    assert "déjà exigée" in form.errors["wished_skills"][0]


def test_html_is_stored_as_text(organisation):
    form = OfferForm(offer_form(title="<b>Chef</b>", description="<script>alert(1)</script>"))
    assert form.is_valid(), form.errors
    form.instance.organisation = organisation
    offer = form.save()
    assert offer.description == "<script>alert(1)</script>"


def test_close_form_asks_through_the_platform_when_filled():
    form = CloseForm({"filled": "oui"})
    assert not form.is_valid()
    assert "bourse d'emploi" in form.errors["through_platform"][0]
    form = CloseForm({"filled": "non", "through_platform": "oui"})
    assert form.is_valid()
    assert not form.is_filled and not form.is_through_platform
    assert not CloseForm({}).is_valid()


def test_decimals_are_typed_the_french_way(cast):
    form = OfferForm(offer_form(weekly_hours="35,5", salary_min="2100,50", salary_max="2400"))
    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["weekly_hours"]) == "35.5"
    assert str(form.cleaned_data["salary_min"]) == "2100.50"
