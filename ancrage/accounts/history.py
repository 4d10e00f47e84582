"""The latest logins of an account, as shown on the account page."""

import re

from django.db.models import Q
from django.utils.translation import gettext as _

from ancrage.accounts.models import AuditEntry

BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome")]
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe_user_agent(user_agent):
    """'Firefox sur Linux' from a User-Agent header; the header itself when unknown."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    if not browser and re.search(r"Version/[\d.]+.*Safari/", user_agent):
        browser = "Safari"
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    if browser and system:
        return _("%(browser)s sur %(system)s") % {"browser": browser, "system": system}
    return browser or system or user_agent[:60] or _("inconnu")


def recent_logins(user, limit=10):
    """The `limit` latest successful and failed logins of `user`'s account."""
    entries = AuditEntry.objects.filter(
        Q(action=AuditEntry.Action.LOGIN, actor=user)
        | Q(action=AuditEntry.Action.LOGIN_FAILED, actor_email=user.email)
    ).order_by("-created_at", "-id")[:limit]
    return [
        {
            "at": entry.created_at,
            "success": entry.action == AuditEntry.Action.LOGIN,
            "ip": entry.ip_address or "",
            "browser": describe_user_agent(entry.user_agent),
        }
        for entry in entries
    ]
