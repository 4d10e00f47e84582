"""The indexes of the search service, built from the database and kept in
memory by each process until the vocabulary's revision token changes.

- « occupation »: occupations, job titles (long and short labels), ESCO
  occupations (preferred and alternative labels); for pickers and for
  normalisation (which keeps the labels that lead to a current occupation).
- « skill »: ROME skills and ESCO skills; for pickers.
- « extraction »: ROME skills, word stems only, for skill extraction.

A cluster's vocabulary is small and changes often: its index
(`cluster_overlay`) is checked against the entries at each query.
"""

import functools
import threading

import snowballstemmer
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from ancrage.referentiel.models import (
    EscoOccupation,
    EscoSkill,
    JobTitle,
    Occupation,
    OccupationSkill,
    Revision,
    Skill,
    VocabularyEntry,
)
from ancrage.referentiel.search.index import Doc, Index, doc_words
from ancrage.referentiel.search.text import STOPWORDS, compound, gender_forms, words

# Words of skill labels that an offer never repeats (« Faire preuve de… »).
EXTRACTION_STOPWORDS = frozenset({"fair", "preuv"})
# In extraction, stems found in more than this share of skills only confirm a
# match: they do not propose candidates (« réaliser », « techniques »).
FREQUENT_SHARE = 0.03

_cache = {}


def get(name):
    """The index `name`, rebuilt if the vocabulary changed since it was built
    (and, for occupations, if communes were added: place names count)."""
    token = Revision.current()
    if name == "occupation":
        token = (token, _last_commune())
    cached = _cache.get(name)
    if cached is not None and cached[0] == token:
        return cached[1]
    with _locks[name]:
        cached = _cache.get(name)
        if cached is None or cached[0] != token:
            cached = (token, BUILDERS[name]())
            _cache[name] = cached
    return cached[1]


def warm():
    """Build every index now (a web process calls this when it starts)."""
    from django.db import connection

    try:
        for name in BUILDERS:
            get(name)
    finally:
        connection.close()  # this thread's own connection


def _last_commune():
    from ancrage.territory.models import Commune

    return Commune.objects.aggregate(last=Max("pk"))["last"]


_stemmers = threading.local()  # a Snowball stemmer is not thread-safe


@functools.lru_cache(maxsize=100_000)
def _stem(raw):
    stemmer = getattr(_stemmers, "french", None)
    if stemmer is None:
        stemmer = _stemmers.french = snowballstemmer.stemmer("french")
    return stemmer.stemWord(raw)


def stems(text):
    """(stem, start, end) of each meaningful word of `text`: verb and noun
    endings removed (Snowball French stemmer), so that « vous usinez des
    pièces » meets « Usiner des pièces »."""
    for raw, _folded, start, end in words(text):
        if raw not in STOPWORDS and len(raw) > 1:
            yield _stem(raw), start, end


def _both_forms(label):
    return doc_words(*gender_forms(label.replace("/", " / ") if " / " not in label else label))


def _occupation_docs():
    for pk, code, label in Occupation.objects.current().values_list("pk", "code", "label"):
        yield Doc(
            "occupation",
            pk,
            label,
            code,
            str(Occupation._meta.verbose_name),
            pk,
            words=_both_forms(label),
        )


def _job_title_docs():
    titles = JobTitle.objects.filter(is_obsolete=False, occupation__is_obsolete=False).values_list(
        "pk",
        "label",
        "short_label",
        "is_principal",
        "is_rare",
        "occupation_id",
        "occupation__code",
        "occupation__label",
    )
    for pk, label, short_label, principal, rare, occupation_id, code, occupation in titles:
        rank = 1 if principal else 3 if rare else 2
        # The short label (« Accompagnateur(trice) voyages… ») is one more
        # way to find the same title.
        spellings = [_both_forms(label)]
        if short_label and short_label != label:
            spellings.append(doc_words(short_label))
        for spelling in spellings:
            yield Doc(
                "job_title", pk, label, code, occupation, occupation_id, rank=rank, words=spelling
            )


def _esco_occupation_docs():
    items = EscoOccupation.objects.values_list(
        "pk", "label", "alt_labels", "occupation_id", "occupation__code", "occupation__label"
    )
    for pk, label, alt_labels, occupation_id, code, occupation in items:
        for text in dict.fromkeys([label, *alt_labels]):
            yield Doc(
                "esco_occupation",
                pk,
                text,
                code or "",
                occupation or "ESCO",
                occupation_id,
                rank=4,
                words=_both_forms(text),
            )


