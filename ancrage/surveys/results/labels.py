"""Labels of the occupations, skills and communes the answers name, loaded in
three queries at most whatever the number of answers."""

from dataclasses import dataclass, field

from ancrage.referentiel.models import Occupation, Skill
from ancrage.surveys.models import Kind
from ancrage.territory.models import Commune


@dataclass
class Place:
    name: str
    department_code: str
    department_name: str
    latitude: float | None
    longitude: float | None


@dataclass
class Labels:
    occupations: dict = field(default_factory=dict)  # pk -> "Label (CODE)"
    skills: dict = field(default_factory=dict)  # pk -> label
    communes: dict = field(default_factory=dict)  # INSEE code -> Place

    def occupation(self, pk):
        return self.occupations.get(pk, f"#{pk}")

    def skill(self, pk):
        return self.skills.get(pk, f"#{pk}")


def _ids(value):
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, int) and not isinstance(v, bool)}


def load(questions, respondents):
    """The labels for `questions` (top-level, with `.table_columns`) over the answers."""
    wanted = {Kind.OCCUPATION: set(), Kind.SKILL: set(), Kind.COMMUNE: set()}
    for question in questions:
        columns = [c for c in question.table_columns if c.kind == Kind.OCCUPATION]
        for respondent in respondents:
            value = respondent.answers.get(question.key)
            if value in (None, "", []):
                continue
            if question.kind in (Kind.OCCUPATION, Kind.SKILL):
                wanted[question.kind] |= _ids(value)
            elif question.kind == Kind.COMMUNE and isinstance(value, str):
                wanted[Kind.COMMUNE].add(value)
            elif question.kind == Kind.TABLE and isinstance(value, list):
                for row in value:
                    for column in columns:
                        if isinstance(row, dict):
                            wanted[Kind.OCCUPATION] |= _ids(row.get(column.key))
    labels = Labels()
    if wanted[Kind.OCCUPATION]:
        labels.occupations = {
            pk: f"{label} ({code})"
            for pk, label, code in Occupation.objects.filter(
                pk__in=wanted[Kind.OCCUPATION]
            ).values_list("pk", "label", "code")
        }
    if wanted[Kind.SKILL]:
        labels.skills = dict(
            Skill.objects.filter(pk__in=wanted[Kind.SKILL]).values_list("pk", "label")
        )
    if wanted[Kind.COMMUNE]:
        labels.communes = {
            code: Place(name, department_code, department_name, latitude, longitude)
            for code, name, department_code, department_name, latitude, longitude in (
                Commune.objects.filter(code__in=wanted[Kind.COMMUNE]).values_list(
                    "code",
                    "name",
                    "department__code",
                    "department__name",
                    "latitude",
                    "longitude",
                )
            )
        }
    return labels
