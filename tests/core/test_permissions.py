from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

MATRIX = [
    Case("core:home", everyone(200)),
    Case("core:switch_context", everyone(REDIRECT, anonymous=LOGIN), method="post"),
    Case("core:legal_notice", everyone(200)),
    Case("core:privacy", everyone(200)),
    Case("core:accessibility", everyone(200)),
    Case("core:healthz", everyone(200)),
]

test_permissions = permission_test(MATRIX)
