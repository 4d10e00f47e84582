from ancrage.accounts.models import AuditEntry
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

# Any staff of the acting cluster imports its members; nobody else.
STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
NOT_ALLOWED = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)


def import_of_a(cast):
    entry = AuditEntry.objects.create(
        action=AuditEntry.Action.MEMBERS_IMPORTED,
        cluster_id=cast.cluster_a.pk,
        actor=cast.staff_a,
        actor_email=cast.staff_a.email,
        details={
            "file": "a.xlsx",
            "created": 1,
            "updated": 0,
            "unchanged": 0,
            "skipped": [],
            "added": [],
        },
    )
    return {"pk": entry.pk}


MATRIX = [
    Case("member_import:upload", STAFF),
    # Without a file, the form comes back with its error.
    Case("member_import:upload", STAFF, method="post"),
    Case("member_import:upload", NOT_ALLOWED, method="put"),
    Case("member_import:confirm", NOT_ALLOWED),
    # A token that is not ours: back to the upload page.
    Case(
        "member_import:confirm",
        everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT),
        method="post",
        data={"token": "faux", "mode": "all"},
    ),
    Case(
        "member_import:result",
        everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404),
        kwargs=import_of_a,
    ),
    # A token that is not ours: back to the upload page.
    Case(
        "member_import:errors",
        everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT),
        data={"token": "faux"},
    ),
    Case("member_import:errors", NOT_ALLOWED, method="post"),
    Case("member_import:result", NOT_ALLOWED, kwargs=import_of_a, method="post"),
    Case("member_import:template", STAFF, kwargs={"fmt": "xlsx"}),
    Case("member_import:template", STAFF, kwargs={"fmt": "csv"}),
]

test_permissions = permission_test(MATRIX)
