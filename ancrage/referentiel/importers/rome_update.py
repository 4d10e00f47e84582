"""Writing a ROME publication read by `rome.read_publication`.

One transaction. Items are matched by code (ROME code for occupations, OGR
code for the others), created or updated, and those that left the
publication are marked obsolete, never deleted: other data refers to them.
The links of each fiche (skills, work contexts, mobilities) are replaced to
match the publication. Occupations, job titles and skills written before any
import (the starter vocabulary) are taken over when they carry the same
ROME code, or the same label under the same occupation; the others are left
alone.

The ROME import takes the lock shared with the ESCO import first, then
checks the publication against the ROME already imported (`rome_checks`,
skipped with `force`). When it changed something and ESCO items were
imported, their links to the ROME are made again (`esco.relink`).
"""

from django.db import transaction

from ancrage.referentiel.importers.esco import relink
from ancrage.referentiel.importers.lock import one_import_at_a_time
from ancrage.referentiel.importers.rome_checks import check
from ancrage.referentiel.importers.summary import Summary, quoted
from ancrage.referentiel.importers.sync import replace_links, upsert
from ancrage.referentiel.models import (
    Domain,
    EscoOccupation,
    EscoSkill,
    GrandDomain,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Revision,
    Skill,
    WorkContext,
)

SKILL_KINDS = {
    Skill.Kind.KNOW_HOW: "savoir-faire",
    Skill.Kind.SOFT: "savoir-être professionnels",
    Skill.Kind.KNOWLEDGE: "savoirs",
}
OCCUPATION_FIELDS = [
    "ogr_code",
    "label",
    "domain_id",
    "definition",
    "access",
    "is_executive",
    "is_regulated",
    "ecological_transition",
    "digital_transition",
    "demographic_transition",
    "is_obsolete",
]
JOB_TITLE_FIELDS = [
    "occupation_id",
    "label",
    "short_label",
    "masculine",
    "feminine",
    "is_principal",
    "is_rare",
    "is_obsolete",
]
SKILL_FIELDS = [
    "kind",
    "label",
    "definition",
    "is_macro",
    "category",
    "subcategory",
    "ecological_transition",
    "digital_transition",
    "is_obsolete",
]
WORK_CONTEXT_FIELDS = ["label", "category", "is_obsolete"]


def apply(publication, dry_run=False, force=False):
    """Write `publication`; return the Summary of what changed. With
    `dry_run`, everything is rolled back at the end. Raises ImportBusy
    (another import runs) or ImportFailed (a check refused the publication;
    `force` skips the checks)."""
    summary = Summary()
    with transaction.atomic():
        one_import_at_a_time()
        if not force:
            check(publication)
        _write(publication, summary)
        if summary.changes and (EscoOccupation.objects.exists() or EscoSkill.objects.exists()):
            relink(summary)
        recorded = Release.objects.filter(
            source=Release.Source.ROME, version=publication.version
        ).exists()
        if summary.changes or not recorded:
            Release.objects.create(
                source=Release.Source.ROME,
                version=publication.version,
                published_on=publication.published_on,
                summary={"titre": publication.title, "changements": summary.as_dict()},
            )
        if summary.changes:
            Revision.bump()
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _write(publication, summary):
    grand_domains = upsert(
        GrandDomain,
        "code",
        ["label"],
        {code: {"label": label} for code, label in publication.grand_domains.items()},
        summary,
        lambda values: "grands domaines",
    )
    domains = upsert(
        Domain,
        "code",
        ["label", "grand_domain_id"],
        {
            code: {"label": label, "grand_domain_id": grand_domains[grand_code]}
            for code, (label, grand_code) in publication.domains.items()
        },
        summary,
        lambda values: "domaines professionnels",
    )
    freed = _free_ogr_codes(publication.occupations)
    occupations = upsert(
        Occupation,
        "code",
        OCCUPATION_FIELDS,
        {
            code: {**values, "domain_id": domains.get(publication.occupation_domains.get(code))}
            for code, values in publication.occupations.items()
        },
        summary,
        lambda values: "métiers",
        retire=lambda row: row["ogr_code"] is not None or row["pk"] in freed,
    )
    upsert(
        JobTitle,
        "ogr_code",
        JOB_TITLE_FIELDS,
        {
            ogr: {
                "occupation_id": occupations[values["rome"]],
                **{name: value for name, value in values.items() if name != "rome"},
            }
            for ogr, values in publication.job_titles.items()
        },
        summary,
        lambda values: "appellations",
        retire=lambda row: True,
        adopt=lambda values: (values["occupation_id"], values["label"]),
    )
    skills = upsert(
        Skill,
        "ogr_code",
        SKILL_FIELDS,
        publication.skills,
        summary,
        lambda values: SKILL_KINDS[values["kind"]],
        retire=lambda row: True,
        adopt=lambda values: (values["kind"], values["label"]),
    )
    contexts = upsert(
        WorkContext,
        "ogr_code",
        WORK_CONTEXT_FIELDS,
        publication.work_contexts,
        summary,
        lambda values: "contextes de travail",
        retire=lambda row: True,
    )
    _links(publication, summary, occupations, skills, contexts)


def _free_ogr_codes(occupations):
    """A code OGR that moved to another ROME code is taken from the occupation
    that held it (unique). Returns the pks of those occupations."""
    claimed = {values["ogr_code"]: code for code, values in occupations.items()}
    freed = {
        pk
        for pk, code, ogr in Occupation.objects.filter(ogr_code__in=list(claimed)).values_list(
            "pk", "code", "ogr_code"
        )
        if claimed[ogr] != code
    }
    if freed:
        Occupation.objects.filter(pk__in=freed).update(ogr_code=None)
    return freed


def _links(publication, summary, occupations, skills, contexts):
    codes = {pk: code for code, pk in occupations.items()}
    scope = list(codes)

    def skill_link(link):
        occupation_id, skill_id = link

        def example():
            label = Skill.objects.filter(pk=skill_id).values_list("label", flat=True).first()
            return f"{codes[occupation_id]} → {quoted(label)}"

        return example

    def context_link(link):
        def example():
            label = WorkContext.objects.filter(pk=link[1]).values_list("label", flat=True).first()
            return f"{codes[link[0]]} → {quoted(label)}"

        return example

    def mobility(link):
        def example():
            target = Occupation.objects.filter(pk=link[1]).values_list("code", flat=True).first()
            return f"{codes[link[0]]} → {target}"

        return example

    replace_links(
        OccupationSkill,
        ("occupation_id", scope),
        ("occupation_id", "skill_id"),
        {
            (occupations[code], skills[ogr]): {"importance": importance}
            for (code, ogr), importance in publication.skill_links.items()
        },
        summary,
        "compétences des métiers",
        skill_link,
    )
    replace_links(
        Occupation.work_contexts.through,
        ("occupation_id", scope),
        ("occupation_id", "workcontext_id"),
        {(occupations[code], contexts[ogr]): {} for code, ogr in publication.context_links},
        summary,
        "contextes des métiers",
        context_link,
    )
    replace_links(
        Mobility,
        ("source_id", scope),
        ("source_id", "target_id"),
        {
            (occupations[source], occupations[target]): {"order": order}
            for (source, target), order in publication.mobilities.items()
        },
        summary,
        "mobilités",
        mobility,
    )
