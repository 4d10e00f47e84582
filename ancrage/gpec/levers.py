"""The cluster's priorities and the lever the data suggests for each: which
occupations and skills call for training, recruiting, sharing a person,
promoting the occupation or a cross-filière mobility.

    priorities(occupations, skills, history=[last_year, …], departments=[…])
    # occupations = occupations.occupation_figures(population, assumptions), etc.;
    # `gpec.strategy.compute(population, assumptions)` gathers them all.

Each rule is a small function that reads the figures of one occupation or
skill (`gpec.figures`) and returns a `Priority` with the numbers behind it
and a plain-French explanation of why it fired, or None. The thresholds are
the module's constants; docs/guide/gpec-strategie.md explains them to users.
The mobility rule, which reads ROME's mobilities, is `gpec.levers_mobility`.

Ranking: every priority gets a score = people × weight, in people, so that
levers compare. People: recruitment needs at 1 year (recruit), a third of
the needs at 3 years (promote, a yearly figure of a lasting shortage),
people to train (train), people needed (share), the people a mobility
could move (mobility: the smaller of the declining occupation's headcount
and the needs of the one it leads to). Weight: 1 + the tension indicator
(kept between 0 and 2) for occupations (1 + the share of respondents in
difficulty where the indicator singles out no occupation, see
`comparable`), 1 + the share of organisations
giving the skill a high priority for skills, 1 for sharing and
`MOBILITY_WEIGHT` for a mobility (it answers part of a need). Ties: more
organisations first, then the label."""

import math
from decimal import Decimal

from django.utils.translation import gettext as _

from ancrage.gpec import tension as tension_indicator
from ancrage.gpec.figures import Figure
from ancrage.gpec.levers_mobility import mobilities
from ancrage.gpec.models import DifficultyReason, Lever, SkillNeed
from ancrage.gpec.priority import Evidence, Priority, number, percent

# Recruit: needs at 1 year of at least this many people…
RECRUIT_MIN_NEEDS = 5
# … and a strong tension indicator (« forte », standardised across the occupations).
RECRUIT_MIN_TENSION = tension_indicator.STRONG_FROM
# The tension indicator compares the occupations of one population (the
# whole one, or a département): with fewer than this many occupations having
# a score, or all scores alike, it cannot single one out (a lone occupation
# scores 0). « Recruter » and « promouvoir » then read an absolute sign
# instead: at least this share of the organisations rating the difficulty to
# recruit find it difficult (3 or 4 out of 4), resting on at least one.
TENSION_MIN_OCCUPATIONS = 3
ABSOLUTE_MIN_DIFFICULT_SHARE = 0.5
# Train: at least this many people concerned by a skill need…
TRAIN_MIN_PEOPLE = 5
# … and at least this share of the organisations declaring it want to train
# their employees, or at least this share name it a new skill.
TRAIN_MIN_SHARE = 0.5
# Share: at least this many organisations need the skill or the occupation
# (a need of 0 does not count)…
SHARE_MIN_ORGANISATIONS = 3
# … each for at most this many people (a part-time need), or at least half
# of them (SHARE_MIN_ANSWER_SHARE) prefer to share a person…
SHARE_MAX_PER_ORGANISATION = 1
SHARE_MIN_ANSWER_SHARE = 0.5
# … and together for at least a full-time position.
SHARE_MIN_TOTAL = 1
# Promote: a strong tension (indicator at least this high, or the absolute
# sign above) this year and each previous year known, over at least
# PROMOTE_MIN_YEARS years…
PROMOTE_MIN_TENSION = tension_indicator.STRONG_FROM
PROMOTE_MIN_YEARS = 2
# … and at least this share of the reasons given blame the occupation's
# attractiveness or the lack of candidates.
PROMOTE_MIN_REASON_SHARE = 0.5
PROMOTE_REASONS = (DifficultyReason.ATTRACTIVENESS, DifficultyReason.FEW_CANDIDATES)
# Tension counts for at most this much in the weight of a priority.
MAX_TENSION_WEIGHT = 2.0


