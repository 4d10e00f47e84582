from tests.permissions import Case, everyone, permission_test

MATRIX = [
    Case("api:api-root", everyone(200)),
    Case("api:cluster-list", everyone(200)),
    Case("api:cluster-list", everyone(400), data={"kind": "inconnu"}),
    Case("api:cluster-list", everyone(405), method="post"),
    Case("api:cluster-detail", everyone(200), kwargs={"slug": "alpha"}),
    Case("api:cluster-detail", everyone(404), kwargs={"slug": "inconnu"}),
    Case("api-schema", everyone(200)),
    Case("api-docs", everyone(200)),
]

test_permissions = permission_test(MATRIX)
