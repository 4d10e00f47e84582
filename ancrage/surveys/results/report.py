"""A campaign's results: response rate and every question summarised, in
the segment, compared with the previous wave; with statistical secrecy when
`public`. About ten queries whatever the number of responses."""

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from ancrage.surveys.models import Kind
from ancrage.surveys.results import summaries, tables
from ancrage.surveys.results.comparison import compare
from ancrage.surveys.results.labels import load
from ancrage.surveys.results.loading import Segment, rate, respondents
from ancrage.surveys.results.shared import protect_summary

SUMMARISERS = {
    Kind.NUMBER: summaries.number_question,
    Kind.SHORT_TEXT: summaries.text,
    Kind.LONG_TEXT: summaries.text,
    Kind.SINGLE_CHOICE: summaries.single_choice,
    Kind.MULTIPLE_CHOICE: summaries.multiple_choice,
    Kind.SCALE: summaries.scale,
    Kind.YES_NO: summaries.yes_no,
    Kind.DATE: summaries.date,
    Kind.OCCUPATION: summaries.occupation,
    Kind.SKILL: summaries.skill,
    Kind.COMMUNE: summaries.commune,
    Kind.TABLE: tables.table_question,
}


def summarise(question, respondents_, labels, *, public=False):
    key = question.key
    answers = [
        (r.key, value)
        for r in respondents_
        if (value := r.answers.get(key)) is not None and value != "" and value != []
    ]
    summary = SUMMARISERS[question.kind](question, answers, labels, public)
    return protect_summary(summary) if public else summary


@dataclass
class Report:
    campaign: object
    segment: Segment
    rate: dict
    summaries: list
    previous: object = None
    public: bool = False
    sections: list = field(default_factory=list)

    def shorten(self, limit):
        """Keep the first `limit` rows of each table (rankings come first)."""
        for summary in self.summaries:
            for table in summary.tables:
                table.shorten(limit)
            summary.words = summary.words[:limit]


def _summaries(questions, found, labels, public):
    return [summarise(q, found, labels, public=public) for q in questions]


@contextmanager
def cycle_collection_paused():
    """Pause the cyclic garbage collector while a report is built. The answers
    and the figures are hundreds of thousands of acyclic containers, freed by
    reference counting; each collection triggered by so many allocations walks
    them again, and a full one the whole process (a third of the time of a
    report on 800 responses). Left alone when already paused."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def build(campaign, segment=None, *, public=False, with_previous=True):
    with cycle_collection_paused():
        return _build(campaign, segment or Segment(), public, with_previous)


def _build(campaign, segment, public, with_previous):
    questions = summaries.questions_of(campaign.version)
    found = respondents(campaign, segment)
    previous = campaign.previous if with_previous else None
    old_questions, old_found = [], []
    if previous is not None:
        old_questions = (
            questions
            if previous.version_id == campaign.version_id
            else summaries.questions_of(previous.version_id)
        )
        old_found = respondents(previous, segment)
    # Read each question once when both waves share the version.
    wanted = questions if old_questions is questions else questions + old_questions
    labels = load(wanted, found + old_found)
    current = _summaries(questions, found, labels, public)
    if previous is not None:
        compare(current, _summaries(old_questions, old_found, labels, public))
    report = Report(campaign, segment, rate(campaign, segment), current, previous, public)
    sections = []
    for summary in current:
        section = summary.question.section
        if not sections or sections[-1][0] != section:
            sections.append((section, []))
        sections[-1][1].append(summary)
    report.sections = sections
    return report
