"""Who may open each tender screen: the acting cluster's staff only; another
cluster's tenders answer 404 to its staff."""

from ancrage.organisations.models import Membership
from ancrage.tenders.factories import CandidateFactory, RequirementFactory, TenderFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_POST = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT)
ON_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
ACTION_ON_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)


def tender_of_a(cast):
    return {"pk": TenderFactory(cluster=cast.cluster_a).pk}


def requirement_of_a(cast):
    requirement = RequirementFactory(tender__cluster=cast.cluster_a)
    return {"pk": requirement.tender_id, "requirement_pk": requirement.pk}


def candidate_of_a(cast):
    membership = Membership.objects.get(cluster=cast.cluster_a)
    candidate = CandidateFactory(tender__cluster=cast.cluster_a, membership=membership)
    return {"pk": candidate.tender_id, "candidate_pk": candidate.pk}


TENDER_FORM = {"title": "Coques en composite", "kind": "call", "departments_text": "56"}

MATRIX = [
    Case("tenders:list", STAFF),
    Case("tenders:create", STAFF),
    Case("tenders:create", STAFF_POST, method="post", data=TENDER_FORM),
    Case("tenders:detail", ON_A, kwargs=tender_of_a),
    Case("tenders:edit", ON_A, kwargs=tender_of_a),
    Case("tenders:edit", ACTION_ON_A, kwargs=tender_of_a, method="post", data=TENDER_FORM),
    Case("tenders:delete", ON_A, kwargs=tender_of_a),
    Case("tenders:delete", ACTION_ON_A, kwargs=tender_of_a, method="post"),
    Case(
        "tenders:outcome", ACTION_ON_A, kwargs=tender_of_a, method="post", data={"outcome": "won"}
    ),
    Case("tenders:outcome", NOT_GET, kwargs=tender_of_a),
    Case(
        "tenders:requirement_add",
        everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404),
        kwargs=tender_of_a,
        method="post",
        data={"importance": "must"},
    ),
    Case("tenders:requirement_add", NOT_GET, kwargs=tender_of_a),
    Case("tenders:requirement_remove", ACTION_ON_A, kwargs=requirement_of_a, method="post"),
    Case("tenders:requirement_remove", NOT_GET, kwargs=requirement_of_a),
    Case("tenders:matching", ON_A, kwargs=tender_of_a),
    Case("tenders:candidate_add", NOT_GET, kwargs=tender_of_a),
    Case(
        "tenders:candidate_update",
        ACTION_ON_A,
        kwargs=candidate_of_a,
        method="post",
        data={"status": "contacted"},
    ),
    Case("tenders:candidate_update", NOT_GET, kwargs=candidate_of_a),
    Case("tenders:constraint", NOT_GET, kwargs=tender_of_a),
    Case("tenders:consortia", ON_A, kwargs=tender_of_a),
    Case("tenders:propose", NOT_GET, kwargs=tender_of_a),
]

test_permissions = permission_test(MATRIX)

# The actions that name a member (add to the follow-up, lock or exclude,
# propose a consortium) are checked role by role in test_views.py.
