"""What the staff and member dashboards say about members, the matrix and tenders."""

from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from ancrage.gpec.factories import DeclarationFactory
from ancrage.matrix.factories import MatrixProfileFactory, ProposalFactory
from ancrage.matrix.models import State
from ancrage.organisations.factories import MembershipFactory
from ancrage.tenders.factories import TenderFactory
from tests.cast import login


def test_staff_dashboard_without_members_points_to_the_import(client, cast):
    cast.cluster_a.memberships.all().delete()
    login(client, cast.staff_a)
    text = unescape(client.get("/").text)
    assert reverse("member_import:upload") in text
    assert "ajoutez-les un à un par leur SIREN" in text


def test_staff_dashboard_counts_profiles_proposals_and_tenders(client, cast):
    alpha_member = cast.cluster_a.memberships.get()
    MatrixProfileFactory(membership=alpha_member, state=State.VALIDATED)
    submitted = MatrixProfileFactory(
        membership=MembershipFactory(cluster=cast.cluster_a), state=State.SUBMITTED
    )
    MembershipFactory(cluster=cast.cluster_a)  # no profile yet
    ProposalFactory(profile=submitted)
    today = timezone.localdate()
    TenderFactory(cluster=cast.cluster_a, deadline=today + timedelta(days=10))
    TenderFactory(cluster=cast.cluster_a, deadline=today + timedelta(days=90))
    TenderFactory(cluster=cast.cluster_b, deadline=today + timedelta(days=5))  # not ours
    login(client, cast.staff_a)
    text = " ".join(unescape(client.get("/").text).split())
    assert "1 / 3" in text  # validated profiles / active members
    assert "2 adhérents décrits sur 3." in text
    assert "1 profil attend la validation de son organisation." in text
    assert "1 proposition de modification à examiner" in text
    assert "1 appel d'offres arrive à échéance dans les 30 jours" in text


def test_member_dashboard_asks_to_validate_submitted_profiles(client, cast):
    membership = cast.cluster_a.memberships.get()
    MatrixProfileFactory(membership=membership, state=State.SUBMITTED)
    login(client, cast.member_a)
    text = " ".join(unescape(client.get("/").text).split())
    assert "Vérifiez et validez votre profil dans la matrice de Cluster Alpha" in text
    assert reverse("matrix_profile:member_detail", args=["alpha"]) in text


def test_member_dashboard_with_nothing_to_validate(client, cast):
    membership = cast.cluster_a.memberships.get()
    DeclarationFactory(cluster=cast.cluster_a, organisation=membership.organisation)
    login(client, cast.member_a)
    text = " ".join(unescape(client.get("/").text).split())
    assert "Rien à valider pour l'instant." in text
    assert reverse("organisation:publication") in text
