"""The impact figures of a cluster's job board, on hand-made numbers:
offers and positions by publication date, applications by their day, hires
declared and through the platform, the share of closed offers filled (and
how many it rests on), the median time to fill; in all, by occupation and by
month; the page, its period form and its XLSX export."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ancrage.jobs import impact
from ancrage.jobs.factories import ApplicationFactory, OfferFactory, PublicationFactory
from ancrage.jobs.models import Application, Offer, Publication
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory
from tests.cast import login

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR = impact.of_year(2025)


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def on_board(cluster, *, published_on, status=Offer.Status.PUBLISHED, **fields):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    if cluster.name != "Cluster Alpha":
        organisation = None
    offer = OfferFactory(
        **({"organisation": organisation} if organisation else {}),
        published_on=published_on,
        status=status,
        **fields,
    )
    PublicationFactory(cluster=cluster, offer=offer)
    return offer


def filled(cluster, published_on, closed_on, *, through=False, **fields):
    return on_board(
        cluster,
        published_on=published_on,
        status=Offer.Status.FILLED,
        closed_on=closed_on,
        filled=True,
        filled_through_platform=through,
        **fields,
    )


@pytest.fixture
def board(cast):
    """Nine offers, seven on cluster A's board; the numbers the tests expect
    are worked out by hand in each test."""
    a = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    b = OccupationFactory(code="H1404", label="Intervention technique en méthodes")
    cluster = cast.cluster_a
    offers = {
        1: filled(cluster, D(2025, 1, 10), D(2025, 1, 20), through=True, occupation=a, positions=2),
        2: filled(cluster, D(2025, 2, 1), D(2025, 3, 3), occupation=a),
        3: on_board(
            cluster,
            published_on=D(2025, 2, 15),
            status=Offer.Status.CLOSED,
            closed_on=D(2025, 4, 1),
            filled=False,
            occupation=a,
        ),
        4: filled(cluster, D(2025, 3, 1), D(2025, 5, 10), occupation=b, positions=3),
        5: on_board(
            cluster,
            published_on=D(2025, 6, 1),
            status=Offer.Status.EXPIRED,
            closed_on=D(2025, 8, 15),
            occupation=b,
        ),
        6: on_board(cluster, published_on=D(2025, 7, 1)),
        # Published the year before, filled in January.
        7: filled(cluster, D(2024, 12, 1), D(2025, 1, 5), occupation=a),
    }
    # Another cluster's board, and an offer the staff withdrew: not counted.
    elsewhere = filled(cast.cluster_b, D(2025, 3, 1), D(2025, 3, 20), occupation=a)
    withdrawn = on_board(cluster, published_on=D(2025, 3, 1), occupation=a)
    withdrawn.publications.update(status=Publication.Status.REFUSED)

    ApplicationFactory(offer=offers[1], created_at=at(D(2025, 1, 12)))
    ApplicationFactory(offer=offers[1], created_at=at(D(2025, 1, 15)))
    ApplicationFactory(
        offer=offers[4],
        created_at=at(D(2025, 3, 10)),
        status=Application.Status.HIRED,
        status_changed_at=at(D(2025, 4, 20)),
    )
    ApplicationFactory(offer=offers[6], created_at=at(D(2025, 7, 5)))
    ApplicationFactory(offer=offers[7], created_at=at(D(2024, 12, 20)))
    ApplicationFactory(offer=elsewhere, created_at=at(D(2025, 3, 5)))
    ApplicationFactory(offer=withdrawn, created_at=at(D(2025, 3, 5)))
    return offers


def test_the_figures_of_a_year(cast, board):
    figures = impact.figures(impact.board_offers(cast.cluster_a), YEAR)
    assert figures.offers == 6  # offers 1 to 6 (7 was published in 2024)
    assert figures.positions == 2 + 1 + 1 + 3 + 1 + 1
    assert figures.applications == 4  # 2 + 1 + 1; the one of December 2024 is not
    assert figures.filled == 4  # offers 1, 2, 4, 7
    assert figures.closed == 5  # and offer 3, closed unfilled; not the expired one
    assert figures.share == 80.0
    assert figures.expired == 1
    # Offer 1 said so; offer 4 had an application marked hired.
    assert figures.through_platform == 2
    # Days to fill: 10, 30, 35, 70.
    assert figures.median_days == 32.5


def test_the_figures_by_occupation(cast, board):
    rows = {
        row.code: row for row in impact.by_occupation(impact.board_offers(cast.cluster_a), YEAR)
    }
    assert list(rows) == ["H2903", "H1404", ""]
    a, b, none = rows["H2903"], rows["H1404"], rows[""]
    assert (a.offers, a.positions, a.applications) == (3, 4, 2)
    assert (a.filled, a.closed, a.share, a.through_platform) == (3, 4, 75.0, 1)
    assert a.median_days == 30.0  # 10, 30, 35
    assert a.label == "Conduite d'équipement d'usinage"
    assert (b.offers, b.positions, b.applications, b.filled, b.closed) == (2, 4, 1, 1, 1)
    assert (b.share, b.median_days, b.expired, b.through_platform) == (100.0, 70.0, 1, 1)
    assert (none.offers, none.applications, none.label) == (1, 1, "Métier non précisé")
    assert none.share is None and none.median_days is None


def test_the_figures_by_month(cast, board):
    months = impact.by_month(impact.board_offers(cast.cluster_a), YEAR)
    assert [row.month for row in months] == [D(2025, month, 1) for month in range(1, 13)]
    january, february, march, april, may = months[:5]
    assert (january.offers, january.positions, january.applications) == (1, 2, 2)
    assert (january.filled, january.through_platform, january.median_days) == (2, 1, 22.5)
    assert (february.offers, february.positions, february.filled) == (2, 2, 0)
    assert (march.offers, march.positions, march.applications, march.filled) == (1, 3, 1, 1)
    assert (april.closed, april.filled, april.share, april.through_platform) == (1, 0, 0.0, 1)
    assert (may.filled, may.median_days) == (1, 70.0)
    assert months[7].expired == 1
    assert sum(row.offers for row in months) == 6
    assert sum(row.applications for row in months) == 4


def test_the_last_twelve_months():
    period = impact.last_twelve_months(D(2025, 11, 23))
    assert (period.start, period.end) == (D(2024, 12, 1), D(2025, 11, 23))
    assert len(list(period.months())) == 12
    assert period.label == "du 01/12/2024 au 23/11/2025"
    assert impact.last_twelve_months(D(2025, 1, 31)).start == D(2024, 2, 1)


def test_nothing_on_the_board(cast):
    figures = impact.figures(impact.board_offers(cast.cluster_b), YEAR)
    assert (figures.offers, figures.positions, figures.applications, figures.filled) == (0, 0, 0, 0)
    assert figures.share is None and figures.median_days is None


def test_the_page_shows_the_figures_with_their_definitions(client, cast, board):
    login(client, cast.staff_a)
    response = client.get(reverse("jobs_impact:page"), {"annee": "2025"})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="impact-offers">6<' in content
    assert "80 %" in content
    assert "(sur 5 offres closes)" in content
    assert "32,5 jours" in content
    assert "Médiane, en jours, du temps entre la publication et la clôture" in content
    assert "Conduite d&#x27;équipement d&#x27;usinage (H2903)" in content
    assert "<svg" in content
    # Cluster B's staff see their own board only.
    login(client, cast.staff_b)
    content = client.get(reverse("jobs_impact:page"), {"annee": "2025"}).content.decode()
    assert 'id="impact-offers">1<' in content


def test_a_wrong_period_is_said_in_french_and_the_last_12_months_shown(client, cast, board):
    login(client, cast.staff_a)
    for wrong in ("1800", "deux mille", "<script>alert(1)</script>"):
        response = client.get(reverse("jobs_impact:page"), {"annee": wrong})
        assert response.status_code == 200
        content = response.content.decode()
        assert "Choisissez une période de la liste." in content
        assert "Chiffres de la période : du " in content
        assert "<script>alert(1)</script>" not in content


def test_the_export_is_a_workbook_of_the_same_figures(client, cast, board):
    login(client, cast.staff_a)
    response = client.get(reverse("jobs_impact:export"), {"annee": "2025"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="bourse-emploi-impact-')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["À propos", "Chiffres", "Par métier", "Par mois"]
    totals = {row[0]: row[1] for row in workbook["Chiffres"].iter_rows(values_only=True)}
    assert totals["Offres publiées"] == 6
    assert totals["Part des offres pourvues"] == 80
    assert totals["Délai médian de recrutement"] == 32.5
    occupations = list(workbook["Par métier"].iter_rows(values_only=True))
    assert occupations[1][:4] == ("H2903", "Conduite d'équipement d'usinage", 3, 4)
    assert len(list(workbook["Par mois"].iter_rows())) == 13
    from ancrage.accounts.models import AuditEntry

    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.EXPORT, cluster_id=cast.cluster_a.pk
    ).exists()


def test_the_page_runs_a_fixed_number_of_queries(
    client, cast, board, django_assert_max_num_queries
):
    login(client, cast.staff_a)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("jobs_impact:page")).status_code == 200


def test_the_figures_of_any_publications(cast, board):
    """The observatory's entry: the offers of several job boards at once."""
    publications = Publication.objects.filter(status=Publication.Status.PUBLISHED)
    figures = impact.figures(impact.offers_of(publications), YEAR)
    assert figures.offers == 7  # cluster A's six and cluster B's one
    assert figures.applications == 5
