from django.core.files.base import ContentFile

from ancrage.clusters.factories import ClusterStaffFactory, StaffInvitationFactory
from ancrage.clusters.models import ClusterStaff
from tests.clusters.images import image_bytes
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

# Staff screens: both cast staff are admins of their own cluster.
STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
# An object of cluster A: its admin acts, cluster B's admin gets 404.
ACTION_ON_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)


def invitation_of_a(cast):
    return {"pk": StaffInvitationFactory(cluster=cast.cluster_a, invited_by=cast.staff_a).pk}


def officer_of_a(cast):
    return {"pk": ClusterStaffFactory(cluster=cast.cluster_a).pk}


def admin_membership_of_a(cast):
    return {"pk": ClusterStaff.objects.get(cluster=cast.cluster_a, user=cast.staff_a).pk}


def logo_of_a(cast):
    cast.cluster_a.logo.save("alpha.png", ContentFile(image_bytes()))
    return {"slug": cast.cluster_a.slug}


MATRIX = [
    Case("cluster:profile", STAFF),
    Case("cluster:profile_edit", STAFF),
    Case("cluster:profile_edit", STAFF, method="post", data={"name": ""}),
    Case("cluster:staff", STAFF),
    Case("cluster:invite", STAFF, method="post", data={"email": "pas-une-adresse"}),
    Case("cluster:invite", NOT_GET),
    Case("cluster:invitation_resend", ACTION_ON_A, kwargs=invitation_of_a, method="post"),
    Case("cluster:invitation_revoke", ACTION_ON_A, kwargs=invitation_of_a, method="post"),
    Case(
        "cluster:member_role",
        ACTION_ON_A,
        kwargs=officer_of_a,
        method="post",
        data={"role": "admin"},
    ),
    Case("cluster:member_remove", {**ACTION_ON_A, "staff_a": 200}, kwargs=officer_of_a),
    Case("cluster:member_remove", ACTION_ON_A, kwargs=officer_of_a, method="post"),
    Case("cluster:member_remove", ACTION_ON_A, kwargs=admin_membership_of_a, method="post"),
    Case("cluster:audit", STAFF),
    Case("clusters:public_list", everyone(200)),
    Case("clusters:public_list", everyone(405), method="post"),
    Case("clusters:public_detail", everyone(200), kwargs={"slug": "alpha"}),
    Case("clusters:public_detail", everyone(404), kwargs={"slug": "inconnu"}),
    Case("clusters:logo", everyone(200), kwargs=logo_of_a),
    Case("clusters:logo", everyone(404), kwargs={"slug": "alpha"}),
]

test_permissions = permission_test(MATRIX)
