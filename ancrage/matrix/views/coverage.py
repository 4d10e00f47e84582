"""Coverage of the cluster's matrix: for each skill of its vocabulary, each
activity and each market, how many active members have it. Rare
capabilities stand out: nobody (a word of the vocabulary no member has) or a
single member (a single point of failure), with the members' names."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ancrage.core.permissions import staff_required
from ancrage.matrix.models import MatrixProfile, ProfileActivity, ProfileMarket, ProfileSkill
from ancrage.organisations.models import Membership
from ancrage.referentiel.models import Activity, Market, VocabularyEntry

# Members are named for values that at most this many members have.
RARE_MAX = 2
SORTS = {
    "rares": _("les plus rares d'abord"),
    "frequents": _("les plus fréquentes d'abord"),
    "nom": _("par nom"),
}


@dataclass
class Line:
    label: str
    count: int
    filter_url: str
    members: list = field(default_factory=list)

    @property
    def level(self):
        return "none" if self.count == 0 else "single" if self.count == 1 else ""


@dataclass
class Table:
    key: str
    title: str
    lines: list

    @property
    def nobody(self):
        return sum(1 for line in self.lines if line.count == 0)

    @property
    def single(self):
        return sum(1 for line in self.lines if line.count == 1)


def _active(items, cluster):
    return items.filter(
        profile__membership__cluster=cluster,
        profile__membership__status=Membership.Status.ACTIVE,
    )


def _counts(items, cluster, column):
    """{value id: members having it}, one GROUP BY."""
    rows = (
        _active(items, cluster)
        .values(column)
        .annotate(members=Count("profile__membership__organisation", distinct=True))
        .order_by()
    )
    return {row[column]: row["members"] for row in rows}


def _rare_members(items, cluster, column, ids):
    """{value id: [member names]} for the rare values `ids`, one query."""
    found = {}
    rows = (
        _active(items, cluster)
        .filter(**{f"{column}__in": ids})
        .values_list(column, "profile__membership__organisation__name")
        .order_by("profile__membership__organisation__name")
    )
    for value, name in rows:
        found.setdefault(value, []).append(name)
    return found


def _table(key, title, values, items, cluster, column, param):
    """values: [(id, query-string value, label)] in vocabulary order."""
    counts = _counts(items, cluster, column)
    rare = [pk for pk, _param, _label in values if 0 < counts.get(pk, 0) <= RARE_MAX]
    names = _rare_members(items, cluster, column, rare) if rare else {}
    base = reverse("matrix:crossfilter")
    lines = [
        Line(label, counts.get(pk, 0), f"{base}?{urlencode({param: value})}", names.get(pk, []))
        for pk, value, label in values
    ]
    return Table(key, title, lines)


def _sorted(table, sort):
    if sort == "frequents":
        table.lines.sort(key=lambda line: (-line.count, line.label.casefold()))
    elif sort == "nom":
        table.lines.sort(key=lambda line: line.label.casefold())
    else:
        table.lines.sort(key=lambda line: (line.count, line.label.casefold()))
    return table


@staff_required
@require_GET
def coverage(request):
    cluster = request.scope.cluster
    sort = request.GET.get("tri") if request.GET.get("tri") in SORTS else "rares"
    entries = (
        VocabularyEntry.objects.filter(cluster=cluster, kind=VocabularyEntry.Kind.SKILL)
        .select_related("skill")
        .order_by("position", "id")
    )
    tables = [
        _table(
            "competences",
            _("Compétences clés du vocabulaire"),
            [(e.pk, str(e.pk), e.display_label) for e in entries],
            ProfileSkill.objects,
            cluster,
            "entry",
            "skill",
        ),
        _table(
            "activites",
            _("Activités"),
            [(a.pk, a.slug, a.label) for a in Activity.objects.all()],
            ProfileActivity.objects,
            cluster,
            "activity",
            "activity",
        ),
        _table(
            "marches",
            _("Marchés"),
            [(m.pk, m.slug, m.label) for m in Market.objects.all()],
            ProfileMarket.objects,
            cluster,
            "market",
            "market",
        ),
    ]
    members = MatrixProfile.objects.filter(
        membership__cluster=cluster, membership__status=Membership.Status.ACTIVE
    ).count()
    return render(
        request,
        "matrix/coverage.html",
        {
            "cluster": cluster,
            "tables": [_sorted(table, sort) for table in tables],
            "members": members,
            "sort": sort,
            "sorts": SORTS,
            "rare_max": RARE_MAX,
        },
    )
