"""The impact of a job board on hiring, over a period: offers published,
positions, applications, hires declared and through the platform, share of
offers filled, median time to fill; in all, by occupation (ROME) and by
month. Computed in SQL aggregates over a queryset of offers (a cluster's
board: `board_offers(cluster)`; any publications: `offers_of(publications)`),
so the observatory can reuse them on any set of offers.

    period = last_twelve_months() or of_year(2025)
    impact = for_cluster(cluster, period)      # .figures, .occupations, .months
    figures(offers, period), by_occupation(offers, period), by_month(offers, period)

Each figure's definition is in `DEFINITIONS` (shown on the page and in the
export)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Aggregate,
    Case,
    Count,
    DateField,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.jobs.models import Application, Offer, Publication
from ancrage.referentiel.models import Occupation

# Each figure: its label and its definition, in French.
DEFINITIONS = {
    "offers": (
        _("Offres publiées"),
        _(
            "Offres publiées sur la bourse d'emploi pendant la période "
            "(date de première publication)."
        ),
    ),
    "positions": (
        _("Postes proposés"),
        _("Somme des postes à pourvoir des offres publiées pendant la période."),
    ),
    "applications": (
        _("Candidatures"),
        _("Candidatures déposées sur Ancrage pendant la période aux offres de la bourse d'emploi."),
    ),
    "filled": (
        _("Recrutements déclarés"),
        _(
            "Offres closes pendant la période, l'entreprise déclarant le poste pourvu "
            "(par la bourse d'emploi ou autrement)."
        ),
    ),
    "through_platform": (
        _("Recrutements grâce à la plateforme"),
        _(
            "Offres closes pendant la période comme pourvues grâce à la bourse d'emploi, ou dont "
            "une candidature a été marquée « embauché(e) » pendant la période."
        ),
    ),
    "share": (
        _("Part des offres pourvues"),
        _(
            "Offres closes comme pourvues, rapportées aux offres closes par l'entreprise pendant "
            "la période (pourvues ou non) ; les offres expirées sans réponse n'y sont pas comptées."
        ),
    ),
    "median_days": (
        _("Délai médian de recrutement"),
        _(
            "Médiane, en jours, du temps entre la publication et la clôture des offres closes "
            "comme pourvues pendant la période."
        ),
    ),
    "expired": (
        _("Offres expirées"),
        _("Offres expirées pendant la période : non confirmées par l'entreprise, ou à leur date."),
    ),
}


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both included; `year` when a calendar year."""

    start: datetime.date
    end: datetime.date
    year: int | None = None

    @property
    def label(self):
        if self.year:
            return str(self.year)
        return _("du %(start)s au %(end)s") % {
            "start": self.start.strftime("%d/%m/%Y"),
            "end": self.end.strftime("%d/%m/%Y"),
        }

    def months(self):
        """The first day of each month of the period."""
        month = self.start.replace(day=1)
        while month <= self.end:
            yield month
            month = (month + datetime.timedelta(days=32)).replace(day=1)

    def q(self, name):
        """The rows whose date `name` falls within the period (one BETWEEN:
        an expression is computed once per row)."""
        return Q(**{f"{name}__range": (self.start, self.end)})

    def instants(self):
        """The period as aware datetimes, from its first midnight to the
        last instant before the day after its end (Europe/Paris)."""
        first = datetime.datetime.combine(self.start, datetime.time.min)
        after = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(first), timezone.make_aware(after) - datetime.timedelta(
            microseconds=1
        )


def last_twelve_months(today=None):
    """The current month and the 11 before it, up to today."""
    today = today or timezone.localdate()
    start = today.replace(day=1)
    for _month in range(11):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return Period(start, today)


def of_year(year):
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), year)


