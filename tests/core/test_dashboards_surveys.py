"""What the staff and member dashboards say about survey campaigns."""

from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from ancrage.surveys.factories import CampaignFactory, InviteeFactory, ResponseFactory
from ancrage.surveys.models import Response, Status
from tests.cast import login


def page(client, user):
    login(client, user)
    return " ".join(unescape(client.get("/").text).split())


def test_staff_without_campaign_are_pointed_to_the_templates(client, cast):
    text = page(client, cast.staff_a)
    assert "Lancez votre première enquête" in text
    assert reverse("questionnaires:list") in text
    assert reverse("campaigns:list") in text  # the « Enquêtes » menu


def test_staff_see_their_open_campaigns_with_response_counts(client, cast):
    open_campaign = CampaignFactory(cluster=cast.cluster_a, title="Baromètre", period_label="T4")
    for state in (Response.State.SUBMITTED, Response.State.SUBMITTED, Response.State.DRAFT):
        ResponseFactory(invitee__campaign=open_campaign, state=state)
    InviteeFactory(campaign=open_campaign)
    CampaignFactory(cluster=cast.cluster_a, title="Close", status=Status.CLOSED)
    CampaignFactory(cluster=cast.cluster_b, title="Ailleurs")
    text = page(client, cast.staff_a)
    assert "Enquêtes en cours" in text
    assert "Baromètre — T4" in text
    assert "2 réponses sur 4 organisations invitées" in text
    assert reverse("campaigns:detail", args=[open_campaign.pk]) in text
    assert "Close —" not in text and "Ailleurs" not in text
    assert "Lancez votre première enquête" not in text


def test_members_are_asked_to_answer_open_campaigns_until_they_have(client, cast):
    organisation = cast.cluster_a.memberships.get().organisation
    campaign = CampaignFactory(cluster=cast.cluster_a, title="Enquête RH", period_label="2026")
    invitee = InviteeFactory(campaign=campaign, organisation=organisation)
    past = CampaignFactory(
        cluster=cast.cluster_a,
        title="Ancienne",
        opens_on=timezone.localdate() - timedelta(days=60),
        closes_on=timezone.localdate() - timedelta(days=30),
    )
    InviteeFactory(campaign=past, organisation=organisation)
    text = page(client, cast.member_a)
    assert "Répondez à l'enquête « Enquête RH » (2026) de Cluster Alpha" in text
    assert reverse("respond:answer_mine", args=[campaign.pk]) in text
    assert "Ancienne" not in text
    assert reverse("respond:mine") in text  # the « Enquêtes » menu
    ResponseFactory(invitee=invitee, state=Response.State.SUBMITTED)
    assert "Enquête RH" not in page(client, cast.member_a)
