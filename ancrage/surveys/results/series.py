"""The waves of a series (campaigns linked by `previous`) and, for a
barometer, the figures of each occupation across them: open positions,
mean difficulty and tension score. Three queries for the waves, their
questions and all their responses, plus the labels."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ancrage.surveys.models import Campaign, Kind, Question, Recurrence, Response, Status
from ancrage.surveys.results.labels import load
from ancrage.surveys.results.loading import Respondent
from ancrage.surveys.results.tables import BAROMETER_FACTS, barometers

MAX_WAVES = 40
ROBUST_FROM = 3  # respondents


def waves(campaign):
    """Every campaign of `campaign`'s series, oldest first (one query)."""
    links = dict(
        Campaign.objects.filter(cluster_id=campaign.cluster_id).values_list("pk", "previous_id")
    )
    following = {previous: pk for pk, previous in links.items() if previous}
    first, seen = campaign.pk, {campaign.pk}
    while links.get(first) and links[first] not in seen and len(seen) < MAX_WAVES:
        first = links[first]
        seen.add(first)
    chain, current = [first], first
    while current in following and following[current] not in chain and len(chain) < MAX_WAVES:
        current = following[current]
        chain.append(current)
    by_pk = Campaign.objects.select_related("version").in_bulk(chain)
    return [by_pk[pk] for pk in chain]


@dataclass
class Series:
    waves: list
    table_question: object = None  # the barometer table of the latest wave
    # {occupation id: [Barometer or None per wave]}
    occupations: dict = field(default_factory=dict)
    labels: object = None
    # The index of the latest wave with submitted answers (the next wave is
    # often scheduled already, without any): the last wave when none has.
    latest_index: int = -1

    @property
    def latest(self):
        return self.waves[self.latest_index]

    @property
    def latest_open(self):
        """Whether the latest wave still collects answers (its sums are partial)."""
        return self.latest.status == Status.OPEN

    @property
    def latest_heading(self):
        """« Métiers en tension ce trimestre », worded by the series' recurrence."""
        return {
            Recurrence.QUARTERLY: _("Métiers en tension ce trimestre"),
            Recurrence.SEMIANNUAL: _("Métiers en tension ce semestre"),
            Recurrence.YEARLY: _("Métiers en tension cette année"),
        }.get(self.latest.recurrence, _("Métiers en tension à la dernière vague"))

    def latest_ranking(self):
        """The latest wave's occupations by tension score, with the change since
        the wave before; those with fewer than ROBUST_FROM respondents last."""
        ranked = []
        index = self.latest_index % len(self.waves)
        for occupation, figures in self.occupations.items():
            latest = figures[index]
            if latest is None or latest.score is None:
                continue
            before = figures[index - 1] if index else None
            change = (
                None
                if before is None or before.score is None
                else round(latest.score - before.score, 1)
            )
            ranked.append((occupation, self.labels.occupation(occupation), latest, change))
        # A score from one or two answers is fragile: those occupations come after the others.
        return sorted(
            ranked,
            key=lambda item: (item[2].respondents < ROBUST_FROM, -item[2].score, item[1]),
        )


def _barometer_table(questions):
    tables = {q.pk: q for q in questions if q.kind == Kind.TABLE}
    for table in tables.values():
        table.table_columns = [q for q in questions if q.parent_id == table.pk]
    return next(
        (
            t
            for t in tables.values()
            if any(c.gpec_fact in BAROMETER_FACTS for c in t.table_columns)
        ),
        None,
    )


def series(campaign):
    chain = waves(campaign)
    questions = defaultdict(list)
    for question in Question.objects.filter(version__in={w.version_id for w in chain}).order_by(
        "position", "pk"
    ):
        questions[question.version_id].append(question)
    result = Series(chain)
    result.table_question = _barometer_table(questions[chain[-1].version_id])
    if result.table_question is None:
        return result
    key = result.table_question.key
    answers = defaultdict(list)
    for campaign_id, invitee_id, value in (
        Response.objects.filter(campaign__in=chain, state=Response.State.SUBMITTED)
        .order_by("pk")
        .values_list("campaign_id", "invitee_id", f"answers__{key}")
    ):
        if isinstance(value, list) and value:
            answers[campaign_id].append((invitee_id, value))
    found = {}
    for index, wave in enumerate(chain):
        table = _barometer_table(questions[wave.version_id])
        if table is None or table.key != key:
            continue
        for occupation, figures in barometers(table, answers[wave.pk]).items():
            found.setdefault(occupation, [None] * len(chain))[index] = figures
    result.occupations = found
    answered = [index for index, wave in enumerate(chain) if answers[wave.pk]]
    result.latest_index = answered[-1] if answered else len(chain) - 1
    respondents = [
        Respondent(invitee_id, 0, {key: value})
        for wave_answers in answers.values()
        for invitee_id, value in wave_answers
    ]
    result.labels = load([result.table_question], respondents)
    return result
