"""Questions in the builder: a form for each kind, choices with stable
values, tables and their columns, conditions, GPEC mappings, deleting and
moving; bad input gets a French message and keeps what was typed."""

import pytest
from django.urls import reverse

from ancrage.surveys.factories import QuestionFactory, QuestionnaireFactory, SectionFactory
from ancrage.surveys.models import GpecFact, Kind, Question
from ancrage.surveys.shipped import instantiate
from tests.cast import login

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


@pytest.fixture
def section(cast):
    questionnaire = QuestionnaireFactory(cluster=cast.cluster_a)
    return SectionFactory(version=questionnaire.current_version, title="Votre entreprise")


def url(name, *args):
    return reverse(f"questionnaires:{name}", args=args)


def add(client, section, kind, **data):
    questionnaire = section.version.questionnaire_id
    return client.post(url("question_add", questionnaire, section.pk), {"type": kind, **data})


def edit(client, question, **data):
    return client.post(url("question_edit", question.version.questionnaire_id, question.pk), data)


def errors(response):
    form = response.context["form"]
    return {name: [str(e) for e in errs] for name, errs in form.errors.items()}


def test_the_kind_is_chosen_first(staff, section):
    page = staff.get(url("question_add", section.version.questionnaire_id, section.pk))
    assert page.templates[0].name == "surveys/builder/question_kind.html"
    form = staff.get(
        url("question_add", section.version.questionnaire_id, section.pk) + "?type=number"
    )
    fields = set(form.context["form"].fields)
    assert {"min_value", "max_value", "unit", "gpec_fact"} <= fields
    assert "choices_text" not in fields


def test_add_a_number_question_with_its_key(staff, section):
    response = add(
        staff,
        section,
        Kind.NUMBER,
        label="Effectif total au 31 décembre",
        required="on",
        min_value="0",
        unit="salariés",
        gpec_fact=GpecFact.HEADCOUNT,
    )
    question = Question.objects.get(version=section.version)
    assert response["Location"].endswith(f"#q-{question.pk}")
    assert question.key == "effectif_total_au_31_decembre"
    assert (question.required, question.unit, question.gpec_fact) == (True, "salariés", "headcount")
    again = add(staff, section, Kind.NUMBER, label="Effectif total au 31 décembre")
    assert again.status_code == 302
    assert Question.objects.filter(key="effectif_total_au_31_decembre_2").exists()


def test_bad_numbers_and_long_labels_keep_what_was_typed(staff, section):
    label = "Combien ? " + "x" * 10_000
    response = add(staff, section, Kind.NUMBER, label=label, min_value="10", max_value="2")
    found = errors(response)
    assert "au plus 500 caractères" in found["label"][0]
    assert found["max_value"] == ["Le maximum doit être supérieur ou égal au minimum."]
    page = response.content.decode()
    assert "x" * 10_000 in page
    assert 'value="10"' in page
    assert not Question.objects.exists()
    empty = add(staff, section, Kind.NUMBER, label="")
    assert errors(empty)["label"]


def test_choices_get_slug_values_that_stay_when_labels_change(staff, section):
    add(
        staff,
        section,
        Kind.SINGLE_CHOICE,
        label="Votre activité principale",
        choices_text="Usinage\n\nTôlerie fine\n1 — Chaudronnerie",
    )
    question = Question.objects.get(version=section.version)
    assert question.choices == [
        {"value": "usinage", "label": "Usinage"},
        {"value": "tolerie_fine", "label": "Tôlerie fine"},
        {"value": "1", "label": "1 — Chaudronnerie"},
    ]
    edit(
        staff,
        question,
        label="Votre activité principale",
        choices_text="Usinage de précision\nTôlerie fine\n1 — Chaudronnerie\nSoudure",
    )
    question.refresh_from_db()
    assert [c["value"] for c in question.choices] == ["usinage", "tolerie_fine", "1", "soudure"]
    assert question.choices[0]["label"] == "Usinage de précision"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Indiquez au moins deux choix, un par ligne."),
        ("Oui", "Indiquez au moins deux choix, un par ligne."),
        ("Usinage\nusinage", "« usinage » est en double."),
        ("Court\n" + "y" * 201, "Un choix fait 200 caractères au plus"),
    ],
)
def test_invalid_choices(staff, section, text, message):
    response = add(staff, section, Kind.MULTIPLE_CHOICE, label="Vos marchés", choices_text=text)
    assert any(message in error for error in errors(response)["choices_text"])
    assert "Vos marchés" in response.content.decode()
    assert not Question.objects.exists()


def test_scale_and_skill_questions(staff, section):
    add(staff, section, Kind.SCALE, label="Recommanderiez-vous le cluster ?", scale="0-10")
    add(staff, section, Kind.SKILL, label="Compétences recherchées", max_items="5")
    scale, skill = Question.objects.filter(version=section.version).order_by("position")
    assert (scale.scale_min, scale.scale_max) == (0, 10)
    assert skill.max_items == 5
    too_many = add(staff, section, Kind.SKILL, label="Compétences", max_items="500")
    assert "inférieure ou égale à 50" in errors(too_many)["max_items"][0]
    refused = add(staff, section, Kind.SCALE, label="Confiance", scale="1-5", gpec_fact="turnover")
    assert errors(refused)["gpec_fact"]


