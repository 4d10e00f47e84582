"""The « mobilité inter-filières » lever (`gpec.levers`): an occupation
whose headcount declines leads, through ROME's professional mobilities
(`referentiel.Mobility`), to an occupation the members need; the skills to
acquire are the target fiche's skills the source fiche lacks
(`referentiel.OccupationSkill`, core skills first)."""

from django.utils.translation import gettext as _

from ancrage.gpec.models import Lever
from ancrage.gpec.priority import Evidence, Priority, number, percent
from ancrage.referentiel.models import Mobility, OccupationSkill

# Mobility: an occupation whose headcount fell by at least this share in a
# year (or whose members declared a nil recruitment need at 3 years) leads, through ROME's
# mobilities, to an occupation needing at least MOBILITY_MIN_TARGET_NEEDS people
# at 1 year (as many as the « recruter » lever asks).
MOBILITY_MIN_TARGET_NEEDS = 5
MOBILITY_MIN_DECLINE = 0.05
MOBILITY_WEIGHT = 0.5
MOBILITY_MAX_TARGETS = 2
MOBILITY_MAX_SKILLS = 8


def decline(item, before):
    """Why the occupation declines, in French, or None: its headcount fell by
    MOBILITY_MIN_DECLINE or more in a year (`before`: its figures a year
    earlier, None when unknown), or a recruitment need at 3 years of 0 that
    at least one organisation gave (a need nobody gave is 0 resting on 0
    organisations: it says nothing, e.g. headcount without age bands nor
    forecasts)."""
    now = item.headcount.value or 0
    was = before.headcount.value if before is not None else None
    if was and (was - now) / was >= MOBILITY_MIN_DECLINE:
        return _("son effectif baisse de %(was)s à %(now)s personnes en un an (%(change)s)") % {
            "was": number(was),
            "now": number(now),
            "change": f"−{percent((was - now) / was)}",
        }
    needs = item.horizons[3].needs
    if now > 0 and needs.organisations > 0 and needs.value is not None and needs.value <= 0:
        return _("les adhérents n'y prévoient aucun besoin de recrutement d'ici trois ans")
    return None


def routes(sources, targets):
    """{source occupation id: [(target occupation, [skills to acquire])]}:
    ROME's mobilities from `sources` to `targets` (occupation ids), in ROME's
    order, with the target's skills the source's fiche lacks (core skills
    first). Two queries."""
    links = list(
        Mobility.objects.filter(source_id__in=sources, target_id__in=targets)
        .select_related("target")
        .order_by("source_id", "order", "target_id")
    )
    occupations = {link.source_id for link in links} | {link.target_id for link in links}
    skills = {}
    importance = {OccupationSkill.Importance.CORE: 0, OccupationSkill.Importance.EMERGING: 1}
    rows = (
        OccupationSkill.objects.filter(occupation_id__in=occupations)
        .select_related("skill")
        .order_by("occupation_id", "skill__label", "pk")
    )
    for row in rows:
        skills.setdefault(row.occupation_id, []).append(row)
    found = {}
    for link in links:
        held = {row.skill_id for row in skills.get(link.source_id, [])}
        missing = [row for row in skills.get(link.target_id, []) if row.skill_id not in held]
        missing.sort(key=lambda row: importance.get(row.importance, 2))
        found.setdefault(link.source_id, []).append(
            (link.target, [row.skill for row in missing[:MOBILITY_MAX_SKILLS]])
        )
    return found


def mobility(item, reason, target, skills, territory=None):
    """A declining occupation leading, through a ROME mobility, to one in need."""
    needs = target.horizons[1].needs
    people = min(float(item.headcount.value or 0), float(needs.value))
    explanation = _(
        "Ce métier est classé « mobilité inter-filières » parce que %(reason)s, alors que le "
        "ROME indique une mobilité vers le métier « %(target)s », dont les adhérents auront "
        "besoin de %(needs)s personnes d'ici un an (seuil : %(min_needs)s). Compétences à "
        "acquérir : %(skills)s."
    ) % {
        "reason": reason,
        "target": target.occupation.label,
        "needs": number(needs.value),
        "min_needs": MOBILITY_MIN_TARGET_NEEDS,
        "skills": ", ".join(skill.label for skill in skills)
        or _("aucune d'après le ROME, les deux fiches ont les mêmes compétences"),
    }
    return Priority(
        Lever.MOBILITY,
        item.occupation,
        territory,
        score=people * MOBILITY_WEIGHT,
        organisations=item.organisations,
        evidence=[
            Evidence(_("Effectif du métier"), item.headcount, number(item.headcount.value or 0)),
            Evidence(
                _("Besoins à 1 an du métier visé (%(code)s)") % {"code": target.occupation.code},
                needs,
                number(needs.value),
            ),
        ],
        explanation=explanation,
        target=target.occupation,
        skills_to_acquire=skills,
    )


def mobilities(occupations, last_year, territory=None):
    """The mobility priorities of `occupations`; `last_year`: {occupation id:
    its figures a year earlier}."""
    declining = {}
    for item in occupations:
        reason = decline(item, last_year.get(item.occupation.pk))
        if reason:
            declining[item.occupation.pk] = (item, reason)
    needing = {
        item.occupation.pk: item
        for item in occupations
        if (item.horizons[1].needs.value or 0) >= MOBILITY_MIN_TARGET_NEEDS
    }
    if not declining or not needing:
        return []
    found = []
    for source, paths in routes(list(declining), list(needing)).items():
        item, reason = declining[source]
        for target, skills in paths[:MOBILITY_MAX_TARGETS]:
            found.append(mobility(item, reason, needing[target.pk], skills, territory))
    return found
