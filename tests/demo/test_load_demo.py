from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ancrage.accounts.models import User
from ancrage.clusters.models import Cluster, ClusterStaff, StaffInvitation
from ancrage.demo import data
from ancrage.outbox.models import OutgoingEmail
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory


@pytest.fixture
def seat_communes(db):
    bretagne = RegionFactory(code="53", name="Bretagne")
    department = DepartmentFactory(code="56", name="Morbihan", region=bretagne)
    for _, _, _, code, _ in data.CLUSTERS:
        CommuneFactory(code=code, department=department)


def test_demo_loads_the_fifteen_clusters_with_working_logins(seat_communes, client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Cluster.objects.count() == 15
    neopolia = Cluster.objects.get(slug="neopolia")
    assert neopolia.get_kind_display() == "grappe d'entreprises"
    assert neopolia.seat.code == "44184"
    assert ClusterStaff.objects.filter(role=ClusterStaff.Role.ADMIN).count() == 15
    staff = User.objects.get(email="equipe.neopolia@example.org")
    assert staff.check_password(data.DEMO_PASSWORD)
    assert staff.totpdevice_set.get().key == data.DEMO_TOTP_KEY_HEX
    assert User.objects.get(email="admin@example.org").is_superuser
    assert User.objects.get(email="candidate@example.org").is_candidate
    assert User.objects.get(email="region.bretagne@example.org").is_authority
    officer = User.objects.get(email="charge.mission.ouest@example.org")
    assert sorted(officer.cluster_staff.values_list("cluster__slug", flat=True)) == [
        "bretagne-pole-naval",
        "neopolia",
    ]
    invitation = StaffInvitation.objects.get(email="nouvelle.recrue@example.org")
    assert invitation.cluster == neopolia and invitation.status == "pending"
    email = OutgoingEmail.objects.get(to="nouvelle.recrue@example.org")
    assert invitation.token in email.body_text
    printed = out.getvalue()
    assert "equipe.neopolia@example.org" in printed
    assert data.DEMO_PASSWORD in printed
    assert data.DEMO_TOTP_KEY_BASE32 in printed


def test_demo_is_idempotent(seat_communes):
    call_command("load_demo", stdout=StringIO())
    users = User.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Cluster.objects.count() == 15
    assert User.objects.count() == users
    assert StaffInvitation.objects.count() == 1


def test_demo_needs_the_territory_first(db):
    with pytest.raises(CommandError, match="import-territory"):
        call_command("load_demo", stdout=StringIO())
