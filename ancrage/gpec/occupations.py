"""The GPEC figures of each occupation of a population (`gpec.population`),
at 1 and 3 years: one SQL statement over the latest workforce lines and
forecasts of each organisation, then the supply (`gpec.supply`) and the
tension indicator (`gpec.tension`).

    occupation_figures(population, assumptions)   # [figures.OccupationFigures]

The statement first adds up each organisation's facts per occupation (an
organisation × occupation subtotal), then per occupation: the sum over the
organisations that gave the figure, how many gave it (`Figure.organisations`)
and the largest subtotal (`Figure.largest`, for the dominance rule). A sum
nobody gave is 0 resting on 0 organisations; a ratio or a mean without a base
is None. Formulas (docs/guide/gpec-calculs.md has worked examples):

- ageing share = (55–59 + 60 and over) ÷ headcount, over the lines that give
  age bands;
- estimated retirements at h years = Σ over organisations with age bands of
  share_60_plus_h × (60 and over) + share_55_59_h × (55–59), the shares of
  the cluster's `Assumptions` (Decimal, unrounded: computed in thousandths
  of a person, exact since the shares have three decimals);
- retirements = per organisation, the retirements it declared at h years
  when it gave the figure, else its estimate; replacement = retirements +
  other departures; needs = replacement + creations (per organisation, then
  added up: `largest` is one organisation's own needs);
- vacancy rate = open unfilled ÷ headcount, over the organisations giving
  both (headcount > 0);
- difficult share = organisations rating the difficulty to recruit 3 or 4
  on 1–4 (`surveys.results.tension.DIFFICULT_FROM`) ÷ organisations rating
  it (an organisation counts once, with its highest rating);
- time to fill = mean over the organisations giving it of each one's mean.

Occupations come sorted by needs at 1 year, largest first.

Measured on a synthetic network (160 clusters, 60,000 organisations, 750,000
facts) on the shared 2-core machine under load: an 800-member cluster
50–190 ms, one département of the network 150–350 ms, the whole network
2–4 s (half of it finding each organisation's latest source)."""

# ruff: noqa: S608

from decimal import Decimal

from django.db import connection

from ancrage.gpec import supply, tension
from ancrage.gpec.figures import Figure, Horizon, OccupationFigures
from ancrage.gpec.models import DifficultyReason, OccupationForecast, WorkforceLine
from ancrage.referentiel.models import Occupation
from ancrage.surveys.results.tension import DIFFICULT_FROM

BANDS = WorkforceLine.AGE_BANDS
CONTRACTS = ("cdi", "cdd", "alternance", "interim")
HORIZONS = (1, 3)
REASONS = tuple(DifficultyReason.values)
# Per organisation × occupation subtotals added up per occupation: their sum,
# how many organisations gave them, the largest one.
SUMMED = (
    "headcount",
    "aged",
    *BANDS,
    "older",
    "women",
    "cadres",
    *CONTRACTS,
    "open_unfilled",
    "vacancy_open",
    "vacancy_headcount",
    *(
        f"{name}_{years}"
        for years in HORIZONS
        for name in (
            "estimated",
            "declared",
            "retirements",
            "other",
            "creations",
            "replacement",
            "needs",
            "recruitments",
        )
    ),
)

# Sums of estimates, computed in thousandths of a person (integers: exact
# and fast), returned as Decimal; the others are counts of people (int).
THOUSANDTHS = {
    f"{name}_{years}"
    for years in HORIZONS
    for name in ("estimated", "retirements", "replacement", "needs")
}
MILLE = Decimal(1000)
WORKFORCE = ("headcount", *BANDS, "women", "cadres", *CONTRACTS)
FORECASTS = (
    "open_unfilled",
    "time_to_fill_days",
    "difficulty",
    *(
        f"{name}_{years}y"
        for years in HORIZONS
        for name in ("retirements", "other_departures", "creations", "recruitments")
    ),
)


def _given_sum(*columns):
    """SQL: the sum of `columns`, NULL when none is given."""
    nulls = " AND ".join(f"{column} IS NULL" for column in columns)
    total = " + ".join(f"COALESCE({column}, 0)" for column in columns)
    return f"CASE WHEN {nulls} THEN NULL ELSE {total} END"


def _thousandths(share):
    """A share of the assumptions (three decimals) in thousandths: 0.3 → 300."""
    return int((Decimal(share) * MILLE).to_integral_value())


