"""The dashboard's skill tables, from `gpec.skills.skill_figures`: fragile
skills (held by few members, or mostly by people close to retirement) and
emerging skills (declared needs growing over the years)."""

from django.utils.translation import gettext as _

from ancrage.gpec.dashboard.cells import (
    DASH,
    Shown,
    Table,
    count_cell,
    figure_cell,
    label_cell,
    plain_cell,
)

TREND_YEARS = 4


def skill_cell(item):
    return label_cell(item.skill.pk, item.skill.label)


def fragile_table(figures, secret):
    rows = [
        [
            skill_cell(item),
            plain_cell(", ".join(str(reason) for reason in item.fragile_reasons)),
            count_cell(item.holders, secret),
            figure_cell(item.holders_ageing_share, secret, "percent")
            if item.holders_ageing_share is not None
            else Shown(None, text=DASH),
            count_cell(item.organisations, secret),
            figure_cell(item.people, secret),
        ]
        for item in figures
        if item.fragile_reasons
    ]
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