def _tension(item):
    if item.tension is None or item.tension.score is None:
        return None
    return item.tension.score


def comparable(occupations):
    """Whether the tension indicator singles out occupations in this
    population: at least TENSION_MIN_OCCUPATIONS of them have a score, and
    not all the same one (standardised values of equal occupations are 0)."""
    scores = [score for score in map(_tension, occupations) if score is not None]
    return len(scores) >= TENSION_MIN_OCCUPATIONS and len(set(scores)) > 1


def _difficult(item):
    """The share of the respondents finding it difficult to recruit, when it
    rests on at least one organisation; else None."""
    share = item.difficult_share
    if share.value is None or share.organisations < 1:
        return None
    return float(share.value)


def _weight(tension):
    return 1 + min(max(tension or 0, 0), MAX_TENSION_WEIGHT)


def _given(*evidence):
    """The evidence resting on at least one organisation (a figure nobody
    gave says nothing, and is not fragile either)."""
    return [item for item in evidence if item.figure.organisations]


def _evidence_tension(item):
    tension = item.tension
    return Evidence(
        _("Indice de tension"),
        Figure(tension.score, tension.organisations),
        f"{number(tension.score, 2)} ({tension.level})",
    )


def _evidence_difficult(item):
    return Evidence(
        _("Répondants en difficulté de recrutement"),
        item.difficult_share,
        percent(item.difficult_share.value or 0),
    )


def _not_comparable():
    return _(
        "l'indice de tension, qui compare les métiers entre eux, n'en distingue ici aucun : "
        "moins de %(count)s métiers en ont un, ou tous le même"
    ) % {"count": TENSION_MIN_OCCUPATIONS}


def _recruit_tension(item, relative):
    """(why the tension is strong, in French; weight; evidence) or None."""
    if relative:
        tension = _tension(item)
        if tension is None or tension < RECRUIT_MIN_TENSION:
            return None
        why = _(
            "sa tension est forte : indice %(tension)s (seuil : %(min_tension)s), %(difficult)s "
            "des répondants déclarant des difficultés à recruter"
        ) % {
            "tension": number(tension, 2),
            "min_tension": number(RECRUIT_MIN_TENSION, 2),
            "difficult": percent(item.difficult_share.value or 0),
        }
        return why, _weight(tension), [_evidence_tension(item), _evidence_difficult(item)]
    difficult = _difficult(item)
    if difficult is None or difficult < ABSOLUTE_MIN_DIFFICULT_SHARE:
        return None
    why = _(
        "%(difficult)s des %(respondents)s organisations qui notent leur difficulté à "
        "recruter pour ce métier la jugent forte (seuil : %(min_difficult)s ; %(not_comparable)s)"
    ) % {
        "difficult": percent(difficult),
        "respondents": item.difficult_share.organisations,
        "min_difficult": percent(ABSOLUTE_MIN_DIFFICULT_SHARE),
        "not_comparable": _not_comparable(),
    }
    return why, 1 + difficult, [_evidence_difficult(item)]


def recruit(item, territory=None, relative=True):
    """High needs at 1 year and a high tension: recruit (fair, jobdating, job
    board). `relative`: whether the tension indicator singles out occupations
    in the population (`comparable`); if not, the share of respondents in
    difficulty stands for it, and weighs (1 + that share) instead."""
    needs = item.horizons[1].needs
    if needs.value is None or needs.value < RECRUIT_MIN_NEEDS:
        return None
    tension = _recruit_tension(item, relative)
    if tension is None:
        return None
    why, weight, signs = tension
    explanation = _(
        "Ce métier est classé « recruter » parce que les adhérents auront besoin de "
        "%(needs)s personnes d'ici un an (départs à remplacer et créations ; seuil : "
        "%(min_needs)s) et que %(why)s. "
        "Pistes : salon de l'emploi, jobdating, offres sur la bourse d'emploi du cluster."
    ) % {"needs": number(needs.value), "min_needs": RECRUIT_MIN_NEEDS, "why": why}
    return Priority(
        Lever.RECRUIT,
        item.occupation,
        territory,
        score=float(needs.value) * weight,
        organisations=item.organisations,
        evidence=_given(
            Evidence(_("Besoins de recrutement à 1 an"), needs, number(needs.value)),
            *signs,
            Evidence(
                _("Postes ouverts non pourvus"),
                item.open_unfilled,
                number(item.open_unfilled.value or 0),
            ),
        ),
        explanation=explanation,
    )


