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
