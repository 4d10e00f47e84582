"""Who reaches the matrix profile screens: the acting cluster's staff for
its members' profiles and the proposals (another cluster's answer 404), an
organisation's users for its own profiles (a cluster it does not belong to
answers 404); nobody else."""

from ancrage.matrix.factories import ProposalFactory
from ancrage.matrix.profiles import profile_for
from tests.matrix.profile_fixtures import membership_of_a
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
ACT_OF_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)
MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_ACTS = everyone(403, anonymous=LOGIN, member_a=REDIRECT)
MEMBER_NOT_GET = everyone(403, anonymous=LOGIN, member_a=405)
NOT_A_MEMBER = everyone(403, anonymous=LOGIN, member_a=404)


def organisation_of_a(cast):
    return {"pk": membership_of_a(cast).organisation_id}


def proposal_of_a(cast):
    return {"pk": ProposalFactory(profile=profile_for(membership_of_a(cast))).pk}


ALPHA = {"slug": "alpha"}
BETA = {"slug": "beta"}

MATRIX = [
    Case("matrix_profile:staff_edit", STAFF_OF_A, kwargs=organisation_of_a),
    Case(
        "matrix_profile:staff_edit",
        STAFF_OF_A,
        kwargs=organisation_of_a,
        method="post",
        data={"occupation": ""},
    ),
    Case("matrix_profile:staff_submit", ACT_OF_A, kwargs=organisation_of_a, method="post"),
    Case(
        "matrix_profile:staff_submit",
        {**STAFF_NOT_GET, "staff_b": 405},
        kwargs=organisation_of_a,
    ),
    Case("matrix_profile:proposal_list", STAFF),
    Case("matrix_profile:proposal_list", STAFF_NOT_GET, method="post"),
    Case("matrix_profile:proposal_detail", STAFF_OF_A, kwargs=proposal_of_a),
    Case(
        "matrix_profile:proposal_decide",
        ACT_OF_A,
        kwargs=proposal_of_a,
        method="post",
        data={"decision": "refuse", "refuse-note": "Non."},
    ),
    Case("matrix_profile:proposal_decide", STAFF_NOT_GET, kwargs=proposal_of_a),
    Case("matrix_profile:member_list", MEMBER),
    Case("matrix_profile:member_list", MEMBER_NOT_GET, method="post"),
    Case("matrix_profile:member_detail", MEMBER, kwargs=ALPHA),
    Case("matrix_profile:member_detail", NOT_A_MEMBER, kwargs=BETA),
    Case("matrix_profile:member_validate", MEMBER_ACTS, kwargs=ALPHA, method="post"),
    Case("matrix_profile:member_validate", NOT_A_MEMBER, kwargs=BETA, method="post"),
    Case("matrix_profile:member_validate", MEMBER_NOT_GET, kwargs=ALPHA),
    Case(
        "matrix_profile:member_send_back",
        MEMBER_ACTS,
        kwargs=ALPHA,
        method="post",
        data={"note": "À revoir"},
    ),
    Case("matrix_profile:member_send_back", NOT_A_MEMBER, kwargs=BETA, method="post"),
    Case("matrix_profile:member_propose", MEMBER, kwargs=ALPHA),
    Case("matrix_profile:member_propose", NOT_A_MEMBER, kwargs=BETA),
    Case(
        "matrix_profile:member_propose",
        MEMBER,
        kwargs=ALPHA,
        method="post",
        data={"occupation": ""},
    ),
    Case("matrix_profile:member_suggestions", MEMBER, kwargs=ALPHA, data={"q": "usin"}),
    Case("matrix_profile:member_suggestions", NOT_A_MEMBER, kwargs=BETA, data={"q": "usin"}),
]

test_permissions = permission_test(MATRIX)
