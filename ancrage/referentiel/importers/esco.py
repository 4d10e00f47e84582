"""Import of ESCO (European Commission) in its official CSV layout, and its
links to the ROME.

A folder (or zip) holds `occupations_<lang>.csv` and `skills_<lang>.csv`
(the other files of the ESCO download, ISCO groups included, are not
needed). Items are matched by URI, created or updated; an item missing from
a newer download is kept as it is. An ESCO item is linked to a ROME item
when one of its labels (preferred or alternative) is, once normalised, a
label of the ROME item; when several ROME items match, the one matched by
the preferred label wins, then the one matched by a principal label (an
occupation's title or principal job title; for skills, the kind that fits
the ESCO skill type); a tie leaves the item unlinked. A ROME import that
changes something links the ESCO items again (`relink`).
"""

import re
from dataclasses import dataclass, field

from django.db import transaction

from ancrage.referentiel.importers.csvfiles import ImportFailed, Source, read_table
from ancrage.referentiel.importers.lock import one_import_at_a_time
from ancrage.referentiel.importers.summary import Summary, quoted
from ancrage.referentiel.importers.sync import BATCH, upsert
from ancrage.referentiel.models import (
    EscoOccupation,
    EscoSkill,
    JobTitle,
    Occupation,
    Release,
    Revision,
    Skill,
)
from ancrage.referentiel.search.text import gender_forms, label_key

LANGUAGE = re.compile(r"[a-z]{2}")
FILE_NAME = re.compile(r"(?:occupations|skills)_(?P<lang>[a-z]{2})\.csv")
URI = re.compile(r"https?://\S+")
OCCUPATION_COLUMNS = ("conceptUri", "preferredLabel", "altLabels", "iscoGroup", "description")
SKILL_COLUMNS = (
    "conceptUri",
    "preferredLabel",
    "altLabels",
    "skillType",
    "reuseLevel",
    "description",
)
# ESCO skill types and the ROME kinds that fit them.
FITTING_KINDS = {
    "knowledge": frozenset({Skill.Kind.KNOWLEDGE}),
    "skill/competence": frozenset({Skill.Kind.KNOW_HOW, Skill.Kind.SOFT}),
}
OCCUPATIONS, SKILLS = "métiers ESCO", "compétences ESCO"
LINKS = {
    EscoOccupation: "liens des métiers ESCO au ROME",
    EscoSkill: "liens des compétences ESCO au ROME",
}
SUFFIX = " (xx)"  # the language after the version, in Release.version


@dataclass
class EscoPublication:
    lang: str
    occupations: dict = field(default_factory=dict)  # URI: {field: value}
    skills: dict = field(default_factory=dict)  # URI: {field: value}


@dataclass
class EscoReport:
    summary: Summary
    occupations: int = 0
    linked_occupations: int = 0
    skills: int = 0
    linked_skills: int = 0
    rome_loaded: bool = True


def read_esco(path, lang):
    """Read and check the ESCO files of language `lang`; raise ImportFailed."""
    if not LANGUAGE.fullmatch(lang):
        raise ImportFailed([f"langue invalide « {lang} » : deux lettres, par exemple fr"])
    with Source(path) as source:
        names = (f"occupations_{lang}.csv", f"skills_{lang}.csv")
        if not set(names) & source.names:
            found = sorted(
                {match["lang"] for name in source.names if (match := FILE_NAME.fullmatch(name))}
            )
            hint = f" (langues présentes : {', '.join(found)})" if found else ""
            raise ImportFailed(
                [f"{source.path} : ni {names[0]} ni {names[1]}{hint} : est-ce le bon dossier ?"]
            )
        errors = []
        occupations = read_table(source, names[0], OCCUPATION_COLUMNS, errors)
        skills = read_table(source, names[1], SKILL_COLUMNS, errors)
        if errors:
            raise ImportFailed(errors)
        publication = EscoPublication(lang)
        checker = _Checker(source, errors)
        for line, row in occupations:
            values = checker.item(names[0], line, row, EscoOccupation)
            isco = checker.short(names[0], line, row, "iscoGroup", EscoOccupation, "isco_group")
            if values is not None and isco is not None:
                publication.occupations[row["conceptUri"]] = {**values, "isco_group": isco}
        for line, row in skills:
            values = checker.item(names[1], line, row, EscoSkill)
            kind = checker.short(names[1], line, row, "skillType", EscoSkill, "skill_type")
            reuse = checker.short(names[1], line, row, "reuseLevel", EscoSkill, "reuse_level")
            if None not in (values, kind, reuse):
                publication.skills[row["conceptUri"]] = {
                    **values,
                    "skill_type": kind,
                    "reuse_level": reuse,
                }
        if errors:
            raise ImportFailed(errors)
    return publication


