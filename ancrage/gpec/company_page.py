"""What a member's GPEC page shows: its own figures, computed by the same
code as the cluster's (`gpec.occupations`, `gpec.skills` over the
population of that one organisation), the anonymised cluster benchmarks
(`gpec.comparison`), the date and source of the facts used, and the
cluster's actions that answer its needs.

    page = build(cluster, organisation, staff=False)

For its users (`staff=False`), a benchmark resting on fewer than
`comparison.MEDIAN_MIN` other organisations is hidden (« secret »), quartiles
show from `comparison.QUARTILES_MIN`; for the cluster's staff every benchmark shows,
flagged when fragile."""

# ruff: noqa: S608

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.core import charts, secrecy
from ancrage.gpec import assumptions as gpec_assumptions
from ancrage.gpec import comparison, occupations, skills
from ancrage.gpec.figures import horizon_label
from ancrage.gpec.models import Action, OccupationForecast, SkillNeed, WorkforceLine
from ancrage.surveys.results.figures import number, percent

BAND_LABELS = {band: WorkforceLine._meta.get_field(band).verbose_name for band in comparison.BANDS}
KINDS = {
    WorkforceLine: gettext_lazy("effectifs"),
    OccupationForecast: gettext_lazy("prévisions"),
    SkillNeed: gettext_lazy("besoins en compétences"),
}
OPEN_STATUSES = (Action.Status.PLANNED, Action.Status.IN_PROGRESS)


def shown(value, unit="count"):
    """A figure as the page shows it (« — » when unknown)."""
    if value is None:
        return "—"
    if unit == "share":
        return percent(100 * value)
    if unit == "score":
        return number(value, 1)
    if unit == "days":
        return _("%(days)s j") % {"days": number(value, 0)}
    if value == int(value):
        return number(int(value))
    return number(value, 1)


def given(figure, unit="count"):
    """A `gpec.figures.Figure` of the organisation's own, « — » when it gave none."""
    return shown(figure.value, unit) if figure.organisations else "—"


@dataclass
class BenchmarkRow:
    label: str
    own: str
    median: secrecy.Cell
    quartiles: str  # « Q1 – Q3 », or "" when not shown
    organisations: int
    fragile: bool


@dataclass
class OccupationBlock:
    figures: object  # gpec.figures.OccupationFigures
    pyramid: list  # [(band label, people, close to retirement)], oldest first
    situation: list  # [(label, text)]
    forecasts: list  # [(label, at 1 year, at 3 years)], as shown
    benchmarks: list = field(default_factory=list)  # [BenchmarkRow]
    sentence: str = ""

    @property
    def aged(self):
        return any(people is not None for _label, people, _older in self.pyramid)

    @property
    def chart(self):
        return pyramid_chart(
            self.pyramid,
            _("Pyramide des âges : %(occupation)s") % {"occupation": self.figures.occupation.label},
        )


@dataclass
class SkillRow:
    figures: object  # gpec.figures.SkillFigures
    horizons: str
    kinds: str
    answers: str
    cluster_organisations: secrecy.Cell


@dataclass
class Page:
    cluster: object
    organisation: object
    staff: bool
    sources: list  # [(kind label, observed_on, source label)]
    occupations: list  # [OccupationBlock]
    overall: list  # [(band label, people, close to retirement)], oldest first
    skills: list  # [SkillRow]
    actions: list  # [(Action, reason)]

    @property
    def declared(self):
        return bool(self.sources)

    @property
    def overall_chart(self):
        return pyramid_chart(self.overall, _("Pyramide des âges, tous métiers"))


def sources(own):
    """[(kind label, observed_on, source label)] of the facts that count."""
    parts, params = [], []
    for index, model in enumerate(KINDS):
        sql, model_params = own.latest_sql(model)
        parts.append(
            f"SELECT DISTINCT {index} AS kind, observed_on, source_label FROM ({sql}) f{index}"
        )
        params += model_params
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 2 DESC", params)
        rows = cursor.fetchall()
    labels = list(KINDS.values())
    return [(str(labels[kind]), observed_on, label) for kind, observed_on, label in rows]


OLDER = ("age_55_59", "age_60_plus")


def pyramid(ages):
    """[(band label, people, close to retirement)], oldest band first, from
    {band: Figure}."""
    return [
        (
            str(BAND_LABELS[band]),
            ages[band].value if band in ages and ages[band].organisations else None,
            band in OLDER,
        )
        for band in reversed(comparison.BANDS)
    ]


def pyramid_chart(rows, title):
    """The SVG pyramid of `rows` (`pyramid()`), the bands of 55 and over in orange."""
    return charts.pyramid(
        [(label, people, shown(people), older) for label, people, older in rows],
        title=title,
        desc=_("Effectif par tranche d'âge, de la plus âgée à la plus jeune."),
    )


def situation(figures):
    """[(label, text)]: an occupation's workforce and open positions today."""
    return [
        (_("Effectif"), given(figures.headcount)),
        (_("Femmes"), given(figures.women)),
        (_("Cadres"), given(figures.cadres)),
        (_("Postes ouverts non pourvus"), given(figures.open_unfilled)),
        (_("Délai de recrutement"), given(figures.time_to_fill_days, "days")),
    ]


