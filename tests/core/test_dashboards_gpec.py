"""What the staff and member dashboards say about the GPEC declarations."""

from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from ancrage.gpec.factories import DeclarationFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from tests.cast import login


def page(client, user):
    login(client, user)
    return " ".join(unescape(client.get("/").text).split())


def test_staff_see_how_many_members_declared_within_a_year(client, cast):
    member = cast.cluster_a.memberships.get().organisation
    other = MembershipFactory(cluster=cast.cluster_a).organisation
    former = MembershipFactory(cluster=cast.cluster_a, status=Membership.Status.FORMER)
    today = timezone.localdate()
    DeclarationFactory(cluster=cast.cluster_a, organisation=member, declared_on=today)
    DeclarationFactory(cluster=cast.cluster_a, organisation=member, declared_on=today)
    DeclarationFactory(
        cluster=cast.cluster_a, organisation=other, declared_on=today - timedelta(days=400)
    )
    DeclarationFactory(cluster=cast.cluster_a, organisation=former.organisation)
    DeclarationFactory(cluster=cast.cluster_b, organisation=other)
    text = page(client, cast.staff_a)
    assert 'Adhérents à jour de leur GPEC</h2> <p class="display-6 mb-0">1 / 2</p>' in text
    assert reverse("gpec_dashboard:dashboard") in text
    assert reverse("gpec_declarations:list") in text


def test_members_are_asked_to_declare_until_they_have(client, cast):
    organisation = cast.cluster_a.memberships.get().organisation
    declare = reverse("gpec_declarations:declare", args=[cast.cluster_a.pk])
    text = page(client, cast.member_a)
    assert "Déclarez vos emplois et vos besoins en compétences à Cluster Alpha" in text
    assert "vous n'avez encore rien déclaré" in text
    assert declare in text
    assert reverse("gpec_company:mine", args=[cast.cluster_a.pk]) in text
    old = timezone.localdate() - timedelta(days=400)
    DeclarationFactory(cluster=cast.cluster_a, organisation=organisation, declared_on=old)
    text = page(client, cast.member_a)
    assert f"dernière déclaration le {old.day} " in text
    DeclarationFactory(cluster=cast.cluster_a, organisation=organisation)
    assert declare not in page(client, cast.member_a)
