"""A campaign's response rate, overall and by segment (size class,
département of the invitee's commune, membership), in a constant number of
queries, and its invitees with the state of their response."""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from ancrage.organisations.models import SizeClass
from ancrage.surveys.models import Invitee, Response

SUBMITTED = Q(response__state=Response.State.SUBMITTED)
STARTED = Q(response__state=Response.State.DRAFT)


@dataclass
class Rate:
    label: str
    total: int
    submitted: int
    started: int = 0

    @property
    def percent(self):
        return round(100 * self.submitted / self.total) if self.total else 0


def _counts():
    return {
        "total": Count("pk"),
        "submitted": Count("pk", filter=SUBMITTED),
        "started": Count("pk", filter=STARTED),
    }


def overall(campaign):
    counts = Invitee.objects.filter(campaign=campaign).aggregate(
        **_counts(),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
        uninvited=Count("pk", filter=Q(invited_at=None)),
    )
    rate = Rate(_("Ensemble"), counts["total"], counts["submitted"], counts["started"])
    return rate, counts


def _grouped(campaign, *fields):
    rows = Invitee.objects.filter(campaign=campaign).values(*fields).annotate(**_counts())
    return list(rows.order_by(*fields))


def segments(campaign):
    """[(title, [Rate, …])] for size, département and membership."""
    sizes = dict(SizeClass.choices)
    by_size = [
        Rate(sizes.get(row["size_class"], _("taille inconnue")), row["total"], row["submitted"])
        for row in _grouped(campaign, "size_class")
    ]
    by_department = [
        Rate(
            f"{row['commune__department__name']} ({row['commune__department__code']})"
            if row["commune__department__code"]
            else _("commune inconnue"),
            row["total"],
            row["submitted"],
        )
        for row in _grouped(campaign, "commune__department__code", "commune__department__name")
    ]
    by_membership = [
        Rate(
            _("adhérents") if row["is_member"] else _("non-adhérents"),
            row["total"],
            row["submitted"],
        )
        for row in _grouped(campaign, "is_member")
    ]
    return [
        (_("Par taille"), by_size),
        (_("Par département"), by_department),
        (_("Par adhésion"), by_membership),
    ]


def invitees(campaign):
    """The invitees with `response_state` and `response_pk` (None if not started)."""
    return (
        Invitee.objects.filter(campaign=campaign)
        .annotate(response_state=F("response__state"), response_pk=F("response__pk"))
        .order_by("name", "pk")
    )
