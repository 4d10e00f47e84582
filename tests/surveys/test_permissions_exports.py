"""Who reaches the exports and the invitee import of a campaign of cluster A:
its staff only; cluster B's staff get 404."""

from ancrage.surveys.factories import CampaignFactory
from tests.permissions import LOGIN, Case, everyone, permission_test

STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
# An empty upload form comes back with its error (nothing imported).
POST_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)


def campaign_of_a(cast):
    return {"pk": CampaignFactory(cluster=cast.cluster_a).pk}


MATRIX = [
    Case("survey_exports:raw", STAFF_OF_A, campaign_of_a),
    Case("survey_exports:anonymised", STAFF_OF_A, campaign_of_a),
    Case("survey_exports:invitee_template", STAFF_OF_A, campaign_of_a),
    Case("survey_exports:import_invitees", STAFF_OF_A, campaign_of_a),
    Case("survey_exports:import_invitees", POST_OF_A, campaign_of_a, method="post"),
]

test_permissions = permission_test(MATRIX)
