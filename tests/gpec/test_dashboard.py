"""The cluster's GPEC dashboard: the figures shown are those of
`gpec.occupations` and `gpec.skills` for the acting cluster's members,
fragile ones flagged, narrowed by the filters, compared with a year earlier."""

import datetime
import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.organisations.factories import MembershipFactory
from tests.cast import login
from tests.gpec.dashboard_sample import build, declare

pytestmark = pytest.mark.django_db
URL = "/cluster/gpec/"


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def rows_of(table):
    """{row label: [cell texts]} of a dashboard table."""
    return {row[0].plain: [cell.plain for cell in row[1:]] for row in table.rows}


def test_needs_ranked_and_totals(staff, cast):
    build(cast)
    response = staff.get(URL)
    assert response.status_code == 200
    board = response.context["board"]
    assert board.totals.counted == 5
    assert board.totals.declared == 5
    assert [row[0].plain for row in board.needs.rows] == ["Usinage (H2903)", "Soudage (H2913)"]
    usinage = board.needs.rows[0]
    assert usinage[1].value == 4  # organisations
    assert usinage[2].value == 40  # headcount
    assert usinage[5].value == pytest.approx(Decimal("7.66"))  # needs at 1 year
    assert usinage[5].plain == "8"
    assert not usinage[5].flagged
    soudage = board.needs.rows[1]
    assert soudage[5].value == pytest.approx(Decimal("1.32"))
    assert soudage[5].flagged  # 2 organisations
    page = response.content.decode()
    assert "&lt; 3 org." in page
    assert board.needs.total[2].value == 45


def test_tension_pyramid_and_skills(staff, cast):
    sample = build(cast)
    board = staff.get(URL, {"pyramide": "H2913"}).context["board"]
    assert board.tension.rows[0][0].plain == "Usinage (H2903)"
    assert board.tension.rows[0][-1].value == 4  # respondents
    assert board.pyramid_occupation == sample.soudage
    ages = {row[0].plain: row[1].value for row in board.pyramid.rows}
    assert ages == {
        "60 ans et plus": 1,
        "55 à 59 ans": 1,
        "45 à 54 ans": 0,
        "35 à 44 ans": 2,
        "25 à 34 ans": 1,
        "moins de 25 ans": 0,
    }
    assert all(row[1].flagged for row in board.pyramid.rows)
    assert "<svg" in str(board.pyramid_chart)
    fragile = rows_of(board.fragile)["Programmation de commande numérique"]
    assert "moins de 3 organisations" in fragile[0]
    assert fragile[1] == "1"  # holders
    assert fragile[3:] == ["3", "6"]  # organisations in need, people
    emerging = board.emerging.rows[0]
    assert emerging[0].plain == "Programmation de commande numérique"
    assert [cell.value for cell in emerging[1:4]] == [0, 0, 3]
    assert "<svg" in str(board.emerging_chart)
    # An unknown occupation falls back to the first one.
    board = staff.get(URL, {"pyramide": "ZZZZZ"}).context["board"]
    assert board.pyramid_occupation == sample.usinage


def test_previous_year_column(staff, cast):
    build(cast)
    board = staff.get(URL).context["board"]
    usinage = rows_of(board.comparison)["Usinage (H2903)"]
    # headcount a year ago, now, change; needs a year ago, now, change
    assert usinage[:3] == ["8", "40", "+32"]
    assert usinage[3] == "2"
    assert board.comparison.rows[0][6].value == pytest.approx(Decimal("5.66"))


def test_filter_by_departement_narrows(staff, cast):
    build(cast)
    board = staff.get(URL, {"departement": "44"}).context["board"]
    assert board.totals.counted == 1
    assert [row[0].plain for row in board.needs.rows] == ["Soudage (H2913)"]
    assert board.filters.chips[0][:2] == ("Département", "Loire-Atlantique (44)")
    board = staff.get(URL, {"bassin": "5301"}).context["board"]
    assert board.totals.counted == 3
    assert rows_of(board.needs)["Usinage (H2903)"][1] == "30"


def test_territories(staff, cast):
    build(cast)
    board = staff.get(URL).context["board"]
    departments = rows_of(board.departments)
    assert departments["Morbihan (56)"][:3] == ["3", "3", "33"]
    assert departments["Loire-Atlantique (44)"][2] == "2"
    assert rows_of(board.basins)["Lorient"][0] == "3"
    assert "<svg" in str(board.departments_map)


def test_as_of_and_bad_query_strings(staff, cast):
    build(cast)
    today = timezone.localdate()
    response = staff.get(URL, {"au": (today - datetime.timedelta(days=100)).isoformat()})
    board = response.context["board"]
    assert board.totals.declared == 1  # only the declaration of 400 days ago
    for value, message in (
        ("2999-01-01", "ne peut pas être dans le futur"),
        ("1999-12-31", "doit être postérieure au 01/01/2000"),
        ("demain", "n'est pas lisible"),
        ("31/02/2026", "n'est pas lisible"),
    ):
        response = staff.get(URL, {"au": value})
        assert response.status_code == 200
        assert message in html.unescape(response.content.decode())
        assert response.context["board"].totals.as_of == today
    response = staff.get(
        URL,
        {
            "departement": ["99x", "\x00"],
            "bassin": ["<script>", "1" * 500],
            "horizon": "9",
            "pyramide": "\x00" * 10,
            "size": "énorme",
        },
    )
    assert response.status_code == 200
    assert "critères du lien sont inconnus" in response.content.decode()
    assert response.context["board"].filters.horizon == 1


def test_horizon_ranks_by_needs_at_three_years(staff, cast):
    build(cast)
    board = staff.get(URL, {"horizon": "3"}).context["board"]
    assert board.filters.horizon == 3
    assert board.needs.title == "Métiers classés par besoins de recrutement à 3 ans"


def test_empty_state_points_to_the_declarations(staff, cast):
    page = staff.get(URL).content.decode()
    assert "n'a déclaré ses effectifs" in page
    assert 'href="/cluster/gpec/declarations/"' in page


def test_another_clusters_facts_never_count(client, cast):
    build(cast)
    login(client, cast.staff_b)
    board = client.get(URL).context["board"]
    assert board.totals.declared == 0
    assert board.needs.rows == []


def test_queries_do_not_grow_with_the_members(staff, cast):
    """At most 30 queries (29 measured): 6 for the session and the acting
    context, 1 for the assumptions, 10 for the filters (values, facet
    counts and labels, basins), then the figures of a period once each
    (occupations now and a year earlier, each with its supply per source,
    skills, territories with the totals); as many with more members."""
    sample = build(cast)
    params = {"departement": "56", "bassin": "5301"}
    staff.get(URL)  # the first request of a session reads a few more
    with CaptureQueriesContext(connection) as before:
        staff.get(URL, params)
    assert len(before) <= 30
    lorient = sample.members["Lorient 1"].commune
    for number in range(10):
        organisation = MembershipFactory(
            cluster=cast.cluster_a, organisation__commune=lorient
        ).organisation
        MatrixProfileFactory(membership=organisation.memberships.get())
        declare(
            cast.cluster_a,
            organisation,
            sample.recent,
            workforce=[(sample.usinage, {"headcount": 5 + number})],
            forecasts=[(sample.soudage, {"creations_1y": 1})],
        )
    with CaptureQueriesContext(connection) as after:
        response = staff.get(URL, params)
    assert response.context["board"].totals.counted == 13
    assert len(after) == len(before)
