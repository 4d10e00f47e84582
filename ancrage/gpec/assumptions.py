"""The assumptions behind a cluster's GPEC figures, with their defaults.

    assumptions = for_cluster(cluster)      # saved ones, or the defaults (unsaved)
    assumptions.retire_60_plus_1y           # Decimal("0.300")

Retirements are estimated from the two oldest age bands: a share of the
people aged 60 and over, and a smaller share of those aged 55–59, leave
within the horizon. The defaults follow the average age of first retirement
in France, about 62 years and 9 months for the generation leaving in 2023
(DREES, « Les retraités et les retraites », édition 2024), above the legal
age of 62 to 64 set by the 2023 reform: most people of the 60+ band leave
within three years, few of the 55–59 band do. Each cluster may set its own
(a filière of long careers retires earlier)."""

from decimal import Decimal

from ancrage.gpec.models import Assumptions

DEFAULTS = {
    "retire_60_plus_1y": Decimal("0.300"),
    "retire_55_59_1y": Decimal("0.020"),
    "retire_60_plus_3y": Decimal("0.800"),
    "retire_55_59_3y": Decimal("0.200"),
    "freshness_months": 36,
}


def defaults(cluster=None):
    """Unsaved assumptions with the default values."""
    return Assumptions(cluster=cluster, **DEFAULTS)


def for_cluster(cluster):
    """The cluster's assumptions, or the defaults when it has set none."""
    found = Assumptions.objects.filter(cluster=cluster).first()
    return found or defaults(cluster)
