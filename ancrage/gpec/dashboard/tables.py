"""The dashboard's tables per occupation, from `gpec.occupations`'
figures: ranked by needs, by tension, needs against supply, the age
pyramid of one occupation and the change since the previous year.

`secret`: the tables are for someone outside the cluster's staff (a
network's administrators): figures resting on too few organisations are
hidden, and so is a second cell of a column whose total is shown."""

from django.utils.translation import gettext as _

from ancrage.core import secrecy
from ancrage.gpec import supply
from ancrage.gpec.dashboard.cells import (
    DASH,
    Shown,
    Table,
    count_cell,
    decimal,
    figure_cell,
    integer,
    label_cell,
    plain_cell,
    within,
)
from ancrage.gpec.dashboard.recompute import hidden_last
from ancrage.gpec.figures import Figure
from ancrage.gpec.models import WorkforceLine

AGE_LABELS = {
    "age_under_25": _("moins de 25 ans"),
    "age_25_34": _("25 à 34 ans"),
    "age_35_44": _("35 à 44 ans"),
    "age_45_54": _("45 à 54 ans"),
    "age_55_59": _("55 à 59 ans"),
    "age_60_plus": _("60 ans et plus"),
}
AGEING_BANDS = ("age_55_59", "age_60_plus")
COMPONENT_KINDS = {
    "difficulty": "percent",
    "needs_supply": "decimal",
    "vacancy": "percent",
    "time_to_fill": "days",
}


def occupation_label(occupation):
    return f"{occupation.label} ({occupation.code})"


def occupation_cell(occupation):
    return label_cell(occupation.code, occupation_label(occupation))


def protect_columns(rows, total, columns):
    """Secondary suppression of each summed column whose total is shown."""
    for index in columns:
        secrecy.protect([row[index] for row in rows], total_shown=True)
        if total is not None:
            secrecy.protect_total(total[index])


# The columns of each table that repeat a column of the needs table, whose
# total is shown: {table key: {column: needs table column}}.
REPEATED = {
    "offre": {1: 5, 2: 7},
    "evolution": {2: 2, 5: 5},
}
# Columns computed from others of the same row (a change, a gap): hidden
# when one of them is, or they would give it back.
DERIVED = {
    "offre": {-1: (2,)},
    "evolution": {3: (1, 2), 6: (4, 5)},
}


def align_hidden(needs, table):
    """Hide in `table` the figures hidden in the needs table (secondary
    suppression there would be undone by showing them here)."""
    hidden = {
        (row[0].value, index): row[index].reason
        for row in needs.rows
        for index in (2, 5, 7)
        if row[index].hidden
    }
    for row in table.rows:
        for index, source in REPEATED[table.key].items():
            reason = hidden.get((row[0].value, source))
            if reason and isinstance(row[index], Shown) and row[index].value is not None:
                row[index].reason = row[index].reason or reason
    hide_derived(table)


def hide_derived(table):
    for row in table.rows:
        for index, sources in DERIVED[table.key].items():
            cell = row[index]
            if cell.value is not None and any(row[source].hidden for source in sources):
                cell.reason = cell.reason or secrecy.SECONDARY


def ranked_by_needs(figures, horizon):
    return sorted(
        figures,
        key=lambda f: (-(f.horizons[horizon].needs.value or 0), f.occupation.code),
    )


def needs_table(figures, horizon, totals, secret):
    """Occupations ranked by their recruitment needs at `horizon` years."""
    rows = []
    for item in ranked_by_needs(figures, horizon):
        one, three = item.horizons[1], item.horizons[3]
        rows.append(
            [
                occupation_cell(item.occupation),
                count_cell(item.organisations, secret),
                figure_cell(item.headcount, secret),
                figure_cell(item.ageing_share, secret, "percent"),
                figure_cell(one.retirements, secret),
                figure_cell(one.needs, secret),
                figure_cell(three.retirements, secret),
                figure_cell(three.needs, secret),
                figure_cell(item.horizons[horizon].planned_recruitments, secret),
                figure_cell(item.open_unfilled, secret),
            ]
        )
    total = None
    if rows:
        total = [label_cell("", _("Ensemble")), count_cell(totals.declared, secret)]
        largest = totals.largest
        known = {2: largest.get("headcount"), 5: largest.get(1), 7: largest.get(3)}
        for index in range(2, 10):
            summed = index != 3  # a share does not add up
            column = [row[index] for row in rows]
            total.append(
                _sum_cell(column, totals, secret, known.get(index))
                if summed
                else plain_cell(None, DASH)
            )
        if secret:
            protect_columns(rows, total, (2, 4, 5, 6, 7, 8, 9))
            hidden_last(rows, 5 if horizon == 1 else 7)
    return Table(
        key="besoins",
        title=_("Métiers classés par besoins de recrutement %(within)s")
        % {"within": within(horizon)},
        sheet=_("Besoins par métier"),
        headers=[
            _("Métier"),
            _("Organisations"),
            _("Effectif"),
            _("Part des 55 ans et plus (%)"),
            _("Départs en retraite à 1 an"),
            _("Besoins à 1 an"),
            _("Départs en retraite à 3 ans"),
            _("Besoins à 3 ans"),
            _("Recrutements prévus %(within)s") % {"within": within(horizon)},
            _("Postes ouverts non pourvus"),
        ],
        rows=rows,
        total=total,
        empty=_("Aucun métier déclaré dans ce périmètre."),
    )


