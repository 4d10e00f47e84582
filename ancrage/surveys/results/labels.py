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
        if question.kind not in (Kind.OCCUPATION, Kind.SKILL, Kind.COMMUNE, Kind.TABLE):
            continue
        keys = [c.key for c in question.table_columns if c.kind == Kind.OCCUPATION]
        values = [r.answers.get(question.key) for r in respondents]
        values = [value for value in values if value not in (None, "", [])]
        if question.kind in (Kind.OCCUPATION, Kind.SKILL):
            for value in values:
                wanted[question.kind] |= _ids(value)
        elif question.kind == Kind.COMMUNE:
            wanted[Kind.COMMUNE].update(value for value in values if isinstance(value, str))
        else:
            found = wanted[Kind.OCCUPATION]
            for value in values:
                for row in value if isinstance(value, list) else ():
                    if isinstance(row, dict):
                        for key in keys:
                            pk = row.get(key)
                            if isinstance(pk, int):
                                found.add(pk)
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
