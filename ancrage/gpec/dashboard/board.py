"""The whole dashboard of a population: every table, its chart, the totals.

    board = build(filters, assumptions, secret=False)   # the cluster's staff
    board = build(filters, assumptions, secret=True)    # across a network

The figures are computed once per period (`Inputs`): `occupation_figures`
for the day asked and a year earlier, `skill_figures` and the territories
for the day asked; the rest is Python. Across a network the inputs are
computed in the background and stored (`dashboard.cache`), and so are the
territories (the network view reads the whole network's to vet a
département): drawing a board, whatever its horizon and pyramid, then
queries nothing but them, and the board most read is stored drawn."""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from ancrage.core import charts
from ancrage.gpec import occupations, skills
from ancrage.gpec import tension as tension_scores
from ancrage.gpec.dashboard import cache, recompute, tables, territories
from ancrage.gpec.dashboard import skills as skill_tables
from ancrage.gpec.dashboard.cells import DASH, Shown
from ancrage.gpec.dashboard.filters import HORIZONS

CHART_ROWS = 15
TREND_SERIES = 6


@dataclass
class Board:
    filters: object
    totals: object
    secret: bool
    needs: object
    needs_chart: str
    tension: object
    tension_chart: str
    pyramid_choices: list  # [(code, label)]
    pyramid_occupation: object  # referentiel.Occupation or None
    pyramid: object
    pyramid_chart: str
    supply: object
    supply_chart: str
    fragile: object
    fragile_chart: str
    emerging: object
    emerging_chart: str
    departments: object
    departments_map: str
    basins: object
    basins_map: str
    comparison: object
    # Across a network: when the oldest figure shown was computed, whether
    # one of them is out of date (`cache`).
    computed_at: object = None
    stale: bool = False

    @property
    def empty(self):
        return not self.totals.declared

    @property
    def tables(self):
        found = [
            self.needs,
            self.tension,
            self.supply,
            self.pyramid,
            self.fragile,
            self.emerging,
            self.departments,
            self.basins,
            self.comparison,
        ]
        return [table for table in found if table is not None]

    @property
    def headline(self):
        """(headcount, needs at 1 year, needs at 3 years) cells of the total row."""
        if not self.needs.total:
            return None
        return self.needs.total[2], self.needs.total[5], self.needs.total[7]


def _shown(cell):
    return cell.shown_value if isinstance(cell, Shown) else None


def _chart_text(cell):
    return _("secret") if cell.hidden else cell.plain


def _bar(cell):
    """A bar's length: None (« secret ») when hidden, 0 for a figure nobody gave."""
    return None if cell.hidden else (cell.value or 0)


def needs_chart(table, horizon):
    column = 5 if horizon == 1 else 7
    rows = [
        (row[0].text, _bar(row[column]), _chart_text(row[column]))
        for row in table.rows[:CHART_ROWS]
    ]
    return charts.bars(
        rows,
        title=table.title,
        desc=_("Les %(count)s métiers aux besoins les plus élevés ; le tableau les donne tous.")
        % {"count": len(rows)},
    )


def tension_chart(table):
    scored = [row for row in table.rows if row[1].value is not None or row[1].hidden]
    rows = [(row[0].text, _shown(row[1]), _chart_text(row[1])) for row in scored[:CHART_ROWS]]
    return charts.diverging_bars(
        rows,
        title=table.title,
        desc=_(
            "Indicateur de tension centré sur la moyenne des métiers : à droite, plus tendu "
            "que la moyenne ; à gauche, moins."
        ),
    )


def supply_chart(table):
    total_index = len(table.headers) - 2
    ranked = sorted(table.rows, key=lambda row: -(_shown(row[2]) or 0))[:CHART_ROWS]
    rows = [
        (
            row[0].text,
            (_shown(row[2]), _chart_text(row[2])),
            (_shown(row[total_index]), row[total_index].plain or DASH),
        )
        for row in ranked
    ]
    return charts.paired_bars(
        rows,
        [_("Besoins à 3 ans"), _("Offre totale")],
        title=table.title,
        desc=_("Besoins à 3 ans et offre connue des métiers aux besoins les plus élevés."),
    )


def pyramid_chart(table):
    rows = [
        (row[0].text, _shown(row[1]), _chart_text(row[1]), row[0].value in tables.AGEING_BANDS)
        for row in table.rows
    ]
    return charts.pyramid(
        rows,
        title=table.title,
        desc=_("Les tranches de 55 ans et plus, proches de la retraite, sont en orange."),
    )


def fragile_chart(table):
    rows = [(row[0].text, _bar(row[2]), _chart_text(row[2])) for row in table.rows[:CHART_ROWS]]
    return charts.bars(
        rows,
        title=_("Organisations qui détiennent chaque compétence fragile"),
        desc=_("Moins il y a de détenteurs, plus la compétence est fragile."),
    )


def emerging_chart(table, years):
    series = [
        (row[0].text, [_shown(cell) for cell in row[1 : 1 + len(years)]])
        for row in table.rows[:TREND_SERIES]
    ]
    return charts.lines(
        [str(year) for year in years],
        series,
        title=_("Organisations déclarant un besoin, par année"),
        desc=_("Les compétences émergentes : leurs besoins déclarés progressent."),
    )


