"""The public search and its feed are the same for everyone; saved searches
belong to candidates (others: 403, anonymous visitors: the login page), and
each candidate reaches only their own (404 otherwise)."""

from ancrage.jobs.factories import SavedSearchFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test


def own(cast):
    return {"pk": SavedSearchFactory(user=cast.candidate).pk}


def someone_elses(cast):
    return {"pk": SavedSearchFactory().pk}


def candidates_only(status):
    return everyone(403, anonymous=LOGIN, candidate=status)


MATRIX = [
    Case("jobs_search:search", everyone(200)),
    Case("jobs_search:search", everyone(200), data={"q": "soudeur", "radius": "-5"}),
    Case("jobs_search:search", everyone(405), method="post"),
    Case("jobs_search:feed", everyone(200)),
    Case("jobs_search:feed", everyone(200), data={"radius": "100000"}),
    Case("jobs_search:feed", everyone(405), method="post"),
    Case("jobs_alerts:list", candidates_only(200)),
    Case("jobs_alerts:list", candidates_only(405), method="post"),
    Case("jobs_alerts:create", candidates_only(200), data={"q": "soudeur"}),
    Case(
        "jobs_alerts:create",
        candidates_only(REDIRECT),
        method="post",
        data={"q": "soudeur", "name": "Soudeur", "frequency": "quotidienne"},
    ),
    Case("jobs_alerts:edit", candidates_only(200), kwargs=own),
    Case(
        "jobs_alerts:edit",
        candidates_only(REDIRECT),
        kwargs=own,
        method="post",
        data={"name": "Soudeur", "frequency": "jamais"},
    ),
    Case("jobs_alerts:edit", candidates_only(404), kwargs=someone_elses),
    Case("jobs_alerts:delete", candidates_only(200), kwargs=own),
    Case("jobs_alerts:delete", candidates_only(REDIRECT), kwargs=own, method="post"),
    Case("jobs_alerts:delete", candidates_only(404), kwargs=someone_elses, method="post"),
]

test_permissions = permission_test(MATRIX)
