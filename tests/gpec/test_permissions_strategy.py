"""Who may open the strategy screens: the acting cluster's staff (each
cluster's staff its own strategy and plan); another cluster's action
answers 404; everyone else is refused."""

from ancrage.gpec.factories import ActionFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)


def action_of_a(cast):
    return {"pk": ActionFactory(cluster=cast.cluster_a).pk}


NEW_ACTION = {
    "title": "Jobdating usinage",
    "lever": "recruit",
    "owner": "Chargée de mission",
    "status": "planned",
    "indicateurs-TOTAL_FORMS": "0",
    "indicateurs-INITIAL_FORMS": "0",
}

MATRIX = [
    Case("gpec_strategy:page", STAFF),
    Case("gpec_strategy:export", STAFF),
    Case("gpec_strategy:pdf", STAFF),
    Case(
        "gpec_strategy:pdf", everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405), method="post"
    ),
    Case("gpec_strategy:actions", STAFF),
    Case("gpec_strategy:action_new", STAFF),
    Case(
        "gpec_strategy:action_new",
        everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT),
        method="post",
        data=NEW_ACTION,
    ),
    Case("gpec_strategy:action_edit", STAFF_OF_A, kwargs=action_of_a),
    Case(
        "gpec_strategy:action_edit",
        everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404),
        kwargs=action_of_a,
        method="post",
        data=NEW_ACTION,
    ),
    Case("gpec_strategy:action_delete", STAFF_OF_A, kwargs=action_of_a),
    Case(
        "gpec_strategy:action_delete",
        everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404),
        kwargs=action_of_a,
        method="post",
    ),
]

test_permissions = permission_test(MATRIX)
