import pytest

from ancrage.surveys.answers import AnswerForm, data_from_draft
from tests.surveys.answer_fixtures import every_kind_version

pytestmark = pytest.mark.django_db


def full_data(items):
    return {
        "effectif": "1 250,5",
        "nom": "Usinage Alpha",
        "commentaire": "Rien à signaler",
        "probleme": "recrut",
        "actions": ["former"],
        "confiance": "4",
        "recrute": "true",
        "quand": "30/09/2026",
        "combien": "3",
        "metier": "H2913",
        "competences_code": [str(items["souder"].pk)],
        "competences": "",
        "commune": "56121",
        "postes__0__metier_ligne": "H2903",
        "postes__0__ouverts": "2",
        "postes__0__difficulte": "3",
    }


def test_every_kind_cleans_to_the_stored_format():
    version, _q, items = every_kind_version()
    form = AnswerForm(version, full_data(items))
    assert form.is_valid(), form.errors
    assert form.answers() == {
        "effectif": "1250.5",
        "nom": "Usinage Alpha",
        "commentaire": "Rien à signaler",
        "probleme": "recrut",
        "actions": ["former"],
        "confiance": 4,
        "recrute": True,
        "quand": "2026-09-30",
        "combien": "3",
        "metier": items["soudeur"].pk,
        "competences": [items["souder"].pk],
        "commune": "56121",
        "postes": [{"metier_ligne": items["usineur"].pk, "ouverts": "2", "difficulte": 3}],
    }


def test_stored_answers_show_again_and_clean_the_same():
    version, _q, items = every_kind_version()
    form = AnswerForm(version, full_data(items))
    assert form.is_valid(), form.errors
    answers = form.answers()
    shown = AnswerForm(version, initial_answers=answers)
    assert not shown.is_valid()  # shown, not validated
    assert shown.errors == {}
    again = AnswerForm(version, AnswerForm.data_from_answers(version, answers))
    assert again.is_valid(), again.errors
    assert again.answers() == answers
    draft = dict(AnswerForm.data_from_answers(version, answers).lists())
    assert AnswerForm(version, data_from_draft(draft)).is_valid()


def test_the_questions_render_with_errors_next_to_fields_and_a_summary():
    from django.template.loader import render_to_string

    version, _q, items = every_kind_version()
    data = full_data(items) | {"effectif": "douze", "probleme": ""}
    form = AnswerForm(version, data)
    assert not form.is_valid()
    html = render_to_string("surveys/respond/_questions.html", {"form": form})
    assert "Saisissez un nombre, par exemple 12 ou 12,5 (« douze » n&#x27;en est pas un)." in html
    assert 'href="#q-effectif"' in html
    assert 'href="#q-probleme"' in html
    assert 'value="douze"' in html
    assert "<legend" in html and "Ajouter une ligne" in html
    assert 'data-condition-key="recrute"' in html
    assert (
        "À remplir seulement si vous avez répondu « Oui » à la question « Question recrute »."
        in html
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12", "12"), ("12,5", "12.5"), ("12.50", "12.5"), ("1 250", "1250"), ("-0", "0")],
)
def test_numbers_typed_the_french_or_english_way(typed, stored):
    version, _q, items = every_kind_version()
    form = AnswerForm(version, full_data(items) | {"combien": typed})
    assert form.is_valid(), form.errors
    assert form.answers()["combien"] == stored


@pytest.mark.parametrize("typed", ["douze", "1,2,3", "1e5", "12 %", "123456789012345"])
def test_what_is_no_number_is_refused(typed):
    version, _q, items = every_kind_version()
    form = AnswerForm(version, full_data(items) | {"combien": typed})
    assert not form.is_valid()
    assert form.errors["combien"][0].startswith("Saisissez un nombre, par exemple 12 ou 12,5")


def test_limits_of_text_and_choices():
    version, q, items = every_kind_version()
    data = full_data(items) | {
        "nom": "n" * 301,
        "actions": ["recrut", "former"],
        "competences_code": [str(items["souder"].pk), str(items["lire"].pk)],
        "competences": "Compétence inconnue à coup sûr",
    }
    form = AnswerForm(version, data)
    assert not form.is_valid()
    assert form.errors["nom"] == [
        "Ce texte fait 301 caractères, pour 300 au plus : raccourcissez-le "
        "(il est conservé ci-dessous)."
    ]
    assert form.errors["actions"] == ["Cochez au plus une réponse (vous en avez coché 2)."]
    assert "Aucun élément ne correspond" in form.errors["competences"][0]
    data["competences"] = ""
    data["competences_code"].append(str(q["nom"].pk + 10**6))  # unknown: ignored
    form = AnswerForm(version, data)
    form.is_valid()
    assert "competences" not in form.errors


