"""The GPEC figures of each skill of a population (`gpec.population`): the
needs its organisations declared, who holds the skill, fragile and emerging
skills, and the people to train.

    skill_figures(population)    # [figures.SkillFigures], most people concerned first
    training_needs(population)   # [figures.TrainingNeed], most people first

The rules (docs/guide/gpec-calculs.md has worked examples):

- needs: over each organisation's latest skill needs (`latest_sql`):
  organisations declaring the skill, people concerned (per organisation, then
  added up), by horizon, by kind and preferred answer (organisations), and
  the organisations giving it priority 1 (« haute »);
- holders: organisations of the population whose matrix profile (in one of
  the scope's clusters) lists the skill as a key skill, through the
  vocabulary entry linked to the ROME skill;
- holders' ageing share: the people who hold the skill are taken to be the
  workforce of the population's organisations in the occupations where the
  référentiel makes it a core skill (« cœur de métier »): (55–59 + 60 and
  over) ÷ headcount, over their latest lines giving age bands;
- fragile: held by 1 or 2 organisations of the population (a skill no
  organisation's profile lists is absent, not fragile), or an ageing share
  of its holders of 40 % or more;
- emerging: counting ALL skill needs declared (not only the latest), the
  organisations declaring the skill in each of the three yearly windows
  ending on `as_of` (the last 12 months, the 12 before, the 12 before
  those): emerging when the last window counts at least 2 organisations and
  strictly more than each of the two before. `trend` gives the three counts,
  oldest first, with the year each window ends in;
- people to train: needs whose preferred answer is « former des salariés »
  or whose kind is « nouvelle compétence à acquérir », per skill × horizon ×
  département of the organisation (its commune's)."""

# ruff: noqa: S608

from django.db import connection
from django.utils.translation import gettext as _

from ancrage.core.dates import add_months
from ancrage.gpec.figures import Figure, SkillFigures, TrainingNeed
from ancrage.gpec.models import SkillNeed, WorkforceLine
from ancrage.matrix.models import MatrixProfile, ProfileSkill
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.models import OccupationSkill, Skill, VocabularyEntry
from ancrage.territory.models import Commune, Department

FEW_HOLDERS = 3
AGEING_FRAGILE = 0.4
EMERGING_MIN = 2
WINDOWS = 3  # yearly windows for the trend


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _needs(population):
    """{skill_id: {organisations, people, by_kind, by_answer, high_priority, by_horizon}}."""
    latest, params = population.latest_sql(SkillNeed)
    # Grouped step by step, never joined: the planner cannot estimate the
    # latest facts' size well, and a join would loop.
    flags = [
        *(f"BOOL_OR(kind = '{kind}') AS kind_{kind}" for kind in SkillNeed.Kind.values),
        *(
            f"BOOL_OR(preferred_answer = '{answer}') AS answer_{answer}"
            for answer in SkillNeed.Answer.values
        ),
        "BOOL_OR(priority = 1) AS high",
    ]
    counts = [
        *(f"COUNT(*) FILTER (WHERE kind_{kind})" for kind in SkillNeed.Kind.values),
        *(f"COUNT(*) FILTER (WHERE answer_{answer})" for answer in SkillNeed.Answer.values),
        "COUNT(*) FILTER (WHERE high)",
    ]
    merged = [f"BOOL_OR({name.split(' AS ')[1]}) AS {name.split(' AS ')[1]}" for name in flags]
    nothing = ", ".join(["NULL::bigint"] * len(counts))
    # Per organisation × skill × horizon, then per organisation × skill; the
    # totals per skill and per skill × horizon come out of one statement.
    found = _fetch(
        f"""
        WITH sn AS ({latest}),
        per_horizon AS (
            SELECT skill_id, horizon_years, organisation_id, SUM(people) AS people,
                {", ".join(flags)}
            FROM sn GROUP BY skill_id, horizon_years, organisation_id
        ),
        per AS (
            SELECT skill_id, organisation_id, SUM(people) AS people, {", ".join(merged)}
            FROM per_horizon GROUP BY skill_id, organisation_id
        )
        SELECT FALSE, skill_id, NULL::smallint, COUNT(*), SUM(people)::bigint, COUNT(people),
            MAX(people), {", ".join(counts)}
        FROM per GROUP BY skill_id
        UNION ALL
        SELECT TRUE, skill_id, horizon_years, COUNT(*), SUM(people)::bigint, COUNT(people),
            MAX(people), {nothing}
        FROM per_horizon GROUP BY skill_id, horizon_years
        ORDER BY 1, 2, 3
        """,
        params,
    )
    kinds, answers = len(SkillNeed.Kind.values), len(SkillNeed.Answer.values)
    rows = {}
    for horizon, skill, years, organisations, people, giving, largest, *flagged in found:
        if horizon:
            rows[skill]["by_horizon"][years] = Figure(people or 0, giving, largest)
            continue
        rows[skill] = {
            "organisations": organisations,
            "people": Figure(people or 0, giving, largest),
            "by_kind": _nonzero(SkillNeed.Kind.values, flagged[:kinds]),
            "by_answer": _nonzero(SkillNeed.Answer.values, flagged[kinds : kinds + answers]),
            "high_priority": flagged[-1],
            "by_horizon": {},
        }
    return rows