def territory_map(found, table, kind, horizon):
    return territories.needs_map(found, kind, table.rows, horizon) if table.rows else ""


def occupation_tables(figures, horizon, totals, secret):
    """(needs table, tension table). Across a network the tension scores are
    standardised again, over the components shown only."""
    needs = tables.needs_table(figures, horizon, totals, secret)
    hidden = frozenset()
    if secret:
        hidden = recompute.hidden_components(figures, needs)
        tension_scores.apply(
            figures, pooled=lambda item, key: (item.occupation.code, key) not in hidden
        )
    return needs, tables.tension_table(figures, secret, hidden)


@dataclass
class Inputs:
    """What a board is drawn from, whatever its horizon and pyramid: the
    figures of the day asked and of a year earlier, the skills, the
    territories (and, across a network, the totals of a year earlier, which
    the tables of that day are built with)."""

    figures: list
    previous: list
    skill_list: list
    found: list
    totals: object
    then_totals: object = None


def inputs(population, assumptions, *, secret):
    """The `Inputs` of the population; across a network, stored
    (`dashboard.cache`) so that a board is drawn without a query."""
    return cache.cached(
        population,
        f"inputs:{secret}",
        lambda: _inputs(population, assumptions, secret=secret),
        assumptions,
    )


def _inputs(population, assumptions, *, secret):
    before = population.shifted(years=-1)
    found, totals = territories.territories(population, assumptions)
    return Inputs(
        figures=occupations.occupation_figures(population, assumptions),
        previous=occupations.occupation_figures(before, assumptions),
        # Only the fragile and emerging skills are drawn.
        skill_list=[
            item
            for item in skills.skill_figures(population)
            if item.fragile_reasons or item.emerging
        ],
        found=found,
        totals=totals,
        then_totals=territories.territories(before, assumptions)[1] if secret else None,
    )


def build(filters, assumptions, *, secret):
    """The `Board` of the filters' population. Across a network, the board
    most read (horizon 1 year, the first pyramid) is drawn by the worker and
    stored too; the others are drawn from the stored `Inputs`."""
    population = filters.population
    if not population.scope.is_network or filters.horizon != HORIZONS[0] or filters.pyramid:
        return _draw(filters, assumptions, secret=secret)
    board = cache.cached(
        population,
        f"board:{secret}",
        lambda: replace(_draw(filters, assumptions, secret=secret), filters=None),
        assumptions,
    )
    board.filters = filters
    board.computed_at = cache.computed_at(population)
    return board


def _draw(filters, assumptions, *, secret):
    population = filters.population
    drawn = inputs(population, assumptions, secret=secret)
    figures, previous, skill_list = drawn.figures, drawn.previous, drawn.skill_list
    found, totals = drawn.found, drawn.totals

    needs, tension = occupation_tables(figures, filters.horizon, totals, secret)
    supply = tables.supply_table(figures, secret)
    if secret:
        # The tables of a year ago, as the board of that day shows them.
        then_needs, then_tension = occupation_tables(
            previous, filters.horizon, drawn.then_totals, secret
        )
    comparison = tables.comparison_table(figures, previous, secret)
    if secret:
        recompute.align_year_ago(comparison, then_needs, then_tension, tension)
        tables.align_hidden(needs, supply)
        tables.align_hidden(needs, comparison)
        recompute.follow_order(supply, needs.rows)
        recompute.follow_order(comparison, needs.rows)
    aged = [item for item in figures if item.aged_headcount.value]
    choices = [(item.occupation.code, tables.occupation_label(item.occupation)) for item in aged]
    chosen = next((item for item in aged if item.occupation.code == filters.pyramid), None)
    chosen = chosen or (aged[0] if aged else None)
    pyramid = tables.pyramid_table(chosen, secret) if chosen else None
    if pyramid and secret and recompute.pyramid_gives_back(needs, chosen):
        recompute.hide_pyramid(pyramid)
    fragile = skill_tables.fragile_table(skill_list, secret)
    emerging, years = skill_tables.emerging_table(skill_list, secret)
    departments = territories.table(found, territories.DEPARTMENT, secret)
    # Across a network, a département minus its basins would give back a
    # hidden basin: only the départements are published.
    basins = None if secret else territories.table(found, territories.BASIN, secret)
    return Board(
        filters=filters,
        totals=totals,
        secret=secret,
        needs=needs,
        needs_chart=needs_chart(needs, filters.horizon) if needs.rows else "",
        tension=tension,
        tension_chart=tension_chart(tension) if tension.rows else "",
        pyramid_choices=choices,
        pyramid_occupation=chosen.occupation if chosen else None,
        pyramid=pyramid,
        pyramid_chart=pyramid_chart(pyramid) if pyramid else "",
        supply=supply,
        supply_chart=supply_chart(supply) if supply.rows else "",
        fragile=fragile,
        fragile_chart=fragile_chart(fragile) if fragile.rows else "",
        emerging=emerging,
        emerging_chart=emerging_chart(emerging, years) if emerging.rows and years else "",
        departments=departments,
        departments_map=territory_map(found, departments, territories.DEPARTMENT, filters.horizon),
        basins=basins,
        basins_map=territory_map(found, basins, territories.BASIN, filters.horizon)
        if basins
        else "",
        comparison=comparison,
        computed_at=cache.computed_at(population),
    )
