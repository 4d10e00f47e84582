"""The shapes of the GPEC figures of a population (`gpec.population`): per
occupation and per skill, every figure with the number of organisations it
rests on. The formulas and assumptions are documented for users in
docs/guide/gpec-calculs.md; each is tested with hand-computed examples.

    population = population.for_request(Scope.of_cluster(cluster), request.GET)
    assumptions = assumptions.for_cluster(cluster)
    occupations.occupation_figures(population, assumptions)  # [OccupationFigures], tension set
    skills.skill_figures(population)                         # [SkillFigures]
    skills.training_needs(population)                        # [TrainingNeed]

Everything is computed by SQL aggregates over the latest facts of each
organisation (`Population.latest_sql`); Python only combines the sums.
Secrecy: a figure resting on fewer than `secrecy.Rules.min_contributors`
organisations is `fragile`; staff see it flagged, everyone else sees it
hidden (`Figure.cell()` gives a `core.secrecy.Cell`)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.core import secrecy

# The horizons a skill need is declared at, in years (0: today).
HORIZONS = (0, 1, 3)


def horizon_label(years):
    """« aujourd'hui », « à 1 an », « à 3 ans », or « non précisé » (None)."""
    if years is None:
        return _("non précisé")
    if years == 0:
        return _("aujourd'hui")
    return ngettext("à %(years)s an", "à %(years)s ans", years) % {"years": years}


@dataclass
class Figure:
    """A number and how many organisations it rests on. `largest` is the
    largest single organisation's contribution (for the dominance rule) when
    the number is a sum; None for a count of organisations or a ratio.
    `public`: a published statistic (job seekers imported from France
    Travail…) that reveals no organisation: never fragile, never hidden;
    `organisations` then counts those of the population it was taken for."""

    value: object
    organisations: int
    largest: object = None
    public: bool = False

    @property
    def fragile(self):
        if self.public:
            return False
        return self.organisations < secrecy.DEFAULT_RULES.min_contributors

    def cell(self, text=""):
        """A `core.secrecy.Cell` with its primary reason set (unshown when hidden)."""
        cell = secrecy.Cell(
            value=self.value,
            contributors=None if self.public else self.organisations,
            largest=self.largest,
            text=text,
        )
        cell.reason = secrecy.primary_reason(cell)
        return cell


@dataclass
class Horizon:
    """Departures and needs of an occupation at 1 or 3 years.

    retirements_declared: declared by the organisations that gave a figure;
    retirements_estimated: from the age bands and the assumptions, over the
    organisations with age bands; retirements: per organisation, the declared
    figure when given, else the estimate; replacement = retirements + other
    departures; needs = replacement + creations (the recruitment needs);
    planned_recruitments: what the organisations plan to recruit."""

    years: int
    retirements_declared: Figure
    retirements_estimated: Figure
    retirements: Figure
    other_departures: Figure
    creations: Figure
    replacement: Figure
    needs: Figure
    planned_recruitments: Figure


@dataclass
class Component:
    """One component of the tension indicator: its raw value for the
    occupation (None when unknown), standardised across the population's
    occupations (`z`), its weight and the organisations behind it."""

    key: str  # difficulty, needs_supply, vacancy, time_to_fill
    label: str
    raw: float | None
    z: float | None
    weight: float
    organisations: int


@dataclass
class Tension:
    """The tension indicator of an occupation: the weighted mean of its
    standardised components (weights renormalised over those known), and a
    level for display (« forte », « moyenne », « faible »)."""

    score: float | None
    level: str
    components: list
    organisations: int


@dataclass
class Supply:
    """Supply for an occupation: one Figure per source (`gpec.supply`):
    {"cv_bank": Figure, "training": Figure, "external": Figure}, the sources
    the platform has. `total` adds them (None when no source knows it)."""

    by_source: dict = field(default_factory=dict)
    total: int | None = None


@dataclass
class OccupationFigures:
    occupation: object  # referentiel.Occupation
    organisations: int  # with workforce or forecasts for it
    headcount: Figure
    ages: dict  # {band field name: Figure}, over the lines that give age bands
    aged_headcount: Figure  # headcount of the lines with age bands
    ageing_share: Figure  # (55–59 + 60+) ÷ aged_headcount, 0–1
    women: Figure
    cadres: Figure
    contracts: dict  # {"cdi"|"cdd"|"alternance"|"interim": Figure}
    open_unfilled: Figure
    vacancy_rate: Figure  # open_unfilled ÷ headcount, over organisations giving both
    horizons: dict  # {1: Horizon, 3: Horizon}
    difficulty_respondents: int
    difficult_share: Figure  # share of respondents rating difficulty 3 or 4
    reasons: dict  # {DifficultyReason value: organisations}
    time_to_fill_days: Figure  # mean over respondents who gave it
    supply: Supply
    tension: Tension | None = None


@dataclass
class SkillFigures:
    """A skill, from the skill needs declared and from who holds it.

    organisations / people: organisations declaring a need for it and people
    concerned (latest facts); by_horizon {years: Figure of people}; by_kind
    {SkillNeed.Kind: organisations}; by_answer {SkillNeed.Answer: organisations};
    high_priority: organisations giving it priority 1.
    holders: organisations whose matrix profile lists it as a key skill;
    holders_ageing_share: share of ≥ 55 in the workforce of the occupations
    where the référentiel makes it a core skill;
    trend: [(year, Figure of organisations declaring it)] over the last
    years, oldest first; emerging: the rule of `gpec.skills` fired;
    fragile_reasons: why it is fragile (few holders, ageing holders), [] if not."""

    skill: object  # referentiel.Skill
    organisations: int
    people: Figure
    by_horizon: dict
    by_kind: dict
    by_answer: dict
    high_priority: int
    holders: int
    holders_ageing_share: Figure | None
    trend: list
    emerging: bool
    fragile_reasons: list


@dataclass
class TrainingNeed:
    """People to train in a skill: needs answered by training, or new skills
    to acquire, by horizon and département of the organisations."""

    skill: object
    horizon_years: int | None
    department: object | None  # territory.Department
    people: Figure
    organisations: int

    @property
    def horizon_label(self):
        return horizon_label(self.horizon_years)
