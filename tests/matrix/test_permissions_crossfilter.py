"""Who reaches the cross-filter, its export, the coverage view, the targeted
mailing and the network-wide cross-filter. Each cluster's staff reach their
own cluster's screens (they see only their members: tests/matrix/test_crossfilter.py
checks that cluster A's values give nothing to cluster B's staff); the
network screen is the platform administrators' (tests/matrix/test_crossfilter_network.py)."""

from tests.permissions import LOGIN, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)

MATRIX = [
    Case("matrix:crossfilter", STAFF),
    Case("matrix:crossfilter", STAFF, data={"market": "naval", "skill": "1", "q": "é"}),
    Case("matrix:crossfilter", STAFF_NOT_GET, method="post"),
    Case("matrix:export", STAFF),
    Case("matrix:export", STAFF_NOT_GET, method="post"),
    Case("matrix:coverage", STAFF),
    Case("matrix:coverage", STAFF_NOT_GET, method="post"),
    Case("matrix:mailing", STAFF),
    # An empty form: answered with the page and its errors, nothing sent.
    Case("matrix:mailing", STAFF, method="post", data={"subject": ""}),
    Case("network_matrix:crossfilter", everyone(403, anonymous=LOGIN)),
    Case("network_matrix:crossfilter", everyone(403, anonymous=LOGIN), method="post"),
]

test_permissions = permission_test(MATRIX)
