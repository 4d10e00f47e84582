import datetime
import io
import random
from collections import Counter
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.surveys.exports import (
    _blank_small_segments,
    _rounded,
    anonymised_workbook,
    raw_workbook,
)
from ancrage.surveys.factories import (
    CampaignFactory,
    InviteeFactory,
    QuestionFactory,
    ResponseFactory,
    SectionFactory,
)
from ancrage.surveys.models import GpecFact, Kind, Response
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from tests.cast import login

pytestmark = pytest.mark.django_db

SECTORS = [{"value": "aero", "label": "Aéronautique"}, {"value": "naval", "label": "Naval"}]
YES_NO = {True: "oui", False: "non"}


@pytest.fixture
def survey(cast):
    campaign = CampaignFactory(cluster=cast.cluster_a, title="Enquête RH", period_label="2026")
    section = SectionFactory(version=campaign.version, title="Emploi")
    q = lambda **kw: QuestionFactory(section=section, **kw)  # noqa: E731
    q(key="effectif", label="Effectif", kind=Kind.NUMBER, gpec_fact=GpecFact.HEADCOUNT)
    q(key="secteurs", label="Secteurs", kind=Kind.MULTIPLE_CHOICE, choices=SECTORS)
    q(key="competences", label="Compétences", kind=Kind.SKILL)
    q(key="site", label="Site principal", kind=Kind.COMMUNE)
    q(key="avis", label="Votre avis", kind=Kind.LONG_TEXT)
    q(key="recrute", label="Recrutez-vous ?", kind=Kind.YES_NO)
    table = q(key="metiers", label="Métiers: en tension / à 3 ans", kind=Kind.TABLE)
    col = lambda **kw: q(parent=table, **kw)  # noqa: E731
    col(key="metier", label="Métier", kind=Kind.OCCUPATION, gpec_fact=GpecFact.OCCUPATION)
    col(key="ouverts", label="Postes ouverts", kind=Kind.NUMBER, unit="postes")
    col(key="commentaire", label="Commentaire", kind=Kind.SHORT_TEXT)
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    finistere = DepartmentFactory(code="29", name="Finistère")
    lorient = CommuneFactory(code="56121", name="Lorient", department=morbihan)
    brest = CommuneFactory(code="29019", name="Brest", department=finistere)
    skill = SkillFactory(label="Soudage TIG")
    welder = OccupationFactory(label="Soudeur", code="H2913")
    answers = {
        "effectif": "42",
        "secteurs": ["aero", "naval"],
        "competences": [skill.pk],
        "site": "56121",
        "avis": "Nos salariés Jean et Marie",
        "recrute": True,
        "metiers": [
            {"metier": welder.pk, "ouverts": "3", "commentaire": "urgent chez nous"},
            {"metier": welder.pk, "ouverts": "1"},
        ],
    }
    names = ['=HYPERLINK("http://x")', "Bretagne Usinage", "Chaudronnerie du Port", "Dérive"]
    for index, name in enumerate(names):
        invitee = InviteeFactory(
            campaign=campaign,
            organisation__name=name,
            name=name,
            siren=f"12345678{index}",
            size_class="pme" if index < 3 else "eti",
            commune=lorient if index < 3 else brest,
            is_member=True,
        )
        ResponseFactory(invitee=invitee, campaign=campaign, answers=answers)
    draft = InviteeFactory(campaign=campaign, name="Pas fini")
    ResponseFactory(invitee=draft, campaign=campaign, state=Response.State.DRAFT, answers={})
    return campaign


def workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def rows(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_raw_export_has_a_row_per_submitted_response_and_a_sheet_per_table(survey):
    book = workbook(raw_workbook(survey))
    assert book.sheetnames == ["Réponses", "Métiers en tension à 3 ans", "Questions"]
    answers = rows(book["Réponses"])
    assert answers[0] == [
        "Organisation",
        "SIREN",
        "Adhérent",
        "Taille",
        "Commune",
        "Département",
        "Envoyée le",
        "Effectif",
        "Secteurs",
        "Compétences",
        "Site principal",
        "Votre avis",
        "Recrutez-vous ?",
    ]
    assert len(answers) == 5  # the draft is left out
    port = next(row for row in answers if row[0] == "Chaudronnerie du Port")
    assert port[1:6] == ["123456782", "Oui", "PME", "Lorient", "Morbihan"]
    assert port[7:] == [
        42,
        "Aéronautique ; Naval",
        "Soudage TIG",
        "Lorient (56121)",
        "Nos salariés Jean et Marie",
        "Oui",
    ]
    # A name that a spreadsheet would run as a formula is made inert.
    assert '\'=HYPERLINK("http://x")' in [row[0] for row in answers]
    table = rows(book["Métiers en tension à 3 ans"])
    assert table[0] == [
        "Organisation",
        "Ligne",
        "Métier",
        "Postes ouverts (postes)",
        "Commentaire",
    ]
    assert ["Dérive", 1, "Soudeur (H2913)", 3, "urgent chez nous"] in table
    assert ["Dérive", 2, "Soudeur (H2913)", 1, None] in table
    assert len(table) == 9
    questions = rows(book["Questions"])
    assert questions[0] == [
        "Clé",
        "Question",
        "Type",
        "Section",
        "Tableau",
        "Choix",
        "Alimente la GPEC",
    ]
    assert ["effectif", "Effectif", "nombre", "Emploi", None, None, "effectif total"] in questions
    assert [
        "metier",
        "Métier",
        "métier",
        "Emploi",
        "metiers",
        None,
        "métier de la ligne",
    ] in questions
    assert questions[2][5] == "aero = Aéronautique ; naval = Naval"


def test_anonymised_export_tells_no_identity_nor_free_text(survey):
    content = anonymised_workbook(survey, rng=random.Random(4))
    book = workbook(content)
    answers = rows(book["Réponses"])
    assert answers[0] == [
        "Répondant",
        "Taille",
        "Département",
        "Adhérent",
        "Effectif",
        "Secteurs",
        "Compétences",
        "Recrutez-vous ?",
    ]
    assert sorted(row[0] for row in answers[1:]) == [1, 2, 3, 4]
    # The lone ETI of Finistère would be recognised, and so would it as the
    # only respondent with a blank segment among three PME of Morbihan: with
    # four respondents no segment can be told. The answers stay.
    assert [row[1:4] for row in answers[1:]] == [[None, None, None]] * 4
    assert [row[4] for row in answers[1:]] == [42] * 4
    table = rows(book[book.sheetnames[1]])
    assert table[0] == ["Répondant", "Ligne", "Métier", "Postes ouverts (postes)"]
    text = "\n".join(
        str(value) for sheet in book.worksheets for row in rows(sheet) for value in row
    )
    for secret in ["Chaudronnerie", "Dérive", "HYPERLINK", "12345678", "@example.org"]:
        assert secret not in text
    for free_text in ["Jean et Marie", "urgent", "Lorient", "56121", "Site principal"]:
        assert free_text not in text


def test_respondents_are_numbered_in_a_random_order(cast):
    survey = _segment_survey(cast, [("pme", "Morbihan")] * 5)

    def effectif_order(seed):
        book = workbook(anonymised_workbook(survey, rng=random.Random(seed)))
        return [row[4] for row in rows(book["Réponses"])[1:]]

    assert sorted(effectif_order(0)) == [0, 1, 2, 3, 4]
    orders = {tuple(effectif_order(seed)) for seed in range(8)}
    assert len(orders) > 1


def test_downloads_are_audited(client, cast, survey):
    login(client, cast.staff_a)
    for name in ("raw", "anonymised"):
        response = client.get(reverse(f"survey_exports:{name}", kwargs={"pk": survey.pk}))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="')
        assert workbook(response.content).sheetnames[0] == "Réponses"
    entries = AuditEntry.objects.filter(
        action=AuditEntry.Action.EXPORT, cluster_id=cast.cluster_a.pk
    )
    assert sorted(entry.details["what"] for entry in entries) == [
        "survey_answers",
        "survey_answers_anonymised",
    ]
    assert {entry.object_id for entry in entries} == {str(survey.pk)}


def test_raw_export_query_count_does_not_grow_with_responses(
    client, cast, survey, django_assert_max_num_queries
):
    login(client, cast.staff_a)
    for _ in range(20):
        ResponseFactory(
            invitee=InviteeFactory(campaign=survey), campaign=survey, answers={"effectif": "1"}
        )
    with django_assert_max_num_queries(20):
        client.get(reverse("survey_exports:raw", kwargs={"pk": survey.pk}))


def _segment_survey(cast, segments):
    """A campaign answered by one member organisation per (size class,
    département) in `segments`."""
    campaign = CampaignFactory(cluster=cast.cluster_a)
    section = SectionFactory(version=campaign.version)
    QuestionFactory(section=section, key="effectif", kind=Kind.NUMBER)
    departments = {
        name: CommuneFactory(department=DepartmentFactory(code=code, name=name))
        for code, name in [("56", "Morbihan"), ("29", "Finistère")]
    }
    for index, (size, department) in enumerate(segments):
        invitee = InviteeFactory(
            campaign=campaign, size_class=size, commune=departments[department], is_member=True
        )
        ResponseFactory(invitee=invitee, campaign=campaign, answers={"effectif": str(index)})
    return campaign


def test_anonymised_segments_are_shared_by_three_respondents_in_combination(cast):
    # Each size class and each département alone is shared by four
    # respondents or more, but one ETI is the only ETI of Finistère.
    segments = (
        [("eti", "Finistère")]
        + [("eti", "Morbihan")] * 3
        + [("pme", "Finistère")] * 3
        + [("pme", "Morbihan")] * 3
    )
    survey = _segment_survey(cast, segments)
    answers = rows(workbook(anonymised_workbook(survey, rng=random.Random(1)))["Réponses"])
    combinations = Counter(tuple(row[1:4]) for row in answers[1:])
    assert ("ETI", "Finistère", "Oui") not in combinations
    assert min(combinations.values()) >= 3
    # The lone ETI's answers stay, with a blank segment shared by others.
    lone = next(row for row in answers[1:] if row[4] == 0)
    assert combinations[tuple(lone[1:4])] >= 3
    # Only what must be blanked is: two of the three other groups keep theirs.
    assert sum(1 for combination in combinations if None not in combination) == 2


def test_segments_blank_column_by_column_before_blanking_all():
    segments = (
        [["PME", "Morbihan", "Oui"], ["PME", "Finistère", "Oui"], ["PME", "Finistère", "Oui"]]
        + [["ETI", "Morbihan", "Oui"]] * 3
        + [["PME", "Morbihan", "Non"]] * 3
    )
    blanked = _blank_small_segments([list(row) for row in segments], order=[1, 0, 2])
    assert blanked[:3] == [["PME", None, "Oui"]] * 3
    assert blanked[3:] == [list(row) for row in segments[3:]]
    assert (
        _blank_small_segments([["PME", "Morbihan", "Oui"]] * 2, order=[1, 0, 2])
        == [[None, None, None]] * 2
    )


@pytest.fixture
def figures(cast):
    campaign = CampaignFactory(cluster=cast.cluster_a)
    section = SectionFactory(version=campaign.version)
    q = lambda **kw: QuestionFactory(section=section, **kw)  # noqa: E731
    q(key="creation", label="Date de création de l'entreprise", kind=Kind.DATE)
    q(
        key="ca",
        label="Chiffre d'affaires",
        kind=Kind.NUMBER,
        unit="k€",
        gpec_fact=GpecFact.TURNOVER,
    )
    q(key="effectif", label="Effectif", kind=Kind.NUMBER, gpec_fact=GpecFact.HEADCOUNT)
    q(key="confiance", label="Confiance", kind=Kind.SCALE)
    table = q(key="metiers", label="Métiers", kind=Kind.TABLE)
    q(parent=table, key="metier", label="Métier", kind=Kind.OCCUPATION)
    q(parent=table, key="pourvus", label="Postes pourvus", kind=Kind.NUMBER)
    welder = OccupationFactory(label="Soudeur", code="H2913")
    answers = {
        "creation": "2011-03-14",
        "ca": "12345.00",
        "effectif": "137",
        "confiance": 4,
        "metiers": [
            {"metier": welder.pk, "pourvus": "1234"},
            {"metier": welder.pk, "pourvus": "7"},
        ],
    }
    ResponseFactory(invitee=InviteeFactory(campaign=campaign), campaign=campaign, answers=answers)
    return campaign


def test_anonymised_export_coarsens_dates_and_figures(figures):
    book = workbook(anonymised_workbook(figures))
    header, row = rows(book["Réponses"])
    assert header[4:] == [
        "Date de création de l'entreprise (année)",
        "Chiffre d'affaires (k€)",
        "Effectif",
        "Confiance",
    ]
    assert row[4:] == [2011, 12000, 140, 4]
    assert [line[2:] for line in rows(book["Métiers"])[1:]] == [
        ["Soudeur (H2913)", 1200],
        ["Soudeur (H2913)", 7],
    ]
    cells = [value for sheet in book.worksheets for line in rows(sheet) for value in line]
    assert not any(isinstance(value, datetime.datetime) for value in cells)
    for exact in ["12345", "137", "1234", "2011-03-14", "14/03/2011"]:
        assert exact not in "\n".join(str(value) for value in cells)
    # The raw export, for the cluster's staff only, keeps the exact answers.
    raw = rows(workbook(raw_workbook(figures))["Réponses"])[1]
    assert raw[7:10] == [datetime.datetime(2011, 3, 14), 12345, 137]


def test_figures_are_rounded_to_two_significant_figures():
    cases = {"12345": "1.2E+4", "99.5": "1.0E+2", "-12345": "-1.2E+4", "42": "42", "0": "0"}
    for value, expected in cases.items():
        assert _rounded(Decimal(value)) == Decimal(expected)
    assert _rounded(Decimal("0.0456")) == Decimal("0.046")
