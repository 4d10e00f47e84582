"""The cluster's administrators set how many key skills a member's matrix
profile may hold (1 to 50); left empty, the limit stays as it is."""

from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from tests.cast import login
from tests.clusters.test_profile import profile_data

EDIT = reverse("cluster:profile_edit")


def test_the_limit_is_set_and_audited(client, cast):
    login(client, cast.staff_a)
    response = client.post(EDIT, profile_data(cast, matrix_max_skills="8"))
    assert response.status_code == 302
    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.matrix_max_skills == 8
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CLUSTER_UPDATED)
    assert entry.details["changed"] == ["matrix_max_skills"]


def test_out_of_range_limits_are_refused_and_kept(client, cast):
    login(client, cast.staff_a)
    for value, message in [("0", "supérieure ou égale à 1"), ("51", "inférieure ou égale à 50")]:
        response = client.post(EDIT, profile_data(cast, matrix_max_skills=value))
        page = response.content.decode()
        assert message in page
        assert f'value="{value}"' in page
    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.matrix_max_skills == 12


def test_left_empty_the_limit_stays(client, cast):
    login(client, cast.staff_a)
    client.post(EDIT, profile_data(cast, matrix_max_skills="", description="Autre texte"))
    cast.cluster_a.refresh_from_db()
    assert cast.cluster_a.matrix_max_skills == 12
    assert cast.cluster_a.description == "Autre texte"
