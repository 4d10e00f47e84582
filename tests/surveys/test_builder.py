"""The questionnaire builder's screens: list, creation from scratch or from a
template, duplicate, archive, sections, versions and preview."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.surveys.factories import (
    CampaignFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ResponseFactory,
    SectionFactory,
)
from ancrage.surveys.models import Kind, Question, Questionnaire, Response
from ancrage.surveys.shipped import instantiate
from ancrage.surveys.versions import freeze
from tests.cast import login

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def url(name, *args):
    return reverse(f"questionnaires:{name}", args=args)


def texts(response):
    return [str(message) for message in response.context["messages"]]


def test_list_shows_the_clusters_questionnaires_with_version_and_campaigns(staff, cast):
    active = instantiate(cast.cluster_a, "enquete-rh-annuelle")
    CampaignFactory(cluster=cast.cluster_a, questionnaire=active)
    CampaignFactory(cluster=cast.cluster_a, questionnaire=active)
    freeze(active.current_version)
    archived = QuestionnaireFactory(cluster=cast.cluster_a, title="Ancien baromètre", archived=True)
    QuestionnaireFactory(cluster=cast.cluster_b, title="Enquête de Bêta")
    response = staff.get(url("list"))
    rows = list(response.context["questionnaires"])
    assert rows == [active]
    assert (rows[0].version_number, rows[0].campaign_count, rows[0].question_count) == (1, 2, 20)
    assert rows[0].version_frozen_at is not None
    page = response.content.decode()
    assert "Enquête de Bêta" not in page and "Ancien baromètre" not in page
    assert "Voir le questionnaire archivé" in page
    assert "Baromètre trimestriel des métiers en tension" in page  # a template to start from
    archives = staff.get(url("list") + "?archives=1")
    assert list(archives.context["questionnaires"]) == [archived]


def test_list_query_count_does_not_grow_with_questionnaires(
    staff, cast, django_assert_max_num_queries
):
    for _index in range(3):
        questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
        CampaignFactory(cluster=cast.cluster_a, questionnaire=questionnaire)
    staff.get(url("list"))
    with django_assert_max_num_queries(12) as few:
        staff.get(url("list"))
    for _index in range(8):
        questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
        CampaignFactory(cluster=cast.cluster_a, questionnaire=questionnaire)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff.get(url("list"))
    assert len(response.context["questionnaires"]) == 11


def test_create_a_blank_questionnaire(staff, cast):
    response = staff.post(url("create"), {"title": "Enquête flash alternance", "description": ""})
    questionnaire = Questionnaire.objects.get(title="Enquête flash alternance")
    assert response["Location"] == url("detail", questionnaire.pk)
    assert questionnaire.cluster == cast.cluster_a and questionnaire.created_by == cast.staff_a
    assert questionnaire.current_version.number == 1
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.QUESTIONNAIRE_UPDATED, object_id=str(questionnaire.pk)
    ).exists()


def test_create_without_title_keeps_the_description(staff):
    response = staff.post(url("create"), {"title": " ", "description": "Pour les adhérents"})
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert "Pour les adhérents" in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_start_from_a_template(staff, cast):
    response = staff.post(url("from_template"), {"template": "observatoire-economique"})
    questionnaire = Questionnaire.objects.get(cluster=cast.cluster_a)
    assert response["Location"] == url("detail", questionnaire.pk)
    assert questionnaire.template_key == "observatoire-economique"
    unknown = staff.post(url("from_template"), {"template": "inconnu"}, follow=True)
    assert "Ce modèle n'existe pas" in texts(unknown)[-1]
    assert Questionnaire.objects.count() == 1


def test_duplicate_and_archive(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "barometre-metiers-en-tension")
    response = staff.post(url("duplicate", questionnaire.pk))
    copy = Questionnaire.objects.exclude(pk=questionnaire.pk).get()
    assert response["Location"] == url("detail", copy.pk)
    assert copy.title == "Baromètre trimestriel des métiers en tension (copie)"
    assert copy.current_version.questions.count() == 17
    staff.post(url("archive", copy.pk))
    copy.refresh_from_db()
    assert copy.archived
    staff.post(url("archive", copy.pk))
    copy.refresh_from_db()
    assert not copy.archived


def test_edit_title_and_presentation(staff, cast):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    staff.post(url("edit", questionnaire.pk), {"title": "Baromètre T4", "description": "Merci !"})
    questionnaire.refresh_from_db()
    assert (questionnaire.title, questionnaire.description) == ("Baromètre T4", "Merci !")


def test_builder_page_shows_sections_questions_conditions_and_mappings(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "enquete-rh-annuelle")
    page = staff.get(url("detail", questionnaire.pk)).content.decode()
    assert "Vos difficultés RH" in page
    assert "Postes ouverts non pourvus à ce jour" in page
    assert "Affichée seulement si « Avez-vous rencontré des difficultés" in page
    assert "vaut « Oui »" in page
    assert "GPEC : postes ouverts non pourvus" in page
    assert "en cours de rédaction" in page
    assert "Cette version est figée" not in page


def test_sections_add_edit_delete(staff, cast):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    staff.post(url("section_add", questionnaire.pk), {"title": "Votre entreprise"})
    staff.post(url("section_add", questionnaire.pk), {"title": "Vos besoins"})
    version = questionnaire.current_version
    first, second = version.sections.order_by("position")
    assert (first.title, second.title, second.position) == ("Votre entreprise", "Vos besoins", 1)
    staff.post(
        url("section_edit", questionnaire.pk, second.pk),
        {"title": "Vos besoins à 3 ans", "description": "Une ligne par métier."},
    )
    second.refresh_from_db()
    assert second.title == "Vos besoins à 3 ans"
    empty = staff.post(url("section_edit", questionnaire.pk, second.pk), {"title": ""})
    assert empty.status_code == 200 and empty.context["form"].errors["title"]
    QuestionFactory(section=second)
    confirm = staff.get(url("section_delete", questionnaire.pk, second.pk))
    assert "et sa question" in confirm.content.decode()
    staff.post(url("section_delete", questionnaire.pk, second.pk))
    assert list(version.sections.all()) == [first]
    version.refresh_from_db()
    assert version.revision == 5  # four changes since creation


def test_a_section_others_depend_on_is_not_deleted(staff, cast):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    version = questionnaire.current_version
    first = SectionFactory(version=version, position=0)
    second = SectionFactory(version=version, position=1)
    source = QuestionFactory(section=first, kind=Kind.YES_NO, label="Recrutez-vous ?")
    QuestionFactory(section=second, condition_question=source, condition_values=[True])
    page = staff.get(url("section_delete", questionnaire.pk, first.pk)).content.decode()
    assert "ne peut pas être supprimée" in page
    staff.post(url("section_delete", questionnaire.pk, first.pk))
    assert version.sections.count() == 2


def test_moving_sections(staff, cast):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    version = questionnaire.current_version
    first = SectionFactory(version=version, position=0, title="A")
    SectionFactory(version=version, position=1, title="B")
    response = staff.post(
        url("section_move", questionnaire.pk, first.pk), {"direction": "down"}, **HTMX
    )
    assert response.templates[0].name == "surveys/builder/_plan.html"
    assert [s.title for s in version.sections.order_by("position")] == ["B", "A"]
    again = staff.post(
        url("section_move", questionnaire.pk, first.pk), {"direction": "down"}, follow=True
    )
    assert "déjà à cette extrémité" in texts(again)[0]


def test_editing_a_frozen_version_makes_a_new_one(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "barometre-metiers-en-tension")
    old = questionnaire.current_version
    answered = CampaignFactory(cluster=cast.cluster_a, questionnaire=questionnaire, title="T1")
    waiting = CampaignFactory(cluster=cast.cluster_a, questionnaire=questionnaire, title="T2")
    ResponseFactory(invitee__campaign=answered)
    freeze(old)
    page = staff.get(url("detail", questionnaire.pk)).content.decode()
    assert "Cette version est figée : vos modifications créeront la version 2." in page
    question = old.questions.get(key="teletravail")
    staff.post(
        url("question_edit", questionnaire.pk, question.pk),
        {
            "label": "Quelle politique de télétravail proposez-vous ?",
            "choices_text": "Aucun\n1 à 2 jours\n3 jours ou plus",
        },
    )
    new = questionnaire.current_version
    assert new.number == 2 and new.revision == 2
    assert old.questions.get(key="teletravail").label.startswith("Quelle politique de télétravail")
    assert new.questions.get(key="teletravail").label == (
        "Quelle politique de télétravail proposez-vous ?"
    )
    assert (
        old.questions.get(key="teletravail").choices != new.questions.get(key="teletravail").choices
    )
    answered.refresh_from_db()
    waiting.refresh_from_db()
    assert (answered.version, waiting.version) == (old, new)
    page = staff.get(url("detail", questionnaire.pk)).content.decode()
    assert "Cette version est figée" not in page
    assert "v1</strong>" in page and "figée le" in page and "(campagne « T1 »" in page


def test_a_stale_page_edits_the_current_version(staff, cast):
    """A question shown from version 1 after version 2 was made is edited in version 2."""
    questionnaire = instantiate(cast.cluster_a, "observatoire-economique")
    old = questionnaire.current_version
    freeze(old)
    section = old.sections.order_by("position").first()
    staff.post(url("section_edit", questionnaire.pk, section.pk), {"title": "Identité"})
    question = old.questions.get(key="commentaires")
    staff.post(url("question_edit", questionnaire.pk, question.pk), {"label": "Un mot ?"})
    assert questionnaire.versions.count() == 2
    current = questionnaire.current_version
    assert current.sections.order_by("position").first().title == "Identité"
    assert current.questions.get(key="commentaires").label == "Un mot ?"
    assert old.questions.get(key="commentaires").label != "Un mot ?"


def test_preview_shows_the_form_and_saves_nothing(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "observatoire-economique")
    response = staff.get(url("preview", questionnaire.pk))
    page = response.content.decode()
    assert "Aperçu — les réponses ne sont pas enregistrées." in page
    assert "Quelle confiance avez-vous dans les perspectives de la filière ?" in page
    assert 'name="confiance"' in page
    checked = staff.post(url("preview", questionnaire.pk), {"effectif": "-4"})
    assert checked.context["form"].errors
    assert not checked.context["checked"]
    assert not Response.objects.exists()
    assert staff.get(url("preview", questionnaire.pk) + "?version=7").status_code == 404
    assert staff.get(url("preview", questionnaire.pk) + "?version=abc").status_code == 404


def test_preview_of_an_older_version(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "observatoire-economique")
    freeze(questionnaire.current_version)
    question = questionnaire.current_version.questions.get(key="commentaires")
    staff.post(url("question_edit", questionnaire.pk, question.pk), {"label": "Un dernier mot ?"})
    old = staff.get(url("preview", questionnaire.pk) + "?version=1").content.decode()
    new = staff.get(url("preview", questionnaire.pk)).content.decode()
    assert "Un dernier mot ?" in new and "Un dernier mot ?" not in old


def test_another_clusters_parts_answer_404(staff, cast):
    questionnaire = instantiate(cast.cluster_b, "observatoire-economique")
    question = questionnaire.current_version.questions.first()
    own = QuestionnaireFactory(cluster=cast.cluster_a)
    # A question of cluster B's questionnaire through cluster A's questionnaire.
    assert staff.get(url("question_edit", own.pk, question.pk)).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()


def test_adding_to_a_frozen_version_adds_to_the_copy(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "enquete-rh-annuelle")
    old = questionnaire.current_version
    freeze(old)
    section = old.sections.order_by("position").last()
    table = old.questions.get(kind=Kind.TABLE)
    staff.post(
        url("question_add", questionnaire.pk, section.pk),
        {
            "type": "number",
            "label": "Nombre d'alternants",
            "condition": ["difficultes_recrutement=true"],
        },
    )
    new = questionnaire.current_version
    added = new.questions.get(label="Nombre d'alternants")
    assert added.section.version == new and added.section.title == section.title
    assert added.condition_question == new.questions.get(key="difficultes_recrutement")
    staff.post(
        url("column_add", questionnaire.pk, table.pk), {"type": "yes_no", "label": "Alternance"}
    )
    column = new.questions.get(label="Alternance")
    assert column.parent.key == table.key and column.parent.version == new
    assert questionnaire.versions.count() == 2
    assert not old.questions.filter(label__in=["Nombre d'alternants", "Alternance"]).exists()
