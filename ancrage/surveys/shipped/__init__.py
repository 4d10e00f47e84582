"""The questionnaire templates shipped with Ancrage, ready to use and adapt.

`TEMPLATES` maps each key to a `Template` (title, description, sections);
`instantiate(cluster, key, user)` makes a cluster's questionnaire of it, with
its first version. A template is plain data: sections of questions, each a
dict of `Question` fields plus, for a table, its `columns`, and for a
conditional question `condition: (key of an earlier question, [values])`.
Condition values are in the answers' JSON format (choice values, true/false
for yes/no, integers for a scale)."""

from dataclasses import dataclass

from django.db import transaction

from ancrage.surveys.models import (
    QUESTION_SETTINGS,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Section,
)
from ancrage.surveys.shipped import barometer, competences, hr_survey, observatory


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    description: str
    sections: tuple

    @property
    def question_count(self):
        """Questions and table columns."""
        return sum(
            1 + len(question.get("columns", ()))
            for section in self.sections
            for question in section["questions"]
        )


TEMPLATES = {
    module.KEY: Template(module.KEY, module.TITLE, module.DESCRIPTION, module.SECTIONS)
    for module in (hr_survey, barometer, observatory, competences)
}


@transaction.atomic
def instantiate(cluster, key, user=None):
    """A new questionnaire of `cluster` made from the template `key`."""
    template = TEMPLATES[key]
    questionnaire = Questionnaire.objects.create(
        cluster=cluster,
        title=str(template.title),
        description=str(template.description),
        template_key=key,
        created_by=user,
    )
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=1, created_by=user
    )
    by_key = {}
    for position, data in enumerate(template.sections):
        section = Section.objects.create(
            version=version,
            position=position,
            title=str(data["title"]),
            description=str(data.get("description", "")),
        )
        for index, question in enumerate(data["questions"]):
            created = _create(version, section, question, index, by_key)
            for column_index, column in enumerate(question.get("columns", ())):
                _create(version, section, column, column_index, by_key, parent=created)
    return questionnaire


def _create(version, section, data, position, by_key, parent=None):
    fields = {name: data[name] for name in QUESTION_SETTINGS if name in data}
    for name in ("help_text", "unit"):
        if name in fields:
            fields[name] = str(fields[name])
    if "choices" in fields:
        fields["choices"] = [
            {"value": choice["value"], "label": str(choice["label"])}
            for choice in fields["choices"]
        ]
    condition = data.get("condition")
    if condition:
        fields["condition_question"] = by_key[condition[0]]
        fields["condition_values"] = list(condition[1])
    question = Question.objects.create(
        version=version,
        section=section,
        parent=parent,
        position=position,
        key=data["key"],
        kind=data["kind"],
        label=str(data["label"]),
        **fields,
    )
    by_key[question.key] = question
    return question