class _Checker:
    def __init__(self, source, errors):
        self.source = source
        self.errors = errors
        self.lines = {}

    def problem(self, name, line, message):
        self.errors.append(f"{self.source.where(name)}, ligne {line} : {message}")

    def item(self, name, line, row, model):
        """URI, labels and description of a row, checked; None when bad."""
        uri, label = row["conceptUri"], row["preferredLabel"]
        limit = model._meta.get_field("label").max_length
        alt_labels = list(dict.fromkeys(a.strip() for a in row["altLabels"].split("\n")))
        alt_labels = [alt for alt in alt_labels if alt]
        problems = []
        if not URI.fullmatch(uri) or len(uri) > model._meta.get_field("uri").max_length:
            problems.append(f"conceptUri invalide « {uri[:80]} »")
        elif (name, uri) in self.lines:
            problems.append(f"conceptUri en double (déjà ligne {self.lines[name, uri]})")
        if not label:
            problems.append("preferredLabel vide")
        too_long = [text for text in (label, *alt_labels) if len(text) > limit]
        if too_long:
            problems.append(f"libellé trop long ({len(too_long[0])} caractères, {limit} au plus)")
        self.lines.setdefault((name, uri), line)
        for problem in problems:
            self.problem(name, line, problem)
        if problems:
            return None
        return {"label": label, "alt_labels": alt_labels, "description": row["description"]}

    def short(self, name, line, row, column, model, field_name):
        value = row[column]
        limit = model._meta.get_field(field_name).max_length
        if len(value) > limit:
            self.problem(name, line, f"{column} trop long « {value[:80]} » ({limit} au plus)")
            return None
        return value


def apply(publication, version="", dry_run=False):
    """Write `publication` and its links to the ROME, in one transaction
    (rolled back with `dry_run`); return an EscoReport."""
    report = EscoReport(Summary())
    with transaction.atomic():
        one_import_at_a_time()
        report.rome_loaded = Release.objects.filter(source=Release.Source.ROME).exists()
        occupation_index, skill_index = _rome_indexes()
        for values in publication.occupations.values():
            values["occupation_id"] = _best(occupation_index, values, bool)
        for values in publication.skills.values():
            values["skill_id"] = _best(skill_index, values, _fits(values["skill_type"]))
        upsert(
            EscoOccupation,
            "uri",
            ["label", "alt_labels", "isco_group", "description", "occupation_id"],
            publication.occupations,
            report.summary,
            lambda values: OCCUPATIONS,
        )
        upsert(
            EscoSkill,
            "uri",
            ["label", "alt_labels", "skill_type", "reuse_level", "description", "skill_id"],
            publication.skills,
            report.summary,
            lambda values: SKILLS,
        )
        report.occupations = len(publication.occupations)
        report.skills = len(publication.skills)
        report.linked_occupations = sum(
            1 for values in publication.occupations.values() if values["occupation_id"]
        )
        report.linked_skills = sum(
            1 for values in publication.skills.values() if values["skill_id"]
        )
        version = f"{version} ({publication.lang})" if version else publication.lang
        summary = report.summary
        recorded = Release.objects.filter(source=Release.Source.ESCO, version=version).exists()
        if summary.changes or not recorded:
            Release.objects.create(
                source=Release.Source.ESCO,
                version=version,
                summary={
                    "changements": summary.as_dict(),
                    "liens": {
                        "métiers": report.linked_occupations,
                        "compétences": report.linked_skills,
                    },
                },
            )
        if summary.changes:
            Revision.bump()
        if dry_run:
            transaction.set_rollback(True)
    return report