def _nonzero(keys, counts):
    return {key: count for key, count in zip(keys, counts, strict=True) if count}


def _holders(population):
    """{skill_id: organisations of the population whose matrix profile lists it}."""
    params = [population.member_ids()]
    rows = _fetch(
        f"""
        SELECT e.skill_id, COUNT(DISTINCT m.organisation_id)
        FROM {ProfileSkill._meta.db_table} ps
        JOIN {VocabularyEntry._meta.db_table} e ON e.id = ps.entry_id
        JOIN {MatrixProfile._meta.db_table} p ON p.id = ps.profile_id
        JOIN {Membership._meta.db_table} m ON m.id = p.membership_id
        WHERE e.skill_id IS NOT NULL AND m.status = 'active' AND m.cluster_id = ANY(%s)
            AND m.organisation_id = ANY(%s)
        GROUP BY e.skill_id
        """,
        [list(population.scope.cluster_ids()), *params],
    )
    return dict(rows)


def _ageing(population, skill_ids):
    """{skill_id: Figure of the ageing share of the workforce in the
    occupations where the skill is core}."""
    latest, params = population.latest_sql(WorkforceLine)
    # Per occupation first (a few hundred rows), then per skill: the planner
    # cannot estimate the latest lines' size, and joining each line to the
    # référentiel would loop.
    rows = _fetch(
        f"""
        WITH per AS (
            SELECT occupation_id, SUM(age_55_59 + age_60_plus) AS older,
                SUM(headcount) AS headcount, ARRAY_AGG(DISTINCT organisation_id) AS organisations
            FROM ({latest}) wf WHERE age_under_25 IS NOT NULL GROUP BY occupation_id
        ),
        core AS (
            SELECT os.skill_id, per.* FROM per
            JOIN {OccupationSkill._meta.db_table} os ON os.occupation_id = per.occupation_id
            WHERE os.importance = %s AND os.skill_id = ANY(%s)
        )
        -- Each (skill, occupation) once for the sums: with its first organisation.
        SELECT skill_id, (SUM(older) FILTER (WHERE position = 1))::bigint,
            (SUM(headcount) FILTER (WHERE position = 1))::bigint, COUNT(DISTINCT organisation)
        FROM core, UNNEST(core.organisations) WITH ORDINALITY AS unnested(organisation, position)
        GROUP BY skill_id
        """,
        [*params, OccupationSkill.Importance.CORE, list(skill_ids)],
    )
    return {
        skill: Figure(round(older / headcount, 4) if headcount else None, organisations)
        for skill, older, headcount, organisations in rows
    }


def _windows(population):
    """The yearly windows of the trend, oldest first: [(start, end)], start excluded."""
    ends = [add_months(population.as_of, -12 * back) for back in range(WINDOWS)]
    return [(add_months(end, -12), end) for end in reversed(ends)]


