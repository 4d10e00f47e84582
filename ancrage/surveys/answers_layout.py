"""How an `AnswerForm` is laid out for its template
(surveys/respond/_questions.html): sections of items, table rows, the notes
of conditional questions and the error summary; and the text forms answers
are compared with in conditions."""

import dataclasses
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from ancrage.surveys.answers_display import choice_label, display
from ancrage.surveys.models import Kind

SEPARATOR = "__"


def cell_name(key, row, column_key):
    return f"{key}{SEPARATOR}{row}{SEPARATOR}{column_key}"


def texts_of(value):
    """The text forms a stored or cleaned answer is compared with in conditions."""
    if isinstance(value, bool):
        return {"true" if value else "false"}
    if isinstance(value, list | tuple):
        return {text for each in value for text in texts_of(each)}
    if value in (None, ""):
        return set()
    return {str(getattr(value, "pk", value))}


def condition_texts(values):
    texts = set()
    for value in values or []:
        texts |= texts_of(value)
        if str(value).lower() in ("oui", "yes"):
            texts.add("true")
        if str(value).lower() in ("non", "no"):
            texts.add("false")
    return texts


@dataclass
class Row:
    number: int  # 1, 2… as shown
    index: int  # in the field names
    cells: list = dataclasses.field(default_factory=list)  # bound fields, one per column


@dataclass
class Item:
    """A question as the template shows it."""

    question: object
    field: object = None  # the bound field (the marker of a table)
    columns: list = dataclasses.field(default_factory=list)
    rows: list = dataclasses.field(default_factory=list)
    condition_text: str = ""
    condition_key: str = ""
    condition_values: list = dataclasses.field(default_factory=list)

    @property
    def is_table(self):
        return self.question.kind == Kind.TABLE

    @property
    def uses_fieldset(self):
        return self.is_table or getattr(self.field.field.widget, "use_fieldset", False)


class AnswerLayout:
    """The rendering side of `AnswerForm` (a mixin: it reads the form's
    `top`, `sections`, `columns`, `rows` and `by_pk`)."""

    def items(self):
        """[(section, [Item, …]), …] in order, for the template."""
        by_section = {}
        for question in self.top:
            by_section.setdefault(question.section_id, []).append(self._item(question))
        return [(section, by_section.get(section.pk, [])) for section in self.sections]

    def _item(self, question):
        item = Item(question, field=self[question.key])
        parent = self.by_pk.get(question.condition_question_id)
        if parent is not None:
            shown = [_condition_label(parent, value) for value in question.condition_values or []]
            item.condition_key = parent.key
            item.condition_values = sorted(condition_texts(question.condition_values))
            item.condition_text = _(
                "À remplir seulement si vous avez répondu « %(answers)s » à la question "
                "« %(question)s »."
            ) % {"answers": _(" » ou « ").join(shown), "question": parent.label}
        if question.kind == Kind.TABLE:
            item.columns = self.columns.get(question.pk, [])
            item.rows = [
                Row(
                    number,
                    index,
                    [self[cell_name(question.key, index, c.key)] for c in item.columns],
                )
                for number, index in enumerate(self.rows[question.key], start=1)
            ]
        return item

    def error_summary(self):
        """[(anchor id, label, message)] of every error, in the order of the form."""
        summary = []
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS:
                summary += [("", "", str(message)) for message in errors]
                continue
            bound = self[name]
            label = str(bound.label)
            parts = name.split(SEPARATOR)
            if len(parts) == 3:
                table = self.fields[parts[0]].label
                number = self.rows[parts[0]].index(int(parts[1])) + 1
                label = _("%(table)s, ligne %(number)s : %(column)s") % {
                    "table": table,
                    "number": number,
                    "column": label,
                }
                anchor = bound.auto_id
            else:
                anchor = f"q-{name}"
            summary += [(anchor, label, str(message)) for message in errors]
        return summary


def _condition_label(parent, value):
    if parent.kind == Kind.YES_NO:
        return display(parent, str(value).lower() in ("true", "oui", "yes"))
    return choice_label(parent, value)
