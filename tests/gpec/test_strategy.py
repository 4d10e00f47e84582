"""The strategy page from real declarations: the priorities with their lever,
figures and explanation, per département when the members are in several,
the filters, « Ajouter au plan d'action » pre-filling a new action, the XLSX
export."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.gpec.factories import (
    ActionFactory,
    DeclarationFactory,
    OccupationForecastFactory,
    SkillNeedFactory,
    WorkforceLineFactory,
)
from ancrage.gpec.models import Difficulty, Lever, SkillNeed, WorkforceLine
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import MobilityFactory, OccupationFactory, SkillFactory
from ancrage.territory.factories import CommuneFactory
from ancrage.territory.models import Commune
from tests.cast import login

pytestmark = pytest.mark.django_db


def declare(cluster, organisation, lines, skills=()):
    """A declaration of `organisation`: `lines` (occupation, age bands,
    creations at 1 year, difficulty), no retirement declared, `skills`
    (skill, people, answer)."""
    declaration = DeclarationFactory(cluster=cluster, organisation=organisation)
    for occupation, ages, creations, difficulty in lines:
        WorkforceLineFactory(
            declaration=declaration,
            occupation=occupation,
            headcount=sum(ages),
            **dict(zip(WorkforceLine.AGE_BANDS, ages, strict=True)),
        )
        OccupationForecastFactory(
            declaration=declaration,
            occupation=occupation,
            creations_1y=creations,
            creations_3y=creations * 2,
            retirements_1y=0,
            retirements_3y=0,
            difficulty=difficulty,
        )
    for skill, people, answer in skills:
        SkillNeedFactory(
            declaration=declaration,
            skill=skill,
            people=people,
            preferred_answer=answer,
            kind=SkillNeed.Kind.SHORTAGE,
        )
    return declaration


@pytest.fixture
def figures(cast):
    """Four members of Alpha, three in Morbihan and one in Loire-Atlantique:
    10 machinists each (3 aged 55 and over) and 5 receptionists each;
    machining needs 3 × 3 + 6 = 15 people within a year and is hard to recruit for,
    reception is easy; data analysis is a skill to train 8 people in."""
    machining = OccupationFactory(code="H2903", label="Usinage")
    reception = OccupationFactory(code="M1601", label="Accueil")
    data = SkillFactory(label="Analyse de données")
    lorient = Commune.objects.get(code="56121")
    nantes = CommuneFactory(
        code="44109", name="Nantes", department=Commune.objects.get(code="44184").department
    )
    organisations = []
    for index in range(4):
        commune = lorient if index < 3 else nantes
        membership = MembershipFactory(cluster=cast.cluster_a, organisation__commune=commune)
        organisations.append(membership.organisation)
        declare(
            cast.cluster_a,
            membership.organisation,
            [
                (machining, (1, 2, 2, 2, 2, 1), 3 if index < 3 else 6, Difficulty.VERY_HIGH),
                (reception, (1, 1, 1, 2, 0, 0), 0, Difficulty.NONE),
            ],
            [(data, 2, SkillNeed.Answer.TRAIN)],
        )
    return {"machining": machining, "reception": reception, "data": data}


def test_the_page_ranks_the_priorities_with_their_figures_and_explanations(client, cast, figures):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_strategy:page"))
    assert response.status_code == 200
    page = response.content.decode()
    rows = response.context["rows"]
    found = [(p.lever, p.subject.label, p.territory) for p, _actions in rows]
    # Machining: needs 15, tension +1 (difficulty 4 against 1).
    assert (Lever.RECRUIT, "Usinage", None) in found
    assert (Lever.TRAIN, "Analyse de données", None) in found
    # Morbihan has three members: its own priorities, on solid figures only.
    morbihan = [p for p, _actions in rows if p.territory is not None]
    assert {(p.lever, p.subject.label, p.territory.code) for p in morbihan} == {
        (Lever.RECRUIT, "Usinage", "56"),
        (Lever.TRAIN, "Analyse de données", "56"),
    }
    assert "Ce métier est classé « recruter » parce que les adhérents auront besoin de 15 " in (
        page
    )
    assert "Cette compétence est classée « former » parce que 8 personnes" in page
    assert "d&#x27;après 4 organisations" in page or "d'après 4 organisations" in page
    add = reverse("gpec_strategy:action_new") + "?priorite=recruit%3Ao"
    assert add + str(figures["machining"].pk) + "%3Aall" in page


def test_a_priority_already_planned_links_to_its_action(client, cast, figures):
    action = ActionFactory(
        cluster=cast.cluster_a,
        title="Jobdating usinage",
        priority_key=f"recruit:o{figures['machining'].pk}:all",
    )
    ActionFactory(cluster=cast.cluster_b, priority_key=action.priority_key, title="Chez Bêta")
    login(client, cast.staff_a)
    page = client.get(reverse("gpec_strategy:page")).content.decode()
    assert "Déjà au plan d&#x27;action" in page or "Déjà au plan d'action" in page
    assert reverse("gpec_strategy:action_edit", args=[action.pk]) in page
    assert "Chez Bêta" not in page


def test_filters_narrow_the_members_and_bad_values_are_ignored(client, cast, figures):
    login(client, cast.staff_a)
    response = client.get(
        reverse("gpec_strategy:page"), {"departement": "44", "au": "demain", "size": "x"}
    )
    assert response.status_code == 200
    assert response.context["strategy"].respondents == 1
    # One member: its figures are fragile, flagged, never hidden from staff.
    page = response.content.decode()
    assert "n&#x27;est pas lisible" in page or "n'est pas lisible" in page
    (priority, _actions), *_others = response.context["rows"]
    assert (priority.lever, priority.subject.label) == (Lever.RECRUIT, "Usinage")
    assert "auront besoin de 6 personnes" in priority.explanation
    assert priority.fragile
    assert "moins de 3 organisations" in page


def test_adding_a_priority_to_the_plan_prefills_the_action(client, cast, figures):
    login(client, cast.staff_a)
    machining = figures["machining"]
    key = f"recruit:o{machining.pk}:56"
    response = client.get(reverse("gpec_strategy:action_new"), {"priorite": key})
    form = response.context["form"]
    assert form["lever"].value() == Lever.RECRUIT
    assert form["title"].value() == "Recruter : Usinage (Morbihan)"
    assert form["department"].value() == Commune.objects.get(code="56121").department_id
    assert form["priority_key"].value() == key
    assert "Usinage (H2903)" in response.content.decode()
    skill_key = f"train:s{figures['data'].pk}:all"
    response = client.get(reverse("gpec_strategy:action_new"), {"priorite": skill_key})
    assert response.context["form"]["title"].value() == "Former : Analyse de données"


@pytest.mark.parametrize("key", ["nimporte", "recruit:o999999:all", "train:s1:99", "x:o1:all"])
def test_an_unknown_priority_leaves_the_form_blank_with_a_message(client, cast, key):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_strategy:action_new"), {"priorite": key})
    assert response.status_code == 200
    assert "priorité n&#x27;est pas reconnue" in response.content.decode()
    assert not response.context["form"]["title"].value()


def test_the_export_lists_every_priority_and_is_audited(client, cast, figures):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_strategy:export"))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Rang", "Levier", "Métier ou compétence")
    assert ("recruter", "Usinage", "H2903", "Tout le cluster") in [row[1:5] for row in rows]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.details["what"] == "gpec_strategy"
    assert entry.cluster_id == cast.cluster_a.pk


def test_without_declarations_the_page_says_so(client, cast):
    login(client, cast.staff_a)
    page = client.get(reverse("gpec_strategy:page")).content.decode()
    assert "Aucune priorité ne ressort des chiffres retenus" in page


def test_the_page_reads_the_same_number_of_queries_whatever_the_members(client, cast, figures):
    login(client, cast.staff_a)
    url = reverse("gpec_strategy:page")
    client.get(url)  # sessions, caches
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    lorient = Commune.objects.get(code="56121")
    for index in range(3):
        membership = MembershipFactory(cluster=cast.cluster_a, organisation__commune=lorient)
        declare(
            cast.cluster_a,
            membership.organisation,
            [(OccupationFactory(), (0, 1, 1, 1, 1, 1), 2, Difficulty.HIGH)],
            [(SkillFactory(), 1, SkillNeed.Answer.SHARE)],
        )
        ActionFactory(cluster=cast.cluster_a, priority_key=f"train:s{index}:all")
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert response.context["strategy"].respondents == 7
    assert len(after.captured_queries) == len(before.captured_queries) <= 45


def test_figures_nobody_gave_and_members_needing_nobody_fire_no_lever(client, cast, figures):
    """Three more members in Lorient declare 12 assemblers each, with neither
    age bands nor forecasts: their needs at 3 years are unknown, not nil, so
    no « mobilité » toward machining (which needs 15 people) although ROME
    links them. They need welding for 1, 0 and 0 people: one member needs
    someone, no « partager »."""
    assembly = OccupationFactory(code="H2909", label="Montage")
    MobilityFactory(source=assembly, target=figures["machining"])
    welding = SkillFactory(label="Soudure")
    lorient = Commune.objects.get(code="56121")
    for people in (1, 0, 0):
        membership = MembershipFactory(cluster=cast.cluster_a, organisation__commune=lorient)
        declaration = DeclarationFactory(
            cluster=cast.cluster_a, organisation=membership.organisation
        )
        WorkforceLineFactory(declaration=declaration, occupation=assembly, headcount=12)
        SkillNeedFactory(
            declaration=declaration,
            skill=welding,
            people=people,
            preferred_answer=SkillNeed.Answer.RECRUIT,
            kind=SkillNeed.Kind.SHORTAGE,
        )
    login(client, cast.staff_a)
    rows = client.get(reverse("gpec_strategy:page")).context["rows"]
    found = {(p.lever, p.subject.label) for p, _actions in rows}
    assert (Lever.RECRUIT, "Usinage") in found
    assert not {(lever, label) for lever, label in found if label in ("Montage", "Soudure")}