def _year_sign(figures, relative):
    """(strong, the sign in French) of one year's figures of an occupation,
    None when unknown: its tension indicator, or without a comparable
    indicator that year, the share of respondents in difficulty."""
    if relative:
        score = _tension(figures)
        if score is None:
            return None
        return score >= PROMOTE_MIN_TENSION, _("indice %(score)s") % {"score": number(score, 2)}
    difficult = _difficult(figures)
    if difficult is None:
        return None
    return difficult >= ABSOLUTE_MIN_DIFFICULT_SHARE, _("%(share)s de répondants en difficulté") % {
        "share": percent(difficult)
    }


def promote(item, past, territory=None, relative=None):
    """A lasting high tension explained by attractiveness or the lack of
    candidates: promote the occupation. `past`: the same occupation's
    figures in the previous years (most recent first, None when unknown);
    `relative`: [this year, previous years…] whether the tension indicator
    singles out occupations that year (`comparable`), all by default."""
    relative = list(relative) if relative is not None else [True] * (1 + len(past))
    now = _year_sign(item, relative[0])
    signs = [now] + [
        _year_sign(old, flag) for old, flag in zip(past, relative[1:], strict=True) if old
    ]
    signs = [sign for sign in signs if sign is not None]
    if now is None or len(signs) < PROMOTE_MIN_YEARS:
        return None
    if not all(strong for strong, _text in signs):
        return None
    explained = sum(item.reasons.values())
    blamed = sum(item.reasons.get(reason, 0) for reason in PROMOTE_REASONS)
    if not explained or blamed / explained < PROMOTE_MIN_REASON_SHARE:
        return None
    needs = item.horizons[3].needs
    explanation = _(
        "Ce métier est classé « promouvoir le métier » parce que sa tension reste forte "
        "depuis %(years)s ans (du plus récent au plus ancien : %(signs)s ; seuil : indice "
        "%(min_tension)s, ou %(min_difficult)s de répondants en difficulté les années où "
        "l'indice ne distingue aucun métier) et que %(blamed)s des %(explained)s organisations "
        "qui expliquent leurs difficultés citent le manque d'attractivité du métier ou le "
        "manque de candidats (seuil : %(min_share)s) : une pénurie durable, qui appelle à faire "
        "connaître le métier (écoles, visites d'entreprises, campagnes)."
    ) % {
        "years": len(signs),
        "signs": " puis ".join(text for _strong, text in signs),
        "min_tension": number(PROMOTE_MIN_TENSION, 2),
        "min_difficult": percent(ABSOLUTE_MIN_DIFFICULT_SHARE),
        "blamed": blamed,
        "explained": explained,
        "min_share": percent(PROMOTE_MIN_REASON_SHARE),
    }
    if relative[0]:
        weight, sign = _weight(_tension(item)), _evidence_tension(item)
    else:
        weight, sign = 1 + _difficult(item), _evidence_difficult(item)
    return Priority(
        Lever.PROMOTE,
        item.occupation,
        territory,
        score=float(needs.value or 0) / 3 * weight,
        organisations=item.organisations,
        evidence=_given(
            sign,
            Evidence(
                _("Organisations citant l'attractivité ou le manque de candidats"),
                Figure(blamed, explained),
                f"{blamed} / {explained}",
            ),
            Evidence(_("Besoins de recrutement à 3 ans"), needs, number(needs.value or 0)),
        ),
        explanation=explanation,
    )