def test_a_table_starts_with_its_occupation_column(staff, section):
    add(staff, section, Kind.TABLE, label="Postes par métier")
    table = Question.objects.get(kind=Kind.TABLE)
    (occupation,) = table.columns.all()
    assert (occupation.kind, occupation.gpec_fact, occupation.required) == (
        Kind.OCCUPATION,
        GpecFact.OCCUPATION,
        True,
    )
    questionnaire = section.version.questionnaire_id
    kinds = staff.get(url("column_add", questionnaire, table.pk))
    assert Kind.OCCUPATION not in dict(kinds.context["kinds"])
    assert Kind.TABLE not in dict(kinds.context["kinds"])
    staff.post(
        url("column_add", questionnaire, table.pk),
        {"type": "number", "label": "Postes ouverts", "gpec_fact": GpecFact.OPEN_UNFILLED},
    )
    staff.post(
        url("column_add", questionnaire, table.pk),
        {"type": "single_choice", "label": "Difficulté", "gpec_fact": GpecFact.DIFFICULTY},
    )
    staff.post(
        url("column_add", questionnaire, table.pk),
        {"type": "single_choice", "label": "Raison", "gpec_fact": GpecFact.DIFFICULTY_REASON},
    )
    _occupation, open_positions, difficulty, reason = table.columns.order_by("position")
    assert open_positions.min_value == 0  # a count is never negative
    assert [c["value"] for c in difficulty.choices] == ["1", "2", "3", "4"]
    assert {c["value"] for c in reason.choices} == {
        "few_candidates",
        "skills_missing",
        "attractiveness",
        "location",
        "pay",
        "conditions",
    }
    twice = staff.post(
        url("column_add", questionnaire, table.pk),
        {"type": "number", "label": "Postes ouverts (bis)", "gpec_fact": GpecFact.OPEN_UNFILLED},
    )
    assert "alimente déjà" in errors(twice)["gpec_fact"][0]
    unknown_reason = edit(
        staff,
        reason,
        label="Raison",
        choices_text="Peu de candidats\nLa météo",
        gpec_fact=GpecFact.DIFFICULTY_REASON,
    )
    assert "« La météo »" in errors(unknown_reason)["choices_text"][0]


def test_counts_need_a_table_and_a_non_negative_minimum(staff, section):
    outside = add(staff, section, Kind.NUMBER, label="Postes", gpec_fact=GpecFact.OPEN_UNFILLED)
    assert errors(outside)["gpec_fact"]  # not offered outside a table
    negative = add(
        staff, section, Kind.NUMBER, label="Effectif", min_value="-1", gpec_fact="headcount"
    )
    assert "ne peut pas être négatif" in errors(negative)["gpec_fact"][0]


def test_columns_move_but_the_occupation_stays_first(staff, section):
    add(staff, section, Kind.TABLE, label="Postes par métier")
    table = Question.objects.get(kind=Kind.TABLE)
    questionnaire = section.version.questionnaire_id
    for label in ("Postes ouverts", "Recrutements à 1 an"):
        staff.post(url("column_add", questionnaire, table.pk), {"type": "number", "label": label})
    occupation, _first, second = table.columns.order_by("position")
    staff.post(url("question_move", questionnaire, second.pk), {"direction": "up"})
    assert [c.label for c in table.columns.order_by("position")] == [
        "Métier",
        "Recrutements à 1 an",
        "Postes ouverts",
    ]
    refused = staff.post(
        url("question_move", questionnaire, second.pk), {"direction": "up"}, follow=True
    )
    assert "le métier reste en tête" in str(list(refused.context["messages"])[-1])
    delete = staff.get(url("question_delete", questionnaire, occupation.pk))
    assert "supprimez le tableau entier" in delete.content.decode()
    staff.post(url("question_delete", questionnaire, occupation.pk))
    assert table.columns.count() == 3
    staff.post(url("question_delete", questionnaire, table.pk))
    assert not Question.objects.filter(version=section.version).exists()


