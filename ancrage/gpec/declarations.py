"""Declarations: what an organisation tells one of its clusters about its
jobs, saved with its facts in one transaction.

    declaration = save_declaration(
        cluster, organisation, declared_on, blocks=[{"occupation": o, "headcount": 12, …}],
        skills=[{"skill": s, "horizon_years": 3, …}], user=request.user, on_behalf=False,
        source=Source.DECLARATION,  # or Source.IMPORT (the staff's XLSX import)
    )
    last_declaration(cluster, organisation)          # the latest one, or None
    declare_unchanged(cluster, organisation, user)   # today, the same facts
    contents_of([d1, d2])                            # {pk: (blocks, skills)}, 3 queries
    save_declarations(cluster, [(organisation, day, blocks, skills), …], user=…,
                      on_behalf=True, source=Source.IMPORT)  # an import, in bulk

A block is one occupation: its workforce (a `WorkforceLine` when the headcount
is given) and its forecasts (an `OccupationForecast` when any is given). A
declaration adds facts: earlier declarations and facts from other sources
stay as they are."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.core.dates import add_months
from ancrage.gpec.models import (
    Declaration,
    OccupationForecast,
    SkillNeed,
    Source,
    WorkforceLine,
)

WORKFORCE_FIELDS = (
    "headcount",
    *WorkforceLine.AGE_BANDS,
    "women",
    "cdi",
    "cdd",
    "alternance",
    "interim",
    "cadres",
)
FORECAST_FIELDS = (
    "open_unfilled",
    "creations_1y",
    "creations_3y",
    "recruitments_1y",
    "recruitments_3y",
    "retirements_1y",
    "retirements_3y",
    "other_departures_1y",
    "other_departures_3y",
    "difficulty",
    "difficulty_reason",
)
# A member whose last declaration is older is « à relancer ».
STALE_AFTER_MONTHS = 12
SKILL_FIELDS = ("skill", "horizon_years", "kind", "people", "preferred_answer", "priority")
FACT_MODELS = (WorkforceLine, OccupationForecast, SkillNeed)
BATCH_SIZE = 2000


def source_label(declaration):
    date = declaration.declared_on.strftime("%d/%m/%Y")
    if declaration.source == Source.IMPORT:
        return _("Déclaration du %(date)s (importée par l'équipe du cluster)") % {"date": date}
    label = _("Déclaration du %(date)s") % {"date": date}
    if declaration.on_behalf:
        label += " " + _("(saisie par l'équipe du cluster)")
    return label


def _given(value):
    return value is not None and value != ""


@transaction.atomic
def save_declaration(
    cluster,
    organisation,
    declared_on,
    *,
    blocks,
    skills,
    user,
    on_behalf,
    unchanged_from=None,
    source=Source.DECLARATION,
):
    declaration = Declaration.objects.create(
        cluster=cluster,
        organisation=organisation,
        declared_on=declared_on,
        entered_by=user,
        on_behalf=on_behalf,
        unchanged_from=unchanged_from,
        source=source,
    )
    _save_facts([(declaration, blocks, skills)])
    return declaration


@transaction.atomic
def save_declarations(cluster, items, *, user, on_behalf, source):
    """Several declarations at once (an import): `items` are
    ``(organisation, declared_on, blocks, skills)``; a few queries whatever
    their number. The saved declarations, in the same order."""
    saved = Declaration.objects.bulk_create(
        Declaration(
            cluster=cluster,
            organisation=organisation,
            declared_on=declared_on,
            entered_by=user,
            on_behalf=on_behalf,
            source=source,
        )
        for organisation, declared_on, _blocks, _skills in items
    )
    _save_facts(
        [
            (declaration, blocks, skills)
            for declaration, (_organisation, _day, blocks, skills) in zip(saved, items, strict=True)
        ]
    )
    return saved


def _save_facts(declarations):
    """The facts of ``[(declaration, blocks, skills)]``, written in three bulk inserts."""
    workforce, forecasts, needs = [], [], []
    for declaration, blocks, skills in declarations:
        common = {
            "cluster_id": declaration.cluster_id,
            "organisation_id": declaration.organisation_id,
            "observed_on": declaration.declared_on,
            "source": declaration.source,
            "source_key": declaration.source_key,
            "source_label": source_label(declaration),
            "entered_by": declaration.entered_by,
            "on_behalf": declaration.on_behalf,
        }
        for block in blocks:
            if block.get("headcount") is not None:
                values = {field: block.get(field) for field in WORKFORCE_FIELDS}
                workforce.append(WorkforceLine(**common, occupation=block["occupation"], **values))
            if any(_given(block.get(field)) for field in FORECAST_FIELDS):
                values = {field: block.get(field) for field in FORECAST_FIELDS}
                values["difficulty_reason"] = values["difficulty_reason"] or ""
                forecasts.append(
                    OccupationForecast(**common, occupation=block["occupation"], **values)
                )
        for row in skills:
            values = {field: row.get(field) for field in SKILL_FIELDS}
            values["kind"] = values["kind"] or ""
            values["preferred_answer"] = values["preferred_answer"] or ""
            needs.append(SkillNeed(**common, **values))
    WorkforceLine.objects.bulk_create(workforce, batch_size=BATCH_SIZE)
    OccupationForecast.objects.bulk_create(forecasts, batch_size=BATCH_SIZE)
    SkillNeed.objects.bulk_create(needs, batch_size=BATCH_SIZE)


def last_declaration(cluster, organisation):
    return (
        Declaration.objects.filter(cluster=cluster, organisation=organisation)
        .select_related("entered_by")
        .order_by("-declared_on", "-pk")
        .first()
    )


def contents(declaration):
    """``(blocks, skills)`` of `declaration`, in the shape `save_declaration`
    takes: one block per occupation, workforce and forecasts together."""
    if declaration is None:
        return [], []
    return contents_of([declaration])[declaration.pk]


def contents_of(declarations):
    """``{declaration pk: (blocks, skills)}`` for several declarations, read
    in three queries whatever their number."""
    keys = {declaration.source_key: declaration.pk for declaration in declarations}
    blocks = {pk: {} for pk in keys.values()}
    skills = {pk: [] for pk in keys.values()}
    lines = WorkforceLine.objects.filter(source_key__in=keys).select_related("occupation")
    for line in lines:
        block = blocks[keys[line.source_key]].setdefault(
            line.occupation_id, {"occupation": line.occupation}
        )
        block.update({field: getattr(line, field) for field in WORKFORCE_FIELDS})
    forecasts = OccupationForecast.objects.filter(source_key__in=keys).select_related("occupation")
    for forecast in forecasts:
        block = blocks[keys[forecast.source_key]].setdefault(
            forecast.occupation_id, {"occupation": forecast.occupation}
        )
        block.update({field: getattr(forecast, field) for field in FORECAST_FIELDS})
    needs = SkillNeed.objects.filter(source_key__in=keys).select_related("skill").order_by("pk")
    for need in needs:
        skills[keys[need.source_key]].append(
            {field: getattr(need, field) for field in SKILL_FIELDS}
        )
    return {
        pk: (sorted(blocks[pk].values(), key=lambda block: block["occupation"].label), skills[pk])
        for pk in keys.values()
    }


def declare_unchanged(cluster, organisation, user, *, on_behalf=False):
    """A declaration dated today with the same facts as the last one, or None
    when the organisation never declared to this cluster."""
    last = last_declaration(cluster, organisation)
    if last is None:
        return None
    blocks, skills = contents(last)
    return save_declaration(
        cluster,
        organisation,
        timezone.localdate(),
        blocks=blocks,
        skills=skills,
        user=user,
        on_behalf=on_behalf,
        unchanged_from=last,
    )


def stale_before():
    """Declarations before this day are over `STALE_AFTER_MONTHS` old."""
    return add_months(timezone.localdate(), -STALE_AFTER_MONTHS)


def up_to_date_count(cluster):
    """How many active members of `cluster` declared within `STALE_AFTER_MONTHS`."""
    return (
        Declaration.objects.filter(
            cluster=cluster,
            declared_on__gte=stale_before(),
            organisation__memberships__cluster=cluster,
            organisation__memberships__status="active",
        )
        .values("organisation")
        .distinct()
        .count()
    )
