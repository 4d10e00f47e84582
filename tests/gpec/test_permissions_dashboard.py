"""Who may open the GPEC dashboards and download their workbooks: the
acting cluster's staff for the cluster's (each sees its own cluster's
members only); the platform's administrators for a network's, which nobody
of the cast is."""

from tests.permissions import LOGIN, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_POST = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)
PLATFORM = everyone(403, anonymous=LOGIN)

MATRIX = [
    Case("gpec_dashboard:dashboard", STAFF),
    Case("gpec_dashboard:dashboard", STAFF_POST, method="post"),
    Case("gpec_dashboard:export", STAFF),
    Case("gpec_dashboard:export", STAFF_POST, method="post"),
    Case("network_gpec:dashboard", PLATFORM),
    Case("network_gpec:dashboard", PLATFORM, method="post"),
    Case("network_gpec:export", PLATFORM),
]

test_permissions = permission_test(MATRIX)
