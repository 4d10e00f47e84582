"""Who may open the training needs view and its export: the acting
cluster's staff only (each sees its own cluster's needs)."""

from tests.permissions import LOGIN, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)

MATRIX = [
    Case("gpec_training:list", STAFF),
    Case(
        "gpec_training:list",
        everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405),
        method="post",
    ),
    Case("gpec_training:export", STAFF),
    Case("gpec_training:export", STAFF, data={"format": "csv"}),
]

test_permissions = permission_test(MATRIX)
