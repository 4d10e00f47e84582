"""What a fiche métier shows, read in a fixed number of queries: the public
page and the API's detail both read it with `find()`."""

import re
from dataclasses import dataclass

from django.db.models import Prefetch

from ancrage.referentiel.models import (
    EscoOccupation,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Skill,
    WorkContext,
)
from ancrage.referentiel.search.text import strip_accents

ROME_CODE = re.compile(r"[A-Na-n][0-9]{4}")
KIND_ORDER = [Skill.Kind.KNOW_HOW, Skill.Kind.SOFT, Skill.Kind.KNOWLEDGE]
IMPORTANCE_RANK = {OccupationSkill.Importance.CORE: 0, OccupationSkill.Importance.EMERGING: 1}


def _detailed():
    """`occupations` with everything the fiche shows, current items only:
    job titles, skills, work contexts, mobilities in ROME's order and linked
    ESCO occupations (`find` sorts them)."""
    return Occupation.objects.select_related("domain__grand_domain").prefetch_related(
        Prefetch(
            "job_titles",
            queryset=JobTitle.objects.filter(is_obsolete=False).order_by("pk"),
            to_attr="current_job_titles",
        ),
        Prefetch(
            "skill_links",
            queryset=OccupationSkill.objects.filter(skill__is_obsolete=False)
            .select_related("skill")
            .order_by("pk"),
            to_attr="current_skill_links",
        ),
        Prefetch(
            "work_contexts",
            queryset=WorkContext.objects.filter(is_obsolete=False).order_by("pk"),
            to_attr="current_work_contexts",
        ),
        Prefetch(
            "mobility_links",
            queryset=Mobility.objects.filter(target__is_obsolete=False)
            .select_related("target")
            .order_by("order", "target__code"),
            to_attr="current_mobilities",
        ),
        Prefetch(
            "esco_occupations",
            queryset=EscoOccupation.objects.order_by("pk"),
            to_attr="linked_esco_occupations",
        ),
    )


def find(code):
    """The occupation of ROME code `code` (any case), with its details, or None.
    Labels are in French alphabetical order (accents aside), whatever the
    database's collation. Anything but a letter and four digits is None,
    unread (a NUL byte would not even reach the database)."""
    if not ROME_CODE.fullmatch(code):
        return None
    occupation = _detailed().filter(code=code.upper()).first()
    if occupation is not None:
        occupation.current_job_titles.sort(
            key=lambda title: (not title.is_principal, strip_accents(title.label))
        )
        occupation.current_skill_links.sort(
            key=lambda link: (
                IMPORTANCE_RANK.get(link.importance, 2),
                strip_accents(link.skill.label),
            )
        )
        occupation.current_work_contexts.sort(
            key=lambda context: (strip_accents(context.category), strip_accents(context.label))
        )
        occupation.linked_esco_occupations.sort(key=lambda esco: strip_accents(esco.label))
    return occupation


@dataclass(frozen=True)
class Group:
    label: str
    items: list


def skill_groups(occupation):
    """The skills of an occupation from `find()` by kind: savoir-faire,
    savoir-être professionnels, savoirs; in each, cœur de métier first."""
    by_kind = {kind: [] for kind in KIND_ORDER}
    for link in occupation.current_skill_links:
        by_kind.setdefault(link.skill.kind, []).append(link)
    labels = dict(Skill.Kind.choices)
    return [Group(labels.get(kind, kind), links) for kind, links in by_kind.items() if links]


def work_context_groups(occupation):
    """The work contexts of an occupation from `find()` by category."""
    groups = {}
    for context in occupation.current_work_contexts:
        groups.setdefault(context.category, []).append(context)
    return [Group(category, contexts) for category, contexts in groups.items()]


def paragraphs(text):
    """ROME texts hold one sentence or paragraph a line."""
    return [line.strip() for line in text.splitlines() if line.strip()]
