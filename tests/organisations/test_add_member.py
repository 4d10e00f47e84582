"""Adding a member: by SIREN first, a known organisation is attached, never
duplicated; bad input is explained in French and what was typed stays."""

from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import MembershipFactory, OrganisationFactory, siren_for
from ancrage.organisations.models import Membership, Organisation
from tests.cast import login

ADD = reverse("members:add")
NEW_SIREN = siren_for(12_345_678)


def spaced(siren):
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


def membership_data(**overrides):
    return {
        "status": "active",
        "since": "2024-03-01",
        "fee_paid": "on",
        "fee_year": "2024",
        **overrides,
    }


def test_an_unknown_siren_leads_to_the_full_form(client, cast):
    login(client, cast.staff_a)
    response = client.post(ADD, {"step": "siren", "siren": spaced(NEW_SIREN)})
    assert response.context["step"] == "create"
    assert response.context["organisation_form"]["siren"].value() == NEW_SIREN


def test_creating_a_member(client, cast):
    login(client, cast.staff_a)
    response = client.post(
        ADD,
        {
            "step": "create",
            "siren": NEW_SIREN,
            "name": "Chaudronnerie du Blavet",
            "kind": "company",
            "naf_code": "25.62b",
            "headcount": "42",
            "commune": "56121",
            **membership_data(),
        },
    )
    organisation = Organisation.objects.get(siren=NEW_SIREN)
    assert response["Location"] == reverse("members:detail", args=[organisation.pk])
    assert organisation.naf_code == "25.62B"
    assert organisation.size_class == "pme"
    assert organisation.commune.code == "56121"
    # Not in the public directories until the organisation chooses to be.
    assert not organisation.listed_publicly
    membership = Membership.objects.get(organisation=organisation)
    assert membership.cluster == cast.cluster_a
    assert membership.fee_paid and membership.fee_year == 2024
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MEMBER_ADDED)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["existing"] is False


def test_a_member_of_another_cluster_is_attached_not_duplicated(client, cast):
    elsewhere = MembershipFactory(
        cluster=cast.cluster_b,
        organisation__siren=NEW_SIREN,
        organisation__name="Naval Sud",
        notes="Note de Bêta : client difficile",
        fee_paid=True,
    )
    login(client, cast.staff_a)
    response = client.post(ADD, {"step": "siren", "siren": NEW_SIREN})
    page = response.content.decode()
    assert response.context["step"] == "attach"
    assert "Naval Sud" in page
    assert "client difficile" not in page  # the other cluster's membership stays private

    response = client.post(
        ADD, {"step": "attach", "siren": NEW_SIREN, **membership_data(fee_paid="")}
    )
    assert Organisation.objects.filter(siren=NEW_SIREN).count() == 1
    mine = Membership.objects.get(cluster=cast.cluster_a, organisation=elsewhere.organisation)
    assert not mine.fee_paid and mine.notes == ""
    assert AuditEntry.objects.get(action=AuditEntry.Action.MEMBER_ADDED).details["existing"]
    detail = client.get(response["Location"]).content.decode()
    assert "Naval Sud" in detail
    assert "client difficile" not in detail


def test_a_siren_already_member_here_is_refused_with_a_link(client, cast):
    existing = OrganisationFactory(siren=NEW_SIREN, name="Déjà Là")
    MembershipFactory(cluster=cast.cluster_a, organisation=existing)
    login(client, cast.staff_a)
    response = client.post(ADD, {"step": "siren", "siren": NEW_SIREN})
    page = response.content.decode()
    assert "est déjà adhérente du cluster" in page
    assert reverse("members:detail", args=[existing.pk]) in page
    # Posting the attach step anyway changes nothing.
    client.post(ADD, {"step": "attach", "siren": NEW_SIREN, **membership_data()})
    assert Membership.objects.filter(organisation=existing).count() == 1


def test_invalid_sirens_are_explained_and_kept(client, cast):
    login(client, cast.staff_a)
    response = client.post(ADD, {"step": "siren", "siren": "123 456 789"})
    page = response.content.decode()
    assert "sa clé de contrôle est fausse" in page
    assert 'value="123 456 789"' in page
    response = client.post(ADD, {"step": "siren", "siren": "12AB"})
    assert "Un SIREN compte 9 chiffres" in response.content.decode()
    # A forged step with a bad SIREN goes back to the first step.
    response = client.post(ADD, {"step": "create", "siren": "999999999", "name": "X"})
    assert response.context["step"] == "siren"
    assert not Organisation.objects.filter(name="X").exists()


def test_without_siren_the_organisation_is_created_anyway(client, cast):
    login(client, cast.staff_a)
    response = client.post(ADD, {"step": "siren", "siren": ""})
    assert response.context["step"] == "create"
    client.post(
        ADD,
        {
            "step": "create",
            "siren": "",
            "name": "Association des amis",
            "kind": "association",
            **membership_data(),
        },
    )
    organisation = Organisation.objects.get(name="Association des amis")
    assert organisation.siren == ""
    assert organisation.memberships.get().cluster == cast.cluster_a


def test_bad_naf_commune_and_dates_keep_everything_typed(client, cast):
    login(client, cast.staff_a)
    response = client.post(
        ADD,
        {
            "step": "create",
            "siren": NEW_SIREN,
            "name": "Atelier Breton",
            "kind": "company",
            "naf_code": "99.99Q",
            "commune": "Atlantide",
            "website": "pas un site",
            "postal_code": "5610",
            **membership_data(since="2999-01-01", fee_year="3000"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "n&#x27;est pas un code NAF" in page
    assert "Aucune commune ne correspond à « Atlantide »" in page
    assert "Un code postal compte 5 chiffres." in page
    assert "La date d&#x27;adhésion ne peut pas être dans le futur." in page
    assert 'value="Atelier Breton"' in page
    assert 'value="Atlantide"' in page
    assert not Organisation.objects.filter(siren=NEW_SIREN).exists()


def test_naf_by_the_words_of_its_label(client, cast):
    login(client, cast.staff_a)
    base = {
        "step": "create",
        "siren": NEW_SIREN,
        "name": "Décolleteur",
        "kind": "company",
        **membership_data(),
    }
    response = client.post(ADD, {**base, "naf_code": "mécanique"})
    assert "Plusieurs codes NAF correspondent à « mécanique »" in response.content.decode()
    client.post(ADD, {**base, "naf_code": "décolletage"})
    assert Organisation.objects.get(siren=NEW_SIREN).naf_code == "25.62A"


def test_the_naf_picker_offers_codes_and_labels(client, cast):
    login(client, cast.staff_a)
    response = client.get(
        reverse("members:naf_options"),
        {"q": "25.62", "listbox": "id_naf_code_listbox"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert 'data-code="25.62A"' in page
    assert 'data-label="25.62A — Décolletage"' in page
    assert 'id="id_naf_code_listbox-2562a"' in page