def test_a_long_list_of_choices_is_a_drop_down():
    from django import forms

    from ancrage.surveys.factories import QuestionFactory, SectionFactory

    section = SectionFactory()
    choices = [{"value": f"v{n}", "label": f"Choix {n}"} for n in range(9)]
    QuestionFactory(section=section, key="long", kind="single_choice", choices=choices)
    QuestionFactory(section=section, key="court", kind="single_choice", choices=choices[:3])
    form = AnswerForm(section.version)
    assert isinstance(form.fields["long"].widget, forms.Select)
    assert isinstance(form.fields["court"].widget, forms.RadioSelect)


def test_conditions_chain_and_hidden_answers_are_dropped():
    version, q, items = every_kind_version()
    # « quand » depends on « combien », which depends on « recrute ».
    q["quand"].condition_question = q["combien"]
    q["quand"].condition_values = ["3"]
    q["quand"].required = True
    q["quand"].save()
    form = AnswerForm(version, full_data(items) | {"recrute": "false", "quand": "pas une date"})
    assert form.is_valid(), form.errors
    assert "quand" not in form.answers() and "combien" not in form.answers()
    form = AnswerForm(version, full_data(items) | {"quand": ""})
    assert not form.is_valid()
    assert form.errors["quand"] == ["Répondez à cette question : elle est obligatoire."]


def test_a_required_table_needs_a_row_and_rows_need_required_cells():
    version, q, items = every_kind_version()
    q["postes"].required = True
    q["postes"].save()
    q["postes.ouverts"].required = True
    q["postes.ouverts"].save()
    data = {k: v for k, v in full_data(items).items() if not k.startswith("postes")}
    form = AnswerForm(version, data)
    assert not form.is_valid()
    assert form.errors["postes"] == ["Répondez à cette question : elle est obligatoire."]
    form = AnswerForm(version, data | {"postes__4__metier_ligne": "H2913"})
    assert not form.is_valid()
    assert form.errors["postes__4__ouverts"] == [
        "Répondez à cette question : elle est obligatoire."
    ]
    summary = form.error_summary()
    assert ("id_postes__4__ouverts", "Question postes, ligne 1 : Postes ouverts") in [
        (anchor, label) for anchor, label, _message in summary
    ]


def test_display_of_every_kind(django_assert_max_num_queries):
    from ancrage.surveys.answers import Labels, display

    version, q, items = every_kind_version()
    form = AnswerForm(version, full_data(items))
    assert form.is_valid(), form.errors
    answers = form.answers()
    labels = Labels.for_answers(version, [answers] * 1000)
    with django_assert_max_num_queries(0):
        shown = {
            key: display(question, answers.get(question.key), labels)
            for key, question in q.items()
            if not question.parent_id
        }
    assert shown == {
        "effectif": "1\u202f250,5 salariés",
        "nom": "Usinage Alpha",
        "commentaire": "Rien à signaler",
        "probleme": "Recruter",
        "actions": "Former",
        "confiance": "4",
        "recrute": "Oui",
        "quand": "30/09/2026",
        "combien": "3",
        "metier": "Soudeur (H2913)",
        "competences": "Souder",
        "commune": "Lorient (56100)",
        "postes": [{"metier_ligne": "Usineur (H2903)", "ouverts": "2", "difficulte": "3"}],
    }
    # Without labels, one value at a time; unknown values show as stored.
    assert display(q["metier"], items["usineur"].pk) == "Usineur (H2903)"
    assert display(q["recrute"], False) == "Non"
    assert display(q["probleme"], "disparu") == "disparu"
    assert display(q["nom"], None) == "" and display(q["postes"], None) == []


def test_labels_load_in_bulk(django_assert_max_num_queries):
    from ancrage.surveys.answers import Labels

    version, _q, items = every_kind_version()
    answers = {
        "metier": items["soudeur"].pk,
        "competences": [items["souder"].pk, items["lire"].pk],
        "commune": "56121",
        "postes": [{"metier_ligne": items["usineur"].pk}],
    }
    with django_assert_max_num_queries(4):
        labels = Labels.for_answers(version, [answers] * 2000)
    assert labels.occupation(items["usineur"].pk) == "Usineur (H2903)"
    assert labels.skill(items["lire"].pk) == "Lire un plan"
    assert labels.commune("56121") == "Lorient (56100)"
