"""The training needs view of a cluster's staff: rows per skill, horizon and
département, most people first, fragile rows flagged, filters (horizon,
the matrix's territory), bad input explained, and the export read back."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.gpec.factories import DeclarationFactory, SkillNeedFactory
from ancrage.gpec.models import SkillNeed
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import SkillFactory
from ancrage.territory.models import Commune
from tests.cast import login

TRAIN = SkillNeed.Answer.TRAIN
NEW = SkillNeed.Kind.NEW


@pytest.fixture
def needs(cast):
    """Soudage TIG: 6 people at 1 year in Morbihan (3 members), 4 at 3 years
    in Loire-Atlantique (1 member); Python: 10 people at 3 years (1 member);
    a need answered by recruiting is not a training need."""
    lorient = Commune.objects.get(code="56121")
    saint_nazaire = Commune.objects.get(code="44184")
    welding = SkillFactory(label="Soudage TIG")
    python = SkillFactory(label="Programmer en Python")
    members = [
        MembershipFactory(cluster=cast.cluster_a, organisation__commune=commune).organisation
        for commune in (lorient, lorient, lorient, saint_nazaire)
    ]
    declarations = [
        DeclarationFactory(cluster=cast.cluster_a, organisation=member) for member in members
    ]
    for declaration, people, answer, kind in (
        (declarations[0], 3, TRAIN, ""),
        (declarations[1], 2, TRAIN, ""),
        (declarations[2], 1, "", NEW),
    ):
        SkillNeedFactory(
            declaration=declaration,
            skill=welding,
            horizon_years=1,
            people=people,
            preferred_answer=answer,
            kind=kind,
        )
    SkillNeedFactory(
        declaration=declarations[3],
        skill=welding,
        horizon_years=3,
        people=4,
        preferred_answer=TRAIN,
    )
    SkillNeedFactory(
        declaration=declarations[0], skill=python, horizon_years=3, people=10, kind=NEW
    )
    SkillNeedFactory(
        declaration=declarations[1],
        skill=python,
        horizon_years=3,
        people=7,
        preferred_answer=SkillNeed.Answer.RECRUIT,
        kind=SkillNeed.Kind.SHORTAGE,
    )
    return welding, python


def shown(response):
    return [
        (need.skill.label, need.horizon_years, need.department.code, need.people.value, flag)
        for need, flag in response.context["rows"]
    ]


def test_rows_most_people_first_fragile_ones_flagged(client, cast, needs):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_training:list"))
    assert response.status_code == 200
    assert shown(response) == [
        ("Programmer en Python", 3, "56", 10, "moins de 3 organisations"),
        ("Soudage TIG", 1, "56", 6, ""),
        ("Soudage TIG", 3, "44", 4, "moins de 3 organisations"),
    ]
    assert [need.organisations for need, _flag in response.context["rows"]] == [1, 3, 1]
    assert response.content.decode().count('class="badge text-bg-warning fragile"') == 2


def test_filters_by_horizon_and_departement(client, cast, needs):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_training:list"), {"horizon": "1"})
    assert shown(response) == [("Soudage TIG", 1, "56", 6, "")]
    assert response.context["needs"].horizons == [(1, "à 1 an"), (3, "à 3 ans")]

    response = client.get(reverse("gpec_training:list"), {"departement": "44"})
    assert shown(response) == [("Soudage TIG", 3, "44", 4, "moins de 3 organisations")]
    assert "Département : Loire-Atlantique" in " ".join(
        f"{title} : {label}" for title, label, _query in response.context["chips"]
    )


def test_bad_filters_are_explained_never_a_500(client, cast, needs):
    login(client, cast.staff_a)
    response = client.get(
        reverse("gpec_training:list"),
        {"horizon": "demain", "departement": "ZZ", "page": "x\x00"},
    )
    assert response.status_code == 200
    assert len(shown(response)) == 3
    content = response.content.decode()
    assert "Horizon « demain » inconnu : tous les horizons sont affichés." in content
    assert "1 critère du lien est inconnu" in content


def test_another_clusters_needs_are_not_shown(client, cast, needs):
    login(client, cast.staff_b)
    response = client.get(reverse("gpec_training:list"))
    assert shown(response) == []
    assert "Aucun besoin de formation déclaré" in response.content.decode()


def test_the_list_reads_in_a_few_queries(client, cast, needs, django_assert_max_num_queries):
    login(client, cast.staff_a)
    client.get(reverse("gpec_training:list"))
    for index in range(10):
        member = MembershipFactory(cluster=cast.cluster_a).organisation
        declaration = DeclarationFactory(cluster=cast.cluster_a, organisation=member)
        SkillNeedFactory(
            declaration=declaration,
            skill=SkillFactory(label=f"Compétence {index}"),
            horizon_years=1,
            people=1,
            preferred_answer=TRAIN,
        )
    with django_assert_max_num_queries(16):
        response = client.get(reverse("gpec_training:list"))
    assert len(response.context["rows"]) == 13


def test_export_xlsx_read_back_and_audited(client, cast, needs):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_training:export"), {"horizon": "3"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="besoins-formation-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows == [
        [
            "Compétence",
            "Horizon (années)",
            "Code du département",
            "Département",
            "Personnes à former",
            "Adhérents concernés",
            "Fragilité",
        ],
        ["Programmer en Python", 3, "56", "Morbihan", 10, 1, "moins de 3 organisations"],
        ["Soudage TIG", 3, "44", "Loire-Atlantique", 4, 1, "moins de 3 organisations"],
    ]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["what"] == "gpec_training_needs"
    assert entry.details["count"] == 2
    assert entry.details["filter"] == "horizon=3"


def test_export_csv(client, cast, needs):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_training:export"), {"format": "csv", "departement": "56"})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1:] == [
        ["Programmer en Python", "3", "56", "Morbihan", "10", "1", "moins de 3 organisations"],
        ["Soudage TIG", "1", "56", "Morbihan", "6", "3", ""],
    ]


def test_a_need_for_today_reads_aujourd_hui_and_can_be_filtered(client, cast, needs):
    declaration = DeclarationFactory(
        cluster=cast.cluster_a, organisation=cast.cluster_a.memberships.first().organisation
    )
    SkillNeedFactory(
        declaration=declaration,
        skill=SkillFactory(label="Lecture de plans"),
        horizon_years=0,
        people=2,
        preferred_answer=TRAIN,
    )
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_training:list"), {"horizon": "0"})
    assert [need.skill.label for need, _flag in response.context["rows"]] == ["Lecture de plans"]
    assert response.context["needs"].horizons[0] == (0, "aujourd'hui")
    assert "aujourd&#x27;hui" in response.content.decode()
