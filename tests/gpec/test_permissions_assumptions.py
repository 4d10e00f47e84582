"""Who may open the GPEC assumptions: every staff member of the acting
cluster reads them (its own, whatever the cluster); administrators change
them and go back to the defaults. Non-admin staff: tests/gpec/test_assumptions.py."""

from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

VALID = {
    "retire_60_plus_1y": "25",
    "retire_55_59_1y": "2",
    "retire_60_plus_3y": "75",
    "retire_55_59_3y": "20",
    "freshness_months": "24",
}
STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_REDIRECT = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT)

MATRIX = [
    Case("gpec_assumptions:edit", STAFF),
    Case("gpec_assumptions:edit", STAFF_REDIRECT, method="post", data=VALID),
    Case("gpec_assumptions:reset", STAFF_REDIRECT, method="post"),
    Case("gpec_assumptions:reset", everyone(405, anonymous=LOGIN)),
]

test_permissions = permission_test(MATRIX)
