"""The starter vocabulary: enough of the référentiel for the demo to work
offline before the full ROME is imported.

It covers the filières of the 15 demo clusters: about 120 ROME 4.0
occupations with their real codes, official labels, domains and a few real
job titles (facts of the ROME, version 60); the skills, the links between
occupations and skills, and the mobilities are written for Ancrage, in its
own words, and carry no ROME OGR code.

`load_starter()` is idempotent and never touches a database where a ROME
publication was imported: the real référentiel always wins.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from ancrage.referentiel.models import (
    Domain,
    GrandDomain,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Revision,
    Skill,
)
from ancrage.referentiel.search.text import gender_forms
from ancrage.referentiel.starter.domains import DOMAINS, GRAND_DOMAINS
from ancrage.referentiel.starter.industry import INDUSTRY
from ancrage.referentiel.starter.mobilities import MOBILITIES
from ancrage.referentiel.starter.services import SERVICES
from ancrage.referentiel.starter.skills import SKILLS

VERSION = "1"
OCCUPATIONS = [*INDUSTRY, *SERVICES]


@dataclass
class StarterResult:
    loaded: bool
    message: str
    changes: dict = field(default_factory=dict)


def _sync(queryset, rows, key):
    """Make `queryset` hold `rows` ({key: {field: value}}): create what is
    missing, update fields that differ, leave other rows alone. `key(obj)`
    gives an existing object's key. Returns the objects by key and how many
    were created or updated."""
    model = queryset.model
    existing = {key(obj): obj for obj in queryset}
    missing, changed = [], []
    for row_key, values in rows.items():
        obj = existing.get(row_key)
        if obj is None:
            missing.append((row_key, model(**values)))
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    model.objects.bulk_create([obj for _, obj in missing])
    if changed:
        fields = sorted({name for values in rows.values() for name in values})
        model.objects.bulk_update(changed, fields)
    existing.update(missing)
    return existing, len(missing) + len(changed)


def load_starter():
    """Create or update the starter vocabulary; do nothing once a ROME
    publication is imported. Bulk writes (no signals): the revision token is
    bumped here when something changed."""
    with transaction.atomic():
        rome = Release.objects.filter(source=Release.Source.ROME).first()
        if rome is not None:
            return StarterResult(
                loaded=False,
                message=_(
                    "Le ROME est importé (version %(version)s) : "
                    "le vocabulaire de départ n'est pas chargé."
                )
                % {"version": rome.version},
            )
        changes = _load()
        release, created = Release.objects.get_or_create(
            source=Release.Source.STARTER, version=VERSION, defaults={"summary": changes}
        )
        if any(changes.values()):
            Revision.bump()
            if not created:
                release.summary = changes
                release.save(update_fields=["summary"])
    return StarterResult(
        loaded=True,
        message=_(
            "Vocabulaire de départ : %(occupations)d métiers ROME, %(skills)d compétences "
            "(%(changed)d éléments créés ou mis à jour)."
        )
        % {
            "occupations": len(OCCUPATIONS),
            "skills": len(SKILLS),
            "changed": sum(changes.values()),
        },
        changes=changes,
    )


def _load():
    changes = {}
    grand_domains, changes["grand_domains"] = _sync(
        GrandDomain.objects.filter(code__in=GRAND_DOMAINS),
        {code: {"code": code, "label": label} for code, label in GRAND_DOMAINS.items()},
        key=lambda obj: obj.code,
    )
    domains, changes["domains"] = _sync(
        Domain.objects.filter(code__in=DOMAINS),
        {
            code: {"code": code, "label": label, "grand_domain_id": grand_domains[code[0]].pk}
            for code, label in DOMAINS.items()
        },
        key=lambda obj: obj.code,
    )
    occupations, changes["occupations"] = _sync(
        Occupation.objects.filter(code__in=[o.code for o in OCCUPATIONS]),
        {
            o.code: {"code": o.code, "label": o.label, "domain_id": domains[o.code[:3]].pk}
            for o in OCCUPATIONS
        },
        key=lambda obj: obj.code,
    )
    skills, changes["skills"] = _sync(
        Skill.objects.filter(label__in=[label for _, label in SKILLS.values()]),
        {(kind, label): {"kind": kind, "label": label} for kind, label in SKILLS.values()},
        key=lambda obj: (obj.kind, obj.label),
    )
    occupation_ids = [occupation.pk for occupation in occupations.values()]
    _, changes["job_titles"] = _sync(
        JobTitle.objects.filter(occupation__in=occupation_ids),
        _job_titles(occupations),
        key=lambda obj: (obj.occupation_id, obj.label),
    )
    _, changes["skill_links"] = _sync(
        OccupationSkill.objects.filter(occupation__in=occupation_ids),
        _skill_links(occupations, skills),
        key=lambda obj: (obj.occupation_id, obj.skill_id),
    )
    _, changes["mobilities"] = _sync(
        Mobility.objects.filter(source__in=occupation_ids),
        _mobilities(occupations),
        key=lambda obj: (obj.source_id, obj.target_id),
    )
    return changes


def _job_titles(occupations):
    rows = {}
    for o in OCCUPATIONS:
        occupation_id = occupations[o.code].pk
        for position, label in enumerate((o.label, *o.titles)):
            masculine, feminine = gender_forms(label)
            rows[occupation_id, label] = {
                "occupation_id": occupation_id,
                "label": label,
                "short_label": label,
                "masculine": masculine,
                "feminine": feminine,
                "is_principal": position == 0,
            }
    return rows


def _skill_links(occupations, skills):
    rows = {}
    for o in OCCUPATIONS:
        occupation_id = occupations[o.code].pk
        for importance, keys in (
            (OccupationSkill.Importance.CORE, o.core),
            (OccupationSkill.Importance.OTHER, o.other),
        ):
            for skill_key in keys.split():
                skill_id = skills[SKILLS[skill_key]].pk
                rows[occupation_id, skill_id] = {
                    "occupation_id": occupation_id,
                    "skill_id": skill_id,
                    "importance": importance,
                }
    return rows


def _mobilities(occupations):
    rows = {}
    for source, targets in MOBILITIES.items():
        source_id = occupations[source].pk
        for order, target in enumerate(targets.split(), start=1):
            target_id = occupations[target].pk
            rows[source_id, target_id] = {
                "source_id": source_id,
                "target_id": target_id,
                "order": order,
            }
    return rows
