from tests.permissions import Case, everyone, permission_test

MATRIX = [
    Case("territory:commune_autocomplete", everyone(200), data={"q": "lorient"}),
    Case("territory:commune_autocomplete", everyone(405), method="post", data={"q": "lorient"}),
]

test_permissions = permission_test(MATRIX)
