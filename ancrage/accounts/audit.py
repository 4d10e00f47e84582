"""The audit log helper. Call `record()` for every login, every sensitive
change and every access to personal or confidential data."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ancrage.accounts.models import AuditEntry


def client_ip(request):
    """The client's address. Behind ANCRAGE_TRUSTED_PROXIES reverse proxies,
    the address the outermost of them saw: the N-th X-Forwarded-For entry from
    the right, which a client cannot forge (it can only prepend entries)."""
    proxies = settings.ANCRAGE_TRUSTED_PROXIES
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [hop for hop in forwarded if hop]
    if proxies and len(forwarded) >= proxies:
        address = _ip_or_none(forwarded[-proxies])
        if address:
            return address
    return _ip_or_none(request.META.get("REMOTE_ADDR", ""))


def _ip_or_none(value):
    """`value` as an IP address, or None (a Unix socket, garbage…)."""
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def record(request, action, obj=None, *, cluster=None, actor=None, actor_email="", **details):
    """Write one audit entry. `request` may be None (tasks, commands).

    `cluster` is the tenant the action concerns: the entry then shows in that
    cluster's audit log. Personal events (logins, passwords, MFA) name none,
    whatever space the person is in."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    return AuditEntry.objects.create(
        actor=actor,
        actor_email=_without_nul(actor.email if actor else actor_email)[:254],
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=_without_nul(str(obj))[:200] if obj is not None else "",
        cluster_id=cluster.pk if cluster is not None else None,
        ip_address=client_ip(request) if request is not None else None,
        user_agent=_without_nul(request.META.get("HTTP_USER_AGENT", ""))[:300]
        if request is not None
        else "",
        details=_without_nul(details),
    )


def _without_nul(value):
    """`value` with the NUL characters of its strings removed, recursively:
    PostgreSQL stores none in text or JSONB, and a crafted request must not
    turn its audit into an error."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_nul(item) for item in value]
    return value


def purge_expired(now=None):
    """Delete entries older than the retention period; return how many."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.ANCRAGE_AUDIT_RETENTION_DAYS)
    deleted, _ = AuditEntry.objects.filter(created_at__lt=limit).delete()
    return deleted
