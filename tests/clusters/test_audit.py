from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from tests.cast import login

PARIS = ZoneInfo("Europe/Paris")


def entry(cluster, action=AuditEntry.Action.INVITATION_SENT, email="staff-a@exemple.fr", **kw):
    return AuditEntry.objects.create(cluster_id=cluster.pk, action=action, actor_email=email, **kw)


@pytest.fixture
def admin_client(client, cast):
    return login(client, cast.staff_a)


def test_lists_the_current_clusters_entries_newest_first(admin_client, cast):
    older = entry(
        cast.cluster_a, object_repr="ancienne", created_at=datetime(2026, 1, 5, tzinfo=PARIS)
    )
    newer = entry(
        cast.cluster_a, object_repr="récente", created_at=datetime(2026, 2, 5, tzinfo=PARIS)
    )
    entry(cast.cluster_b, object_repr="chez-beta")
    entry(
        cast.cluster_a,
        AuditEntry.Action.CLUSTER_UPDATED,
        object_repr="profil",
        details={"changed": ["founded_year", "seat"]},
    )

    response = admin_client.get(reverse("cluster:audit"))

    text = unescape(response.text)
    assert "chez-beta" not in text
    assert text.index(newer.object_repr) < text.index(older.object_repr)
    assert "champs modifiés : année de création, commune du siège" in text
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).exists()


def test_filters_by_action_person_and_period(admin_client, cast):
    entry(
        cast.cluster_a,
        object_repr="cible",
        email="camille@exemple.fr",
        created_at=datetime(2026, 3, 10, 12, tzinfo=PARIS),
    )
    entry(
        cast.cluster_a,
        object_repr="autre-personne",
        email="dominique@exemple.fr",
        created_at=datetime(2026, 3, 10, 12, tzinfo=PARIS),
    )
    entry(
        cast.cluster_a,
        AuditEntry.Action.STAFF_REMOVED,
        object_repr="autre-action",
        email="camille@exemple.fr",
        created_at=datetime(2026, 3, 10, 12, tzinfo=PARIS),
    )
    entry(
        cast.cluster_a,
        object_repr="trop-tot",
        email="camille@exemple.fr",
        created_at=datetime(2026, 3, 9, 23, 30, tzinfo=PARIS),
    )

    response = admin_client.get(
        reverse("cluster:audit"),
        {
            "action": "invitation_sent",
            "person": "CAMILLE",
            "start": "2026-03-10",
            "end": "2026-03-10",
        },
    )

    assert "cible" in response.text
    for excluded in ("autre-personne", "autre-action", "trop-tot"):
        assert excluded not in response.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"action": "pirater"}, "Sélectionnez un choix valide"),
        ({"start": "31/02/2026"}, "Saisissez une date valide"),
        ({"start": "2026-03-10", "end": "2026-03-01"}, "La date de fin précède la date de début"),
        ({"person": "x" * 10_000}, "au plus 254 caractères"),
        ({"page": "abc", "person": "' OR 1=1 --"}, None),
    ],
)
def test_bad_filters_get_french_errors(admin_client, cast, params, message):
    entry(cast.cluster_a, object_repr="visible")
    response = admin_client.get(reverse("cluster:audit"), params)
    assert response.status_code == 200
    if message:
        assert message in unescape(response.text)
        assert "visible" not in response.text
    else:
        assert "Aucune entrée ne correspond" in unescape(response.text)


def test_paginated_by_50_with_bounded_queries(admin_client, cast, django_assert_max_num_queries):
    AuditEntry.objects.bulk_create(
        AuditEntry(
            cluster_id=cast.cluster_a.pk,
            action="view",
            actor_email=f"p{i}@exemple.fr",
            created_at=datetime(2026, 1, 1, tzinfo=PARIS) + timedelta(minutes=i),
        )
        for i in range(120)
    )
    with django_assert_max_num_queries(12):
        first = admin_client.get(reverse("cluster:audit"), {"action": "view"})
    assert first.text.count("@exemple.fr</td>") == 50
    assert "p119@exemple.fr" in first.text
    assert "Page 1 sur 3" in first.text
    assert "action=view&amp;page=2" in first.text
    last = admin_client.get(reverse("cluster:audit"), {"action": "view", "page": "3"})
    assert last.text.count("@exemple.fr</td>") == 20
    assert "p0@exemple.fr" in last.text


def test_person_filter_finds_the_person_concerned_as_well_as_the_author(admin_client, cast):
    entry(
        cast.cluster_a,
        AuditEntry.Action.STAFF_REMOVED,
        object_repr="Jean Partant — Cluster Alpha (chargé(e) de mission)",
        details={"person": "jean.partant@exemple.fr", "role": "officer"},
    )
    entry(cast.cluster_a, object_repr="invite@exemple.fr → Cluster Alpha", details={})
    entry(cast.cluster_a, email="jean.partant@exemple.fr", object_repr="par-lui-meme")
    entry(cast.cluster_a, object_repr="sans-rapport", details={"to": "autre@exemple.fr"})

    removed = unescape(admin_client.get(reverse("cluster:audit"), {"person": "PARTANT@"}).text)
    invited = unescape(admin_client.get(reverse("cluster:audit"), {"person": "invite@"}).text)

    assert "Personne concernée ou auteur" in removed
    assert "personne concernée : jean.partant@exemple.fr" in removed
    assert "par-lui-meme" in removed
    assert "sans-rapport" not in removed
    assert "2 entrées" in removed
    assert "invite@exemple.fr → Cluster Alpha" in invited
    assert "1 entrée" in invited


def test_detail_keys_are_shown_in_french(admin_client, cast):
    entry(
        cast.cluster_a,
        AuditEntry.Action.STAFF_ROLE_CHANGED,
        details={
            "changed": ["role"],
            "role_before": "admin",
            "role_after": "officer",
            "via": "invitation",
            "previous": "ancienne@exemple.fr",
            "resent": True,
            "reason": "invalid",
        },
    )
    text = unescape(admin_client.get(reverse("cluster:audit")).text)
    for line in (
        "ancien rôle : administrateur du cluster",
        "nouveau rôle : chargé(e) de mission",
        "par : invitation",
        "ancienne valeur : ancienne@exemple.fr",
        "renvoi : oui",
        "motif : identifiants refusés",
    ):
        assert line in text
    for raw in ("via :", "previous :", "resent :", "reason :", "role_before", "role_after"):
        assert raw not in text


def test_details_of_members_matrix_and_tenders_are_spelled_out_in_french():
    from ancrage.clusters.views.audit import _detail_lines

    lines = _detail_lines(
        {
            "changed": ["headcount", "fee_paid", "deadline"],
            "what": "members",
            "format": "xlsx",
            "count": 12,
            "decision": "accepted",
            "skills_change": {"skills": {"added": ["Soudure TIG"], "removed": []}},
        }
    )
    assert (
        lines[0] == "champs modifiés : effectif salarié, cotisation payée, date limite de réponse"
    )
    assert lines[1] == "objet : adhérents"
    assert lines[3] == "lignes : 12"
    assert lines[4] == "décision : acceptée"
    assert lines[5] == "skills_change : compétences clés : ajouts : Soudure TIG ; retraits : "