def _sum_cell(cells, totals, secret, largest=None):
    """The total of a summed column: it rests on every organisation that
    declared. Across a network the dominance rule applies to it too, with
    the largest organisation's total (`largest`, known for the headcount and
    the needs) or, failing it, the largest contribution to one cell."""
    values = [cell.value for cell in cells if cell.value is not None]
    value = sum(values) if values else None
    cell = Shown(
        value=value,
        contributors=totals.declared,
        text=integer(value),
        export=None if value is None else round(float(value), 2),
    )
    if value is not None:
        cell.flagged = not secret and totals.declared < secrecy.DEFAULT_RULES.min_contributors
        if secret:
            parts = [c.largest for c in cells if c.largest is not None]
            if largest is not None:
                parts.append(largest)
            cell.largest = max(parts, default=None)
            cell.reason = secrecy.primary_reason(cell)
    return cell


def component_cell(component, secret):
    kind = COMPONENT_KINDS.get(component.key, "decimal")
    if component.raw is None:
        return Shown(value=None, text=DASH)
    if kind == "percent":
        text, export = f"{component.raw * 100:.0f}\u00a0%", round(component.raw * 100, 1)
    elif kind == "days":
        text, export = _("%(days)s j") % {"days": integer(component.raw)}, round(component.raw)
    else:
        text, export = decimal(component.raw, 2), round(component.raw, 2)
    cell = count_cell(component.organisations, secret)
    cell.value, cell.text, cell.export = component.raw, text, export
    return cell


def tension_table(figures, secret, hidden=frozenset()):
    """Occupations ranked by their tension score, with its components and
    the organisations behind it. Across a network, a score is hidden when
    one of its components is (it would reveal it); `hidden`: {(code, key)}
    of the components hidden besides those resting on too few
    organisations; the hidden scores go last."""
    ranked = sorted(
        (f for f in figures if f.tension is not None),
        key=lambda f: (f.tension.score is None, -(f.tension.score or 0), f.occupation.code),
    )
    keys = []
    labels = {}
    for item in ranked:
        for component in item.tension.components:
            if component.key not in labels:
                keys.append(component.key)
                labels[component.key] = component.label[:1].upper() + component.label[1:]
    rows = []
    for item in ranked:
        tension = item.tension
        by_key = {component.key: component for component in tension.components}
        components = [
            component_cell(by_key[key], secret) if key in by_key else Shown(None, text=DASH)
            for key in keys
        ]
        for key, cell in zip(keys, components, strict=True):
            if (item.occupation.code, key) in hidden and cell.value is not None:
                cell.reason = cell.reason or secrecy.SECONDARY
        score = count_cell(tension.organisations, secret)
        score.value = tension.score
        score.text = decimal(tension.score, 2)
        score.export = None if tension.score is None else round(tension.score, 2)
        if secret and any(cell.hidden for cell in components):
            score.reason = score.reason or secrecy.SECONDARY
        level = plain_cell(tension.level)
        level.reason = score.reason  # the level tells where the score lies
        rows.append(
            [
                occupation_cell(item.occupation),
                score,
                level,
                *components,
                count_cell(tension.organisations, secret),
            ]
        )
    if secret:
        hidden_last(rows, 1)
    return Table(
        key="tension",
        title=_("Métiers classés par tension"),
        sheet=_("Tension par métier"),
        headers=[
            _("Métier"),
            _("Indicateur de tension"),
            _("Niveau"),
            *[labels[key] for key in keys],
            _("Répondants"),
        ],
        rows=rows,
        empty=_("Aucun métier n'a assez de réponses pour un indicateur de tension."),
    )


