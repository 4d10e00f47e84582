"""The dashboard's skill tables, from `gpec.skills.skill_figures`: fragile
skills (held by few members, or mostly by people close to retirement) and
emerging skills (declared needs growing over the years)."""

from django.utils.translation import gettext as _

from ancrage.gpec import skills as skill_figures
from ancrage.gpec.dashboard.cells import (
    DASH,
    Shown,
    Table,
    count_cell,
    figure_cell,
    label_cell,
    plain_cell,
)
from ancrage.gpec.dashboard.recompute import hidden_last

TREND_YEARS = 4


def skill_cell(item):
    return label_cell(item.skill.pk, item.skill.label)


def shown_reasons(item, ageing_cell, secret):
    """Why the skill is fragile. Across a network, only what a shown figure
    bears out: « held by fewer than 3 » would bound its hidden number of
    holders (always hidden, being under 3), « 40 % or more » a hidden share."""
    if not secret:
        return item.fragile_reasons
    if ageing_cell.hidden:
        return []
    return skill_figures.fragile_reasons(0, item.holders_ageing_share)


def fragile_table(figures, secret):
    """The fragile skills; across a network, those whose fragility a shown
    figure bears out (listing the others would tell a hidden one's bound),
    the hidden numbers of people last."""
    rows = []
    for item in figures:
        if not item.fragile_reasons:
            continue
        ageing = (
            figure_cell(item.holders_ageing_share, secret, "percent")
            if item.holders_ageing_share is not None
            else Shown(None, text=DASH)
        )
        reasons = shown_reasons(item, ageing, secret)
        if reasons:
            rows.append(
                [
                    skill_cell(item),
                    plain_cell(", ".join(str(reason) for reason in reasons)),
                    count_cell(item.holders, secret),
                    ageing,
                    count_cell(item.organisations, secret),
                    figure_cell(item.people, secret),
                ]
            )
    if secret:
        hidden_last(rows, 5)
    return Table(
        key="competences-fragiles",
        title=_("Compétences fragiles"),
        sheet=_("Compétences fragiles"),
        headers=[
            _("Compétence"),
            _("Pourquoi"),
            _("Organisations qui la détiennent"),
            _("Part des 55 ans et plus dans les métiers qui la portent (%)"),
            _("Organisations qui en ont besoin"),
            _("Personnes concernées"),
        ],
        rows=rows,
        empty=_("Aucune compétence fragile dans ce périmètre."),
    )


def trend_years(figures):
    years = sorted({year for item in figures for year, _figure in item.trend})
    return years[-TREND_YEARS:]


def emerging_table(figures, secret):
    emerging = [item for item in figures if item.emerging]
    years = trend_years(emerging)
    rows = []
    for item in emerging:
        by_year = dict(item.trend)
        rows.append(
            [
                skill_cell(item),
                *[
                    count_cell(by_year[year].value if year in by_year else 0, secret)
                    for year in years
                ],
                count_cell(item.organisations, secret),
                figure_cell(item.people, secret),
                count_cell(item.high_priority, secret),
            ]
        )
    if secret:
        hidden_last(rows, len(years) + 2)  # the people, their rank
    return Table(
        key="competences-emergentes",
        title=_("Compétences émergentes"),
        sheet=_("Compétences émergentes"),
        headers=[
            _("Compétence"),
            *[_("Organisations en %(year)s") % {"year": year} for year in years],
            _("Organisations qui en ont besoin"),
            _("Personnes concernées"),
            _("Priorité haute (organisations)"),
        ],
        rows=rows,
        empty=_("Aucune compétence émergente : les besoins déclarés ne progressent pas."),
    ), years