def _skill_docs():
    kinds = dict(Skill.Kind.choices)
    skills = Skill.objects.filter(is_obsolete=False).values_list("pk", "label", "kind", "ogr_code")
    for pk, label, kind, ogr_code in skills:
        yield Doc(
            "skill",
            pk,
            label,
            "",
            str(kinds.get(kind, kind)),
            skill_id=pk,
            ogr_code=ogr_code,
            skill_kind=kind,
            rank=0 if kind != Skill.Kind.KNOWLEDGE else 1,
            words=doc_words(label),
        )


def _esco_skill_docs():
    items = EscoSkill.objects.values_list("pk", "label", "alt_labels", "skill_id", "skill__label")
    for pk, label, alt_labels, skill_id, skill in items:
        for text in dict.fromkeys([label, *alt_labels]):
            yield Doc(
                "esco_skill",
                pk,
                text,
                "",
                skill or "ESCO",
                skill_id=skill_id,
                rank=3,
                words=doc_words(text),
            )


def _places():
    """Written forms of French place names: unknown words of a title that are
    places are dropped rather than read as typos, and so are hyphenated names
    (« Saint-Jean-de-Monts ») even when their words mean something else."""
    from ancrage.territory.models import Commune, Department, Region

    names = set(Commune.objects.current().values_list("name", flat=True))
    names.update(Department.objects.values_list("name", flat=True))
    names.update(Region.objects.values_list("name", flat=True))
    places = {raw for name in names for raw, _, _, _ in words(name) if len(raw) > 2}
    places.update(compound(name) for name in names if "-" in name)
    return frozenset(places)


def _build_occupation():
    docs = [*_occupation_docs(), *_job_title_docs(), *_esco_occupation_docs()]
    index = Index(docs, ignored=_places())
    index.occupations = {doc.pk: (doc.code, doc.label) for doc in docs if doc.kind == "occupation"}
    return index


def _build_skill():
    return Index([*_skill_docs(), *_esco_skill_docs()])


def _build_extraction():
    docs = []
    for doc in _skill_docs():
        found = dict.fromkeys(stemmed for stemmed, _, _ in stems(doc.label))
        doc.words = tuple(word for word in found if word not in EXTRACTION_STOPWORDS)
        if doc.words:
            docs.append(doc)
    index = Index(docs, prefixes=False)
    limit = max(len(docs) * FREQUENT_SHARE, 50)
    index.frequent = {word for word, numbers in index.postings.items() if len(numbers) > limit}
    return index


BUILDERS = {
    "occupation": _build_occupation,
    "skill": _build_skill,
    "extraction": _build_extraction,
}
# One lock per index: building one does not hold the others up.
_locks = {name: threading.Lock() for name in BUILDERS}


def cluster_overlay(cluster, name):
    """An index of the cluster's vocabulary entries of the kind `name` needs.
    Kept per process while the entries read the same (one query to check):
    the member import asks for it once per value it cannot match exactly."""
    kind = VocabularyEntry.Kind.SKILL if name == "skill" else VocabularyEntry.Kind.OCCUPATION
    entries = list(
        VocabularyEntry.objects.filter(cluster=cluster, kind=kind).select_related(
            "occupation", "skill"
        )
    )
    key = tuple(_overlay_key(entry) for entry in entries)
    cached = _overlays.get((cluster.pk, kind))
    if cached is not None and cached[0] == key:
        return cached[1]
    index = _overlay(entries)
    _overlays[(cluster.pk, kind)] = (key, index)
    return index


_overlays = {}


def _overlay_key(entry):
    item = entry.rome_item
    return (
        entry.pk,
        entry.label,
        tuple(entry.aliases),
        item.pk if item is not None else None,
        item.label if item is not None else "",
        getattr(item, "is_obsolete", False),
        getattr(item, "code", ""),
    )


def _overlay(entries):
    docs = []
    for entry in entries:
        item = entry.rome_item
        if item is not None and getattr(item, "is_obsolete", False) and not entry.label:
            continue
        official = item.label if item is not None else ""
        detail = official if entry.label and official else str(_("vocabulaire du cluster"))
        code = entry.occupation.code if entry.occupation_id else ""
        for text in dict.fromkeys([entry.display_label, *entry.aliases]):
            docs.append(
                Doc(
                    "entry",
                    entry.pk,
                    entry.display_label,
                    code,
                    detail,
                    entry.occupation_id,
                    entry.skill_id,
                    entry.pk,
                    words=_both_forms(text),
                )
            )
    return Index(docs)


def skills_of(occupation):
    """Ids of the skills on an occupation's fiche."""
    return set(
        OccupationSkill.objects.filter(occupation=occupation).values_list("skill_id", flat=True)
    )
