"""Answering a questionnaire version: the form, its cleaning into the stored
JSON format (`surveys.models` docstring), and the human text of answers.

    form = AnswerForm(version, request.POST, cluster=campaign.cluster)
    if form.is_valid():
        response.answers = form.answers()

    # Showing stored answers (or a draft: the raw POST as typed) to edit them:
    form = AnswerForm(version, initial_answers=response.answers, cluster=cluster)
    form = AnswerForm(version, data_from_draft(response.draft), cluster=cluster,
                      validate=False)

Fields are named after the question keys. A table question (« one row per
occupation ») has one field per cell, `<key>__<row>__<column key>`, plus a
hidden marker field `<key>` that carries the table's own errors (a row
without its occupation, the same occupation twice). There is always one spare
empty row; the submit buttons named `row_action` (« add:<key> »,
« remove:<key>:<row> ») add or remove a row: `form.row_action` is then True
and the view re-renders the form (`validate=False`) instead of submitting.

A question with a condition (`condition_question` / `condition_values`) is
never required by the field itself: when its condition is met, an empty
answer to a required question is an error; when it is not, its answer and
its errors are dropped. Conditions compare text forms: a yes/no answer is
"true" or "false", a scale "3", a multiple choice matches if any value does.

`display(question, value, labels=None)` and `Labels.for_answers(version,
answers_iter)` (bulk labels for thousands of values) are in
`surveys.answers_display` and re-exported here."""

import re

from django import forms
from django.forms.utils import ErrorDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from ancrage.surveys.answers_display import Labels, display
from ancrage.surveys.answers_fields import REQUIRED, make_field, to_data, to_json
from ancrage.surveys.answers_layout import (
    SEPARATOR,
    AnswerLayout,
    cell_name,
    condition_texts,
    texts_of,
)
from ancrage.surveys.models import Kind

__all__ = ["AnswerForm", "Labels", "condition_met", "data_from_draft", "display"]

MAX_ROWS = 100
ROW_INDEX_LIMIT = 1000


def data_from_draft(draft):
    """A draft (the raw POST as stored: {name: text or [texts]}) as form data."""
    data = MultiValueDict()
    for name, value in (draft or {}).items():
        if isinstance(value, list):
            data.setlist(name, [str(each) for each in value])
        elif value is not None:
            data[name] = str(value)
    return data


def condition_met(question, answers, by_pk):
    """Whether `question` is shown given stored `answers` ({key: value}):
    its condition (and that of the question it depends on) is met."""
    seen = set()
    while question.condition_question_id:
        if question.pk in seen:
            return False
        seen.add(question.pk)
        parent = by_pk.get(question.condition_question_id)
        if parent is None:
            return True  # a condition on a question of another version: ignored
        if not texts_of(answers.get(parent.key)) & condition_texts(question.condition_values):
            return False
        question = parent
    return True


