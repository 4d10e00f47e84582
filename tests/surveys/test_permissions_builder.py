"""Who may open each questionnaire builder screen: the acting cluster's staff
only; another cluster's questionnaires answer 404 to its staff."""

from ancrage.surveys.factories import QuestionFactory, SectionFactory
from ancrage.surveys.models import Kind
from ancrage.surveys.shipped import instantiate
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_POST = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT)
ON_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
ACTION_ON_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)


def questionnaire_of_a(cast):
    return {"pk": instantiate(cast.cluster_a, "barometre-metiers-en-tension").pk}


def section_of_a(cast):
    questionnaire = instantiate(cast.cluster_a, "observatoire-economique")
    section = questionnaire.current_version.sections.order_by("position").last()
    return {"pk": questionnaire.pk, "section_pk": section.pk}


def question_of_a(cast):
    questionnaire = instantiate(cast.cluster_a, "observatoire-economique")
    question = questionnaire.current_version.questions.get(key="commentaires")
    return {"pk": questionnaire.pk, "question_pk": question.pk}


def table_of_a(cast):
    questionnaire = instantiate(cast.cluster_a, "besoins-competences-3-ans")
    table = questionnaire.current_version.questions.get(kind=Kind.TABLE)
    return {"pk": questionnaire.pk, "question_pk": table.pk}


def simple_section_of_a(cast):
    section = SectionFactory(version__questionnaire__cluster=cast.cluster_a)
    QuestionFactory(section=section)
    return {"pk": section.version.questionnaire_id, "section_pk": section.pk}


TITLE = {"title": "Enquête flash"}
QUESTION = {"type": "number", "label": "Combien de stagiaires accueillez-vous ?"}

MATRIX = [
    Case("questionnaires:list", STAFF),
    Case("questionnaires:create", STAFF),
    Case("questionnaires:create", STAFF_POST, method="post", data=TITLE),
    Case(
        "questionnaires:from_template",
        STAFF_POST,
        method="post",
        data={"template": "observatoire-economique"},
    ),
    Case("questionnaires:from_template", NOT_GET),
    Case("questionnaires:detail", ON_A, kwargs=questionnaire_of_a),
    Case("questionnaires:edit", ON_A, kwargs=questionnaire_of_a),
    Case("questionnaires:edit", ACTION_ON_A, kwargs=questionnaire_of_a, method="post", data=TITLE),
    Case("questionnaires:duplicate", ACTION_ON_A, kwargs=questionnaire_of_a, method="post"),
    Case("questionnaires:duplicate", NOT_GET, kwargs=questionnaire_of_a),
    Case("questionnaires:archive", ACTION_ON_A, kwargs=questionnaire_of_a, method="post"),
    Case("questionnaires:archive", NOT_GET, kwargs=questionnaire_of_a),
    Case("questionnaires:preview", ON_A, kwargs=questionnaire_of_a),
    Case(
        "questionnaires:preview",
        ON_A,
        kwargs=questionnaire_of_a,
        method="post",
        data={"effectif": "12"},
    ),
    Case(
        "questionnaires:reorder",
        ACTION_ON_A,
        kwargs=questionnaire_of_a,
        method="post",
    ),
    Case("questionnaires:reorder", NOT_GET, kwargs=questionnaire_of_a),
    Case("questionnaires:section_add", ON_A, kwargs=questionnaire_of_a),
    Case(
        "questionnaires:section_add",
        ACTION_ON_A,
        kwargs=questionnaire_of_a,
        method="post",
        data={"title": "Formation"},
    ),
    Case("questionnaires:section_edit", ON_A, kwargs=section_of_a),
    Case(
        "questionnaires:section_edit",
        ACTION_ON_A,
        kwargs=section_of_a,
        method="post",
        data={"title": "Perspectives 2027"},
    ),
    Case("questionnaires:section_delete", ON_A, kwargs=section_of_a),
    Case("questionnaires:section_delete", ACTION_ON_A, kwargs=simple_section_of_a, method="post"),
    Case(
        "questionnaires:section_move",
        ACTION_ON_A,
        kwargs=section_of_a,
        method="post",
        data={"direction": "up"},
    ),
    Case("questionnaires:section_move", NOT_GET, kwargs=section_of_a),
    Case("questionnaires:question_add", ON_A, kwargs=section_of_a),
    Case(
        "questionnaires:question_add",
        ACTION_ON_A,
        kwargs=section_of_a,
        method="post",
        data=QUESTION,
    ),
    Case("questionnaires:question_edit", ON_A, kwargs=question_of_a),
    Case(
        "questionnaires:question_edit",
        ACTION_ON_A,
        kwargs=question_of_a,
        method="post",
        data=QUESTION,
    ),
    Case("questionnaires:question_delete", ON_A, kwargs=question_of_a),
    Case("questionnaires:question_delete", ACTION_ON_A, kwargs=question_of_a, method="post"),
    Case(
        "questionnaires:question_move",
        ACTION_ON_A,
        kwargs=question_of_a,
        method="post",
        data={"direction": "up"},
    ),
    Case("questionnaires:question_move", NOT_GET, kwargs=question_of_a),
    Case("questionnaires:column_add", ON_A, kwargs=table_of_a),
    Case(
        "questionnaires:column_add",
        ACTION_ON_A,
        kwargs=table_of_a,
        method="post",
        data={"type": "number", "label": "Alternants"},
    ),
]

test_permissions = permission_test(MATRIX)
