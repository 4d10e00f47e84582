"""Who may open the GPEC import screens: the acting cluster's staff for the
declarations import (its own cluster's members only), its admins for the
external supply figures; an import of another cluster answers 404."""

from ancrage.accounts.models import AuditEntry
from ancrage.gpec.importer import AUDIT_WHAT
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_REDIRECT = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT)


def import_of_a(cast):
    entry = AuditEntry.objects.create(
        action=AuditEntry.Action.UPDATE,
        cluster_id=cast.cluster_a.pk,
        actor=cast.staff_a,
        actor_email=cast.staff_a.email,
        details={"what": AUDIT_WHAT, "file": "gpec.xlsx", "declarations": []},
    )
    return {"pk": entry.pk}


MATRIX = [
    Case("gpec_import:declarations", STAFF),
    Case("gpec_import:declarations", STAFF, method="post", data={}),
    Case("gpec_import:template", STAFF),
    Case("gpec_import:confirm", STAFF_REDIRECT, method="post", data={"token": "faux"}),
    Case("gpec_import:confirm", everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)),
    Case("gpec_import:errors", STAFF_REDIRECT, data={"token": "faux"}),
    Case(
        "gpec_import:result",
        everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404),
        kwargs=import_of_a,
    ),
    Case("gpec_import:supply", STAFF),
    Case("gpec_import:supply", STAFF, method="post", data={"label": "Chiffres"}),
]

test_permissions = permission_test(MATRIX)