HORIZON_ROWS = (
    ("retirements_declared", gettext_lazy("Départs en retraite déclarés")),
    ("retirements_estimated", gettext_lazy("Départs en retraite estimés d'après les âges")),
    ("retirements", gettext_lazy("Départs en retraite retenus")),
    ("other_departures", gettext_lazy("Autres départs")),
    ("creations", gettext_lazy("Créations de postes")),
    ("needs", gettext_lazy("Besoins de recrutement")),
    ("planned_recruitments", gettext_lazy("Recrutements prévus")),
)


def forecasts(figures):
    """[(label, at 1 year, at 3 years)] of an occupation's horizons."""
    horizons = [figures.horizons.get(1), figures.horizons.get(3)]
    return [
        (
            label,
            *(given(getattr(horizon, key)) if horizon is not None else "—" for horizon in horizons),
        )
        for key, label in HORIZON_ROWS
    ]


def overall_pyramid(blocks):
    """The pyramid of every occupation together."""
    totals = {}
    for block in blocks:
        for label, people, _older in block.pyramid:
            if people is not None:
                totals[label] = totals.get(label, 0) + people
    if not totals:
        return []
    return [(label, totals.get(label), older) for label, _people, older in blocks[0].pyramid]


def benchmark_row(benchmark, staff):
    median = secrecy.Cell(
        benchmark.median,
        contributors=benchmark.organisations,
        text=shown(benchmark.median, benchmark.unit),
    )
    quartiles = (
        f"{shown(benchmark.q1, benchmark.unit)} – {shown(benchmark.q3, benchmark.unit)}"
        if staff or benchmark.quartiles_shown_to_members
        else ""
    )
    if not staff:
        secrecy.protect_total(median, comparison.MEMBER_RULES)
        quartiles = "" if median.hidden else quartiles
    return BenchmarkRow(
        label=str(benchmark.label),
        own=shown(benchmark.own, benchmark.unit),
        median=median,
        quartiles=quartiles,
        organisations=benchmark.organisations,
        fragile=benchmark.fragile,
    )


def ageing_sentence(occupation, benchmark, staff):
    hidden = benchmark is not None and not staff and not benchmark.median_shown_to_members
    if benchmark is None or benchmark.own is None or hidden:
        return ""
    values = {
        "occupation": occupation.label,
        "own": shown(benchmark.own, "share"),
        "median": shown(benchmark.median, "share"),
    }
    if staff:
        return (
            _(
                "Sa part des 55 ans et plus en %(occupation)s est de %(own)s, "
                "médiane des autres adhérents du cluster %(median)s."
            )
            % values
        )
    return (
        _(
            "Votre part des 55 ans et plus en %(occupation)s est de %(own)s, "
            "médiane des autres adhérents du cluster %(median)s."
        )
        % values
    )


def skill_row(figures, cluster_count, staff):
    horizons = ", ".join(
        _("%(horizon)s : %(people)s")
        % {"horizon": horizon_label(years), "people": shown(figure.value)}
        for years, figure in sorted(figures.by_horizon.items(), key=lambda item: item[0] or 0)
        if years is not None
    )
    kinds = ", ".join(str(SkillNeed.Kind(kind).label) for kind, n in figures.by_kind.items() if n)
    answers = ", ".join(
        str(SkillNeed.Answer(answer).label) for answer, n in figures.by_answer.items() if n
    )
    cell = secrecy.Cell(cluster_count, contributors=cluster_count, text=shown(cluster_count))
    if not staff:
        secrecy.protect_total(cell)
    return SkillRow(figures, horizons, kinds, answers, cell)


def matching_actions(cluster, occupation_ids, skill_ids):
    """[(Action, reason)]: the cluster's planned or running actions for one of
    the occupations or skills."""
    found = (
        Action.objects.filter(cluster=cluster, status__in=OPEN_STATUSES)
        .filter(Q(occupation_id__in=occupation_ids) | Q(skill_id__in=skill_ids))
        .select_related("occupation", "skill", "department")
    )
    result = []
    for action in found:
        if action.occupation_id in occupation_ids:
            reason = _("votre métier %(name)s") % {"name": action.occupation.label}
        else:
            reason = _("votre besoin en %(name)s") % {"name": action.skill.label}
        result.append((action, reason))
    return result


def build(cluster, organisation, *, staff):
    assumptions = gpec_assumptions.for_cluster(cluster)
    everyone = comparison.cluster_population(cluster, assumptions)
    own = everyone.of_organisation(organisation.pk)
    blocks = [
        OccupationBlock(figures, pyramid(figures.ages), situation(figures), forecasts(figures))
        for figures in occupations.occupation_figures(own, assumptions)
    ]
    occupation_ids = [block.figures.occupation.pk for block in blocks]
    found = comparison.benchmarks(everyone, organisation.pk, occupation_ids, assumptions)
    for block in blocks:
        occupation = block.figures.occupation
        for key, _label, _unit in comparison.METRICS:
            if (occupation.pk, key) in found:
                block.benchmarks.append(benchmark_row(found[(occupation.pk, key)], staff))
        block.sentence = ageing_sentence(
            occupation, found.get((occupation.pk, "ageing_share")), staff
        )
    own_skills = skills.skill_figures(own)
    skill_ids = [figures.skill.pk for figures in own_skills]
    counts = comparison.skill_organisations(everyone, skill_ids)
    return Page(
        cluster=cluster,
        organisation=organisation,
        staff=staff,
        sources=sources(own),
        occupations=blocks,
        overall=overall_pyramid(blocks),
        skills=[
            skill_row(figures, counts.get(figures.skill.pk, 0), staff) for figures in own_skills
        ],
        actions=matching_actions(cluster, occupation_ids, skill_ids),
    )
