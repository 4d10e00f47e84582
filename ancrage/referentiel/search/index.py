"""An in-memory inverted index of labels, and the reading of a query.

Each document is one label (an occupation, a job title, a skill, an ESCO
label, an entry of a cluster's vocabulary). Words are weighted by their
rarity (inverse document frequency). A query is read as a list of slots: one
per meaningful word typed, each slot listing the indexed words it may stand
for (itself, the expansion of an abbreviation, the words one typo away, or
the words it begins).
"""

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field

from ancrage.referentiel.search.abbreviations import ABBREVIATIONS, NOISE
from ancrage.referentiel.search.text import COMPOUND, STOPWORDS, clean, compound, fold, keys, words

EXACT, ABBREVIATED, PREFIXED, TYPO = 1.0, 0.95, 0.85, 0.8
MIN_TYPO_LENGTH = 4
MAX_QUERY_WORDS = 12
MAX_TYPO_CANDIDATES = 8
NOISE_WEIGHT = 0.25
MAX_PREFIXED = 40
SHORT_PREFIXED = {1: 3, 2: 8, 3: 20}


@dataclass(slots=True)
class Doc:
    kind: str
    pk: int
    label: str
    code: str = ""
    detail: str = ""
    occupation_id: int | None = None
    skill_id: int | None = None
    entry_id: int | None = None
    ogr_code: int | None = None
    skill_kind: str = ""
    rank: int = 0  # lower first among equals: principal titles before synonyms…
    words: tuple = ()
    start: str = ""  # the label's first folded word, for the « starts with » bonus
    weight: float = 0.0


@dataclass
class Slot:
    """What one word typed may stand for: {indexed word: factor}."""

    text: str
    alternatives: dict = field(default_factory=dict)
    weight: float = 0.0


def _expansions():
    expanded = {}
    for key, value in ABBREVIATIONS.items():
        expanded[key] = [[fold(option) for option in part.split("|")] for part in value.split()]
    return expanded


EXPANSIONS = _expansions()


def doc_words(*labels):
    """The folded meaningful words of one or more spellings of a label."""
    seen = dict.fromkeys(word for label in labels for word in keys(label))
    return tuple(seen)