def supply_table(figures, secret):
    """Needs at 1 and 3 years against the supply of each source."""
    providers = supply.PROVIDERS
    rows = []
    for item in figures:
        sources = [
            figure_cell(item.supply.by_source.get(provider.key), secret) for provider in providers
        ]
        total = item.supply.total
        need = item.horizons[3].needs
        gap = None if total is None or need.value is None else need.value - total
        gap_cell = figure_cell(Figure(gap, need.organisations), secret)
        if gap is None:
            gap_cell = Shown(value=None, text=DASH)
        elif secret and any(cell.hidden for cell in sources):
            gap_cell.reason = gap_cell.reason or secrecy.SECONDARY
        rows.append(
            [
                occupation_cell(item.occupation),
                figure_cell(item.horizons[1].needs, secret),
                figure_cell(need, secret),
                *sources,
                plain_cell(total, integer(total)) if total is not None else Shown(None, text=DASH),
                gap_cell,
            ]
        )
    return Table(
        key="offre",
        title=_("Besoins et offre par métier"),
        sheet=_("Besoins et offre"),
        headers=[
            _("Métier"),
            _("Besoins à 1 an"),
            _("Besoins à 3 ans"),
            *[str(provider.label).capitalize() for provider in providers],
            _("Offre totale"),
            _("Écart à 3 ans (besoins − offre)"),
        ],
        rows=rows,
        empty=_("Aucun métier déclaré dans ce périmètre."),
    )


def pyramid_table(item, secret):
    """The age bands of one occupation, oldest first, with their share."""
    aged = item.aged_headcount.value or 0
    rows = []
    for band in reversed(WorkforceLine.AGE_BANDS):
        figure = item.ages[band]
        share = None if not aged or figure.value is None else figure.value / aged
        share_cell = figure_cell(Figure(share, figure.organisations), secret, "percent")
        rows.append([label_cell(band, AGE_LABELS[band]), figure_cell(figure, secret), share_cell])
    total = [
        label_cell("", _("Ensemble")),
        figure_cell(item.aged_headcount, secret),
        plain_cell(100 if aged else None, "100\u00a0%" if aged else DASH),
    ]
    if secret:
        secrecy.protect([row[1] for row in rows], total_shown=True)
        for row in rows:
            if row[1].hidden:
                row[2].reason = row[2].reason or secrecy.SECONDARY
    return Table(
        key="pyramide",
        title=_("Pyramide des âges : %(occupation)s")
        % {"occupation": occupation_label(item.occupation)},
        sheet=_("Pyramide des âges"),
        headers=[_("Tranche d'âge"), _("Effectif"), _("Part (%)")],
        rows=rows,
        total=total,
        empty=_("Aucune tranche d'âge déclarée pour ce métier."),
    )


def change_cell(now, before, secret):
    """The change between two figures, hidden when either one is."""
    if now.value is None or before.value is None:
        return Shown(value=None, text=DASH)
    value = now.value - before.value
    text = ("+" if round(value) > 0 else "") + integer(value)
    cell = figure_cell(Figure(value, min(now.organisations, before.organisations)), secret)
    cell.text = text
    cell.export = round(value, 2)
    return cell


def comparison_table(figures, previous, secret):
    """Per occupation: headcount, needs at 1 year and tension a year
    earlier and now, and their change."""
    before = {item.occupation.pk: item for item in previous}
    rows = []
    for item in figures:
        old = before.get(item.occupation.pk)
        cells = [occupation_cell(item.occupation)]
        for now_figure, old_figure in (
            (item.headcount, old.headcount if old else None),
            (item.horizons[1].needs, old.horizons[1].needs if old else None),
        ):
            cells += [
                figure_cell(old_figure, secret),
                figure_cell(now_figure, secret),
                change_cell(now_figure, old_figure, secret)
                if old_figure
                else Shown(None, text=DASH),
            ]
        cells += [_score_cell(old, secret), _score_cell(item, secret)]
        rows.append(cells)
    return Table(
        key="evolution",
        title=_("Évolution sur un an"),
        sheet=_("Évolution sur un an"),
        headers=[
            _("Métier"),
            _("Effectif il y a un an"),
            _("Effectif"),
            _("Évolution de l'effectif"),
            _("Besoins à 1 an, il y a un an"),
            _("Besoins à 1 an"),
            _("Évolution des besoins"),
            _("Tension il y a un an"),
            _("Tension"),
        ],
        rows=rows,
        empty=_("Aucun métier déclaré dans ce périmètre."),
    )


def _score_cell(item, secret):
    if item is None or item.tension is None or item.tension.score is None:
        return Shown(value=None, text=DASH)
    cell = count_cell(item.tension.organisations, secret)
    cell.value = item.tension.score
    cell.text = decimal(item.tension.score, 2)
    cell.export = round(item.tension.score, 2)
    return cell
