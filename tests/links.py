"""Links found in emails, read the way the person who receives them would."""

import re

from ancrage.accounts.invitations import find_invitation

INVITATION_LINK = re.compile(r"/compte/invitation/([^/\s]+)/")


def invitation_in(body):
    """The invitation the email's link opens. Tokens are signed with the time
    of signing, so a link cannot be compared with a token signed again."""
    match = INVITATION_LINK.search(body)
    return find_invitation(match.group(1)) if match else None