class Index:
    def __init__(self, docs, ignored=frozenset(), prefixes=True):
        self.docs = docs
        self.ignored = ignored  # unknown words to drop rather than correct (places)
        postings = defaultdict(list)
        raw_forms = defaultdict(set)
        for number, doc in enumerate(docs):
            for word in doc.words:
                postings[word].append(number)
        for doc in docs if prefixes else ():
            for raw, folded, _, _ in words(clean(doc.label)):
                if folded in postings:
                    raw_forms[raw].add(folded)
        total = max(len(docs), 1)
        self.postings = dict(postings)
        self.idf = {word: math.log(1 + total / len(numbers)) for word, numbers in postings.items()}
        for doc in docs:
            doc.weight = sum(self.idf[word] for word in doc.words)
            doc.start = doc.words[0] if doc.words else ""
        self.raw_forms = raw_forms
        self.sorted_raw = sorted(raw_forms)
        self._deletes = self._delete_map() if prefixes else None
        self.median_idf = sorted(self.idf.values())[len(self.idf) // 2] if self.idf else 1.0

    # Words near a typed word -------------------------------------------------

    def _delete_map(self):
        """{word with one letter deleted: written forms}, over the indexed
        (folded) words and the words as written in the labels."""
        deletes = defaultdict(list)
        for form in {*self.postings, *self.raw_forms}:
            if len(form) >= MIN_TYPO_LENGTH - 1:
                for variant in _deletions(form):
                    deletes[variant].append(form)
        # Tuples: a third of the memory of sets, for 10⁵–10⁶ keys.
        return {variant: tuple(forms) for variant, forms in deletes.items()}

    def near(self, word):
        """Indexed words whose folded or written form is one edit away from
        `word` (insertion, deletion, substitution, transposition of neighbours)."""
        deletes = self._deletes or {}
        forms = set(deletes.get(word, ()))
        for variant in _deletions(word):
            forms.add(variant)
            forms.update(deletes.get(variant, ()))
        found = set()
        for form in forms:
            if form != word and _one_edit(word, form):
                if form in self.postings:
                    found.add(form)
                found.update(self.raw_forms.get(form, ()))
        # The most frequent first: a typo is likelier in a common word.
        return sorted(found, key=lambda form: (-len(self.postings[form]), form))[
            :MAX_TYPO_CANDIDATES
        ]

    def starting_with(self, prefix, limit=MAX_PREFIXED):
        """Indexed words whose written form begins with `prefix`, most frequent first."""
        start = bisect.bisect_left(self.sorted_raw, prefix)
        found = set()
        for raw in self.sorted_raw[start:]:
            if not raw.startswith(prefix):
                break
            found.update(self.raw_forms[raw])
        return sorted(found, key=lambda word: -len(self.postings[word]))[:limit]

    # Reading a query ------------------------------------------------------------

    def read(self, text, *, prefix_last=False):
        """The slots of a query. With `prefix_last`, the last word may be
        unfinished (type-ahead)."""
        text = COMPOUND.sub(self._without_place, clean(text))
        typed = list(words(text))
        slots = []
        # Beyond a dozen words, a title says nothing more: the rest is ignored
        # (and cannot make a query slow).
        typed = [word for word in typed if word[0] not in STOPWORDS][:MAX_QUERY_WORDS]
        for position, (raw, folded, _, end) in enumerate(typed):
            is_last = position == len(typed) - 1
            unfinished = prefix_last and is_last and not text[end:].strip()
            dotted = text[end : end + 1] == "."
            slot = self._slot(raw, folded, unfinished=unfinished, dotted=dotted)
            slots.extend(slot)
        # The same word typed twice counts once.
        unique = {}
        for slot in slots:
            unique.setdefault(tuple(sorted(slot.alternatives)), slot)
        return list(unique.values())

    def _without_place(self, match):
        name = match.group()
        return " " * len(name) if compound(name) in self.ignored else name

    def _slot(self, raw, folded, *, unfinished, dotted):
        if raw in STOPWORDS or (len(raw) < 2 and not raw.isdigit()):
            return []
        if raw in NOISE:
            if folded not in self.postings:
                return []
            # « Stage », « recrutement »: usually the offer's words, sometimes
            # the occupation's (« Conseiller en recrutement »).
            slot = self._weighted(Slot(raw, {folded: EXACT}))
            slot.weight *= NOISE_WEIGHT
            return [slot]
        if raw in EXPANSIONS:
            # An acronym the labels also use (« QHSE ») stands for itself too.
            itself = {folded: EXACT} if folded in self.postings else {}
            return [
                self._weighted(
                    Slot(
                        raw,
                        {
                            **{word: ABBREVIATED for word in options if word in self.postings},
                            **itself,
                        },
                    )
                )
                for options in EXPANSIONS[raw]
            ]
        alternatives = {}
        if folded in self.postings:
            alternatives[folded] = EXACT
        if unfinished or dotted:
            # Short beginnings match too many words: the most frequent only.
            for word in self.starting_with(raw, limit=SHORT_PREFIXED.get(len(raw), MAX_PREFIXED)):
                alternatives.setdefault(word, PREFIXED)
        if not alternatives and raw in self.ignored:
            return []
        if not alternatives and len(raw) >= MIN_TYPO_LENGTH:
            for word in self.near(raw) or (
                self.near(folded) if len(folded) >= MIN_TYPO_LENGTH else ()
            ):
                alternatives[word] = TYPO
            if not alternatives:
                for word in self.starting_with(raw, limit=5):
                    alternatives[word] = PREFIXED * TYPO
        return [self._weighted(Slot(raw, alternatives))]

    def _weighted(self, slot):
        if slot.alternatives:
            slot.weight = max(self.idf.get(word, 0.0) for word in slot.alternatives)
        else:
            slot.weight = self.median_idf  # an unknown word: lowers every score alike
        return slot

    # Scoring --------------------------------------------------------------------------

    def match(self, slots, allowed=None):
        """{doc number: (query share matched, label share matched, slots matched)}."""
        total_query = sum(slot.weight for slot in slots) or 1.0
        found = defaultdict(lambda: [0.0, 0.0, 0])
        for slot in slots:
            best = {}
            for word, factor in slot.alternatives.items():
                gain = factor * self.idf[word]
                for number in self.postings.get(word, ()):
                    if gain > best.get(number, (0.0,))[0]:
                        best[number] = (gain, factor)
            for number, (gain, factor) in best.items():
                if allowed is not None and not allowed(self.docs[number]):
                    continue
                entry = found[number]
                entry[0] += factor * slot.weight
                entry[1] += gain
                entry[2] += 1
        return {
            number: (
                query / total_query,
                min(label / (self.docs[number].weight or 1.0), 1.0),
                count,
            )
            for number, (query, label, count) in found.items()
        }


def _deletions(word):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a, b):
    """True when b is one insertion, deletion, substitution or transposition from a."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]
