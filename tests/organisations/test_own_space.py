"""The organisation's own space: its profile, establishments and contacts,
its memberships without the clusters' internal data, its publication choices."""

from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import MembershipFactory, siret_for
from ancrage.organisations.models import Membership, Organisation
from tests.cast import login

HOME = reverse("organisation:home")


def usinage():
    return Organisation.objects.get(name="Usinage Alpha")


def test_memberships_show_cluster_date_and_status_never_notes_or_fee(client, cast):
    Membership.objects.filter(organisation=usinage()).update(
        notes="NOTE-INTERNE mauvais payeur", fee_paid=True, fee_year=2025
    )
    MembershipFactory(cluster=cast.cluster_b, organisation=usinage(), status="former")
    login(client, cast.member_a)
    page = client.get(HOME).content.decode()
    assert "Cluster Alpha" in page and "Cluster Bêta" in page
    assert "ancien adhérent" in page
    assert "NOTE-INTERNE" not in page
    assert "2025" not in page


def test_the_siren_is_locked_for_the_organisation(client, cast):
    organisation = usinage()
    login(client, cast.member_a)
    response = client.post(
        reverse("organisation:edit"),
        {"name": "Usinage Alpha SAS", "kind": "company", "siren": "732829320"},
    )
    assert response["Location"] == HOME
    changed = Organisation.objects.get(pk=organisation.pk)
    assert changed.name == "Usinage Alpha SAS"
    assert changed.siren == organisation.siren
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.ORGANISATION_UPDATED)
    assert [e.cluster_id for e in entries] == [cast.cluster_a.pk]


def test_profile_errors_keep_the_input(client, cast):
    login(client, cast.member_a)
    response = client.post(
        reverse("organisation:edit"),
        {"name": "", "kind": "company", "headcount": "-3", "description": "Nos métiers"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "La fiche n'est pas enregistrée" in page
    assert "Nos métiers" in page


def test_establishments_and_contacts_of_its_own(client, cast):
    organisation = usinage()
    login(client, cast.member_a)
    siret = siret_for(organisation.siren, 7)
    response = client.post(reverse("organisation:establishment_add"), {"siret": siret})
    assert response["Location"] == HOME + "#etablissements"
    establishment = organisation.establishments.get()
    client.post(
        reverse("organisation:contact_add"), {"role": "contact", "email": "accueil@usinage.fr"}
    )
    assert organisation.contacts.get().email == "accueil@usinage.fr"
    page = client.get(HOME).content.decode()
    assert siret in page and "accueil@usinage.fr" in page
    client.post(reverse("organisation:establishment_delete", args=[establishment.pk]))
    assert not organisation.establishments.exists()


def test_another_organisations_records_answer_404(client, cast):
    other = MembershipFactory(cluster=cast.cluster_a).organisation
    contact = other.contacts.create(email="autre@exemple.fr")
    login(client, cast.member_a)
    url = reverse("organisation:contact_edit", args=[contact.pk])
    assert client.get(url).status_code == 404
    assert client.post(reverse("organisation:contact_delete", args=[contact.pk])).status_code == 404
    assert other.contacts.exists()


def test_choosing_what_is_published(client, cast):
    login(client, cast.member_a)
    url = reverse("organisation:publication")
    response = client.post(url, {"public_fields": ["naf", "website", "matrix"]})
    assert response["Location"] == HOME
    organisation = usinage()
    assert not organisation.listed_publicly
    assert organisation.public_fields == ["website", "naf", "matrix"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ORGANISATION_UPDATED)
    assert entry.details["listed_publicly"] is False
    response = client.post(url, {"listed_publicly": "on", "public_fields": ["nimporte"]})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
