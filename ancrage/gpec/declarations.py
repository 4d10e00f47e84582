"""Declarations: what an organisation tells one of its clusters about its
jobs, saved with its facts in one transaction.

    declaration = save_declaration(
        cluster, organisation, declared_on, blocks=[{"occupation": o, "headcount": 12, …}],
        skills=[{"skill": s, "horizon_years": 3, …}], user=request.user, on_behalf=False,
    )
    last_declaration(cluster, organisation)          # the latest one, or None
    declare_unchanged(cluster, organisation, user)   # today, the same facts

A block is one occupation: its workforce (a `WorkforceLine` when the headcount
is given) and its forecasts (an `OccupationForecast` when any is given). A
declaration adds facts: earlier declarations and facts from other sources
stay as they are."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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
SKILL_FIELDS = ("skill", "horizon_years", "kind", "people", "preferred_answer", "priority")
FACT_MODELS = (WorkforceLine, OccupationForecast, SkillNeed)


def source_label(declaration):
    label = _("Déclaration du %(date)s") % {"date": declaration.declared_on.strftime("%d/%m/%Y")}
    if declaration.on_behalf:
        label += " " + _("(saisie par l'équipe du cluster)")
    return label


def _given(value):
    return value is not None and value != ""


@transaction.atomic
def save_declaration(
    cluster, organisation, declared_on, *, blocks, skills, user, on_behalf, unchanged_from=None
):
    declaration = Declaration.objects.create(
        cluster=cluster,
        organisation=organisation,
        declared_on=declared_on,
        entered_by=user,
        on_behalf=on_behalf,
        unchanged_from=unchanged_from,
    )
    common = {
        "cluster": cluster,
        "organisation": organisation,
        "observed_on": declared_on,
        "source": Source.DECLARATION,
        "source_key": declaration.source_key,
        "source_label": source_label(declaration),
        "entered_by": user,
        "on_behalf": on_behalf,
    }
    workforce, forecasts, needs = [], [], []
    for block in blocks:
        if block.get("headcount") is not None:
            values = {field: block.get(field) for field in WORKFORCE_FIELDS}
            workforce.append(WorkforceLine(**common, occupation=block["occupation"], **values))
        if any(_given(block.get(field)) for field in FORECAST_FIELDS):
            values = {field: block.get(field) for field in FORECAST_FIELDS}
            values["difficulty_reason"] = values["difficulty_reason"] or ""
            forecasts.append(OccupationForecast(**common, occupation=block["occupation"], **values))
    for row in skills:
        values = {field: row.get(field) for field in SKILL_FIELDS}
        values["kind"] = values["kind"] or ""
        values["preferred_answer"] = values["preferred_answer"] or ""
        needs.append(SkillNeed(**common, **values))
    WorkforceLine.objects.bulk_create(workforce)
    OccupationForecast.objects.bulk_create(forecasts)
    SkillNeed.objects.bulk_create(needs)
    return declaration


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
    key = declaration.source_key
    blocks = {}
    for line in WorkforceLine.objects.filter(source_key=key).select_related("occupation"):
        block = blocks.setdefault(line.occupation_id, {"occupation": line.occupation})
        block.update({field: getattr(line, field) for field in WORKFORCE_FIELDS})
    for forecast in OccupationForecast.objects.filter(source_key=key).select_related("occupation"):
        block = blocks.setdefault(forecast.occupation_id, {"occupation": forecast.occupation})
        block.update({field: getattr(forecast, field) for field in FORECAST_FIELDS})
    skills = [
        {field: getattr(need, field) for field in SKILL_FIELDS}
        for need in SkillNeed.objects.filter(source_key=key).select_related("skill").order_by("pk")
    ]
    ordered = sorted(blocks.values(), key=lambda block: block["occupation"].label)
    return ordered, skills


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
