"""Who may open a member's GPEC page and its download: the organisation's
users for the clusters it is an active member of (another cluster, or one
it has left, answers 404); the acting cluster's staff for its active
members (another cluster's member answers 404)."""

from ancrage.clusters.factories import ClusterFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership, Organisation
from tests.permissions import LOGIN, Case, everyone, permission_test

MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_404 = everyone(403, anonymous=LOGIN, member_a=404)
STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
STAFF_OF_B = everyone(403, anonymous=LOGIN, staff_a=404, staff_b=200)


def member_a(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def own_cluster(cast):
    return {"cluster_pk": cast.cluster_a.pk}


def other_cluster(cast):
    return {"cluster_pk": ClusterFactory().pk}


def former_cluster(cast):
    membership = MembershipFactory(organisation=member_a(cast), status=Membership.Status.FORMER)
    return {"cluster_pk": membership.cluster_id}


def organisation_of_a(cast):
    return {"organisation_pk": member_a(cast).pk}


def organisation_of_b(cast):
    return {"organisation_pk": MembershipFactory(cluster=cast.cluster_b).organisation_id}


MATRIX = [
    Case("gpec_company:mine", MEMBER, kwargs=own_cluster),
    Case("gpec_company:mine", MEMBER_404, kwargs=other_cluster),
    Case("gpec_company:mine", MEMBER_404, kwargs=former_cluster),
    Case(
        "gpec_company:mine",
        everyone(403, anonymous=LOGIN, member_a=405),
        kwargs=own_cluster,
        method="post",
    ),
    Case("gpec_company:mine_export", MEMBER, kwargs=own_cluster),
    Case("gpec_company:mine_export", MEMBER_404, kwargs=other_cluster),
    Case("gpec_company:staff", STAFF_OF_A, kwargs=organisation_of_a),
    Case("gpec_company:staff", STAFF_OF_B, kwargs=organisation_of_b),
    Case("gpec_company:staff_export", STAFF_OF_A, kwargs=organisation_of_a),
    Case("gpec_company:staff_export", STAFF_OF_B, kwargs=organisation_of_b),
]

test_permissions = permission_test(MATRIX)
