"""A network's GPEC dashboard gives back no hidden figure by arithmetic:
not by subtracting two filtered views, a year-ago column from the year-ago
board, a pyramid's total from the needs total, a département from its
basins, nor by recomputing a tension component or needs ÷ supply; a total
dominated by one organisation is hidden like any other figure."""

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.models import Network
from ancrage.core.dates import add_months
from ancrage.gpec import skills as gpec_skills
from ancrage.gpec import tension as gpec_tension
from ancrage.gpec.dashboard.cells import figure_cell
from ancrage.gpec.dashboard.skills import shown_reasons
from ancrage.gpec.figures import Figure
from ancrage.gpec.models import ExternalSupply, ExternalSupplyImport
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory
from ancrage.territory.factories import CommuneFactory
from ancrage.territory.models import BmoBasin, Department
from tests.cast import login
from tests.gpec.dashboard_sample import bands, build, declare
from tests.gpec.test_tension import occupation

pytestmark = pytest.mark.django_db
URL = "/plateforme/gpec/"


@pytest.fixture
def admin(client, cast):
    network = Network.objects.create(name="Réseau", slug="r")
    for cluster in (cast.cluster_a, cast.cluster_b):
        cluster.network = network
        cluster.save()
    return login(client, UserFactory(platform_admin=True, with_mfa=True))


def recent():
    return timezone.localdate() - datetime.timedelta(days=10)


def member(cast, cluster=None, **organisation):
    fields = {f"organisation__{name}": value for name, value in organisation.items()}
    return MembershipFactory(cluster=cluster or cast.cluster_a, **fields).organisation


def by_code(table):
    return {row[0].value: row for row in table.rows}


def test_only_the_departement_and_the_day_filter_a_network(admin, cast):
    """3 PME (10 each) and 1 TPE (7): « ?size=pme » would show 30 beside
    the 37 of everyone, the TPE's 7 by difference. The size is ignored, with
    a notice, and not offered; so are basins, zones and communes (a
    département minus one of them)."""
    x = OccupationFactory(code="H2903", label="X")
    for headcount, size in ((10, 50), (10, 50), (10, 50), (7, 5)):
        organisation = member(cast, headcount=size)
        declare(cast.cluster_a, organisation, recent(), workforce=[(x, {"headcount": headcount})])
    everyone = admin.get(URL, {"reseau": "r"}).context["board"]
    response = admin.get(
        URL, {"reseau": "r", "size": "pme", "market": "aero", "bassin": "B1", "zone": "5305"}
    )
    pme = response.context["board"]
    assert pme.needs.total[2].value == everyone.needs.total[2].value == 37
    assert pme.filters.query_string() == "reseau=r"
    [notice] = pme.filters.errors
    assert "seuls le département et la date" in notice and "Bassin d'emploi" in notice
    assert [facet.axis for facet in pme.filters.panel] == ["departement"]
    page = response.content.decode()
    assert 'id="facette-size"' not in page and 'id="facette-bassin"' not in page
    assert "seuls le département et la date filtrent les chiffres" in page


def test_a_departement_its_table_hides_cannot_be_chosen(admin, cast):
    """Morbihan: 3 organisations (10 each); Loire-Atlantique: 1 (7). The
    département table hides both (few, then secondary); « ?departement=56 »
    would show 30 beside the network's 37. Refused, with a notice; a
    département shown in full can be chosen."""
    x = OccupationFactory(code="H2903", label="X")
    d56, d44 = Department.objects.get(code="56"), Department.objects.get(code="44")
    for department, headcounts in ((d56, [10, 10, 10]), (d44, [7])):
        commune = CommuneFactory(department=department)
        for headcount in headcounts:
            organisation = member(cast, commune=commune)
            declare(
                cast.cluster_a, organisation, recent(), workforce=[(x, {"headcount": headcount})]
            )
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    assert by_code(board.departments)["56"][3].hidden
    refused = admin.get(URL, {"reseau": "r", "departement": "56"}).context["board"]
    assert refused.filters.query_string() == "reseau=r" and refused.needs.total[2].value == 37
    assert any("filtre ignoré : 56" in error for error in refused.filters.errors)
    commune = CommuneFactory(department=d44)
    for _index in range(3):
        organisation = member(cast, commune=commune)
        declare(cast.cluster_a, organisation, recent(), workforce=[(x, {"headcount": 10})])
    # The figures were computed before these members: read once, they are
    # computed again (at once by the tests' worker).
    assert admin.get(URL, {"reseau": "r", "departement": "56"}).context["board"].stale
    chosen = admin.get(URL, {"reseau": "r", "departement": "56"}).context["board"]
    assert chosen.totals.declared == 3 and not chosen.filters.errors
    assert chosen.needs.total[2].value == 30


