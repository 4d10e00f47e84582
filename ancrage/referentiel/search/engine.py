import heapq
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.translation import gettext_lazy as _

from ancrage.referentiel.models import Skill
from ancrage.referentiel.search import indexes
from ancrage.referentiel.search.text import gender_forms, written

MAX_QUERY_LENGTH = 200
MAX_TEXT_LENGTH = 50_000
ROME_CODE = re.compile(r"[A-Na-n]\d{0,4}")
# Type-ahead: the share of what was typed a label must explain.
MIN_SUGGESTION_MATCH = 0.6
# Normalisation: below this score, a title is not recognised at all.
MIN_NORMALIZED_SCORE = 0.35
# Candidates beyond the limit whose ties are looked at.
TIE_CANDIDATES = 5
# A cluster's own words come before the national ones when they match as well.
CLUSTER_BONUS = 0.1
# Skill extraction: the share of a skill's label (by weight) found in one
# sentence, and how many more words than the label the passage may have.
MIN_SKILL_COVERAGE = 0.75
MAX_EXTRA_WORDS = 4
SEGMENT = re.compile(r"[^\n\r.;!?•·]+")
MAX_SEGMENT_WORDS = 60
WINDOW_OVERLAP = 20


KIND_LABELS = {
    "occupation": _("métier"),
    "job_title": _("appellation"),
    "skill": _("compétence"),
    "esco_occupation": _("métier ESCO"),
    "esco_skill": _("compétence ESCO"),
    "entry": _("vocabulaire du cluster"),
}


@dataclass(frozen=True)
class Suggestion:
    """One line of a picker's list."""

    kind: str  # occupation, job_title, skill, esco_occupation, esco_skill, entry
    pk: int  # primary key in the model of that kind (VocabularyEntry for "entry")
    label: str  # what the list shows
    code: str  # ROME code of the occupation concerned, "" for skills
    detail: str  # second line: the occupation of a job title, the kind of a skill…
    occupation_id: int | None  # the ROME occupation this suggestion stands for
    skill_id: int | None  # the ROME skill this suggestion stands for
    entry_id: int | None  # the cluster vocabulary entry, if any
    score: float

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Normalized:
    """A candidate occupation for a job title."""

    occupation_id: int
    code: str
    label: str
    matched_title: str  # the job title (or occupation label) that matched best
    score: float  # 0 to 1


@dataclass(frozen=True)
class FoundSkill:
    skill_id: int
    ogr_code: int | None
    label: str
    kind: str
    start: int  # character offsets in the text given
    end: int
    matched_text: str
    score: float

    @property
    def kind_label(self):
        return Skill.Kind(self.kind).label


def _query(text):
    return str(text or "").replace("\x00", "")[:MAX_QUERY_LENGTH].strip()


# Type-ahead ------------------------------------------------------------------------


def suggest(query, *, target=None, cluster=None, limit=10, whole_words=False):
    """Suggestions for `query`; `target` is "occupation", "skill" or None (both).

    The last word may be unfinished (type-ahead), unless `whole_words`: text
    typed in a form and submitted is read as it is."""
    query = _query(query)
    if not query or limit <= 0:
        return []
    targets = [target] if target else ["occupation", "skill"]
    scored = []
    for name in targets:
        if name == "occupation" and ROME_CODE.fullmatch(query) and any(c.isdigit() for c in query):
            scored.extend(_by_code(indexes.get("occupation"), query.upper()))
            continue
        scored.extend(_suggestions(indexes.get(name), query, whole_words))
        if cluster is not None:
            overlay = indexes.cluster_overlay(cluster, name)
            scored.extend(
                (score + CLUSTER_BONUS, doc)
                for score, doc in _suggestions(overlay, query, whole_words)
            )
    best = heapq.nlargest(limit * 3, scored, key=lambda pair: (pair[0], -pair[1].rank))
    results, seen = [], set()
    for score, doc in best:
        key = (doc.kind, doc.pk) if doc.kind == "entry" else (doc.label.lower(), doc.code)
        if key in seen or (doc.kind, doc.pk) in seen:
            continue
        seen.update({key, (doc.kind, doc.pk)})
        results.append(_suggestion(doc, score))
        if len(results) == limit:
            break
    return results


def _by_code(index, code):
    return [
        (1.0 - 0.001 * len(doc.code), doc)
        for doc in index.docs
        if doc.kind == "occupation" and doc.code.startswith(code)
    ]


def _suggestions(index, query, whole_words):
    slots = index.read(query, prefix_last=not whole_words)
    if not any(slot.alternatives for slot in slots):
        return []
    first = slots[0].alternatives
    scored = []
    for number, (query_share, label_share, _count) in index.match(slots).items():
        if query_share < MIN_SUGGESTION_MATCH:
            continue
        doc = index.docs[number]
        starts = 1.0 if doc.start in first else 0.0
        scored.append((0.6 * query_share + 0.25 * label_share + 0.15 * starts, doc))
    return scored


def _suggestion(doc, score):
    return Suggestion(
        kind=doc.kind,
        pk=doc.pk,
        label=doc.label,
        code=doc.code,
        detail=doc.detail,
        occupation_id=doc.occupation_id,
        skill_id=doc.skill_id,
        entry_id=doc.entry_id,
        score=round(min(score, 1.0), 3),
    )


# Job-title normalisation ----------------------------------------------------------


