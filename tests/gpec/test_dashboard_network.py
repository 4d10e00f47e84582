"""The GPEC dashboard across a network, for the platform's administrators:
the same tables over every cluster of the network, under statistical
secrecy (a figure resting on fewer than 3 organisations is « secret », and
so is a second one of a column whose total is shown)."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from ancrage.accounts.factories import UserFactory
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Network
from tests.cast import login
from tests.gpec.dashboard_sample import build

pytestmark = pytest.mark.django_db
URL = "/plateforme/gpec/"


@pytest.fixture
def network(cast):
    network = Network.objects.create(name="Réseau Ouest", slug="ouest")
    for cluster in (cast.cluster_a, cast.cluster_b):
        cluster.network = network
        cluster.save()
    return network


@pytest.fixture
def admin(client):
    return login(client, UserFactory(platform_admin=True, with_mfa=True))


def test_fragile_figures_are_secret(admin, cast, network):
    build(cast)
    response = admin.get(URL, {"reseau": "ouest"})
    assert response.status_code == 200
    board = response.context["board"]
    assert board.secret
    assert board.totals.counted == 5
    rows = {row[0].plain: row for row in board.needs.rows}
    soudage, usinage = rows["Soudage (H2913)"], rows["Usinage (H2903)"]
    assert soudage[5].hidden and soudage[5].plain == "secret"  # 2 organisations
    # 4 organisations, none dominant, but the total is shown: Usinage's
    # needs are hidden too, or Soudage's would be the total less Usinage's.
    assert usinage[5].reason == "secondary"
    assert soudage[2].hidden and usinage[2].hidden
    assert board.needs.total[2].plain == "45"
    # The other tables repeating these figures hide them too.
    supply = {row[0].plain: row for row in board.supply.rows}["Usinage (H2903)"]
    assert supply[1].hidden
    evolution = {row[0].plain: row for row in board.comparison.rows}["Usinage (H2903)"]
    assert evolution[2].hidden and evolution[3].hidden and evolution[5].hidden
    assert evolution[1].reason == "few"  # a year ago, one organisation had declared
    # The tension score rests on 4 organisations: shown.
    tension = {row[0].plain: row for row in board.tension.rows}
    assert not tension["Usinage (H2903)"][-1].hidden
    # Soudage's score and its level are secret (2 organisations).
    assert tension["Soudage (H2913)"][1].hidden and tension["Soudage (H2913)"][2].hidden
    page = response.content.decode()
    assert "&lt; 3 org." not in page
    assert 'class="secret' in page
    # The fragile skill is held by one organisation: listed with « moins de
    # 3 organisations », it would bound its secret number of holders.
    assert board.fragile.rows == []
    # The age pyramid of Soudage rests on 2 organisations: every band is secret.
    board = admin.get(URL, {"reseau": "ouest", "pyramide": "H2913"}).context["board"]
    assert all(row[1].hidden for row in board.pyramid.rows)


def test_default_assumptions_apply(admin, cast, network):
    from ancrage.gpec.models import Assumptions

    build(cast)
    Assumptions.objects.create(
        cluster=cast.cluster_a,
        retire_60_plus_1y="1",
        retire_55_59_1y="1",
        retire_60_plus_3y="1",
        retire_55_59_3y="1",
        freshness_months=36,
    )
    board = admin.get(URL, {"reseau": "ouest"}).context["board"]
    usinage = {row[0].plain: row for row in board.needs.rows}["Usinage (H2903)"]
    assert float(usinage[5].value) == pytest.approx(7.66)


def test_export_hides_the_same_cells(admin, cast, network):
    build(cast)
    response = admin.get(URL + "export/", {"reseau": "ouest"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    needs = [list(row) for row in workbook["Besoins par métier"].iter_rows(values_only=True)]
    assert needs[0][-1] == "Postes ouverts non pourvus"  # no column of flags
    soudage = next(row for row in needs if row[0] == "Soudage (H2913)")
    assert soudage[5] == "secret"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.details["network"] == "ouest"
    assert entry.details["filter"] == "reseau=ouest"


def test_filters_keep_the_network(admin, cast, network):
    build(cast)
    day = (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    board = admin.get(URL, {"reseau": "ouest", "au": day}).context["board"]
    assert board.filters.query_string() == f"reseau=ouest&au={day}"
    # Morbihan's row is hidden in the département table (Loire-Atlantique's
    # one organisation would be the difference): it cannot be chosen alone.
    board = admin.get(URL, {"reseau": "ouest", "departement": "56"}).context["board"]
    assert board.totals.counted == 5
    assert board.filters.query_string() == "reseau=ouest"


def test_no_network_and_unknown_network(admin, cast):
    assert "Aucun réseau de clusters" in admin.get(URL).content.decode()
    Network.objects.create(name="Réseau Ouest", slug="ouest")
    response = admin.get(URL, {"reseau": "inconnu"})
    assert "Le réseau demandé n'existe pas" in response.content.decode()
    assert response.context["board"].empty


def test_cluster_staff_are_refused(client, cast, network):
    login(client, cast.staff_a)
    assert client.get(URL).status_code == 403


def test_bad_query_strings_keep_the_network(admin, cast, network):
    build(cast)
    response = admin.get(
        URL,
        {"reseau": ["ouest", "\x00"], "au": "32/13/2026", "bassin": "x" * 80, "skill": "l:\x00"},
    )
    assert response.status_code == 200
    board = response.context["board"]
    assert "n'est pas lisible" in board.filters.errors[0]
    assert board.totals.counted == 5
    assert board.filters.query_string().startswith("reseau=ouest")


def test_queries(admin, cast, network, django_assert_max_num_queries):
    """As for a cluster (`test_dashboard`), with the networks and their
    clusters read once, the year-ago totals (for their secrecy) and, a
    département being chosen, the network's département table (may it be
    shown alone?): at most 35 (33 measured)."""
    build(cast)
    admin.get(URL, {"reseau": "ouest"})
    with django_assert_max_num_queries(35):
        admin.get(URL, {"reseau": "ouest", "departement": "56"})