def _statement(population, assumptions):
    """One statement: the latest workforce lines and forecasts as one stream,
    added up per organisation × occupation (one pass), then per occupation."""
    workforce, workforce_params = population.latest_sql(WorkforceLine)
    forecasts, forecast_params = population.latest_sql(OccupationForecast)
    nothing = "NULL::integer"
    stream_workforce = ", ".join(
        [*WORKFORCE, *(f"{nothing} AS {name}" for name in FORECASTS), "''::varchar AS reason"]
    )
    stream_forecasts = ", ".join(
        [*(f"{nothing} AS {name}" for name in WORKFORCE), *FORECASTS, "difficulty_reason"]
    )
    banded = "FILTER (WHERE age_under_25 IS NOT NULL)"
    per_organisation = [
        "SUM(headcount) AS headcount",
        f"SUM(headcount) {banded} AS aged",
        *(f"SUM({band}) {banded} AS {band}" for band in BANDS),
        f"SUM(age_55_59 + age_60_plus) {banded} AS older",
        *(f"SUM({name}) AS {name}" for name in ("women", "cadres", *CONTRACTS, "open_unfilled")),
        "MAX(difficulty) AS difficulty",
        "AVG(time_to_fill_days) AS time_to_fill",
        *(f"BOOL_OR(reason = '{reason}') AS reason_{reason}" for reason in REASONS),
    ]
    derived, share_params = [], []
    for years in HORIZONS:
        per_organisation += [
            f"SUM(retirements_{years}y) AS declared_{years}",
            f"SUM(other_departures_{years}y) AS other_{years}",
            f"SUM(creations_{years}y) AS creations_{years}",
            f"SUM(recruitments_{years}y) AS recruitments_{years}",
        ]
        derived.append(f"age_60_plus * %s + age_55_59 * %s AS estimated_{years}")
        share_params += [
            _thousandths(getattr(assumptions, f"retire_60_plus_{years}y")),
            _thousandths(getattr(assumptions, f"retire_55_59_{years}y")),
        ]
    retirements = [
        f"COALESCE(declared_{years} * 1000, estimated_{years}) AS retirements_{years}"
        for years in HORIZONS
    ]
    replacement = [
        f"{_given_sum(f'retirements_{years}', f'other_{years} * 1000')} AS replacement_{years}"
        for years in HORIZONS
    ]
    needs = [
        f"{_given_sum(f'replacement_{years}', f'creations_{years} * 1000')} AS needs_{years}"
        for years in HORIZONS
    ]
    reasons = [f"COUNT(*) FILTER (WHERE reason_{reason})" for reason in REASONS]
    totals = [f"SUM({name})::bigint, COUNT({name}), MAX({name})" for name in SUMMED]
    sql = f"""
        WITH stream AS (
            SELECT occupation_id, organisation_id, {stream_workforce} FROM ({workforce}) wf
            UNION ALL
            SELECT occupation_id, organisation_id, {stream_forecasts} FROM ({forecasts}) fc
        ),
        per AS (
            SELECT occupation_id, organisation_id, {", ".join(per_organisation)}
            FROM stream GROUP BY occupation_id, organisation_id
        ),
        d AS (
            SELECT per.*, {", ".join(derived)},
                CASE WHEN headcount > 0 THEN open_unfilled END AS vacancy_open,
                CASE WHEN headcount > 0 AND open_unfilled IS NOT NULL
                    THEN headcount END AS vacancy_headcount
            FROM per
        ),
        r AS (SELECT d.*, {", ".join(retirements)} FROM d),
        p AS (SELECT r.*, {", ".join(replacement)} FROM r),
        n AS (SELECT p.*, {", ".join(needs)} FROM p)
        SELECT occupation_id, COUNT(*),
            COUNT(difficulty), COUNT(*) FILTER (WHERE difficulty >= %s),
            {", ".join(reasons)},
            AVG(time_to_fill), COUNT(time_to_fill),
            {", ".join(totals)}
        FROM n GROUP BY occupation_id
    """
    params = [*workforce_params, *forecast_params, *share_params, DIFFICULT_FROM]
    return sql, params


def _ratio(numerator, denominator):
    if not denominator:
        return None
    return round(float(numerator) / float(denominator), 4)


def _build(occupation, row):
    (organisations, respondents, difficult, *rest) = row
    reason_counts, (mean_days, timed, *sums) = rest[: len(REASONS)], rest[len(REASONS) :]
    figure = {}
    triples = iter(sums)
    for name, total, count, largest in zip(SUMMED, triples, triples, triples, strict=True):
        if name in THOUSANDTHS:
            total = None if total is None else Decimal(total) / MILLE
            largest = None if largest is None else Decimal(largest) / MILLE
        figure[name] = Figure(value=total or 0, organisations=count, largest=largest)
    horizons = {
        years: Horizon(
            years=years,
            retirements_declared=figure[f"declared_{years}"],
            retirements_estimated=figure[f"estimated_{years}"],
            retirements=figure[f"retirements_{years}"],
            other_departures=figure[f"other_{years}"],
            creations=figure[f"creations_{years}"],
            replacement=figure[f"replacement_{years}"],
            needs=figure[f"needs_{years}"],
            planned_recruitments=figure[f"recruitments_{years}"],
        )
        for years in HORIZONS
    }
    aged = figure["aged"]
    vacancy = figure["vacancy_headcount"]
    reasons = {
        reason: count
        for count, reason in sorted(
            zip(reason_counts, REASONS, strict=True), key=lambda pair: -pair[0]
        )
        if count
    }
    return OccupationFigures(
        occupation=occupation,
        organisations=organisations,
        headcount=figure["headcount"],
        ages={band: figure[band] for band in BANDS},
        aged_headcount=aged,
        ageing_share=Figure(_ratio(figure["older"].value, aged.value), aged.organisations),
        women=figure["women"],
        cadres=figure["cadres"],
        contracts={name: figure[name] for name in CONTRACTS},
        open_unfilled=figure["open_unfilled"],
        vacancy_rate=Figure(
            _ratio(figure["vacancy_open"].value, vacancy.value), vacancy.organisations
        ),
        horizons=horizons,
        difficulty_respondents=respondents,
        difficult_share=Figure(_ratio(difficult, respondents), respondents),
        reasons=reasons,
        time_to_fill_days=Figure(None if mean_days is None else round(float(mean_days), 1), timed),
        supply=None,
    )


def occupation_figures(population, assumptions):
    """[OccupationFigures] of the population's occupations, needs at 1 year
    first, supply and tension set. A handful of queries whatever the size."""
    sql, params = _statement(population, assumptions)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # Without their long texts: a network's figures are stored (dashboard.cache).
    occupations = Occupation.objects.defer("definition", "access").in_bulk([row[0] for row in rows])
    result = [_build(occupations[row[0]], row[1:]) for row in rows]
    supplies = supply.supplies(population, [item.occupation.pk for item in result])
    for item in result:
        item.supply = supplies[item.occupation.pk]
    tension.apply(result)
    result.sort(key=lambda item: (-item.horizons[1].needs.value, item.occupation.label))
    return result
