"""Organisation users find the summary shared after a closed campaign."""

import pytest
from django.urls import reverse

from ancrage.surveys.factories import CampaignFactory, InviteeFactory
from ancrage.surveys.models import Status
from tests.cast import login

pytestmark = pytest.mark.django_db


def test_the_shared_summary_of_a_closed_campaign_is_linked(client, cast):
    organisation = cast.cluster_a.memberships.get().organisation
    shared = CampaignFactory(cluster=cast.cluster_a, status=Status.CLOSED, share_results=True)
    kept = CampaignFactory(cluster=cast.cluster_a, status=Status.CLOSED)
    for campaign in (shared, kept):
        InviteeFactory(campaign=campaign, organisation=organisation)
    login(client, cast.member_a)
    page = client.get(reverse("respond:mine")).text
    assert reverse("survey_summary:summary", args=[shared.pk]) in page
    assert reverse("survey_summary:summary", args=[kept.pk]) not in page
    assert client.get(reverse("survey_summary:summary", args=[shared.pk])).status_code == 200
