from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry


def test_purge_keeps_one_year(db, capsys):
    old = audit.record(None, AuditEntry.Action.LOGIN_FAILED, actor_email="a@exemple.fr")
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=366))
    recent = audit.record(None, AuditEntry.Action.LOGIN_FAILED, actor_email="b@exemple.fr")
    call_command("purge_audit_log")
    assert list(AuditEntry.objects.all()) == [recent]
    assert "1 entrée(s) du journal d'audit supprimée(s)" in capsys.readouterr().out