class AnswerForm(AnswerLayout, forms.Form):
    use_required_attribute = False  # a draft can be saved half-typed

    def __init__(
        self, version, data=None, cluster=None, initial_answers=None, *, validate=True, **kwargs
    ):
        self.version = version
        self.cluster = cluster
        self.validate = validate
        self.sections = list(version.sections.all())
        questions = list(version.questions.all())
        self.by_pk = {question.pk: question for question in questions}
        self.top = [q for q in questions if not q.parent_id]
        self.columns = {}
        for question in questions:
            if question.parent_id:
                self.columns.setdefault(question.parent_id, []).append(question)
        if data is None and initial_answers is not None:
            data = self.data_from_answers(version, initial_answers, questions=questions)
            self.validate = False
        self.row_action = bool(data is not None and data.get("row_action"))
        if self.row_action:
            self.validate = False
        super().__init__(data, **kwargs)
        self.rows = {}
        for question in self.top:
            if question.kind == Kind.TABLE:
                self._add_table(question)
            else:
                required = question.required and not question.condition_question_id
                self.fields[question.key] = make_field(question, cluster=cluster, required=required)

    # Tables

    def _row_indices(self, key):
        """The row indices the data holds for table `key`, after the row
        action, with one spare empty row at the end."""
        pattern = re.compile(rf"{re.escape(key)}{SEPARATOR}([0-9]{{1,3}}){SEPARATOR}")
        found = set()
        for name in self.data if self.is_bound else ():
            match = pattern.match(name)
            if match and int(match.group(1)) < ROW_INDEX_LIMIT:
                found.add(int(match.group(1)))
        indices = sorted(found)
        action = str(self.data.get("row_action", "")) if self.is_bound else ""
        if action.startswith(f"remove:{key}:"):
            removed = action.rsplit(":", 1)[-1]
            indices = [i for i in indices if str(i) != removed]
        columns = self.columns.get(self._question(key).pk, [])
        following = max(found) + 1 if found else 0
        if not indices or self._row_filled(key, indices[-1], columns):
            indices.append(following)
            following += 1
        if action == f"add:{key}" and len(indices) < MAX_ROWS:
            indices.append(following)
        return indices

    def _question(self, key):
        return next(q for q in self.top if q.key == key)

    def _row_filled(self, key, index, columns):
        for column in columns:
            name = cell_name(key, index, column.key)
            if hasattr(self.data, "getlist"):
                values = self.data.getlist(name)
            else:
                value = self.data.get(name)
                values = value if isinstance(value, list) else [value or ""]
            if any(str(value).strip() for value in values):
                return True
        return False

    def _add_table(self, question):
        self.fields[question.key] = forms.CharField(
            label=question.label,
            required=False,
            widget=forms.HiddenInput,
            help_text=question.help_text,
        )
        columns = self.columns.get(question.pk, [])
        indices = self._row_indices(question.key)
        self.rows[question.key] = indices
        for index in indices:
            for column in columns:
                cell = make_field(column, cluster=self.cluster, compact=True)
                self.fields[cell_name(question.key, index, column.key)] = cell

    # Validation

    def full_clean(self):
        if not self.validate:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self):
        return self.validate and super().is_valid()

    def clean(self):
        cleaned = self.cleaned_data
        values = {}
        for question in self.top:
            if question.kind == Kind.TABLE:
                values[question.key] = self._clean_table(question)
            else:
                values[question.key] = to_json(question.kind, cleaned.get(question.key))
        self._answers = {}
        for question in self.top:
            names = self._names(question)
            if not condition_met(question, values, self.by_pk):
                for name in names:
                    self._errors.pop(name, None)
                continue
            if any(name in self._errors for name in names):
                continue
            value = values[question.key]
            if value in (None, []):
                if question.required:
                    self.add_error(question.key, REQUIRED)
                continue
            self._answers[question.key] = value
        return cleaned

    def _names(self, question):
        if question.kind != Kind.TABLE:
            return [question.key]
        columns = self.columns.get(question.pk, [])
        return [question.key] + [
            cell_name(question.key, index, column.key)
            for index in self.rows[question.key]
            for column in columns
        ]

    def _clean_table(self, question):
        key = question.key
        columns = self.columns.get(question.pk, [])
        occupation = next((c for c in columns if c.kind == Kind.OCCUPATION), None)
        rows, seen = [], {}
        filled = [i for i in self.rows[key] if self._row_filled(key, i, columns)]
        if len(filled) > MAX_ROWS:
            self.add_error(key, _("%(max)s lignes au plus.") % {"max": MAX_ROWS})
            return None
        for number, index in enumerate(self.rows[key], start=1):
            names = {c.key: cell_name(key, index, c.key) for c in columns}
            if index not in filled or any(name in self._errors for name in names.values()):
                continue
            row = {}
            for column in columns:
                value = to_json(column.kind, self.cleaned_data.get(names[column.key]))
                if value is not None:
                    row[column.key] = value
            if not row:
                continue
            if occupation is not None and occupation.key not in row:
                self.add_error(names[occupation.key], _("Choisissez le métier de cette ligne."))
                continue
            for column in columns:
                if column.required and column.key not in row:
                    self.add_error(names[column.key], REQUIRED)
            if occupation is not None:
                item = self.cleaned_data[names[occupation.key]]
                if item.pk in seen:
                    self.add_error(
                        key,
                        _(
                            "Les lignes %(first)s et %(second)s portent le même métier "
                            "« %(label)s » : regroupez-les sur une seule ligne."
                        )
                        % {
                            "first": seen[item.pk],
                            "second": number,
                            "label": f"{item.label} ({item.code})",
                        },
                    )
                seen.setdefault(item.pk, number)
            rows.append(row)
        return rows

    def answers(self):
        """The cleaned answers, {question key: stored value}; questions without
        an answer (or hidden by their condition) are left out."""
        if not self.is_valid():
            raise ValueError("answers() of an invalid form")
        return dict(self._answers)

    # Showing stored answers

    @staticmethod
    def data_from_answers(version, answers, questions=None):
        """Form data (as if posted) that shows the stored `answers`."""
        answers = answers or {}
        if questions is None:
            questions = list(version.questions.all())
        labels = Labels.for_answers(version, [answers])
        data = MultiValueDict()
        for question in questions:
            if question.parent_id or question.key not in answers:
                continue
            value = answers[question.key]
            if question.kind == Kind.TABLE:
                columns = labels.columns.get(question.pk, [])
                for index, row in enumerate(value if isinstance(value, list) else []):
                    for column in columns:
                        name = cell_name(question.key, index, column.key)
                        cell = row.get(column.key) if isinstance(row, dict) else None
                        _put(data, to_data(column.kind, name, cell, labels))
            else:
                _put(data, to_data(question.kind, question.key, value, labels))
        return data


def _put(data, values):
    for name, value in values.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
