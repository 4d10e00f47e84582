"""Who reaches the campaign pages and actions: the staff of the campaign's
cluster; another cluster's staff get 404; everyone else 403 (or the login
page). Posted actions on a campaign that cannot take them answer with a
message, never a 500."""

from ancrage.surveys.factories import CampaignFactory, InviteeFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)
OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
ACT_OF_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
NOT_GET_OF_A = STAFF_NOT_GET


def campaign_of_a(cast):
    return {"pk": CampaignFactory(cluster=cast.cluster_a).pk}


def invitee_of_a(cast):
    invitee = InviteeFactory(campaign__cluster=cast.cluster_a)
    return {"pk": invitee.campaign_id, "invitee_pk": invitee.pk}


MATRIX = [
    Case("campaigns:list", STAFF),
    Case("campaigns:list", STAFF_NOT_GET, method="post"),
    Case("campaigns:create", STAFF),
    # An empty form comes back with its errors.
    Case("campaigns:create", STAFF, method="post", data={"title": ""}),
    Case("campaigns:audience_count", STAFF, data={"audience": "selection", "size": "pme"}),
    Case("campaigns:audience_count", STAFF_NOT_GET, method="post"),
    Case("campaigns:detail", OF_A, campaign_of_a),
    Case("campaigns:detail", NOT_GET_OF_A, campaign_of_a, method="post"),
    Case("campaigns:progress", OF_A, campaign_of_a),
    Case("campaigns:edit", OF_A, campaign_of_a),
    Case("campaigns:edit", OF_A, campaign_of_a, method="post", data={"title": ""}),
    Case("campaigns:audience", OF_A, campaign_of_a),
    Case("campaigns:audience", OF_A, campaign_of_a, method="post", data={"email": "x"}),
    Case("campaigns:remove_invitee", ACT_OF_A, invitee_of_a, method="post"),
    Case("campaigns:remove_invitee", NOT_GET_OF_A, invitee_of_a),
    Case("campaigns:launch", ACT_OF_A, campaign_of_a, method="post"),
    Case("campaigns:launch", NOT_GET_OF_A, campaign_of_a),
    Case("campaigns:remind", ACT_OF_A, campaign_of_a, method="post"),
    Case("campaigns:remind", NOT_GET_OF_A, campaign_of_a),
    Case("campaigns:close", ACT_OF_A, campaign_of_a, method="post"),
    Case("campaigns:close", NOT_GET_OF_A, campaign_of_a),
    # Without a date: the follow-up page again, with the error.
    Case("campaigns:extend", OF_A, campaign_of_a, method="post"),
    Case("campaigns:extend", NOT_GET_OF_A, campaign_of_a),
    Case("campaigns:reopen", OF_A, campaign_of_a, method="post"),
    Case("campaigns:reopen", NOT_GET_OF_A, campaign_of_a),
    Case("campaigns:next_wave", ACT_OF_A, campaign_of_a, method="post"),
    Case("campaigns:next_wave", NOT_GET_OF_A, campaign_of_a),
]

test_permissions = permission_test(MATRIX)
