"""A member's page and its edit screens, seen by the staff of each cluster
the organisation belongs to: the shared profile is common, each cluster's
membership (status, fee, internal notes) is its own."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import (
    ContactFactory,
    EstablishmentFactory,
    MembershipFactory,
    OrganisationFactory,
    siret_for,
)
from ancrage.organisations.models import Contact, Establishment, Organisation
from tests.cast import login
from tests.clusters.images import upload


@pytest.fixture
def shared(cast):
    """An organisation member of alpha and beta, with notes in each."""
    organisation = OrganisationFactory(name="Naval Partenaires", headcount=80)
    alpha = MembershipFactory(
        cluster=cast.cluster_a, organisation=organisation, notes="ALPHA-SECRET relance"
    )
    beta = MembershipFactory(
        cluster=cast.cluster_b, organisation=organisation, notes="BETA-SECRET devis", fee_paid=True
    )
    return organisation, alpha, beta


def detail(organisation):
    return reverse("members:detail", args=[organisation.pk])


def test_each_cluster_sees_the_shared_profile_and_only_its_own_notes(client, cast, shared):
    organisation, _alpha, _beta = shared
    login(client, cast.staff_b)
    page = client.get(detail(organisation)).content.decode()
    assert "Naval Partenaires" in page
    assert "BETA-SECRET devis" in page
    assert "ALPHA-SECRET" not in page
    assert "Cluster Alpha" not in page  # not even that it is alpha's member

    login(client, cast.staff_a)
    page = client.get(detail(organisation)).content.decode()
    assert "ALPHA-SECRET relance" in page
    assert "BETA-SECRET" not in page


def test_beta_cannot_edit_alphas_membership(client, cast, shared):
    organisation, alpha, beta = shared
    login(client, cast.staff_b)
    url = reverse("members:membership_edit", args=[organisation.pk])
    assert "ALPHA-SECRET" not in client.get(url).content.decode()
    client.post(url, {"status": "former", "notes": "changé par bêta"})
    alpha.refresh_from_db()
    beta.refresh_from_db()
    assert alpha.notes == "ALPHA-SECRET relance" and alpha.status == "active"
    assert beta.notes == "changé par bêta" and beta.status == "former"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MEMBER_UPDATED)
    assert entry.cluster_id == cast.cluster_b.pk
    assert set(entry.details["changed"]) == {"status", "notes", "fee_paid"}


def test_either_cluster_edits_the_shared_profile(client, cast, shared):
    organisation, _alpha, _beta = shared
    login(client, cast.staff_b)
    response = client.post(
        reverse("members:edit", args=[organisation.pk]),
        {
            "name": "Naval Partenaires",
            "kind": "company",
            "siren": organisation.siren,
            "headcount": "6000",
            "size_class": "tpe",
            "website": "naval.example",
            "naf_code": "",
            "commune": "",
        },
    )
    assert response["Location"] == detail(organisation)
    organisation.refresh_from_db()
    assert organisation.headcount == 6000
    assert organisation.size_class == "ge"  # derived, whatever was chosen
    assert organisation.website == "https://naval.example"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ORGANISATION_UPDATED)
    assert entry.cluster_id == cast.cluster_b.pk
    assert "headcount" in entry.details["changed"]
    login(client, cast.staff_a)
    assert "https://naval.example" in client.get(detail(organisation)).content.decode()


def test_size_class_can_be_chosen_without_headcount(client, cast):
    organisation = OrganisationFactory()
    MembershipFactory(cluster=cast.cluster_a, organisation=organisation)
    login(client, cast.staff_a)
    client.post(
        reverse("members:edit", args=[organisation.pk]),
        {"name": organisation.name, "kind": "company", "size_class": "eti"},
    )
    organisation.refresh_from_db()
    assert organisation.size_class == "eti"


def test_a_siren_already_used_is_refused(client, cast, shared):
    organisation, _alpha, _beta = shared
    other = OrganisationFactory(name="Autre")
    MembershipFactory(cluster=cast.cluster_a, organisation=other)
    login(client, cast.staff_a)
    response = client.post(
        reverse("members:edit", args=[other.pk]),
        {"name": "Autre", "kind": "company", "siren": organisation.siren},
    )
    assert "est déjà celui de « Naval Partenaires »" in response.content.decode()
    other.refresh_from_db()
    assert other.siren != organisation.siren


def test_logo_upload_is_checked_and_served_to_staff(client, cast, shared):
    organisation, _alpha, _beta = shared
    login(client, cast.staff_a)
    url = reverse("members:edit", args=[organisation.pk])
    base = {"name": organisation.name, "kind": "company", "siren": organisation.siren}

    fake = upload("logo.png", content=b"%PDF-1.4 not an image")
    response = client.post(url, {**base, "logo": fake})
    assert "Ce fichier n&#x27;est pas une image lisible" in response.content.decode()
    assert 'value="' + organisation.name + '"' in response.content.decode()

    big = upload("logo.png", content=b"\x89PNG" + b"0" * (1024 * 1024 + 10))
    response = client.post(url, {**base, "logo": big})
    assert "1 024 Ko (1 Mo) au plus" in response.content.decode()

    client.post(url, {**base, "logo": upload("logo.jpg", "JPEG", content_type="image/jpeg")})
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".jpg")
    served = client.get(reverse("members:logo", args=[organisation.pk]))
    assert served["Content-Type"] == "image/jpeg"
    with organisation.logo.open("rb") as stored:
        assert served.content == stored.read()
    assert (
        reverse("members:logo", args=[organisation.pk])
        in client.get(detail(organisation)).content.decode()
    )


def test_establishments(client, cast, shared):
    organisation, _alpha, _beta = shared
    login(client, cast.staff_a)
    url = reverse("members:establishment_add", args=[organisation.pk])
    own = siret_for(organisation.siren, 12)

    response = client.post(url, {"siret": "1234", "name": "Atelier"})
    assert "Un SIRET compte 14 chiffres" in response.content.decode()
    response = client.post(url, {"siret": own[:-1] + str((int(own[-1]) + 1) % 10)})
    assert "sa clé de contrôle est fausse" in response.content.decode()
    response = client.post(url, {"siret": siret_for("732829320", 1), "name": "Atelier"})
    page = response.content.decode()
    assert "n&#x27;appartient pas à cette organisation" in page
    assert 'value="Atelier"' in page
    response = client.post(url, {"siret": own, "name": "Atelier", "commune": "Nulle-Part"})
    assert "Aucune commune ne correspond" in response.content.decode()

    response = client.post(
        url, {"siret": f"{own[:3]} {own[3:9]} {own[9:]}", "name": "Atelier", "is_head_office": "on"}
    )
    assert response["Location"].endswith("#etablissements")
    establishment = Establishment.objects.get(siret=own)
    assert establishment.organisation == organisation and establishment.is_head_office
    response = client.post(url, {"siret": own})
    assert "est déjà enregistré" in response.content.decode()

    other = EstablishmentFactory(organisation=organisation, siret=siret_for(organisation.siren, 13))
    client.post(
        reverse("members:establishment_edit", args=[organisation.pk, other.pk]),
        {"siret": other.siret, "is_head_office": "on"},
    )
    establishment.refresh_from_db()
    assert not establishment.is_head_office  # one head office

    client.post(reverse("members:establishment_delete", args=[organisation.pk, other.pk]))
    assert not Establishment.objects.filter(pk=other.pk).exists()
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.ORGANISATION_UPDATED)
    assert [(e.details["label"], e.details.get("removed")) for e in entries] == [
        (str(other), True),
        (str(other), None),
        (str(establishment), None),
    ]
    assert entries[0].details["kind"] == "établissement"


def test_an_establishment_needs_the_siren_first(client, cast):
    organisation = OrganisationFactory(siren="")
    MembershipFactory(cluster=cast.cluster_a, organisation=organisation)
    login(client, cast.staff_a)
    response = client.post(
        reverse("members:establishment_add", args=[organisation.pk]),
        {"siret": siret_for("732829320", 1)},
    )
    assert "Renseignez d&#x27;abord le SIREN" in response.content.decode()


def test_another_organisations_establishment_answers_404(client, cast, shared):
    organisation, _alpha, _beta = shared
    elsewhere = EstablishmentFactory()
    MembershipFactory(cluster=cast.cluster_a, organisation=elsewhere.organisation)
    login(client, cast.staff_a)
    url = reverse("members:establishment_edit", args=[organisation.pk, elsewhere.pk])
    assert client.get(url).status_code == 404


def test_contacts(client, cast, shared):
    organisation, _alpha, _beta = shared
    login(client, cast.staff_a)
    url = reverse("members:contact_add", args=[organisation.pk])
    response = client.post(url, {"role": "contact", "phone": "02 97 00 00 00"})
    page = response.content.decode()
    assert "Indiquez au moins un nom ou une adresse électronique." in page
    assert 'value="02 97 00 00 00"' in page
    response = client.post(url, {"role": "hr", "email": "pas-une-adresse"})
    assert response.status_code == 200
    client.post(url, {"role": "hr", "first_name": "Léa", "last_name": "Morvan"})
    contact = Contact.objects.get(organisation=organisation)
    assert contact.get_role_display() == "ressources humaines"
    client.post(
        reverse("members:contact_edit", args=[organisation.pk, contact.pk]),
        {"role": "director", "first_name": "Léa", "last_name": "Morvan"},
    )
    contact.refresh_from_db()
    assert contact.role == "director"
    assert "Léa Morvan" in client.get(detail(organisation)).content.decode()
    other = ContactFactory()
    assert (
        client.get(reverse("members:contact_edit", args=[organisation.pk, other.pk])).status_code
        == 404
    )


def test_the_matrix_link_shows_only_when_the_matrix_screen_exists(client, cast, shared):
    from django.urls import NoReverseMatch

    organisation, _alpha, _beta = shared
    login(client, cast.staff_a)
    page = client.get(detail(organisation)).content.decode()
    try:
        url = reverse("matrix_profile:staff_edit", args=[organisation.pk])
    except NoReverseMatch:
        assert "Matrice des compétences" not in page
    else:
        assert url in page


def test_an_organisation_stays_one_row_across_clusters(cast, shared):
    assert Organisation.objects.filter(name="Naval Partenaires").count() == 1