class Median(Aggregate):
    """PostgreSQL's continuous median of an expression."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _days_to_fill():
    """Days from publication to closing (PostgreSQL: date - date is an integer)."""
    return Func(
        F("closed_on"),
        F("published_on"),
        template="(%(expressions)s)",
        arg_joiner=" - ",
        output_field=IntegerField(),
    )


def board_offers(cluster):
    """The offers published on the cluster's job board (withdrawn by its staff
    or never published: not counted), whatever their state since."""
    on_board = Publication.objects.filter(
        offer=OuterRef("pk"), cluster=cluster, status=Publication.Status.PUBLISHED
    )
    return Offer.objects.filter(Exists(on_board))


def offers_of(publications):
    """The offers of a queryset of publications (several job boards, a
    territory: the observatory's scopes)."""
    return Offer.objects.filter(pk__in=publications.values("offer"))


def _with_platform_hire(offers):
    """`platform_hire_on`: the day an offer was filled through the platform:
    its closing day when the company said so, else the day of its first
    application marked hired (None if neither)."""
    first_hire = (
        Application.objects.filter(offer=OuterRef("pk"), status=Application.Status.HIRED)
        .annotate(day=TruncDate("status_changed_at"))
        .order_by("status_changed_at")
        .values("day")[:1]
    )
    return offers.annotate(
        platform_hire_on=Case(
            When(filled_through_platform=True, then=F("closed_on")),
            default=Subquery(first_hire, output_field=DateField()),
            output_field=DateField(),
        )
    )


def _concerned(offers, period):
    """The offers some figure of the period counts."""
    return _with_platform_hire(offers).filter(
        period.q("published_on") | period.q("closed_on") | period.q("platform_hire_on")
    )


def _measures(period):
    published = period.q("published_on")
    closed = period.q("closed_on")
    return {
        "offers": Count("pk", filter=published),
        "positions": Sum("positions", filter=published, default=0),
        "filled": Count("pk", filter=closed & Q(status=Offer.Status.FILLED)),
        "closed": Count(
            "pk", filter=closed & Q(status__in=(Offer.Status.FILLED, Offer.Status.CLOSED))
        ),
        "expired": Count("pk", filter=closed & Q(status=Offer.Status.EXPIRED)),
        "through_platform": Count("pk", filter=period.q("platform_hire_on")),
        "median_days": Median(
            _days_to_fill(),
            filter=closed & Q(status=Offer.Status.FILLED, published_on__isnull=False),
        ),
    }


def _applications(offers, period):
    return Application.objects.filter(
        offer__in=offers.values("pk"), created_at__range=period.instants()
    )


@dataclass
class Figures:
    offers: int = 0
    positions: int = 0
    applications: int = 0
    filled: int = 0
    closed: int = 0
    expired: int = 0
    through_platform: int = 0
    median_days: float | None = None

    @property
    def share(self):
        """The share of closed offers that were filled, in %, or None (none closed)."""
        return round(100 * self.filled / self.closed, 1) if self.closed else None


@dataclass
class OccupationRow(Figures):
    code: str = ""
    label: str = ""


@dataclass
class MonthRow(Figures):
    month: datetime.date = field(default=None)


def figures(offers, period):
    """The figures of the period over `offers`."""
    totals = _concerned(offers, period).aggregate(**_measures(period))
    return Figures(**totals, applications=_applications(offers, period).count())


def by_occupation(offers, period):
    """One row per occupation (ROME) of the offers, the most offers first;
    offers with no occupation last, under an empty code."""
    applications = {
        row["offer__occupation__code"]: row["count"]
        for row in _applications(offers, period)
        .values("offer__occupation__code")
        .annotate(count=Count("pk"))
        .order_by()
    }
    rows = (
        _concerned(offers, period)
        .values("occupation__code", "occupation__label")
        .annotate(**_measures(period))
        .order_by(F("occupation__code").asc(nulls_last=True))
    )
    result = []
    for row in rows:
        code = row.pop("occupation__code")
        label = row.pop("occupation__label")
        result.append(
            OccupationRow(
                **row,
                applications=applications.pop(code, 0),
                code=code or "",
                label=label or str(_("Métier non précisé")),
            )
        )
    # Applications to offers counted by no other figure of the period.
    for code, count in applications.items():
        result.append(OccupationRow(code=code or "", label="", applications=count))
    if any(not row.label for row in result):
        labels = dict(
            Occupation.objects.filter(
                code__in=[row.code for row in result if row.code]
            ).values_list("code", "label")
        )
        for row in result:
            row.label = row.label or labels.get(row.code) or str(_("Métier non précisé"))
    result.sort(key=lambda row: (-row.offers, -row.applications, row.code == "", row.code))
    return result


def _monthly(queryset, date_name, **aggregates):
    return {
        row["month"]: row
        for row in queryset.annotate(month=TruncMonth(date_name, output_field=DateField()))
        .values("month")
        .annotate(**aggregates)
        .order_by()
    }


def by_month(offers, period):
    """One row per month of the period, each figure dated by its own event:
    offers and positions by publication, hires by closing (or hire), the
    median over the offers filled that month, applications by their day."""
    offers = _with_platform_hire(offers)
    measures = _measures(period)
    published = _monthly(
        offers.filter(period.q("published_on")),
        "published_on",
        offers=measures["offers"],
        positions=measures["positions"],
    )
    closed = _monthly(
        offers.filter(period.q("closed_on")),
        "closed_on",
        filled=measures["filled"],
        closed=measures["closed"],
        expired=measures["expired"],
        median_days=measures["median_days"],
    )
    platform = _monthly(
        offers.filter(period.q("platform_hire_on")),
        "platform_hire_on",
        through_platform=measures["through_platform"],
    )
    applications = _monthly(_applications(offers, period), "created_at", count=Count("pk"))
    rows = []
    for month in period.months():
        row = MonthRow(month=month)
        for source in (published, closed, platform):
            for name, value in source.get(month, {}).items():
                if name != "month":
                    setattr(row, name, value)
        row.applications = applications.get(month, {}).get("count", 0)
        rows.append(row)
    return rows


@dataclass
class Impact:
    period: Period
    figures: Figures
    occupations: list
    months: list


def compute(offers, period):
    return Impact(
        period,
        figures(offers, period),
        by_occupation(offers, period),
        by_month(offers, period),
    )


def for_cluster(cluster, period):
    """The impact of the cluster's job board over the period."""
    return compute(board_offers(cluster), period)
