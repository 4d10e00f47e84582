"""The shipped questionnaire templates: they instantiate completely and feed
the GPEC through valid mappings."""

import pytest

from ancrage.clusters.factories import ClusterFactory
from ancrage.surveys.gpec_mapping import gpec_fact_error
from ancrage.surveys.models import COLUMN_KINDS, GpecFact, Kind, Question
from ancrage.surveys.shipped import TEMPLATES, instantiate

pytestmark = pytest.mark.django_db


def test_four_templates_in_order():
    assert list(TEMPLATES) == [
        "enquete-rh-annuelle",
        "barometre-metiers-en-tension",
        "observatoire-economique",
        "besoins-competences-3-ans",
    ]
    assert str(TEMPLATES["enquete-rh-annuelle"].title) == "Enquête RH annuelle"


@pytest.mark.parametrize("key", list(TEMPLATES))
def test_instantiate_builds_the_whole_questionnaire(key):
    cluster = ClusterFactory()
    questionnaire = instantiate(cluster, key)
    template = TEMPLATES[key]
    assert questionnaire.cluster == cluster
    assert questionnaire.template_key == key
    assert questionnaire.title == str(template.title)
    version = questionnaire.current_version
    assert version.number == 1 and not version.is_frozen
    assert version.sections.count() == len(template.sections)
    questions = list(version.questions.select_related("parent", "condition_question"))
    assert len(questions) == template.question_count
    assert 15 <= len(questions) <= 30
    keys = [question.key for question in questions]
    assert len(set(keys)) == len(keys)
    assert all(len(k) <= 40 for k in keys)


@pytest.mark.parametrize("key", list(TEMPLATES))
def test_mappings_are_valid_for_the_gpec_feed(key):
    version = instantiate(ClusterFactory(), key).current_version
    questions = version.questions.all()
    mapped = [question for question in questions if question.gpec_fact]
    assert mapped
    top_facts = [q.gpec_fact for q in mapped if q.parent_id is None]
    assert len(top_facts) == len(set(top_facts))
    for question in mapped:
        first = None
        if question.parent_id:
            first = question.parent.columns.order_by("position").first()
        error = gpec_fact_error(
            question, in_table=question.parent_id is not None, first_column=question == first
        )
        assert error is None, (question.key, error)


@pytest.mark.parametrize("key", list(TEMPLATES))
def test_tables_start_with_the_occupation_and_conditions_look_back(key):
    version = instantiate(ClusterFactory(), key).current_version
    ordered = list(version.questions.filter(parent=None))
    for table in (q for q in ordered if q.kind == Kind.TABLE):
        columns = list(table.columns.order_by("position"))
        assert columns[0].kind == Kind.OCCUPATION
        assert columns[0].gpec_fact == GpecFact.OCCUPATION
        assert {column.kind for column in columns} <= COLUMN_KINDS
        assert len({column.gpec_fact for column in columns if column.gpec_fact}) == len(
            [column for column in columns if column.gpec_fact]
        )
    for index, question in enumerate(ordered):
        if question.condition_question_id:
            assert question.condition_question in ordered[:index]
            assert question.condition_values


def test_hr_survey_matches_the_systematic_model():
    version = instantiate(ClusterFactory(), "enquete-rh-annuelle").current_version
    facts = set(version.questions.exclude(gpec_fact="").values_list("gpec_fact", flat=True))
    assert {
        GpecFact.HEADCOUNT,
        GpecFact.SKILLS_SOUGHT,
        GpecFact.OCCUPATION,
        GpecFact.OPEN_UNFILLED,
        GpecFact.RECRUITMENTS_1Y,
        GpecFact.RECRUITMENTS_3Y,
        GpecFact.CREATIONS_3Y,
        GpecFact.DIFFICULTY,
        GpecFact.DIFFICULTY_REASON,
    } <= facts
    causes = Question.objects.get(version=version, key="causes_difficultes")
    assert causes.condition_question.key == "difficultes_recrutement"
    assert causes.condition_values == [True]


def test_each_template_makes_a_separate_questionnaire():
    cluster = ClusterFactory()
    first = instantiate(cluster, "observatoire-economique")
    second = instantiate(cluster, "observatoire-economique")
    assert first.pk != second.pk
    assert first.current_version.questions.count() == second.current_version.questions.count()
    confidence = first.current_version.questions.get(key="confiance")
    assert (confidence.scale_min, confidence.scale_max, confidence.gpec_fact) == (
        1,
        5,
        "confidence",
    )