def test_year_ago_figures_hidden_as_the_year_ago_board_hides_them(admin, cast):
    """Declared 400 days ago: X 3 organisations (10 each), Y 1 (5). The
    board of a year ago hides X (secondary) and Y, shows the total 35:
    today's « un an plus tôt » column must not show X's 30."""
    x = OccupationFactory(code="H2903", label="X")
    y = OccupationFactory(code="H2913", label="Y")
    today = timezone.localdate()
    old = today - datetime.timedelta(days=400)
    for _index in range(3):
        declare(cast.cluster_a, member(cast), old, workforce=[(x, {"headcount": 10})])
    declare(cast.cluster_a, member(cast), old, workforce=[(y, {"headcount": 5})])
    declare(cast.cluster_a, member(cast), recent(), workforce=[(x, {"headcount": 1})])
    then = admin.get(URL, {"reseau": "r", "au": add_months(today, -12).isoformat()})
    rows = by_code(then.context["board"].needs)
    assert rows["H2903"][2].hidden and rows["H2913"][2].hidden
    assert not then.context["board"].needs.total[2].hidden
    now = admin.get(URL, {"reseau": "r"}).context["board"]
    x_row = by_code(now.comparison)["H2903"]
    assert x_row[1].hidden  # headcount a year ago
    assert x_row[3].hidden  # its change


def test_pyramid_hidden_with_its_occupations_headcount(admin, cast):
    """X: 3 organisations (10 each, age bands); Y: 1 (5). The needs table
    hides Y and X (secondary) but shows the total 35: X's pyramid total 30
    would give Y back, and so would its bands (they add up to it)."""
    x = OccupationFactory(code="H2903", label="X")
    y = OccupationFactory(code="H2913", label="Y")
    for _index in range(3):
        declare(
            cast.cluster_a,
            member(cast),
            recent(),
            workforce=[(x, {"headcount": 10, **bands(2, 2, 2, 2, 1, 1)})],
        )
    declare(
        cast.cluster_b, member(cast, cast.cluster_b), recent(), workforce=[(y, {"headcount": 5})]
    )
    board = admin.get(URL, {"reseau": "r", "pyramide": "H2903"}).context["board"]
    assert by_code(board.needs)["H2903"][2].hidden and not board.needs.total[2].hidden
    assert board.pyramid.total[1].hidden
    assert all(row[1].hidden and row[2].hidden for row in board.pyramid.rows)
    assert "30" not in board.pyramid_chart.split("<title")[0]


def test_pyramid_hidden_when_one_organisation_gave_no_age_bands(admin, cast):
    """X: 3 organisations with age bands (10 each), 1 without (7): the
    headcount 37 minus the pyramid's 30 would give back that one's 7."""
    x = OccupationFactory(code="H2903", label="X")
    for _index in range(3):
        declare(
            cast.cluster_a,
            member(cast),
            recent(),
            workforce=[(x, {"headcount": 10, **bands(2, 2, 2, 2, 1, 1)})],
        )
    declare(cast.cluster_a, member(cast), recent(), workforce=[(x, {"headcount": 7})])
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    assert by_code(board.needs)["H2903"][2].plain == "37"
    assert board.pyramid.total[1].hidden