def normalize(title, *, limit=3, cluster=None):
    """The best `limit` occupations for a job title, best first."""
    title = _query(title)
    if not title or limit <= 0:
        return []
    index = indexes.get("occupation")
    occupations = index.occupations
    candidates = _titles(index, title)
    if cluster is not None:
        candidates.extend(_titles(indexes.cluster_overlay(cluster, "occupation"), title))
    best = {}
    for score, doc in candidates:
        if doc.occupation_id not in occupations or score < MIN_NORMALIZED_SCORE:
            continue
        current = best.get(doc.occupation_id)
        if current is None or (score, -doc.rank) > (current[0], -current[1].rank):
            best[doc.occupation_id] = (score, doc)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].rank, pair[1].label))
    ranked = _closest_first(title, ranked[: limit + TIE_CANDIDATES])
    results = []
    for score, doc in ranked[:limit]:
        code, label = occupations[doc.occupation_id]
        results.append(
            Normalized(
                occupation_id=doc.occupation_id,
                code=code,
                label=label,
                matched_title=doc.label,
                score=round(min(score, 1.0), 3),
            )
        )
    return results


def _closest_first(title, ranked):
    """Among equal scores, the label written most like the title first
    (« Ingénieur travaux » is not « Ingénieur de travaux »)."""
    typed = written(title)

    scores = Counter(round(score, 3) for score, _doc in ranked)

    def closeness(score, doc):
        if scores[round(score, 3)] == 1:
            return 0.0  # no tie to break
        forms = {written(doc.label), *(written(form) for form in gender_forms(doc.label))}
        return max(SequenceMatcher(None, typed, form).ratio() for form in forms)

    # ROME's own labels before ESCO's, then the closest spelling.
    return sorted(
        ranked,
        key=lambda pair: (
            -round(pair[0], 3),
            pair[1].kind.startswith("esco"),
            -closeness(*pair),
            pair[1].rank,
        ),
    )


def _titles(index, title):
    slots = index.read(title)
    if not any(slot.alternatives for slot in slots):
        return []
    scored = []
    for number, (query_share, label_share, _count) in index.match(slots).items():
        if query_share + label_share == 0:
            continue
        score = 2 * query_share * label_share / (query_share + label_share)
        scored.append((score, index.docs[number]))
    return scored


# Skill extraction -----------------------------------------------------------------


def extract_skills(text, *, occupation=None, limit=50):
    """ROME skills mentioned in `text`, in order of appearance.

    A skill is found when the words of its label (plural, gender and verb
    endings aside) appear close together in one sentence or list item. With
    `occupation`, only the skills of that occupation's fiche are looked for."""
    text = str(text or "")[:MAX_TEXT_LENGTH]
    if not text.strip() or limit <= 0:
        return []
    index = indexes.get("extraction")
    allowed = indexes.skills_of(occupation) if occupation is not None else None
    found = {}
    for segment in SEGMENT.finditer(text):
        # Several skills worded alike may match one passage: the closest only.
        by_span = {}
        for skill in _skills_in(index, text, segment, allowed):
            by_span.setdefault((skill.start, skill.end), []).append(skill)
        for candidates in by_span.values():
            best = max(skill.score for skill in candidates)
            for skill in candidates:
                known = found.get(skill.skill_id)
                if skill.score == best and (known is None or skill.score > known.score):
                    found[skill.skill_id] = skill
    ordered = sorted(found.values(), key=lambda skill: (skill.start, -skill.score, skill.label))
    return ordered[:limit]


def _skills_in(index, text, segment, allowed):
    offset = segment.start()
    positions = [  # (stem, start, end) of each meaningful word, in order
        (stemmed, offset + start, offset + end)
        for stemmed, start, end in indexes.stems(segment.group())
    ]
    # A passage never spans more than a label and a few words: a long run
    # of text without punctuation (a CV pasted from a PDF) is read in
    # overlapping windows, so that the time stays linear in its length.
    step = MAX_SEGMENT_WORDS - WINDOW_OVERLAP
    results = []
    for first in range(0, max(len(positions) - WINDOW_OVERLAP, 1), step):
        results.extend(
            _skills_near(index, text, positions[first : first + MAX_SEGMENT_WORDS], allowed)
        )
    return results


def _skills_near(index, text, positions, allowed):
    if not positions:
        return []
    present = {stem for stem, _, _ in positions}
    weights = {}
    for stem in present:
        if stem in index.frequent:
            continue
        for number in index.postings.get(stem, ()):
            weights[number] = weights.get(number, 0.0) + index.idf[stem]
    results = []
    for number in weights:
        doc = index.docs[number]
        if allowed is not None and doc.skill_id not in allowed:
            continue
        matched = [stem for stem in doc.words if stem in present]
        coverage = sum(index.idf[stem] for stem in matched) / (doc.weight or 1.0)
        if coverage < MIN_SKILL_COVERAGE or len(matched) < min(2, len(doc.words)):
            continue
        window = _window(positions, set(matched))
        if window is None or window[2] > len(doc.words) + MAX_EXTRA_WORDS:
            continue
        start, end, _size = window
        results.append(
            FoundSkill(
                skill_id=doc.skill_id,
                ogr_code=doc.ogr_code,
                label=doc.label,
                kind=doc.skill_kind,
                start=start,
                end=end,
                matched_text=text[start:end],
                score=round(coverage, 3),
            )
        )
    return results


def _window(positions, wanted):
    """The shortest run of words holding every stem of `wanted`:
    (start offset, end offset, number of words)."""
    best = None
    counts = {}
    left = 0
    missing = len(wanted)
    for right, (stem, _start, _end) in enumerate(positions):
        if stem in wanted:
            counts[stem] = counts.get(stem, 0) + 1
            if counts[stem] == 1:
                missing -= 1
        while missing == 0:
            size = right - left + 1
            if best is None or size < best[2]:
                best = (positions[left][1], positions[right][2], size)
            stem_left = positions[left][0]
            if stem_left in wanted:
                counts[stem_left] -= 1
                if counts[stem_left] == 0:
                    missing += 1
            left += 1
    return best
