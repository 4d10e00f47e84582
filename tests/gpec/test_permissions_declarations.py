"""Who may open each GPEC declaration screen: the organisation's users for
the clusters it is an active member of (another cluster answers 404); the
acting cluster's staff for its active members (another cluster's member
answers 404) and for the list of their declarations."""

from ancrage.clusters.factories import ClusterFactory
from ancrage.gpec.factories import DeclarationFactory
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Organisation
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_404 = everyone(403, anonymous=LOGIN, member_a=404)
STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)


def member_a(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def own_cluster(cast):
    return {"cluster_pk": cast.cluster_a.pk}


def own_cluster_declared(cast):
    DeclarationFactory(cluster=cast.cluster_a, organisation=member_a(cast))
    return {"cluster_pk": cast.cluster_a.pk}


def other_cluster(cast):
    return {"cluster_pk": ClusterFactory().pk}


def organisation_of_a(cast):
    return {"organisation_pk": member_a(cast).pk}


def organisation_of_a_declared(cast):
    DeclarationFactory(cluster=cast.cluster_a, organisation=member_a(cast))
    return organisation_of_a(cast)


def organisation_of_b(cast):
    return {"organisation_pk": MembershipFactory(cluster=cast.cluster_b).organisation_id}


MATRIX = [
    Case("gpec_declarations:mine", MEMBER),
    Case("gpec_declarations:declare", MEMBER, kwargs=own_cluster),
    Case("gpec_declarations:declare", MEMBER_404, kwargs=other_cluster),
    Case(
        "gpec_declarations:declare",
        MEMBER,
        kwargs=own_cluster,
        method="post",
        data={"add_occupation": "1"},
    ),
    Case(
        "gpec_declarations:unchanged",
        everyone(403, anonymous=LOGIN, member_a=REDIRECT),
        kwargs=own_cluster_declared,
        method="post",
    ),
    Case("gpec_declarations:unchanged", MEMBER_404, kwargs=other_cluster, method="post"),
    Case(
        "gpec_declarations:unchanged",
        everyone(403, anonymous=LOGIN, member_a=405),
        kwargs=own_cluster,
    ),
    Case("gpec_declarations:history", STAFF_OF_A, kwargs=organisation_of_a),
    Case(
        "gpec_declarations:history",
        everyone(403, anonymous=LOGIN, staff_a=404, staff_b=200),
        kwargs=organisation_of_b,
    ),
    Case("gpec_declarations:declare_on_behalf", STAFF_OF_A, kwargs=organisation_of_a),
    Case(
        "gpec_declarations:declare_on_behalf",
        everyone(403, anonymous=LOGIN, staff_a=404, staff_b=200),
        kwargs=organisation_of_b,
    ),
    Case("gpec_declarations:list", STAFF),
    Case("gpec_declarations:list", STAFF, data={"format": "xlsx", "etat": "jamais"}),
    Case("gpec_declarations:list", STAFF, data={"etat": "n'importe quoi", "page": "x"}),
    Case(
        "gpec_declarations:unchanged_on_behalf",
        everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404),
        kwargs=organisation_of_a_declared,
        method="post",
    ),
    Case(
        "gpec_declarations:unchanged_on_behalf",
        everyone(403, anonymous=LOGIN, staff_a=404, staff_b=REDIRECT),
        kwargs=organisation_of_b,
        method="post",
    ),
    Case(
        "gpec_declarations:unchanged_on_behalf",
        everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405),
        kwargs=organisation_of_a,
    ),
]

test_permissions = permission_test(MATRIX)
