"""The board-ready PDF « Stratégie emploi-compétences » of a cluster: cover,
key figures, the occupations with the most needs, the most in tension and
the oldest (a chart and its table each), fragile and emerging skills, the
priorities with their explanation, the action plan with its indicators.

Rendered by WeasyPrint from `gpec/strategy/pdf.html`, as the survey report
does (`surveys.views.results.pdf`): charts are inline SVG
(`core.charts`), fonts are the system's, and the fetcher allows no protocol,
so nothing is ever fetched. Tables keep the top `TOP_ROWS` items (the page
and its exports have them all)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ancrage.core import charts
from ancrage.gpec.models import Action
from ancrage.gpec.priority import number, percent

TOP_ROWS = 10
TOP_PRIORITIES = 20
MAX_ACTIONS = 60


def fetch_nothing():
    """A WeasyPrint fetcher that allows no protocol: nothing a label typed by
    someone might name (a file, an internal address) is ever fetched."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=())


def occupation_row(item):
    horizon_1, horizon_3 = item.horizons[1], item.horizons[3]
    tension = item.tension
    return {
        "item": item,
        "headcount": number(item.headcount.value or 0),
        "needs_1": number(horizon_1.needs.value or 0),
        "needs_3": number(horizon_3.needs.value or 0),
        "tension": number(tension.score, 2) if tension and tension.score is not None else "—",
        "level": tension.level if tension else "",
        "ageing": percent(item.ageing_share.value) if item.ageing_share.value is not None else "—",
        "fragile": item.organisations < 3,
    }


def _chart(rows, value, text, title):
    return charts.bars(
        [(row["item"].occupation.label, value(row["item"]), text(row)) for row in rows],
        title=title,
    )


def occupation_sections(occupations):
    """The three rankings of occupations, each with a chart and its table."""
    by_needs = [occupation_row(item) for item in occupations[:TOP_ROWS]]
    in_tension = sorted(
        (item for item in occupations if item.tension and item.tension.score is not None),
        key=lambda item: -item.tension.score,
    )[:TOP_ROWS]
    by_tension = [occupation_row(item) for item in in_tension]
    oldest = sorted(
        (item for item in occupations if item.ageing_share.value is not None),
        key=lambda item: (-float(item.ageing_share.value), item.occupation.label),
    )[:TOP_ROWS]
    by_age = [occupation_row(item) for item in oldest]
    return [
        {
            "title": _("Métiers aux besoins de recrutement les plus élevés"),
            "chart": _chart(
                by_needs,
                lambda item: item.horizons[1].needs.value,
                lambda row: row["needs_1"],
                _("Besoins de recrutement à 1 an, par métier"),
            ),
            "rows": by_needs,
            "empty": _("Aucun métier déclaré."),
        },
        {
            "title": _("Métiers les plus en tension"),
            "chart": charts.diverging_bars(
                [
                    (row["item"].occupation.label, row["item"].tension.score, row["tension"])
                    for row in by_tension
                ],
                title=_("Indice de tension par métier"),
            ),
            "rows": by_tension,
            "empty": _("Aucun métier n'a d'indice de tension."),
        },
        {
            "title": _("Vieillissement : part des 55 ans et plus"),
            "chart": _chart(
                by_age,
                lambda item: float(item.ageing_share.value) * 100,
                lambda row: row["ageing"],
                _("Part des 55 ans et plus dans l'effectif, par métier"),
            ),
            "rows": by_age,
            "empty": _("Aucun métier déclaré avec ses tranches d'âge."),
        },
    ]


def skill_rows(skills):
    """(fragile skills, emerging skills), the first TOP_ROWS of each."""
    fragile = [skill for skill in skills if skill.fragile_reasons][:TOP_ROWS]
    emerging = [skill for skill in skills if skill.emerging][:TOP_ROWS]
    return fragile, emerging


def ageing_share(occupations):
    """Share of 55 and over in the workforce of the lines with age bands."""
    older = sum(
        float(item.ages["age_55_59"].value or 0) + float(item.ages["age_60_plus"].value or 0)
        for item in occupations
        if item.ages
    )
    aged = sum(float(item.aged_headcount.value or 0) for item in occupations)
    return percent(older / aged) if aged else "—"


def actions_of(cluster):
    return list(
        Action.objects.filter(cluster=cluster)
        .select_related("occupation", "skill", "department")
        .prefetch_related("indicators")
        .order_by("status", "deadline", "pk")[:MAX_ACTIONS]
    )


def context(cluster, filters, found):
    fragile, emerging = skill_rows(found.skills)
    return {
        "cluster": cluster,
        "filters": filters,
        "strategy": found,
        "headcount": number(found.headcount.value),
        "needs_1": number(found.needs(1).value),
        "needs_3": number(found.needs(3).value),
        "ageing": ageing_share(found.occupations),
        "sections": occupation_sections(found.occupations),
        "fragile_skills": fragile,
        "emerging_skills": emerging,
        "priorities": found.priorities[:TOP_PRIORITIES],
        "more_priorities": max(len(found.priorities) - TOP_PRIORITIES, 0),
        "actions": actions_of(cluster),
    }


def render(request, cluster, filters, found):
    """The PDF's bytes."""
    from weasyprint import HTML

    html = render_to_string(
        "gpec/strategy/pdf.html", context(cluster, filters, found), request=request
    )
    # Whole fonts: subsetting them costs more time than the few kB it saves.
    return HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetch_nothing()
    ).write_pdf(full_fonts=True)
