"""The action plan: create an action with its indicators, edit and delete it,
every change audited; bad input explained in French with nothing typed lost;
the list groups actions by status in a few queries and shows only the
acting cluster's."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.gpec.factories import ActionFactory
from ancrage.gpec.models import Action, ActionIndicator, Lever
from ancrage.referentiel.factories import OccupationFactory
from ancrage.territory.models import Department
from tests.cast import login

pytestmark = pytest.mark.django_db


def action_data(**overrides):
    data = {
        "title": "Jobdating usinage",
        "lever": Lever.RECRUIT,
        "occupation": "",
        "skill": "",
        "department": "",
        "owner": "Chargée de mission emploi",
        "deadline": "2027-03-31",
        "status": Action.Status.PLANNED,
        "description": "Avec France Travail, au printemps.",
        "priority_key": "recruit:o1:all",
        "indicateurs-TOTAL_FORMS": "2",
        "indicateurs-INITIAL_FORMS": "0",
        "indicateurs-MIN_NUM_FORMS": "0",
        "indicateurs-MAX_NUM_FORMS": "20",
        "indicateurs-0-label": "Personnes recrutées",
        "indicateurs-0-target": "12",
        "indicateurs-0-current": "2,5",
        "indicateurs-1-label": "",
        "indicateurs-1-target": "",
        "indicateurs-1-current": "",
    }
    data.update(overrides)
    return data


def test_staff_create_an_action_with_an_indicator(client, cast):
    machining = OccupationFactory(code="H2903", label="Usinage")
    login(client, cast.staff_a)
    response = client.post(
        reverse("gpec_strategy:action_new"),
        action_data(occupation="H2903", department=str(Department.objects.get(code="56").pk)),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("gpec_strategy:actions")
    action = Action.objects.get()
    assert (action.cluster, action.created_by, action.occupation) == (
        cast.cluster_a,
        cast.staff_a,
        machining,
    )
    assert action.department.code == "56"
    assert action.deadline == datetime.date(2027, 3, 31)
    assert action.priority_key == "recruit:o1:all"
    assert list(action.indicators.values_list("label", "target", "current")) == [
        ("Personnes recrutées", Decimal("12"), Decimal("2.5"))
    ]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.details["change"] == "created"
    assert entry.details["indicators"] == 1
    assert entry.cluster_id == cast.cluster_a.pk
    page = " ".join(client.get(reverse("gpec_strategy:actions")).content.decode().split())
    assert "est ajoutée au plan" in page
    assert "Personnes recrutées : 2,50 / 12" in page


def test_bad_input_is_explained_and_nothing_typed_is_lost(client, cast):
    login(client, cast.staff_a)
    response = client.post(
        reverse("gpec_strategy:action_new"),
        action_data(
            title="   ",
            owner="",
            deadline="31/02/2027",
            occupation="Métier qui n'existe pas du tout",
            **{
                "indicateurs-0-label": "",
                "indicateurs-0-target": "douze",
                "indicateurs-1-target": "4",
            },
        ),
    )
    assert response.status_code == 200
    assert not Action.objects.exists()
    page = response.content.decode()
    assert "Rien n'est enregistré : corrigez les champs signalés." in page
    form, indicators = response.context["form"], response.context["indicators"]
    assert form.errors["title"] == ["Ce champ est obligatoire."]
    assert form.errors["owner"] == ["Ce champ est obligatoire."]
    assert form.errors["deadline"] == ["Saisissez une date valide."]
    assert "occupation" in form.errors
    assert indicators.forms[0].errors["target"] == ["Saisissez un nombre."]
    assert indicators.forms[1].errors["label"] == [
        "Donnez un intitulé à cet indicateur (sa cible est saisie)."
    ]
    # What was typed stays in the fields.
    assert 'value="31/02/2027"' in page
    assert "Avec France Travail, au printemps." in page
    assert 'value="douze"' in page
    assert "Métier qui n&#x27;existe pas du tout" in page


def test_staff_edit_the_status_and_the_indicators(client, cast):
    action = ActionFactory(cluster=cast.cluster_a, title="Former à la soudure")
    kept = ActionIndicator.objects.create(action=action, label="Sessions", target=4, current=1)
    dropped = ActionIndicator.objects.create(action=action, label="Ancien", target=1)
    login(client, cast.staff_a)
    page = client.get(reverse("gpec_strategy:action_edit", args=[action.pk]))
    assert page.context["form"]["title"].value() == "Former à la soudure"
    data = action_data(
        title="Former à la soudure",
        lever=Lever.TRAIN,
        status=Action.Status.IN_PROGRESS,
        priority_key="",
        **{
            "indicateurs-TOTAL_FORMS": "3",
            "indicateurs-INITIAL_FORMS": "2",
            "indicateurs-0-id": str(kept.pk),
            "indicateurs-0-label": "Sessions",
            "indicateurs-0-target": "4",
            "indicateurs-0-current": "3",
            "indicateurs-1-id": str(dropped.pk),
            "indicateurs-1-label": "Ancien",
            "indicateurs-1-target": "1",
            "indicateurs-1-current": "",
            "indicateurs-1-DELETE": "on",
            "indicateurs-2-label": "Stagiaires",
            "indicateurs-2-target": "30",
            "indicateurs-2-current": "",
        },
    )
    response = client.post(reverse("gpec_strategy:action_edit", args=[action.pk]), data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert list(action.indicators.values_list("label", "target", "current")) == [
        ("Sessions", Decimal("4"), Decimal("3")),
        ("Stagiaires", Decimal("30"), None),
    ]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert (entry.details["change"], entry.details["status"]) == ("updated", "in_progress")


def test_staff_delete_an_action_and_it_is_audited(client, cast):
    action = ActionFactory(cluster=cast.cluster_a, title="Salon de l'industrie")
    ActionIndicator.objects.create(action=action, label="Visiteurs")
    login(client, cast.staff_a)
    confirm = client.get(reverse("gpec_strategy:action_delete", args=[action.pk]))
    assert "Salon de l&#x27;industrie" in confirm.content.decode()
    response = client.post(reverse("gpec_strategy:action_delete", args=[action.pk]))
    assert response.status_code == 302
    assert not Action.objects.exists() and not ActionIndicator.objects.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.details["change"] == "deleted"
    assert entry.object_repr == "Salon de l'industrie"


def test_another_clusters_action_answers_404_and_is_left_alone(client, cast):
    action = ActionFactory(cluster=cast.cluster_b, title="Chez Bêta")
    login(client, cast.staff_a)
    url = reverse("gpec_strategy:action_edit", args=[action.pk])
    assert client.post(url, action_data()).status_code == 404
    delete = reverse("gpec_strategy:action_delete", args=[action.pk])
    assert client.post(delete).status_code == 404
    action.refresh_from_db()
    assert action.title == "Chez Bêta"
    assert "Chez Bêta" not in client.get(reverse("gpec_strategy:actions")).content.decode()


def test_the_plan_groups_actions_by_status_in_a_few_queries(
    client, cast, django_assert_max_num_queries
):
    occupation = OccupationFactory(label="Chaudronnerie")
    for index, status in enumerate(Action.Status.values * 3):
        action = ActionFactory(
            cluster=cast.cluster_a,
            title=f"Action {index:02d}",
            status=status,
            occupation=occupation,
            deadline=datetime.date(2027, 1, 1) + datetime.timedelta(days=index),
        )
        ActionIndicator.objects.create(action=action, label=f"Indicateur {index}", target=5)
    login(client, cast.staff_a)
    client.get(reverse("gpec_strategy:actions"))  # sessions, caches
    with django_assert_max_num_queries(12):
        response = client.get(reverse("gpec_strategy:actions"))
    groups = response.context["groups"]
    assert [(status, len(items)) for status, _label, items in groups] == [
        (status, 3) for status in Action.Status.values
    ]
    planned = [action.title for action in groups[0][2]]
    assert planned == ["Action 00", "Action 04", "Action 08"]
    assert "Indicateur 11" in response.content.decode()


def test_a_tampered_priority_key_is_explained(client, cast):
    login(client, cast.staff_a)
    response = client.post(reverse("gpec_strategy:action_new"), action_data(priority_key="x" * 200))
    assert response.status_code == 200
    assert not Action.objects.exists()
    page = response.content.decode()
    assert (
        "Priorité de la stratégie : Assurez-vous que cette valeur comporte au plus 120 caractères"
        in page
    )
