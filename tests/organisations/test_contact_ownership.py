"""Contacts are whoever recorded them: a cluster's staff record theirs (seen
and changed only by that cluster and the organisation); the organisation
records its own (seen by every cluster it is an active member of, changed
by it alone). Attaching a known SIREN shows nothing of another cluster's."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import ContactFactory, MembershipFactory
from ancrage.organisations.models import Contact, Membership, Organisation
from tests.cast import login


@pytest.fixture
def usinage(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def detail(organisation):
    return reverse("members:detail", args=[organisation.pk])


def test_staff_record_contacts_in_their_clusters_name(client, cast, usinage):
    login(client, cast.staff_a)
    client.post(
        reverse("members:contact_add", args=[usinage.pk]),
        {"role": "hr", "first_name": "Léa", "email": "lea@usinage.fr"},
    )
    assert Contact.objects.get().cluster == cast.cluster_a


def test_the_organisation_records_its_own_contacts(client, cast, usinage):
    login(client, cast.member_a)
    client.post(reverse("organisation:contact_add"), {"role": "contact", "email": "a@usinage.fr"})
    assert Contact.objects.get().cluster is None


def test_another_cluster_attaching_the_organisation_sees_only_its_own_contacts(
    client, cast, usinage
):
    ContactFactory(organisation=usinage, cluster=cast.cluster_a, email="secret-a@usinage.fr")
    ContactFactory(organisation=usinage, cluster=None, email="accueil@usinage.fr")
    mine = ContactFactory(organisation=usinage, cluster=cast.cluster_b, email="beta@usinage.fr")
    MembershipFactory(cluster=cast.cluster_b, organisation=usinage)
    login(client, cast.staff_b)
    page = client.get(detail(usinage)).content.decode()
    assert "secret-a@usinage.fr" not in page
    assert "accueil@usinage.fr" in page and "beta@usinage.fr" in page
    assert reverse("members:contact_edit", args=[usinage.pk, mine.pk]) in page


def test_a_clusters_contacts_are_out_of_reach_of_another_cluster(client, cast, usinage):
    theirs = ContactFactory(organisation=usinage, cluster=cast.cluster_a)
    MembershipFactory(cluster=cast.cluster_b, organisation=usinage)
    login(client, cast.staff_b)
    for name in ("contact_edit", "contact_delete"):
        url = reverse(f"members:{name}", args=[usinage.pk, theirs.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"role": "hr", "email": "x@y.fr"}).status_code == 404
    assert Contact.objects.filter(pk=theirs.pk, role="contact").exists()


def test_the_organisations_own_contacts_are_read_only_for_staff(client, cast, usinage):
    own = ContactFactory(organisation=usinage, cluster=None, email="accueil@usinage.fr")
    login(client, cast.staff_a)
    page = client.get(detail(usinage)).content.decode()
    assert "accueil@usinage.fr" in page
    assert "enregistré par l'organisation" in page
    assert reverse("members:contact_edit", args=[usinage.pk, own.pk]) not in page
    url = reverse("members:contact_delete", args=[usinage.pk, own.pk])
    assert client.post(url).status_code == 404
    assert Contact.objects.filter(pk=own.pk).exists()


def test_a_former_member_sees_only_its_own_contacts(client, cast, usinage):
    ContactFactory(organisation=usinage, cluster=None, email="accueil@usinage.fr")
    ContactFactory(organisation=usinage, cluster=cast.cluster_b, email="beta@usinage.fr")
    MembershipFactory(cluster=cast.cluster_b, organisation=usinage, status=Membership.Status.FORMER)
    login(client, cast.staff_b)
    page = client.get(detail(usinage)).content.decode()
    assert "beta@usinage.fr" in page
    assert "accueil@usinage.fr" not in page


def test_the_organisation_sees_and_changes_every_contact(client, cast, usinage):
    theirs = ContactFactory(
        organisation=usinage, cluster=cast.cluster_a, email="rh@usinage.fr", first_name="Léa"
    )
    MembershipFactory(cluster=cast.cluster_b, organisation=usinage)
    login(client, cast.member_a)
    page = client.get(reverse("organisation:home")).content.decode()
    assert "rh@usinage.fr" in page and "enregistré par Cluster Alpha" in page
    client.post(
        reverse("organisation:contact_edit", args=[theirs.pk]),
        {"role": "director", "first_name": "Léa", "email": "rh@usinage.fr"},
    )
    theirs.refresh_from_db()
    assert theirs.role == "director" and theirs.cluster == cast.cluster_a
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.ORGANISATION_UPDATED)
    assert [entry.cluster_id for entry in entries] == [cast.cluster_a.pk]