def test_no_basin_table_across_a_network(admin, cast):
    """Département 56: B1 (1 organisation, 7) and B2 (3, 30): the
    département's 37 minus B2's 30 would give back B1. Only the
    départements are published."""
    x = OccupationFactory(code="H2903", label="X")
    d56 = Department.objects.get(code="56")
    b1 = BmoBasin.objects.create(code="B1", name="Bassin un")
    b2 = BmoBasin.objects.create(code="B2", name="Bassin deux")
    c1 = CommuneFactory(department=d56, bmo_basin=b1)
    c2 = CommuneFactory(department=d56, bmo_basin=b2)
    for commune, headcounts in ((c1, [7]), (c2, [10, 10, 10])):
        for headcount in headcounts:
            organisation = member(cast, commune=commune)
            declare(
                cast.cluster_a, organisation, recent(), workforce=[(x, {"headcount": headcount})]
            )
    response = admin.get(URL, {"reseau": "r"})
    board = response.context["board"]
    assert board.basins is None and board.basins_map == ""
    assert all(table.key != "territoire-bassin" for table in board.tables)
    assert "Par bassin d'emploi" not in response.content.decode()
    workbook = load_workbook(io.BytesIO(admin.get(URL + "export/", {"reseau": "r"}).content))
    assert "Bassins d'emploi" not in workbook.sheetnames
    assert by_code(board.departments)["56"][3].plain == "37"


def test_total_dominated_by_one_organisation_is_hidden(admin, cast):
    """One organisation has 2 000 of the network's 2 060 people (97 %)."""
    x = OccupationFactory(code="H2903", label="X")
    y = OccupationFactory(code="H2913", label="Y")
    big = member(cast)
    declare(
        cast.cluster_a,
        big,
        recent(),
        workforce=[(x, {"headcount": 1000}), (y, {"headcount": 1000})],
    )
    for _index in range(3):
        declare(
            cast.cluster_a,
            member(cast),
            recent(),
            workforce=[(x, {"headcount": 10}), (y, {"headcount": 10})],
        )
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    assert board.needs.total[2].hidden
    assert board.needs.total[2].reason == "dominance"
    assert board.headline[0].hidden


def export_rows(admin, sheet):
    response = admin.get(URL + "export/", {"reseau": "r"})
    workbook = load_workbook(io.BytesIO(response.content))
    return {row[0]: row for row in workbook[sheet].iter_rows(min_row=2, values_only=True)}


def test_tension_scores_do_not_give_back_a_hidden_component(admin, cast):
    """A, B: 3 organisations each (time to fill 30 and 60 days); C: 1 (200).
    Scores standardised over A, B and C would give C's time back from A's
    and B's (value, score); they are standardised over the shown ones."""
    a = OccupationFactory(code="A1111", label="A")
    b = OccupationFactory(code="B1111", label="B")
    c = OccupationFactory(code="C1111", label="C")
    for job, days, count in ((a, 30, 3), (b, 60, 3), (c, 200, 1)):
        for _index in range(count):
            declare(
                cast.cluster_a,
                member(cast),
                recent(),
                workforce=[(job, {"headcount": 10})],
                forecasts=[(job, {"time_to_fill_days": days})],
            )
    rows = export_rows(admin, "Tension par métier")
    ra, za = rows["A (A1111)"][6], rows["A (A1111)"][1]
    rb, zb = rows["B (B1111)"][6], rows["B (B1111)"][1]
    assert rows["C (C1111)"][1] == "secret" and rows["C (C1111)"][6] == "secret"
    assert (za, zb) == (-1.0, 1.0)  # the mean and spread of 30 and 60 only
    assert ra + rb - 3 * ((ra + rb) / 2) != pytest.approx(-200)
    # The hidden score goes last, whatever its value.
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    assert [row[0].value for row in board.tension.rows] == ["B1111", "A1111", "C1111"]


