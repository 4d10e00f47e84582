"""The declaration screens: the organisation's list, its form (pre-filled,
rows added without JavaScript, bad input kept and explained, never a 500),
« Rien n'a changé », and the staff entering on behalf of a member."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.gpec import declarations
from ancrage.gpec.models import Declaration, OccupationForecast, SkillNeed, WorkforceLine
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from tests.cast import login


@pytest.fixture
def occupations(db):
    return {
        "usinage": OccupationFactory(code="H2903", label="Usinage"),
        "soudage": OccupationFactory(code="H2913", label="Soudage"),
    }


@pytest.fixture
def organisation(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def management(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "60",
    }


def block(index, **values):
    return {f"metiers-{index}-{name}": str(value) for name, value in values.items()}


def post_data(*blocks, skills=(), day=None):
    data = {"declared_on": (day or timezone.localdate()).isoformat()}
    data.update(management("metiers", len(blocks)))
    data.update(management("competences", len(skills)))
    for values in blocks:
        data.update(values)
    for values in skills:
        data.update(values)
    return data


AGES = {
    "age_under_25": 1,
    "age_25_34": 3,
    "age_35_44": 3,
    "age_45_54": 2,
    "age_55_59": 2,
    "age_60_plus": 1,
}


def declare_url(cast):
    return reverse("gpec_declarations:declare", args=[cast.cluster_a.pk])


def test_a_member_declares_two_occupations(client, cast, occupations, organisation):
    login(client, cast.member_a)
    skill = SkillFactory(label="Programmer une machine à commande numérique")
    data = post_data(
        block(0, occupation="H2903", headcount=12, women=3, retirements_3y=2, **AGES),
        block(1, occupation="H2913", headcount=4, difficulty=4, difficulty_reason="few_candidates"),
        skills=[
            {
                "competences-0-skill": "",
                "competences-0-skill_code": str(skill.pk),
                "competences-0-horizon_years": "3",
                "competences-0-people": "2",
                "competences-0-preferred_answer": "train",
            }
        ],
    )
    data["competences-0-skill"] = skill.label
    response = client.post(declare_url(cast), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    declaration = Declaration.objects.get()
    assert (declaration.organisation, declaration.cluster) == (organisation, cast.cluster_a)
    assert declaration.entered_by == cast.member_a and not declaration.on_behalf
    lines = WorkforceLine.objects.filter(source_key=declaration.source_key)
    assert sorted((line.occupation.code, line.headcount, line.age_45_54) for line in lines) == [
        ("H2903", 12, 2),
        ("H2913", 4, None),
    ]
    assert OccupationForecast.objects.filter(source_key=declaration.source_key).count() == 2
    assert SkillNeed.objects.get().preferred_answer == "train"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.details["what"] == "gpec_declaration"
    assert entry.cluster_id == cast.cluster_a.pk and entry.details["on_behalf"] is False
    page = client.get(reverse("gpec_declarations:mine")).content.decode()
    assert "Cluster Alpha" in page and "Dernière déclaration le" in page


def test_the_form_is_prefilled_from_the_last_declaration(client, cast, occupations, organisation):
    declarations.save_declaration(
        cast.cluster_a,
        organisation,
        datetime.date(2025, 6, 1),
        blocks=[{"occupation": occupations["soudage"], "headcount": 7}],
        skills=[],
        user=cast.member_a,
        on_behalf=False,
    )
    login(client, cast.member_a)
    page = client.get(declare_url(cast)).content.decode()
    assert "reprend la déclaration du 01/06/2025" in page
    assert 'name="metiers-0-headcount" value="7"' in page
    assert "Soudage" in page
    assert 'name="metiers-TOTAL_FORMS" value="2"' in page


def test_adding_an_occupation_keeps_everything_typed(client, cast, occupations):
    login(client, cast.member_a)
    data = post_data(block(0, occupation="H2903", headcount=12, women="beaucoup"))
    data["add_occupation"] = "1"
    response = client.post(declare_url(cast), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="metiers-TOTAL_FORMS" value="2"' in page
    assert 'name="metiers-1-headcount"' in page
    assert 'value="beaucoup"' in page and 'value="12"' in page
    assert "Saisissez un nombre entier" in page  # explained already, saved later
    assert not Declaration.objects.exists()


@pytest.mark.parametrize(
    ("values", "cell", "message"),
    [
        ({"headcount": 10, **AGES}, "headcount", "Les tranches d&#x27;âge totalisent 12 personnes"),
        ({"headcount": 2, "women": 3}, "women", "plus que l&#x27;effectif du métier (2)"),
        ({"headcount": 2, "retirements_1y": 3}, "retirements_1y", "dépassent l&#x27;effectif"),
        ({"headcount": -4}, "headcount", "ne peut pas être négatif"),
        ({"headcount": 2**31 + 5}, "headcount", "trop grand"),
        ({"headcount": "douze"}, "headcount", "nombre entier"),
        ({"headcount": "1\x002"}, "headcount", "nombre entier"),
        ({"headcount": 3, "age_under_25": 3}, "age_25_34", "toutes les tranches"),
        ({"headcount": 3, "occupation": "Dompteur de licornes"}, "occupation", ""),
        ({"headcount": 3, "occupation": "\x00"}, "occupation", ""),
        ({"headcount": 3, "occupation": ""}, "occupation", "Choisissez le métier"),
        ({"occupation": "H2903"}, "headcount", "Indiquez l&#x27;effectif"),
    ],
)
def test_bad_input_is_kept_and_explained_next_to_the_cell(
    client, cast, occupations, values, cell, message
):
    login(client, cast.member_a)
    values = {"occupation": "H2903", **values}
    response = client.post(declare_url(cast), post_data(block(0, **values)))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_metiers-0-{cell}_error"' in page
    error = page.split(f'id="id_metiers-0-{cell}_error"')[1].split("</div>")[0]
    assert message in error
    assert "à corriger" in page
    assert not Declaration.objects.exists()


def test_the_same_occupation_twice_is_refused(client, cast, occupations):
    login(client, cast.member_a)
    data = post_data(
        block(0, occupation="H2903", headcount=2), block(1, occupation="H2903", headcount=3)
    )
    page = client.post(declare_url(cast), data).content.decode()
    error = page.split('id="id_metiers-1-occupation_error"')[1].split("</div>")[0]
    assert "déjà déclaré plus haut" in error
    assert not Declaration.objects.exists()


def test_a_future_date_is_refused(client, cast, occupations):
    login(client, cast.member_a)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = post_data(block(0, occupation="H2903", headcount=2), day=tomorrow)
    page = client.post(declare_url(cast), data).content.decode()
    assert "ne peut pas être dans le futur" in page
    data["declared_on"] = "32/13/2026\x00"
    page = client.post(declare_url(cast), data).content.decode()
    assert "Saisissez une date valide" in page
    assert not Declaration.objects.exists()


def test_a_broken_management_form_does_not_fail(client, cast, occupations):
    login(client, cast.member_a)
    data = post_data(block(0, occupation="H2903", headcount=2))
    data["metiers-TOTAL_FORMS"] = "99999999999999999999"
    data["add_occupation"] = "1"
    assert client.post(declare_url(cast), data).status_code == 200
    data = {"declared_on": "2025-01-01", "add_skill": "1"}
    response = client.post(declare_url(cast), data)
    assert response.status_code == 200
    assert "ManagementForm" in response.content.decode()
    assert client.post(declare_url(cast), {"declared_on": "2025-01-01"}).status_code == 200


def test_nothing_changed_in_one_click(client, cast, occupations, organisation):
    last = declarations.save_declaration(
        cast.cluster_a,
        organisation,
        datetime.date(2025, 6, 1),
        blocks=[{"occupation": occupations["soudage"], "headcount": 7}],
        skills=[],
        user=cast.member_a,
        on_behalf=False,
    )
    login(client, cast.member_a)
    url = reverse("gpec_declarations:unchanged", args=[cast.cluster_a.pk])
    response = client.post(url, follow=True)
    assert "vos chiffres du 01/06/2025 sont repris" in response.content.decode()
    again = Declaration.objects.exclude(pk=last.pk).get()
    assert again.unchanged_from == last and again.declared_on == timezone.localdate()
    assert WorkforceLine.objects.get(source_key=again.source_key).headcount == 7
    assert AuditEntry.objects.get(action=AuditEntry.Action.UPDATE).details["unchanged_from"] == (
        last.pk
    )


def test_nothing_changed_without_a_declaration_asks_to_declare(client, cast):
    login(client, cast.member_a)
    url = reverse("gpec_declarations:unchanged", args=[cast.cluster_a.pk])
    response = client.post(url)
    assert response["Location"] == declare_url(cast)
    assert not Declaration.objects.exists()


def test_staff_declare_on_behalf_and_read_the_history(
    client, cast, occupations, organisation, django_assert_max_num_queries
):
    login(client, cast.staff_a)
    url = reverse("gpec_declarations:declare_on_behalf", args=[organisation.pk])
    response = client.post(url, post_data(block(0, occupation="H2913", headcount=5)))
    assert response["Location"] == reverse("gpec_declarations:history", args=[organisation.pk])
    declaration = Declaration.objects.get()
    assert declaration.on_behalf and declaration.entered_by == cast.staff_a
    assert WorkforceLine.objects.get().on_behalf is True
    assert AuditEntry.objects.get(action=AuditEntry.Action.UPDATE).details["on_behalf"] is True
    for _ in range(5):
        declarations.declare_unchanged(cast.cluster_a, organisation, cast.staff_a, on_behalf=True)
    with django_assert_max_num_queries(12):
        page = client.get(response["Location"]).content.decode()
    assert page.count("saisie par l'équipe du cluster") == 6
    login(client, cast.member_a)
    page = client.get(reverse("gpec_declarations:mine")).content.decode()
    assert "saisie par l'équipe du cluster" in page


def test_the_list_reads_every_cluster_in_a_few_queries(
    client, cast, organisation, django_assert_max_num_queries
):
    for _ in range(4):
        membership = MembershipFactory(organisation=organisation)
        declarations.save_declaration(
            membership.cluster,
            organisation,
            datetime.date(2025, 1, 1),
            blocks=[],
            skills=[],
            user=cast.member_a,
            on_behalf=False,
        )
    MembershipFactory(organisation=organisation, status=Membership.Status.FORMER)
    login(client, cast.member_a)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("gpec_declarations:mine")).content.decode()
    assert page.count("Dernière déclaration le 01/01/2025") == 4
    assert "Cluster Alpha" in page and "Aucune déclaration pour l'instant." in page


def test_a_former_member_cannot_declare(client, cast, organisation):
    Membership.objects.filter(organisation=organisation).update(status=Membership.Status.FORMER)
    login(client, cast.member_a)
    assert client.get(declare_url(cast)).status_code == 404
    login(client, cast.staff_a)
    url = reverse("gpec_declarations:declare_on_behalf", args=[organisation.pk])
    assert client.get(url).status_code == 404


def test_staff_say_nothing_changed_on_behalf_of_a_member(client, cast, occupations, organisation):
    last = declarations.save_declaration(
        cast.cluster_a,
        organisation,
        datetime.date(2025, 6, 1),
        blocks=[{"occupation": occupations["soudage"], "headcount": 7}],
        skills=[],
        user=cast.member_a,
        on_behalf=False,
    )
    login(client, cast.staff_a)
    url = reverse("gpec_declarations:unchanged_on_behalf", args=[organisation.pk])
    history = reverse("gpec_declarations:history", args=[organisation.pk])
    response = client.post(url)
    assert response["Location"] == history
    again = Declaration.objects.exclude(pk=last.pk).get()
    assert again.unchanged_from == last and again.declared_on == timezone.localdate()
    assert again.on_behalf and again.entered_by == cast.staff_a
    line = WorkforceLine.objects.get(source_key=again.source_key)
    assert (line.headcount, line.on_behalf, line.entered_by) == (7, True, cast.staff_a)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.details["on_behalf"] is True and entry.details["unchanged_from"] == last.pk
    page = client.get(history).content.decode()
    assert "les chiffres du 01/06/2025 de Usinage Alpha sont repris" in page
    assert "rien n'avait changé" in page
    # From the list of declarations, back to the list with its filter.
    listed = reverse("gpec_declarations:list") + "?etat=ancienne"
    assert client.post(url, {"next": listed})["Location"] == listed
    for elsewhere in ("https://exemple.com/", "//exemple.com/cluster/gpec/declarations/"):
        assert client.post(url, {"next": elsewhere})["Location"] == history


def test_staff_nothing_changed_without_a_declaration_asks_to_declare(client, cast, organisation):
    login(client, cast.staff_a)
    url = reverse("gpec_declarations:unchanged_on_behalf", args=[organisation.pk])
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "gpec_declarations:declare_on_behalf", args=[organisation.pk]
    )
    assert "Usinage Alpha n&#x27;a encore rien déclaré" in response.content.decode()
    assert not Declaration.objects.exists()
