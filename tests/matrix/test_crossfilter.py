"""The cross-filter screen and its export, on the members of
`test_crossfilter_data`."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.matrix.factories import MatrixProfileFactory, ProfileSkillFactory
from ancrage.organisations.factories import MembershipFactory
from tests.cast import login
from tests.matrix.test_crossfilter_data import build

pytestmark = pytest.mark.django_db
URL = "/cluster/matrice/"


@pytest.fixture
def sample(cast):
    return build(cast)


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def test_the_url_names():
    assert reverse("matrix:crossfilter") == URL
    assert reverse("matrix:export") == "/cluster/matrice/export/"


def test_facets_with_counts_and_results(staff, sample):
    response = staff.get(URL, {"market": "naval"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 adhérents trouvés" in page
    assert "Électro Naval" in page and "Usinage Alpha" in page
    assert [m.organisation.name for m, _marks in response.context["rows"]] == [
        "Électro Naval",  # French order: accents ignored
        "Usinage Alpha",
    ]
    # Each member found opens its matrix profile.
    electro = response.context["rows"][0][0].organisation
    assert reverse("matrix_profile:staff_edit", args=[electro.pk]) in page
    panel = {facet.axis: facet for facet in response.context["panel"]}
    markets = {value.label: (value.count, value.selected) for value in panel["market"].values}
    assert markets["Naval"] == (2, True)
    assert markets["Aéronautique"] == (2, False)
    assert markets["Spatial"] == (0, False)
    metiers = {value.label: value.count for value in panel["metier"].values}
    assert metiers == {"Bureau d'études": 1, "Usineur": 1}
    # Each value is a labelled checkbox.
    assert 'id="f-market-naval"' in page and 'for="f-market-naval"' in page


def test_one_click_from_the_issue(staff, sample):
    """« A design office in electrical engineering working for the naval sector »."""
    response = staff.get(
        URL,
        {"metier": sample.design.pk, "skill": sample.electrical.pk, "market": "naval"},
    )
    assert [m.organisation.name for m, _marks in response.context["rows"]] == ["Électro Naval"]
    chips = [label for _title, label, _query in response.context["chips"]]
    assert chips == ["Bureau d'études", "Génie électrique", "Naval"]


def test_htmx_gets_the_body_only(staff, sample):
    response = staff.get(URL, {"market": "naval"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert page.lstrip().startswith('<div id="crossfilter"')


def test_shareable_link_is_the_whole_filter(staff, sample):
    response = staff.get(URL, {"market": "naval", "q": "naval", "page": "1", "skill_search": "gén"})
    assert (
        response.context["share_url"] == "http://testserver/cluster/matrice/?market=naval&q=naval"
    )
    again = staff.get(response.context["share_url"])
    assert again.context["total"] == response.context["total"] == 1


def test_matrix_marks_hits_with_text(staff, sample):
    response = staff.get(
        URL,
        {
            "view": "matrix",
            "skill": [sample.composite.pk],
            "skills_mode": "any",
            "market": ["naval", "aeronautique"],
        },
    )
    columns = [column.label for column in response.context["columns"]]
    assert columns == ["Composite", "Naval", "Aéronautique"]
    marks = {
        membership.organisation.name: [hit for _column, hit in row]
        for membership, row in response.context["rows"]
    }
    assert marks == {"Usinage Alpha": [True, True, True], "Électro Naval": [True, True, False]}
    page = response.content.decode()
    assert '<th scope="col">Composite</th>' in page
    assert page.count('<span class="visually-hidden">oui</span>') == 5
    assert page.count('<span class="visually-hidden">non</span>') == 1


def test_matrix_without_chosen_columns_shows_the_frequent_skills(staff, sample):
    response = staff.get(URL, {"view": "matrix"})
    assert response.context["default_columns"]
    assert {column.label for column in response.context["columns"]} == {
        "Génie électrique",
        "Composite",
        "Petit usinage",
    }


def test_long_facets_show_the_top_values_and_a_search(staff, sample, cast):
    for number in range(15):
        entry = sample.composite.__class__.objects.create(
            cluster=cast.cluster_a, kind="skill", label=f"Savoir-faire {number:02d}"
        )
        ProfileSkillFactory(profile=sample.bureau.memberships.get().matrix, entry=entry)
    response = staff.get(URL)
    skills = next(f for f in response.context["panel"] if f.axis == "skill")
    assert len(skills.values) == 12
    assert skills.others == 6
    assert [v.label for v in skills.values[:2]] == ["Composite", "Génie électrique"]
    response = staff.get(URL, {"skill_search": "savoir faire 1"})
    skills = next(f for f in response.context["panel"] if f.axis == "skill")
    assert [v.label for v in skills.values] == [f"Savoir-faire {n}" for n in range(10, 15)]


@pytest.mark.parametrize("view", ["list", "matrix"])
def test_page_queries_do_not_grow_with_results(staff, sample, cast, view):
    staff.get(URL)
    with CaptureQueriesContext(connection) as few:
        staff.get(URL, {"view": view})
    for _number in range(5):
        profile = MatrixProfileFactory(
            membership=MembershipFactory(cluster=cast.cluster_a), occupation=sample.design
        )
        ProfileSkillFactory(profile=profile, entry=sample.composite)
    with CaptureQueriesContext(connection) as many:
        response = staff.get(URL, {"view": view})
    assert response.context["total"] == 8
    assert len(many) == len(few)


def test_unknown_and_foreign_values_are_reported_not_fatal(staff, sample):
    response = staff.get(
        URL,
        {"skill": [sample.b_entry.pk, "x"], "market": "naval", "page": "zzz", "view": "autre"},
    )
    assert response.status_code == 200
    assert "2 critères du lien sont inconnus" in response.content.decode()
    assert response.context["total"] == 2


def test_other_clusters_staff_see_only_their_members(client, cast, sample):
    login(client, cast.staff_b)
    response = client.get(URL, {"skill": sample.electrical.pk})
    page = response.content.decode()
    assert response.context["total"] == 1  # Bêta Industrie; A's entry is ignored
    assert "Bêta Industrie" in page
    assert "Électro Naval" not in page


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 3000}, {"metier": "\x00"}, {"commune": ["'"] * 80}, {"skill_search": "\x00é"}],
)
def test_absurd_parameters_answer_the_page(staff, sample, params):
    assert staff.get(URL, params).status_code == 200


def test_export_downloads_the_result_and_is_logged(staff, sample, cast):
    response = staff.get(reverse("matrix:export"), {"market": "naval", "q": "naval"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="matrice-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Organisation", "Raison sociale", "SIREN")
    assert len(rows) == 2
    electro = rows[1]
    assert electro[0] == "Électro Naval"
    assert electro[3:8] == ("Lorient", "56", "PME", 40, "Bureau d'études")
    assert (
        electro[8] == "Génie électrique ; Composite" or electro[8] == "Composite ; Génie électrique"
    )
    assert electro[10] == "Naval"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details == {
        "what": "matrix",
        "filter": "market=naval&q=naval",
        "count": 1,
        "format": "xlsx",
    }


def test_export_as_csv(staff, sample):
    response = staff.get(reverse("matrix:export"), {"format": "csv", "size": "tpe"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[1].startswith("Bureau Ouest;SARL Ouest Études;")


def test_the_matching_members_are_computed_once_per_page(staff, sample):
    with CaptureQueriesContext(connection) as queries:
        response = staff.get(URL, {"market": "naval"})
    assert response.context["total"] == 2
    matching = [q for q in queries.captured_queries if "AS profile_id" in q["sql"]]
    assert len(matching) == 1  # the counts bring the page's members


def test_an_absurd_page_number_shows_the_last_page(staff, sample):
    response = staff.get(URL, {"page": "99999999999999999999999"})
    assert response.status_code == 200
    assert "Électro Naval" in response.content.decode()
