"""The tension indicator of the occupations of a population, after the
DARES / France Travail method (0.3 × offers ÷ job seekers + 0.2 × job
seekers' outflow + 0.5 × share of difficult hiring plans, each standardised
across occupations), with what a cluster knows:

| component      | raw value for the occupation                              | weight |
|----------------|-----------------------------------------------------------|--------|
| difficulty     | share of the organisations rating the difficulty 3 or 4   | 0.5    |
| needs_supply   | needs at 1 year ÷ supply (only when some source knows the | 0.3    |
|                | supply; a supply of 0 counts as 1)                        |        |
| vacancy        | open unfilled positions ÷ headcount                       | 0.1    |
| time_to_fill   | mean time to fill, in days                                | 0.1    |

The difficulty keeps the BMO's weight 0.5; needs ÷ supply stands for offers ÷
job seekers (0.3); the outflow of job seekers has no equivalent in a
cluster's data, its 0.2 is shared by the two signs of positions that stay
open (vacancy rate and time to fill, 0.1 each).

Each component is standardised across the population's occupations that
have it (raw value known, resting on at least one organisation):
z = (raw − mean) ÷ standard deviation (population standard deviation; all
values equal → z = 0). The score is the weighted mean of the known z, the
weights renormalised over them; no component known → no score. Level:
« forte » when the score is 0.5 or more, « faible » when −0.5 or less,
« moyenne » between. A score compares the occupations of one population: it
is above or below their average, not an absolute measure.

`Tension.organisations` is the number of organisations with workforce or
forecasts for the occupation (the respondents behind it): below 3 the score
is still computed, and the screens flag or hide it like any fragile figure."""

import statistics

from django.utils.translation import gettext_lazy

from ancrage.gpec.figures import Component, Tension

WEIGHTS = {"difficulty": 0.5, "needs_supply": 0.3, "vacancy": 0.1, "time_to_fill": 0.1}
LABELS = {
    "difficulty": gettext_lazy("part des organisations déclarant des difficultés"),
    "needs_supply": gettext_lazy("besoins ÷ offre disponible"),
    "vacancy": gettext_lazy("postes non pourvus ÷ effectif"),
    "time_to_fill": gettext_lazy("délai de recrutement (jours)"),
}
STRONG_FROM = 0.5
WEAK_UNTIL = -0.5


def raw_components(item):
    """{key: (raw value or None, organisations)} of an OccupationFigures."""
    needs = item.horizons[1].needs
    supply_total = item.supply.total if item.supply is not None else None
    needs_supply = None
    if supply_total is not None and needs.organisations:
        needs_supply = float(needs.value) / max(float(supply_total), 1.0)
    return {
        "difficulty": (item.difficult_share.value, item.difficult_share.organisations),
        "needs_supply": (needs_supply, needs.organisations),
        "vacancy": (item.vacancy_rate.value, item.vacancy_rate.organisations),
        "time_to_fill": (item.time_to_fill_days.value, item.time_to_fill_days.organisations),
    }


LEVELS = {
    "strong": gettext_lazy("forte"),
    "medium": gettext_lazy("moyenne"),
    "weak": gettext_lazy("faible"),
    None: gettext_lazy("non calculée"),
}


def level_key(score):
    """ "strong", "medium", "weak", or None without a score."""
    if score is None:
        return None
    if score >= STRONG_FROM:
        return "strong"
    return "weak" if score <= WEAK_UNTIL else "medium"


def level(score):
    return str(LEVELS[level_key(score)])


def _standardiser(values):
    if not values:
        return lambda value: None
    mean = statistics.fmean(values)
    spread = statistics.pstdev(values)
    if spread == 0:
        return lambda value: 0.0
    return lambda value: (value - mean) / spread


def apply(items, pooled=None):
    """Set `tension` on each OccupationFigures of `items` (one population's).

    `pooled(item, key)`: whether the item's raw value of component `key`
    enters the mean and the spread it is standardised with (default: every
    value resting on at least one organisation). Where some values are
    hidden (across a network), only the shown ones may: two shown (value,
    z) pairs give back the mean and the spread, then a hidden value."""
    raws = [raw_components(item) for item in items]
    standardise = {
        key: _standardiser(
            [
                float(raw[key][0])
                for item, raw in zip(items, raws, strict=True)
                if raw[key][0] is not None
                and raw[key][1] >= 1
                and (pooled is None or pooled(item, key))
            ]
        )
        for key in WEIGHTS
    }
    labels = {key: str(label) for key, label in LABELS.items()}
    levels = {key: str(label) for key, label in LEVELS.items()}
    for item, raw in zip(items, raws, strict=True):
        components, weighted, weights = [], 0.0, 0.0
        for key, weight in WEIGHTS.items():
            value, organisations = raw[key]
            known = value is not None and organisations >= 1
            # None when nothing is pooled (every value of the component left out).
            z = standardise[key](float(value)) if known else None
            if z is not None:
                weighted += weight * z
                weights += weight
            components.append(
                Component(
                    key=key,
                    label=labels[key],
                    raw=float(value) if known else None,
                    z=None if z is None else round(z, 4),
                    weight=weight,
                    organisations=organisations,
                )
            )
        score = round(weighted / weights, 4) if weights else None
        item.tension = Tension(
            score=score,
            level=levels[level_key(score)],
            components=components,
            organisations=item.organisations,
        )
