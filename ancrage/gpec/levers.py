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
(kept between 0 and 2) for occupations, 1 + the share of organisations
giving the skill a high priority for skills, 1 for sharing and
`MOBILITY_WEIGHT` for a mobility (it answers part of a need). Ties: more
organisations first, then the label."""

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
# Train: at least this many people concerned by a skill need…
TRAIN_MIN_PEOPLE = 5
# … and at least this share of the organisations declaring it want to train
# their employees or name it a new skill.
TRAIN_MIN_SHARE = 0.5
# Share: at least this many organisations need the skill or the occupation…
SHARE_MIN_ORGANISATIONS = 3
# … each for at most this many people (a part-time need), or at least half
# of them (SHARE_MIN_ANSWER_SHARE) prefer to share a person…
SHARE_MAX_PER_ORGANISATION = 1
SHARE_MIN_ANSWER_SHARE = 0.5
# … and together for at least a full-time position.
SHARE_MIN_TOTAL = 1
# Promote: a tension indicator at least this high this year and each
# previous year known, over at least PROMOTE_MIN_YEARS years…
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


def recruit(item, territory=None):
    """High needs at 1 year and a high tension: recruit (fair, jobdating, job board)."""
    needs = item.horizons[1].needs
    tension = _tension(item)
    if needs.value is None or needs.value < RECRUIT_MIN_NEEDS:
        return None
    if tension is None or tension < RECRUIT_MIN_TENSION:
        return None
    explanation = _(
        "Ce métier est classé « recruter » parce que les adhérents auront besoin de "
        "%(needs)s personnes d'ici un an (départs à remplacer et créations ; seuil : "
        "%(min_needs)s) et que sa tension est forte : indice %(tension)s (seuil : "
        "%(min_tension)s), %(difficult)s des répondants déclarant des difficultés à recruter. "
        "Pistes : salon de l'emploi, jobdating, offres sur la bourse d'emploi du cluster."
    ) % {
        "needs": number(needs.value),
        "min_needs": RECRUIT_MIN_NEEDS,
        "tension": number(tension, 2),
        "min_tension": number(RECRUIT_MIN_TENSION, 2),
        "difficult": percent(item.difficult_share.value or 0),
    }
    return Priority(
        Lever.RECRUIT,
        item.occupation,
        territory,
        score=float(needs.value) * _weight(tension),
        organisations=item.organisations,
        evidence=_given(
            Evidence(_("Besoins de recrutement à 1 an"), needs, number(needs.value)),
            _evidence_tension(item),
            Evidence(
                _("Répondants en difficulté de recrutement"),
                item.difficult_share,
                percent(item.difficult_share.value or 0),
            ),
            Evidence(
                _("Postes ouverts non pourvus"),
                item.open_unfilled,
                number(item.open_unfilled.value or 0),
            ),
        ),
        explanation=explanation,
    )


def promote(item, past, territory=None):
    """A lasting high tension explained by attractiveness or the lack of
    candidates: promote the occupation. `past`: the same occupation's
    figures in the previous years (most recent first, None when unknown)."""
    scores = [_tension(item)] + [_tension(old) for old in past if old is not None]
    scores = [score for score in scores if score is not None]
    if _tension(item) is None or len(scores) < PROMOTE_MIN_YEARS:
        return None
    if min(scores) < PROMOTE_MIN_TENSION:
        return None
    explained = sum(item.reasons.values())
    blamed = sum(item.reasons.get(reason, 0) for reason in PROMOTE_REASONS)
    if not explained or blamed / explained < PROMOTE_MIN_REASON_SHARE:
        return None
    needs = item.horizons[3].needs
    explanation = _(
        "Ce métier est classé « promouvoir le métier » parce que sa tension reste forte "
        "depuis %(years)s ans (indices du plus récent au plus ancien : %(scores)s ; seuil : "
        "%(min_tension)s) et que %(blamed)s des %(explained)s organisations qui expliquent "
        "leurs difficultés citent le manque d'attractivité du métier ou le manque de "
        "candidats (seuil : %(min_share)s) : une pénurie durable, qui appelle à faire connaître "
        "le métier (écoles, visites d'entreprises, campagnes)."
    ) % {
        "years": len(scores),
        "scores": " puis ".join(number(score, 2) for score in scores),
        "min_tension": number(PROMOTE_MIN_TENSION, 2),
        "blamed": blamed,
        "explained": explained,
        "min_share": percent(PROMOTE_MIN_REASON_SHARE),
    }
    return Priority(
        Lever.PROMOTE,
        item.occupation,
        territory,
        score=float(needs.value or 0) / 3 * _weight(_tension(item)),
        organisations=item.organisations,
        evidence=_given(
            _evidence_tension(item),
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
    """Many people to train, or a new skill, that members want to train for."""
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
        "nouvelle à acquérir (au moins %(min_share)s de l'une ou l'autre attendu) : "
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


def _small_needs(figure, organisations):
    """Enough organisations needing at most a part-time person each."""
    return (
        organisations >= SHARE_MIN_ORGANISATIONS
        and figure.value is not None
        and figure.value >= SHARE_MIN_TOTAL
        and figure.largest is not None
        and figure.largest <= SHARE_MAX_PER_ORGANISATION
    )


def share_skill(skill, territory=None):
    """Several members needing a skill a little each, or wishing to share a person."""
    people = skill.people
    sharing = skill.by_answer.get(SkillNeed.Answer.SHARE, 0)
    small = _small_needs(people, skill.organisations)
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
            "organisations": skill.organisations,
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
    """Several members each needing a part-time person in an occupation."""
    needs = item.horizons[1].needs
    if not _small_needs(needs, needs.organisations):
        return None
    explanation = _(
        "Ce métier est classé « partager » parce que %(organisations)s adhérents (seuil : "
        "%(min)s) auront besoin d'ici un an de %(max)s personne au plus chacun, %(needs)s en "
        "tout : un temps partagé (groupement d'employeurs, prêt de main-d'œuvre) répond à ces "
        "besoins à temps partiel."
    ) % {
        "organisations": needs.organisations,
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
    past = [{old.occupation.pk: old for old in year} for year in history]
    found = []
    for item in occupations:
        before = [year.get(item.occupation.pk) for year in past]
        found += [recruit(item, territory), share_occupation(item, territory)]
        found.append(promote(item, before, territory))
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
