"""What the series page shows: the response rate of each wave and, per
indicator (open positions, mean difficulty, tension score), a line chart of
the most tense occupations and the table of every occupation."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.core import charts
from ancrage.surveys.models import Invitee, Response
from ancrage.surveys.results.figures import number

CHARTED = 8


def rates(waves):
    """[(wave, invited, submitted)] in one query."""
    counts = {
        row["campaign_id"]: row
        for row in Invitee.objects.filter(campaign__in=waves)
        .values("campaign_id")
        .order_by("campaign_id")
        .annotate(
            invited=Count("pk"),
            submitted=Count("response", filter=Q(response__state=Response.State.SUBMITTED)),
        )
    }
    return [
        (
            wave,
            counts.get(wave.pk, {}).get("invited", 0),
            counts.get(wave.pk, {}).get("submitted", 0),
        )
        for wave in waves
    ]


INDICATORS = (
    ("open", gettext_lazy("Postes ouverts non pourvus"), 0, None),
    ("difficulty_mean", gettext_lazy("Difficulté à recruter (moyenne, 1 à 4)"), 1, 4),
    ("score", gettext_lazy("Score de tension (0 à 100)"), 1, 100),
)


def indicators(series):
    """[{title, chart, rows: [(label, [text per wave])]}] for the series' occupations."""
    if not series.occupations:
        return []
    labels = [wave.period_label for wave in series.waves]
    order = {occupation: rank for rank, (occupation, *_rest) in enumerate(series.latest_ranking())}
    ranked = sorted(
        series.occupations.items(),
        key=lambda item: (order.get(item[0], len(order)), series.labels.occupation(item[0])),
    )
    result = []
    for attribute, title, places, top in INDICATORS:
        rows = []
        for occupation, figures in ranked:
            points = [None if f is None else getattr(f, attribute) for f in figures]
            if all(point is None for point in points):
                continue
            rows.append((series.labels.occupation(occupation), points))
        if not rows:
            continue
        result.append(
            {
                "title": str(title),
                "chart": charts.lines(
                    labels,
                    rows[:CHARTED],
                    title=str(title),
                    top=top,
                    desc=_("Les %(count)s métiers les plus en tension, vague par vague.")
                    % {"count": min(CHARTED, len(rows))},
                ),
                "rows": [
                    (label, [number(p, places) if p is not None else "—" for p in points])
                    for label, points in rows
                ],
            }
        )
    return result