def test_conditions_on_earlier_questions(staff, section):
    add(staff, section, Kind.YES_NO, label="Recrutez-vous ?")
    add(staff, section, Kind.SCALE, label="Confiance", scale="1-5")
    source, scale = Question.objects.order_by("position")
    add(
        staff,
        section,
        Kind.NUMBER,
        label="Combien de recrutements ?",
        condition=[f"{source.key}=true"],
    )
    dependent = Question.objects.get(label="Combien de recrutements ?")
    assert (dependent.condition_question, dependent.condition_values) == (source, [True])
    edit(staff, dependent, label="Combien ?", condition=[f"{scale.key}=4", f"{scale.key}=5"])
    dependent.refresh_from_db()
    assert (dependent.condition_question, dependent.condition_values) == (scale, [4, 5])
    edit(staff, dependent, label="Combien ?")
    dependent.refresh_from_db()
    assert dependent.condition_question is None and dependent.condition_values == []


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        (["later=true"], "posée avant celle-ci"),
        (["itself=true"], "ne peut pas dépendre d'elle-même"),
        (["first=maybe"], "n'est pas une réponse possible"),
        (["first=true", "second=true"], "d'une seule question"),
        (["nowhere=true"], "n'existe plus"),
    ],
)
def test_bad_conditions(staff, section, condition, message):
    QuestionFactory(section=section, kind=Kind.YES_NO, key="first", position=0)
    QuestionFactory(section=section, kind=Kind.YES_NO, key="second", position=1)
    itself = QuestionFactory(section=section, kind=Kind.YES_NO, key="itself", position=2)
    QuestionFactory(section=section, kind=Kind.YES_NO, key="later", position=3)
    response = edit(staff, itself, label="Vraiment ?", condition=condition)
    assert message in errors(response)["condition"][0]
    itself.refresh_from_db()
    assert itself.condition_question is None


def test_a_question_others_depend_on_is_not_deleted_nor_emptied(staff, section):
    source = QuestionFactory(
        section=section,
        kind=Kind.SINGLE_CHOICE,
        label="Recrutez-vous ?",
        choices=[{"value": "oui", "label": "Oui"}, {"value": "non", "label": "Non"}],
        position=0,
    )
    QuestionFactory(
        section=section,
        label="Combien ?",
        condition_question=source,
        condition_values=["oui"],
        position=1,
    )
    questionnaire = section.version.questionnaire_id
    page = staff.get(url("question_delete", questionnaire, source.pk)).content.decode()
    assert "« Combien ? »" in page and "Retirez ou changez d&#x27;abord leur condition" in page
    staff.post(url("question_delete", questionnaire, source.pk))
    assert Question.objects.filter(pk=source.pk).exists()
    response = edit(staff, source, label="Recrutez-vous ?", choices_text="Non\nPeut-être")
    assert "modifiez d'abord cette condition" in response.context["form"].non_field_errors()[0]


def test_moving_questions_within_and_across_sections(staff, section):
    version = section.version
    later = SectionFactory(version=version, position=section.position + 1, title="Plus tard")
    a = QuestionFactory(section=section, label="A", position=0)
    b = QuestionFactory(section=section, label="B", position=1)
    questionnaire = version.questionnaire_id
    response = staff.post(url("question_move", questionnaire, b.pk), {"direction": "up"}, **HTMX)
    assert response.templates[0].name == "surveys/builder/_plan.html"
    assert list(section.questions.order_by("position")) == [b, a]
    staff.post(url("question_move", questionnaire, a.pk), {"direction": "down"})
    a.refresh_from_db()
    assert a.section == later
    staff.post(url("question_move", questionnaire, a.pk), {"direction": "up"})
    a.refresh_from_db()
    assert a.section == section and list(section.questions.order_by("position")) == [b, a]


def test_a_move_that_breaks_a_condition_is_refused(staff, section):
    source = QuestionFactory(section=section, kind=Kind.YES_NO, label="Recrutez-vous ?", position=0)
    dependent = QuestionFactory(
        section=section, condition_question=source, condition_values=[True], position=1
    )
    questionnaire = section.version.questionnaire_id
    response = staff.post(
        url("question_move", questionnaire, dependent.pk), {"direction": "up"}, follow=True
    )
    assert "dépend d'une question qui serait posée après elle" in str(
        list(response.context["messages"])[-1]
    )
    assert list(section.questions.order_by("position")) == [source, dependent]


def test_reorder_by_drag_and_drop(staff, section):
    version = section.version
    other = SectionFactory(version=version, position=section.position + 1)
    a = QuestionFactory(section=section, position=0)
    b = QuestionFactory(section=section, position=1)
    c = QuestionFactory(section=other, position=0)
    questionnaire = version.questionnaire_id
    staff.post(
        url("reorder", questionnaire),
        {
            "section": [other.pk, section.pk],
            "question": [f"{other.pk}:{b.pk}", f"{other.pk}:{c.pk}", f"{section.pk}:{a.pk}"],
        },
        **HTMX,
    )
    assert list(version.sections.order_by("position")) == [other, section]
    assert list(other.questions.order_by("position")) == [b, c]
    assert list(section.questions.all()) == [a]
    stale = staff.post(
        url("reorder", questionnaire),
        {"section": [other.pk], "question": [f"{other.pk}:{b.pk}"]},
        follow=True,
    )
    assert "n'est plus à jour" in str(list(stale.context["messages"])[-1])
    garbage = staff.post(url("reorder", questionnaire), {"section": ["x"]})
    assert garbage.status_code == 400


def test_edits_bump_the_revision(staff, cast):
    questionnaire = instantiate(cast.cluster_a, "besoins-competences-3-ans")
    version = questionnaire.current_version
    question = version.questions.get(key="commentaires")
    edit(staff, question, label="Autre chose à ajouter ?")
    refused = edit(staff, question, label="")
    assert refused.status_code == 200
    version.refresh_from_db()
    assert version.revision == 2
