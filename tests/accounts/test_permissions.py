from ancrage.clusters.factories import StaffInvitationFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

PRIVILEGED = ("staff_a", "staff_b", "authority")


def privileged(status, others, anonymous=LOGIN):
    """`status` for privileged users (MFA verified), `others` for the rest."""
    expect = everyone(others, anonymous=anonymous)
    expect.update(dict.fromkeys(PRIVILEGED, status))
    return expect


def new_invitation(cast):
    invitation = StaffInvitationFactory(cluster=cast.cluster_a, email="nouvelle@exemple.fr")
    return {"token": invitation.token}


MATRIX = [
    Case("accounts:login", everyone(REDIRECT, anonymous=200)),
    Case("accounts:logout", everyone(REDIRECT, anonymous=LOGIN), method="post"),
    Case("accounts:logout", everyone(405, anonymous=LOGIN)),
    Case("accounts:account", everyone(200, anonymous=LOGIN)),
    Case("accounts:account", everyone(200, anonymous=LOGIN), method="post"),
    Case("accounts:change_email", everyone(200, anonymous=LOGIN), method="post"),
    Case("accounts:change_email", everyone(405, anonymous=LOGIN)),
    Case("accounts:change_password", everyone(200, anonymous=LOGIN), method="post"),
    Case("accounts:verify_email", everyone(404), kwargs={"token": "pas-un-jeton"}),
    Case("accounts:mfa_verify", privileged(REDIRECT, 403)),
    Case("accounts:mfa_setup", privileged(REDIRECT, 403)),
    Case("accounts:mfa_backup_codes", everyone(REDIRECT, anonymous=LOGIN)),
    Case("accounts:mfa_regenerate_backup_codes", privileged(200, 403), method="post"),
    Case("accounts:mfa_regenerate_backup_codes", everyone(405, anonymous=LOGIN)),
    # An invitation to a new address: the sign-up form for a visitor; anyone
    # logged in is told the invitation is for another address.
    Case("accounts:invitation", everyone(403, anonymous=200), kwargs=new_invitation),
    Case("accounts:invitation", everyone(404), kwargs={"token": "pas-un-jeton"}),
    Case("accounts:password_reset", everyone(200)),
    Case("accounts:password_reset_done", everyone(200)),
    Case(
        "accounts:password_reset_confirm",
        everyone(200),
        kwargs={"uidb64": "MQ", "token": "faux-jeton"},
    ),
    Case("accounts:password_reset_complete", everyone(200)),
]

test_permissions = permission_test(MATRIX)
