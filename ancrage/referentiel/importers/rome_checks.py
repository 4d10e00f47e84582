"""Checks of a ROME publication against the ROME already imported, made
before writing: a file cut at the end of a row reads as a valid but shorter
file, and an older version would take the référentiel back.

The import refuses (unless `--force`) a version older than the last one
imported, and a publication that would take away more than MAX_LOSS_PERCENT
of the current rows of a table: occupations, job titles, skills, work
contexts, the domains, texts and core skills of the fiches, or any kind of
link. Without a ROME import in the database there is nothing to compare.
"""

from ancrage.referentiel.importers.csvfiles import ImportFailed
from ancrage.referentiel.models import (
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Skill,
    WorkContext,
)

MAX_LOSS_PERCENT = 5
FORCE_HINT = "relancez avec --force si c'est voulu"


def check(publication):
    """Raise ImportFailed when `publication` looks like a step back."""
    last = (
        Release.objects.filter(source=Release.Source.ROME)
        .order_by("-imported_at", "-pk")
        .values_list("version", flat=True)
        .first()
    )
    if last is None:
        return
    errors = []
    if last.isdigit() and int(publication.version) < int(last):
        errors.append(
            f"Le référentiel contient la version {last} du ROME, ces fichiers sont ceux de la "
            f"version {publication.version}, plus ancienne : les importer le ramènerait en "
            f"arrière ; {FORCE_HINT}."
        )
    for table, noun, verb, current, lost in _losses(publication):
        if lost * 100 > current * MAX_LOSS_PERCENT:
            share = f"{lost * 100 / current:.1f}".replace(".", ",")
            errors.append(
                f"{publication.files[table]} : {lost} {noun} sur {current} {verb} "
                f"({share} %) : le fichier est probablement incomplet (coupé pendant le "
                f"téléchargement ou la copie ?) ; vérifiez-le, ou {FORCE_HINT}."
            )
    if errors:
        raise ImportFailed(errors)


def _losses(publication):
    """(table, noun, verb, current rows, rows the publication takes away)
    for each table of the publication; rows are those of the ROME (with a
    code OGR), not the starter vocabulary's."""
    occupations = publication.occupations
    current = Occupation.objects.filter(is_obsolete=False, ogr_code__isnull=False)
    fiches = list(current.values_list("code", "domain_id", "definition", "access"))
    yield _count(
        "referentiel_code_rome",
        "métier(s)",
        "deviendraient obsolètes",
        fiches,
        lambda fiche: fiche[0] not in occupations,
    )
    kept = [fiche for fiche in fiches if fiche[0] in occupations]
    yield _count(
        "cr_gd_dp",
        "métier(s) classé(s)",
        "perdraient leur domaine professionnel",
        [fiche for fiche in kept if fiche[1] is not None],
        lambda fiche: fiche[0] not in publication.occupation_domains,
    )
    texts = [
        (code, block)
        for code, _, definition, access in kept
        for block, text in (("definition", definition), ("access", access))
        if text
    ]
    yield _count(
        "texte",
        "texte(s) de fiche (définition, accès)",
        "seraient effacés",
        texts,
        lambda text: not occupations[text[0]][text[1]],
    )
    yield _items(
        "referentiel_appellation", "appellation(s)", JobTitle.objects.all(), publication.job_titles
    )
    skills = Skill.objects.exclude(kind=Skill.Kind.KNOWLEDGE)
    yield _items(
        "referentiel_competence", "savoir-faire et savoir-être", skills, publication.skills
    )
    knowledge = Skill.objects.filter(kind=Skill.Kind.KNOWLEDGE)
    yield _items("referentiel_savoir", "savoir(s)", knowledge, publication.skills)
    yield _items(
        "referentiel_contexte_travail",
        "contexte(s) de travail",
        WorkContext.objects.all(),
        publication.work_contexts,
    )
    yield from _link_losses(publication)


def _link_losses(publication):
    occupations = publication.occupations
    of_current = {"occupation__is_obsolete": False, "occupation__ogr_code__isnull": False}
    skill_links = list(
        OccupationSkill.objects.filter(**of_current, skill__ogr_code__isnull=False).values_list(
            "occupation__code", "skill__ogr_code", "importance"
        )
    )
    kept = [link for link in skill_links if link[0] in occupations]
    yield _count(
        "liens_rome_referentiels",
        "lien(s) métier → compétence",
        "seraient supprimés",
        kept,
        lambda link: link[:2] not in publication.skill_links,
    )
    other = OccupationSkill.Importance.OTHER
    yield _count(
        "coherence_item",
        "compétence(s) principale(s) ou émergente(s) des métiers",
        "perdraient cette marque",
        [link for link in kept if link[2] != other],  # links removed are counted above
        lambda link: publication.skill_links.get(link[:2]) == other,
    )
    context_links = Occupation.work_contexts.through.objects.filter(**of_current).values_list(
        "occupation__code", "workcontext__ogr_code"
    )
    yield _count(
        "liens_rome_referentiels",
        "lien(s) métier → contexte de travail",
        "seraient supprimés",
        [link for link in context_links if link[0] in occupations],
        lambda link: link not in publication.context_links,
    )
    mobilities = Mobility.objects.filter(
        source__is_obsolete=False, source__ogr_code__isnull=False, target__ogr_code__isnull=False
    ).values_list("source__code", "target__code")
    yield _count(
        "rubrique_mobilite",
        "mobilité(s)",
        "seraient supprimées",
        [link for link in mobilities if link[0] in occupations],
        lambda link: link not in publication.mobilities,
    )


def _count(table, noun, verb, rows, lost):
    return table, noun, verb, len(rows), sum(1 for row in rows if lost(row))


def _items(table, noun, queryset, published):
    """Current items of the ROME in `queryset` absent from `published` (by OGR)."""
    codes = queryset.filter(is_obsolete=False, ogr_code__isnull=False).values_list(
        "ogr_code", flat=True
    )
    return _count(
        table, noun, "deviendraient obsolètes", list(codes), lambda code: code not in published
    )
