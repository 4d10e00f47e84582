"""The first response of a campaign freezes the version the campaign uses
when the response is saved, even if the respondent's page was loaded before
a builder edit moved the campaign to a new version."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ancrage.surveys.factories import CampaignFactory, InviteeFactory, ResponseFactory
from ancrage.surveys.models import Campaign, Response
from ancrage.surveys.versions import editable_version, freeze
from ancrage.surveys.views.respond_common import save_draft, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_invitee():
    """An invitee of a campaign without response, loaded while the campaign
    still used version 1; then a builder edit moves the campaign to version 2."""
    answered = CampaignFactory()
    ResponseFactory(invitee__campaign=answered)
    freeze(answered.version)
    campaign = CampaignFactory(cluster=answered.cluster, questionnaire=answered.questionnaire)
    invitee = InviteeFactory(campaign=campaign)
    invitee = type(invitee).objects.select_related("campaign").get(pk=invitee.pk)
    new = editable_version(answered.questionnaire, None)
    assert Campaign.objects.get(pk=campaign.pk).version == new
    assert invitee.campaign.version_id != new.pk  # the page's stale view
    return invitee, new


def test_a_first_draft_freezes_the_version_the_campaign_uses_now(stale_invitee):
    invitee, new = stale_invitee
    save_draft(invitee, None, {"x": ["1"]}, 1, set())
    new.refresh_from_db()
    assert new.is_frozen
    assert Response.objects.get(invitee=invitee).draft


def test_a_first_submission_freezes_the_version_the_campaign_uses_now(stale_invitee):
    invitee, new = stale_invitee
    submit(invitee, {}, AnonymousUser())
    new.refresh_from_db()
    assert new.is_frozen


def test_answers_checked_against_another_version_are_not_submitted(stale_invitee):
    from ancrage.surveys.views.respond_common import VersionChanged

    invitee, _new = stale_invitee
    with pytest.raises(VersionChanged):
        submit(invitee, {}, AnonymousUser(), checked_version_id=invitee.campaign.version_id)
    assert not Response.objects.filter(invitee=invitee).exists()