def check_version(version):
    """Raise ImportFailed when `version` does not fit in Release.version
    with the language after it."""
    limit = Release._meta.get_field("version").max_length - len(SUFFIX)
    if len(version) > limit:
        raise ImportFailed(
            [f"--esco-version trop long ({len(version)} caractères, {limit} au plus)"]
        )


def relink(summary):
    """Link the ESCO items of the database again to the ROME as it is now,
    counting in `summary` the links that changed. The caller holds the lock."""
    occupation_index, skill_index = _rome_indexes()
    _relink(EscoOccupation, "occupation_id", [], occupation_index, lambda row: bool, summary)
    _relink(
        EscoSkill,
        "skill_id",
        ["skill_type"],
        skill_index,
        lambda row: _fits(row["skill_type"]),
        summary,
    )


def _relink(model, link, extra, index, fits, summary):
    changed = []
    rows = model.objects.order_by().values("pk", "label", "alt_labels", link, *extra)
    for row in rows.iterator(chunk_size=BATCH):
        best = _best(index, row, fits(row))
        if best == row[link]:
            continue
        change = "added" if row[link] is None else "removed" if best is None else "updated"
        summary.count(LINKS[model], change, quoted(row["label"]))
        changed.append(model(pk=row["pk"], **{link: best}))
    model.objects.bulk_update(changed, [link], batch_size=BATCH)


def _fits(skill_type):
    """Whether a ROME skill's kind fits an ESCO skill of `skill_type`."""
    return FITTING_KINDS.get(skill_type, frozenset()).__contains__


def _rome_indexes():
    """{label key: {ROME item pk: fits}} for occupations and skills, where
    `fits` is what breaks ties: a principal label for an occupation (its
    title or principal job title), the skill's kind for a skill."""
    occupations = {}

    def add(index, text, pk, value):
        key = label_key(text)
        if key:
            entries = index.setdefault(key, {})
            entries[pk] = entries.get(pk, False) or value

    for pk, label in Occupation.objects.current().values_list("pk", "label"):
        for text in {label, *gender_forms(label)}:
            add(occupations, text, pk, True)
    titles = JobTitle.objects.filter(is_obsolete=False, occupation__is_obsolete=False)
    for occupation_id, principal, *texts in titles.values_list(
        "occupation_id", "is_principal", "label", "short_label", "masculine", "feminine"
    ):
        for text in set(texts):
            add(occupations, text, occupation_id, principal)
    skills = {}
    for pk, kind, label in Skill.objects.filter(is_obsolete=False).values_list(
        "pk", "kind", "label"
    ):
        key = label_key(label)
        if key:
            skills.setdefault(key, {})[pk] = kind
    return occupations, skills


def _best(index, values, fits):
    """The pk of the one best ROME item for an ESCO item, or None.

    Rank of a candidate: matched by the preferred label first, then whether
    `fits(value)` holds for what the index holds about it."""
    ranks = {}
    for via_alt, text in [(0, values["label"]), *((1, alt) for alt in values["alt_labels"])]:
        for pk, value in index.get(label_key(text), {}).items():
            rank = (via_alt, 0 if fits(value) else 1)
            if rank < ranks.get(pk, (2, 2)):
                ranks[pk] = rank
    if not ranks:
        return None
    best = min(ranks.values())
    winners = [pk for pk, rank in ranks.items() if rank == best]
    return winners[0] if len(winners) == 1 else None
