"""Permission matrices: for each URL, what each member of the cast gets.

Each `tests/**/test_permissions*.py` module defines `MATRIX`, a list of
`Case`, and `test_permissions = permission_test(MATRIX)`. The consistency test
checks that every named URL of the project appears in some matrix.

Expected outcomes: an HTTP status (200, 403, 404, 405…) or LOGIN (redirect to
the login page) or REDIRECT (any other redirect).
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from tests.cast import ROLES, login

LOGIN = "login"
REDIRECT = "redirect"


@dataclass
class Case:
    url_name: str
    expect: dict
    kwargs: object = field(default_factory=dict)  # dict, or function(cast) -> dict
    method: str = "get"
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        missing = set(ROLES) - set(self.expect)
        assert not missing, f"{self.url_name}: no expectation for {sorted(missing)}"

    def url(self, cast):
        kwargs = self.kwargs(cast) if callable(self.kwargs) else self.kwargs
        return reverse(self.url_name, kwargs=kwargs)


def everyone(status, **overrides):
    """The same outcome for every role, except `overrides`."""
    return {role: overrides.get(role, status) for role in ROLES}


def check(client, cast, case, role):
    user = cast.user(role)
    if user is not None:
        login(client, user)
    url = case.url(cast)
    response = getattr(client, case.method)(url, case.data)
    expected = case.expect[role]
    if expected == LOGIN:
        assert response.status_code == 302, (url, role, response.status_code)
        assert response["Location"].startswith(reverse("accounts:login")), response["Location"]
    elif expected == REDIRECT:
        assert response.status_code == 302, (url, role, response.status_code)
        assert not response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected, (url, role, response.status_code)


def permission_test(matrix):
    params = [
        pytest.param(case, role, id=f"{case.url_name}-{case.method}-{role}")
        for case in matrix
        for role in ROLES
    ]

    @pytest.mark.parametrize(("case", "role"), params)
    def test_permissions(client, cast, case, role):
        check(client, cast, case, role)

    return test_permissions