def train(skill, territory=None):
    """Many people to train, or a new skill, that members want to train for.

    The training needs view (`skills.training_needs`) counts a need whose
    answer is « former » OR whose kind is « nouvelle compétence ». The
    figures only give the organisations of each (`by_answer`, `by_kind`),
    and an organisation may be in both: the organisations in either are at
    least the larger of the two, so the rule asks the larger of the two to
    reach TRAIN_MIN_SHARE of the organisations declaring the skill. It never
    fires wrongly, but misses a skill where neither alone reaches the share
    while both together would. People: all the people concerned by the
    skill's needs, whatever their answer."""
    people = skill.people
    if people.value is None or people.value < TRAIN_MIN_PEOPLE or not skill.organisations:
        return None
    training = skill.by_answer.get(SkillNeed.Answer.TRAIN, 0)
    new = skill.by_kind.get(SkillNeed.Kind.NEW, 0)
    share = max(training, new) / skill.organisations
    if share < TRAIN_MIN_SHARE:
        return None
    explanation = _(
        "Cette compétence est classée « former » parce que %(people)s personnes sont concernées "
        "(seuil : %(min_people)s) et que, des %(organisations)s organisations qui en ont "
        "besoin, %(training)s envisagent de former leurs salariés et %(new)s la déclarent "
        "nouvelle à acquérir (l'un des deux groupes doit atteindre %(min_share)s) : "
        "un écart de compétences à combler par la formation."
    ) % {
        "people": number(people.value),
        "min_people": TRAIN_MIN_PEOPLE,
        "organisations": skill.organisations,
        "training": training,
        "new": new,
        "min_share": percent(TRAIN_MIN_SHARE),
    }
    return Priority(
        Lever.TRAIN,
        skill.skill,
        territory,
        score=float(people.value) * (1 + skill.high_priority / skill.organisations),
        organisations=skill.organisations,
        evidence=[
            Evidence(_("Personnes concernées"), people, number(people.value)),
            Evidence(
                _("Organisations envisageant de former"),
                Figure(training, skill.organisations),
                f"{training} / {skill.organisations}",
            ),
            Evidence(
                _("Organisations parlant d'une compétence nouvelle"),
                Figure(new, skill.organisations),
                f"{new} / {skill.organisations}",
            ),
        ],
        explanation=explanation,
    )


def needing(figure):
    """How many organisations surely need at least a part of a person, from
    a sum (`figure.organisations` also counts those that gave 0): each gave
    at most `largest`, so at least total ÷ largest of them gave more than 0
    (rounded up). Exact when each gave 0 or `largest`, as for counts of
    people of at most 1 each; a lower bound otherwise (needs estimated from
    age bands are fractions of a person)."""
    if figure.value is None or not figure.largest or figure.value <= 0 or figure.largest <= 0:
        return 0
    ratio = Decimal(str(figure.value)) / Decimal(str(figure.largest))
    return min(math.ceil(ratio), figure.organisations)


def _small_needs(figure):
    """Enough organisations needing at most a part-time person each."""
    return (
        needing(figure) >= SHARE_MIN_ORGANISATIONS
        and figure.value >= SHARE_MIN_TOTAL
        and figure.largest <= SHARE_MAX_PER_ORGANISATION
    )


