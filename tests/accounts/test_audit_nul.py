"""PostgreSQL stores no NUL character in text or JSONB: the audit log strips
them, and the member export (which audits its filters) never answers 500."""

from django.test import RequestFactory
from django.urls import reverse

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from tests.cast import login


def test_record_strips_nul_from_details_and_user_agent(cast):
    request = RequestFactory().get("/", HTTP_USER_AGENT="Navi\x00gateur")
    request.user = cast.staff_a
    entry = audit.record(
        request,
        AuditEntry.Action.EXPORT,
        cluster=cast.cluster_a,
        what="a\x00b",
        nested={"k\x00ey": ["x\x00", {"deep": "y\x00z"}, 3, None]},
    )
    entry.refresh_from_db()
    assert entry.user_agent == "Navigateur"
    assert entry.details == {"what": "ab", "nested": {"key": ["x", {"deep": "yz"}, 3, None]}}


def test_member_export_with_nul_in_an_ignored_parameter(client, cast):
    login(client, cast.staff_a)
    response = client.get(reverse("members:export"), {"tri": "\x00", "format": "csv"})
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.details["filters"] == {}
    assert entry.details["count"] == 1


def test_member_export_audits_only_known_cleaned_filters(client, cast):
    login(client, cast.staff_a)
    response = client.get(
        reverse("members:export"), {"status": "active", "format": "csv", "autre": "x\x00"}
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.details["filters"] == {"status": "active"}


def test_member_export_with_nul_in_a_filter_is_refused_clearly(client, cast):
    login(client, cast.staff_a)
    response = client.get(reverse("members:export"), {"q": "a\x00", "format": "csv"}, follow=True)
    assert response.status_code == 200
    assert "Corrigez les filtres signalés" in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()
