"""A priority of the cluster's strategy (`gpec.levers`): an occupation or a
skill, in the whole population or a département, the lever the data suggests,
its score, the figures behind it and why the rule fired, in French."""

from dataclasses import dataclass, field

from django.utils import formats

from ancrage.gpec.models import Lever
from ancrage.referentiel.models import Skill


@dataclass
class Evidence:
    """One figure behind a priority, with the organisations it rests on."""

    label: str
    figure: object  # gpec.figures.Figure
    text: str

    @property
    def fragile(self):
        return self.figure.fragile


@dataclass
class Priority:
    lever: str  # gpec.models.Lever
    subject: object  # referentiel.Occupation or referentiel.Skill
    territory: object  # territory.Department, None for the whole population
    score: float
    organisations: int
    evidence: list
    explanation: str
    target: object = None  # mobility: the occupation in need it leads to
    skills_to_acquire: list = field(default_factory=list)

    @property
    def is_skill(self):
        return isinstance(self.subject, Skill)

    @property
    def fragile(self):
        """The figures rest on fewer organisations than statistical secrecy asks."""
        return any(item.fragile for item in self.evidence)

    @property
    def lever_label(self):
        return Lever(self.lever).label

    @property
    def key(self):
        """Stable across computations: what an action born from it remembers."""
        subject = f"s{self.subject.pk}" if self.is_skill else f"o{self.subject.pk}"
        if self.target is not None:
            subject += f">o{self.target.pk}"
        territory = self.territory.code if self.territory is not None else "all"
        return f"{self.lever}:{subject}:{territory}"


def number(value, decimals=1):
    """`value` for a sentence, in French: rounded to `decimals`, without
    trailing zeros (« 12 », « 2,4 », « 0,75 »)."""
    value = round(float(value), decimals)
    if value == int(value):
        return formats.number_format(int(value), force_grouping=True)
    return formats.number_format(value, force_grouping=True)


def percent(share):
    return f"{number(100 * share, 0)} %"
