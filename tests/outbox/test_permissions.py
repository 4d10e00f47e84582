from ancrage.outbox.models import OutgoingEmail
from tests.permissions import LOGIN, Case, everyone, permission_test

# Platform administrators only: nobody in the standard cast is one (see
# test_outbox.py for what an administrator gets).
ADMINS_ONLY = everyone(403, anonymous=LOGIN)


def email(cast):
    return {"pk": OutgoingEmail.objects.create(to="x@exemple.fr", subject="S", body_text="B").pk}


MATRIX = [
    Case("outbox:list", ADMINS_ONLY),
    Case("outbox:detail", ADMINS_ONLY, kwargs=email),
    Case("outbox:resend", ADMINS_ONLY, kwargs=email, method="post"),
]

test_permissions = permission_test(MATRIX)
