"""The GPEC assumptions screen: defaults shown, saved and audited, back to
the defaults, read-only for staff who are not administrators, bad input
explained and kept."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.gpec import assumptions
from ancrage.gpec.models import Assumptions
from tests.cast import login
from tests.gpec.test_permissions_assumptions import VALID

pytestmark = pytest.mark.django_db
URL = reverse("gpec_assumptions:edit")


def test_defaults_are_shown_as_percentages(client, cast):
    response = login(client, cast.staff_a).get(URL)
    form = response.context["form"]
    assert form["retire_60_plus_1y"].value() == Decimal("30")
    assert form["retire_55_59_1y"].value() == Decimal("2")
    assert form["freshness_months"].value() == 36
    assert "Valeur par défaut : 80 %" in response.text
    assert "Le cluster utilise les valeurs par défaut." in response.text


def test_an_admin_saves_them_audited(client, cast):
    response = login(client, cast.staff_a).post(URL, VALID)
    assert response.status_code == 302
    saved = assumptions.for_cluster(cast.cluster_a)
    assert saved.retire_60_plus_1y == Decimal("0.25")
    assert saved.retire_60_plus_3y == Decimal("0.75")
    assert saved.freshness_months == 24
    assert saved.updated_by == cast.staff_a
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["before"]["retire_60_plus_1y"] == "0.300"
    assert entry.details["after"]["freshness_months"] == 24
    # Cluster B keeps the defaults.
    assert assumptions.for_cluster(cast.cluster_b).pk is None


def test_back_to_the_defaults(client, cast):
    login(client, cast.staff_a).post(URL, VALID)
    client.post(reverse("gpec_assumptions:reset"))
    assert not Assumptions.objects.exists()
    assert assumptions.for_cluster(cast.cluster_a).retire_60_plus_1y == Decimal("0.300")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).count() == 2


def test_bad_input_is_explained_and_kept(client, cast):
    data = VALID | {"retire_60_plus_3y": "20", "retire_55_59_1y": "-1", "freshness_months": "3"}
    response = login(client, cast.staff_a).post(URL, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "ne peut pas être inférieure à la part à 1 an (25 %)" in errors["retire_60_plus_3y"][0]
    assert errors["retire_55_59_1y"] == ["Un pourcentage ne peut pas être négatif."]
    assert errors["freshness_months"] == ["Au moins 6 mois."]
    assert 'value="20"' in response.text and 'value="-1"' in response.text
    assert not Assumptions.objects.exists()


def test_staff_who_are_not_admins_only_read(client, cast):
    officer = ClusterStaffFactory(cluster=cast.cluster_a).user
    response = login(client, officer).get(URL)
    assert response.status_code == 200
    assert response.context["form"]["freshness_months"].field.disabled
    assert "Seuls les administrateurs du cluster" in response.text
    assert client.post(URL, VALID).status_code == 403
    assert client.post(reverse("gpec_assumptions:reset")).status_code == 403
    assert not Assumptions.objects.exists()