def share_skill(skill, territory=None):
    """Several members needing a skill a little each, or wishing to share a
    person. Counted for the first: the organisations that gave a number of
    people above 0 (people are whole, so with at most one each, exactly the
    people concerned)."""
    people = skill.people
    sharing = skill.by_answer.get(SkillNeed.Answer.SHARE, 0)
    small = _small_needs(people)
    wished = (
        skill.organisations >= SHARE_MIN_ORGANISATIONS
        and sharing / skill.organisations >= SHARE_MIN_ANSWER_SHARE
    )
    if not (small or wished):
        return None
    if small:
        reason = _(
            "%(organisations)s adhérents (seuil : %(min)s) en ont besoin pour %(max)s personne "
            "au plus chacun, %(people)s en tout"
        ) % {
            "organisations": needing(people),
            "min": SHARE_MIN_ORGANISATIONS,
            "max": SHARE_MAX_PER_ORGANISATION,
            "people": number(people.value),
        }
    else:
        reason = _(
            "%(sharing)s des %(organisations)s adhérents qui en ont besoin envisagent de "
            "partager une personne (au moins %(min_share)s attendu)"
        ) % {
            "sharing": sharing,
            "organisations": skill.organisations,
            "min_share": percent(SHARE_MIN_ANSWER_SHARE),
        }
    explanation = _(
        "Cette compétence est classée « partager » parce que %(reason)s : un temps partagé "
        "(groupement d'employeurs, prêt de main-d'œuvre) répond à ces besoins à temps partiel."
    ) % {"reason": reason}
    return Priority(
        Lever.SHARE,
        skill.skill,
        territory,
        score=float(people.value or 0),
        organisations=skill.organisations,
        evidence=[
            Evidence(_("Personnes concernées"), people, number(people.value or 0)),
            Evidence(
                _("Besoin le plus grand d'une organisation"),
                Figure(people.largest, skill.organisations),
                number(people.largest or 0),
            ),
            Evidence(
                _("Organisations envisageant de partager"),
                Figure(sharing, skill.organisations),
                f"{sharing} / {skill.organisations}",
            ),
        ],
        explanation=explanation,
    )


def share_occupation(item, territory=None):
    """Several members each needing a part-time person in an occupation.
    Counted: the organisations that surely need more than 0 (`needing`: a
    lower bound, the figures do not say how many gave needs above 0)."""
    needs = item.horizons[1].needs
    if not _small_needs(needs):
        return None
    explanation = _(
        "Ce métier est classé « partager » parce qu'au moins %(organisations)s adhérents "
        "(seuil : %(min)s) auront besoin d'ici un an de %(max)s personne au plus chacun, "
        "%(needs)s en tout : un temps partagé (groupement d'employeurs, prêt de main-d'œuvre) "
        "répond à ces besoins à temps partiel."
    ) % {
        "organisations": needing(needs),
        "min": SHARE_MIN_ORGANISATIONS,
        "max": SHARE_MAX_PER_ORGANISATION,
        "needs": number(needs.value),
    }
    return Priority(
        Lever.SHARE,
        item.occupation,
        territory,
        score=float(needs.value),
        organisations=item.organisations,
        evidence=[
            Evidence(_("Besoins de recrutement à 1 an"), needs, number(needs.value)),
            Evidence(
                _("Besoin le plus grand d'une organisation"),
                Figure(needs.largest, needs.organisations),
                number(needs.largest),
            ),
        ],
        explanation=explanation,
    )


def _rules(occupations, skills, history, territory):
    relative = [comparable(occupations), *(comparable(year) for year in history)]
    past = [{old.occupation.pk: old for old in year} for year in history]
    found = []
    for item in occupations:
        before = [year.get(item.occupation.pk) for year in past]
        found += [recruit(item, territory, relative[0]), share_occupation(item, territory)]
        found.append(promote(item, before, territory, relative))
    for skill in skills:
        found += [train(skill, territory), share_skill(skill, territory)]
    found = [priority for priority in found if priority is not None]
    return found + mobilities(occupations, past[0] if past else {}, territory)


def priorities(occupations, skills, *, history=(), departments=()):
    """The ranked priorities of a population, from its figures
    (`occupations.occupation_figures`, `skills.skill_figures`).

    history: the occupation figures of the same population in the previous
    years, most recent first (promote, mobility). departments:
    [(Department, occupation figures, skill figures, history)] of the
    départements where its members are: there, a priority is kept only when
    its figures rest on enough organisations (statistical secrecy)."""
    found = _rules(occupations, skills, history, None)
    for department, department_occupations, department_skills, department_history in departments:
        found += [
            priority
            for priority in _rules(
                department_occupations, department_skills, department_history, department
            )
            if not priority.fragile
        ]
    return sorted(found, key=_rank)


def _rank(priority):
    return (-priority.score, -priority.organisations, str(priority.subject), priority.key)
