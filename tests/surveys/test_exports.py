import io
import random

import openpyxl
import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.surveys.exports import anonymised_workbook, raw_workbook
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
    # The three PME of Morbihan keep their segment; the lone ETI of Finistère
    # would be recognised: its segment cells are blank, its answers stay.
    segments = sorted(tuple(row[1:4]) for row in answers[1:] if row[1] is not None)
    assert segments == [("PME", "Morbihan", "Oui")] * 3
    lone = next(row for row in answers[1:] if row[1] is None)
    assert lone[1:4] == [None, None, "Oui"]
    assert lone[4] == 42
    table = rows(book[book.sheetnames[1]])
    assert table[0] == ["Répondant", "Ligne", "Métier", "Postes ouverts (postes)"]
    text = "\n".join(
        str(value) for sheet in book.worksheets for row in rows(sheet) for value in row
    )
    for secret in ["Chaudronnerie", "Dérive", "HYPERLINK", "12345678", "@example.org"]:
        assert secret not in text
    for free_text in ["Jean et Marie", "urgent", "Lorient", "56121", "Site principal"]:
        assert free_text not in text


def test_respondents_are_numbered_in_a_random_order(survey):
    def first_effectif_order(seed):
        book = workbook(anonymised_workbook(survey, rng=random.Random(seed)))
        return [row[1] for row in rows(book["Réponses"])[1:]]

    orders = {tuple(first_effectif_order(seed)) for seed in range(8)}
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