def test_hidden_needs_go_last(admin, cast):
    """Y (1 organisation) has the largest needs: listed first it would tell
    its needs exceed every shown one's."""
    x = OccupationFactory(code="H2903", label="X")
    y = OccupationFactory(code="H2913", label="Y")
    z = OccupationFactory(code="H2914", label="Z")
    for job, creations, count in ((x, 2, 3), (z, 1, 3), (y, 50, 1)):
        for _index in range(count):
            declare(
                cast.cluster_a,
                member(cast),
                recent(),
                workforce=[(job, {"headcount": 10})],
                forecasts=[(job, {"creations_1y": creations})],
            )
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    order = [row[0].value for row in board.needs.rows]
    # Y hidden (1 organisation), Z with it (the smallest, secondary): by code.
    assert order == ["H2903", "H2913", "H2914"]
    assert by_code(board.needs)["H2913"][5].hidden and by_code(board.needs)["H2914"][5].hidden
    assert [row[0].value for row in board.supply.rows] == order
    assert [row[0].value for row in board.comparison.rows] == order
    assert board.needs_chart.index("X (H2903)") < board.needs_chart.index("Y (H2913)")


def test_needs_supply_hidden_with_the_needs(admin, cast):
    """X: 3 organisations, needs 12 (secondary); Y: 1, needs 5; total 17
    shown. X's needs ÷ the public supply would give X back, then Y."""
    x = OccupationFactory(code="H2903", label="X")
    y = OccupationFactory(code="H2913", label="Y")
    d56 = Department.objects.get(code="56")
    commune = CommuneFactory(department=d56)
    for _index in range(3):
        declare(
            cast.cluster_a,
            member(cast, commune=commune),
            recent(),
            workforce=[(x, {"headcount": 10})],
            forecasts=[(x, {"creations_1y": 4})],
        )
    declare(
        cast.cluster_a,
        member(cast, commune=commune),
        recent(),
        workforce=[(y, {"headcount": 10})],
        forecasts=[(y, {"creations_1y": 5})],
    )
    batch = ExternalSupplyImport.objects.create(
        cluster=cast.cluster_a, label="FT", period_end=recent()
    )
    ExternalSupply.objects.create(batch=batch, occupation=x, department=d56, job_seekers=8)
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    assert by_code(board.needs)["H2903"][5].hidden and not board.needs.total[5].hidden
    headers = [str(header) for header in board.tension.headers]
    row = by_code(board.tension)["H2903"]
    assert row[headers.index("Besoins ÷ offre disponible")].hidden
    assert row[1].hidden  # the score rests on it
    assert by_code(board.comparison)["H2903"][8].shown_value is None  # nor in the comparison


def test_fragile_skills_only_as_shown_figures_bear_them_out(admin, cast):
    """« Programmation de commande numérique » is held by one organisation
    (the sample): the cluster's staff read « moins de 3 organisations »;
    across a network that would bound its secret number of holders, and
    nothing shown bears its fragility out: it is not listed."""
    build(cast)
    board = admin.get(URL, {"reseau": "r"}).context["board"]
    assert all("moins de" not in row[1].plain for row in board.fragile.rows)
    labels = [row[0].plain for row in board.fragile.rows]
    assert "Programmation de commande numérique" not in labels
    ageing = Figure(Decimal("0.5"), 4)
    item = SimpleNamespace(
        holders=1,
        holders_ageing_share=ageing,
        fragile_reasons=gpec_skills.fragile_reasons(1, ageing),
    )
    reasons = shown_reasons(item, figure_cell(ageing, True, "percent"), True)
    assert [str(reason) for reason in reasons] == [
        "40 % ou plus de ses détenteurs ont 55 ans ou plus"
    ]
    assert shown_reasons(item, figure_cell(Figure(Decimal("0.5"), 2), True), True) == []


def test_apply_pools_only_what_it_is_told():
    """`pooled` leaves values out of the mean and the spread; by default
    every value resting on an organisation is in (the cluster staff's)."""
    items = [occupation(code, days=days) for code, days in (("A", 30), ("B", 60), ("C", 200))]
    gpec_tension.apply(items)
    assert items[0].tension.score != -1.0
    gpec_tension.apply(items, pooled=lambda item, key: item.occupation != "C")
    assert [item.tension.score for item in items[:2]] == [-1.0, 1.0]
    assert items[2].tension.components[3].raw == 200.0