def _trend(population):
    """{skill_id: [organisations declaring it in each window, oldest first]},
    over every skill need declared in the windows (not only the latest)."""
    params = [population.member_ids()]
    windows = _windows(population)
    counts = [
        "COUNT(DISTINCT organisation_id) FILTER (WHERE observed_on > %s AND observed_on <= %s)"
    ] * len(windows)
    rows = _fetch(
        f"""
        SELECT skill_id, {", ".join(counts)} FROM {SkillNeed._meta.db_table}
        WHERE cluster_id = ANY(%s) AND observed_on > %s AND observed_on <= %s
            AND organisation_id = ANY(%s)
        GROUP BY skill_id
        """,
        [
            *(day for window in windows for day in window),
            list(population.scope.cluster_ids()),
            windows[0][0],
            windows[-1][1],
            *params,
        ],
    )
    return {skill: list(values) for skill, *values in rows}


def is_emerging(counts):
    """The rule on the trend's counts, oldest first."""
    *before, last = counts
    return last >= EMERGING_MIN and all(last > count for count in before)


def fragile_reasons(holders, ageing):
    reasons = []
    if 0 < holders < FEW_HOLDERS:
        reasons.append(_("détenue par moins de %(count)s organisations") % {"count": FEW_HOLDERS})
    if ageing is not None and ageing.value is not None and ageing.value >= AGEING_FRAGILE:
        reasons.append(
            _("%(share)s %% ou plus de ses détenteurs ont 55 ans ou plus")
            % {"share": int(AGEING_FRAGILE * 100)}
        )
    return reasons


def skill_figures(population):
    """[SkillFigures] of the skills the population needs or holds, the most
    people concerned first."""
    needs = _needs(population)
    holders = _holders(population)
    trend = _trend(population)
    skill_ids = set(needs) | set(holders)
    ageing = _ageing(population, skill_ids)
    # Without their definition: a network's figures are stored (dashboard.cache).
    skills = Skill.objects.defer("definition").in_bulk(skill_ids)
    years = [end.year for _start, end in _windows(population)]
    result = []
    for skill_id in skill_ids:
        need = needs.get(skill_id)
        counts = trend.get(skill_id, [0] * WINDOWS)
        result.append(
            SkillFigures(
                skill=skills[skill_id],
                organisations=need["organisations"] if need else 0,
                people=need["people"] if need else Figure(0, 0),
                by_horizon=need["by_horizon"] if need else {},
                by_kind=need["by_kind"] if need else {},
                by_answer=need["by_answer"] if need else {},
                high_priority=need["high_priority"] if need else 0,
                holders=holders.get(skill_id, 0),
                holders_ageing_share=ageing.get(skill_id),
                trend=[
                    (year, Figure(count, count)) for year, count in zip(years, counts, strict=True)
                ],
                emerging=is_emerging(counts),
                fragile_reasons=fragile_reasons(holders.get(skill_id, 0), ageing.get(skill_id)),
            )
        )
    result.sort(key=lambda item: (-item.people.value, -item.organisations, item.skill.label))
    return result


def training_needs(population):
    """[TrainingNeed] per skill × horizon × département, most people first."""
    latest, params = population.latest_sql(SkillNeed)
    rows = _fetch(
        f"""
        WITH sn AS ({latest}),
        per AS (
            SELECT sn.skill_id, sn.horizon_years, c.department_id, sn.organisation_id,
                SUM(sn.people) AS people
            FROM sn
            JOIN {Organisation._meta.db_table} o ON o.id = sn.organisation_id
            LEFT JOIN {Commune._meta.db_table} c ON c.id = o.commune_id
            WHERE sn.preferred_answer = %s OR sn.kind = %s
            GROUP BY sn.skill_id, sn.horizon_years, c.department_id, sn.organisation_id
        )
        SELECT skill_id, horizon_years, department_id,
            SUM(people)::bigint, COUNT(people), MAX(people), COUNT(*)
        FROM per GROUP BY skill_id, horizon_years, department_id
        """,
        [*params, SkillNeed.Answer.TRAIN, SkillNeed.Kind.NEW],
    )
    skills = Skill.objects.in_bulk({row[0] for row in rows})
    departments = Department.objects.in_bulk({row[2] for row in rows if row[2] is not None})
    result = [
        TrainingNeed(
            skill=skills[skill],
            horizon_years=years,
            department=departments.get(department),
            people=Figure(people or 0, giving, largest),
            organisations=organisations,
        )
        for skill, years, department, people, giving, largest, organisations in rows
    ]
    result.sort(
        key=lambda need: (
            -need.people.value,
            need.skill.label,
            need.horizon_years or 0,
            need.department.code if need.department else "",
        )
    )
    return result
