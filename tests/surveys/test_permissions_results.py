"""Who may read a campaign's results: the staff of its cluster (another
cluster's staff get 404); the summary shared with respondents: only the users
of an organisation invited to a closed campaign that shares its results."""

import datetime

from ancrage.organisations.models import Organisation
from ancrage.surveys.factories import CampaignFactory, InviteeFactory
from ancrage.surveys.models import Status
from tests.permissions import LOGIN, Case, everyone, permission_test

ON_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
MEMBER_A_ONLY = everyone(404, anonymous=LOGIN, member_a=200)
NOBODY = everyone(404, anonymous=LOGIN)


def campaign_of_a(cast):
    return {"pk": CampaignFactory(cluster=cast.cluster_a).pk}


def shared_campaign(cast, *, invited=True, share=True, status=Status.CLOSED):
    campaign = CampaignFactory(
        cluster=cast.cluster_a,
        share_results=share,
        status=status,
        closes_on=datetime.date.today(),
        opens_on=datetime.date.today() - datetime.timedelta(days=30),
    )
    if invited:
        InviteeFactory(
            campaign=campaign, organisation=Organisation.objects.get(name="Usinage Alpha")
        )
    else:
        InviteeFactory(campaign=campaign)
    return {"pk": campaign.pk}


MATRIX = [
    Case("survey_results:campaign", ON_A, kwargs=campaign_of_a),
    Case("survey_results:responses", ON_A, kwargs=campaign_of_a),
    Case("survey_results:pdf", ON_A, kwargs=campaign_of_a),
    Case("survey_results:series", ON_A, kwargs=campaign_of_a),
    Case("survey_summary:summary", MEMBER_A_ONLY, kwargs=shared_campaign),
    Case(
        "survey_summary:summary", NOBODY, kwargs=lambda cast: shared_campaign(cast, invited=False)
    ),
    Case("survey_summary:summary", NOBODY, kwargs=lambda cast: shared_campaign(cast, share=False)),
    Case(
        "survey_summary:summary",
        NOBODY,
        kwargs=lambda cast: shared_campaign(cast, status=Status.OPEN),
    ),
]

test_permissions = permission_test(MATRIX)
