"""Answers to campaigns feed the GPEC facts (`gpec.models`).

A question (or a column of a « one row per occupation » table) mapped to a
GPEC fact by its `gpec_fact` turns into dated facts when a response is
submitted:

- headcount, turnover (k€) and confidence (1 to 5): one `OrganisationFigures`
  row when any of them is answered;
- skills sought (today) or to acquire within 3 years: one `SkillNeed` per skill, with its horizon;
- a table whose occupation column (`gpec_fact` "occupation") is filled on a
  row: one `OccupationForecast` for that row, with the row's mapped columns.

Facts are dated by the submission (Paris time), belong to the campaign's
cluster and to the invitee's organisation, and carry the source key
``survey-response:<id>``: submitting again replaces them, a response that is
no longer submitted has none.

A non-member known only by its email (an invitee without an organisation)
feeds no fact: facts always describe an organisation of the platform.

Answers are validated by the answer form; values that still make no sense
here (negative counts, unknown ids, out-of-range scores) are skipped, never
raised."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from ancrage.gpec.models import (
    Difficulty,
    DifficultyReason,
    OccupationForecast,
    OrganisationFigures,
    SkillNeed,
    Source,
)
from ancrage.referentiel.models import Occupation, Skill
from ancrage.surveys.models import GpecFact, Kind, Question, Response

FACT_MODELS = (OrganisationFigures, SkillNeed, OccupationForecast)
# Table columns that become a count of the forecast (fact → model field).
FORECAST_COUNTS = {
    GpecFact.OPEN_UNFILLED: "open_unfilled",
    GpecFact.POSITIONS_FILLED: "positions_filled",
    GpecFact.TIME_TO_FILL: "time_to_fill_days",
    GpecFact.CREATIONS_1Y: "creations_1y",
    GpecFact.CREATIONS_3Y: "creations_3y",
    GpecFact.RECRUITMENTS_1Y: "recruitments_1y",
    GpecFact.RECRUITMENTS_3Y: "recruitments_3y",
}
# Skill questions: the horizon their skills are needed at (None: today).
SKILL_HORIZONS = {GpecFact.SKILLS_SOUGHT: None, GpecFact.SKILLS_3Y: 3}
MAX_COUNT = 2_000_000_000
MAX_TURNOVER_KEUR = Decimal("99999999999.9")


def source_key(response):
    return f"survey-response:{response.pk}"


def _decimal(value):
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace(" ", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _count(value):
    """A non-negative whole count, or None."""
    number = _decimal(value)
    if number is None or number < 0 or number > MAX_COUNT:
        return None
    return int(number.to_integral_value())


def _score(value, low, high):
    number = _count(value)
    return number if number is not None and low <= number <= high else None


def _turnover(value):
    number = _decimal(value)
    if number is None or number < 0 or number > MAX_TURNOVER_KEUR:
        return None
    return number.quantize(Decimal("0.1"))


def _id(value):
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class _Mapping:
    """The mapped questions of one questionnaire version."""

    def __init__(self, version_id):
        questions = list(
            Question.objects.filter(version_id=version_id)
            .exclude(gpec_fact="")
            .only("key", "kind", "gpec_fact", "parent_id")
            .order_by("pk")
        )
        self.figures = {}  # fact → question key
        self.skills = []  # (question key, horizon in years or None)
        self.tables = {}  # table key → {fact: column key}
        tables = {
            question.pk: question
            for question in Question.objects.filter(version_id=version_id, kind=Kind.TABLE).only(
                "key"
            )
        }
        for question in questions:
            fact = question.gpec_fact
            if question.parent_id:
                table = tables.get(question.parent_id)
                if table is not None:
                    self.tables.setdefault(table.key, {}).setdefault(fact, question.key)
            elif fact in (GpecFact.HEADCOUNT, GpecFact.TURNOVER, GpecFact.CONFIDENCE):
                self.figures.setdefault(fact, question.key)
            elif fact in SKILL_HORIZONS and question.kind == Kind.SKILL:
                self.skills.append((question.key, SKILL_HORIZONS[fact]))
        self.tables = {
            key: columns for key, columns in self.tables.items() if GpecFact.OCCUPATION in columns
        }

    def facts(self, answers, common):
        """Unsaved facts of `answers` (`common`: the shared Fact fields).
        Skill and occupation ids are checked by the caller."""
        answers = answers if isinstance(answers, dict) else {}
        facts = []
        figures = {
            "headcount": _count(answers.get(self.figures.get(GpecFact.HEADCOUNT))),
            "turnover_keur": _turnover(answers.get(self.figures.get(GpecFact.TURNOVER))),
            "confidence": _score(answers.get(self.figures.get(GpecFact.CONFIDENCE)), 1, 5),
        }
        if any(value is not None for value in figures.values()):
            facts.append(OrganisationFigures(**common, **figures))
        seen = set()
        for key, horizon in self.skills:
            values = answers.get(key)
            for skill_id in values if isinstance(values, list) else []:
                skill_id = _id(skill_id)
                if skill_id is not None and (skill_id, horizon) not in seen:
                    seen.add((skill_id, horizon))
                    facts.append(SkillNeed(**common, skill_id=skill_id, horizon_years=horizon))
        for key, columns in self.tables.items():
            rows = answers.get(key)
            for row in rows if isinstance(rows, list) else []:
                forecast = self._forecast(row, columns, common)
                if forecast is not None:
                    facts.append(forecast)
        return facts

    @staticmethod
    def _forecast(row, columns, common):
        if not isinstance(row, dict):
            return None
        occupation_id = _id(row.get(columns[GpecFact.OCCUPATION]))
        if occupation_id is None:
            return None
        values = {
            field: _count(row.get(columns[fact]))
            for fact, field in FORECAST_COUNTS.items()
            if fact in columns
        }
        if GpecFact.DIFFICULTY in columns:
            values["difficulty"] = _score(
                row.get(columns[GpecFact.DIFFICULTY]), Difficulty.NONE, Difficulty.VERY_HIGH
            )
        if GpecFact.DIFFICULTY_REASON in columns:
            reason = row.get(columns[GpecFact.DIFFICULTY_REASON])
            values["difficulty_reason"] = reason if reason in DifficultyReason.values else ""
        return OccupationForecast(**common, occupation_id=occupation_id, **values)


def _common(response, campaign):
    submitted = response.submitted_at or timezone.now()
    return {
        "cluster_id": campaign.cluster_id,
        "organisation_id": response.invitee.organisation_id,
        "observed_on": timezone.localdate(submitted),
        "source": Source.SURVEY,
        "source_key": source_key(response),
        "source_label": f"{campaign.title} — {campaign.period_label}"[:200],
        "entered_by_id": response.answered_by_id,
    }


def _known(facts):
    """Drops facts naming a skill or an occupation that does not exist."""
    skill_ids = {fact.skill_id for fact in facts if isinstance(fact, SkillNeed)}
    occupation_ids = {fact.occupation_id for fact in facts if isinstance(fact, OccupationForecast)}
    skills = set(Skill.objects.filter(pk__in=skill_ids).values_list("pk", flat=True))
    occupations = set(Occupation.objects.filter(pk__in=occupation_ids).values_list("pk", flat=True))
    return [
        fact
        for fact in facts
        if (not isinstance(fact, SkillNeed) or fact.skill_id in skills)
        and (not isinstance(fact, OccupationForecast) or fact.occupation_id in occupations)
    ]


def _replace(keys, facts):
    with transaction.atomic():
        for model in FACT_MODELS:
            model.objects.filter(source_key__in=keys).delete()
        for model in FACT_MODELS:
            batch = [fact for fact in facts if type(fact) is model]
            if batch:
                model.objects.bulk_create(batch, batch_size=2000)


def feed_response(response):
    """Replaces the GPEC facts of `response` by those of its answers (none
    when it is not submitted or its invitee has no organisation). Returns
    the number of facts written."""
    campaign = response.campaign
    facts = []
    if response.state == Response.State.SUBMITTED and response.invitee.organisation_id:
        mapping = _Mapping(campaign.version_id)
        facts = _known(mapping.facts(response.answers, _common(response, campaign)))
    _replace([source_key(response)], facts)
    return len(facts)


def feed_campaign(campaign):
    """Re-feeds every response of `campaign` in a few queries (the demo feeds
    thousands of responses this way). Returns the number of facts written."""
    mapping = _Mapping(campaign.version_id)
    responses = list(
        Response.objects.filter(campaign=campaign)
        .select_related("invitee")
        .only(
            "pk",
            "state",
            "answers",
            "answered_by_id",
            "submitted_at",
            "invitee__organisation_id",
        )
        .order_by("pk")
    )
    facts = []
    for response in responses:
        if response.state == Response.State.SUBMITTED and response.invitee.organisation_id:
            facts.extend(mapping.facts(response.answers, _common(response, campaign)))
    facts = _known(facts)
    _replace([source_key(response) for response in responses], facts)
    return len(facts)


def facts_count(campaign):
    """How many facts of each kind the campaign's responses fed:
    {"figures": n, "skills": n, "occupations": n}."""
    keys = [
        f"survey-response:{pk}"
        for pk in Response.objects.filter(campaign=campaign).values_list("pk", flat=True)
    ]
    return {
        name: model.objects.filter(
            cluster_id=campaign.cluster_id, source=Source.SURVEY, source_key__in=keys
        ).count()
        for name, model in (
            ("figures", OrganisationFigures),
            ("skills", SkillNeed),
            ("occupations", OccupationForecast),
        )
    }
