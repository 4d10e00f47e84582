"""Which members can answer a tender, best first, with what each covers and
misses.

Eligible: active members of the tender's cluster with a matrix profile,
whose organisation's commune is in one of the tender's départements (when it
names some) and whose profile lists every certification the tender requires
(compared without case, spaces or punctuation: « EN 9100 » = « en9100 »).

Ranking: the number of must-have requirements covered first, then the sum of
the weights of the other requirements covered, then whether the member works
for the tender's market (a tie-breaker only), then the name. Everything but
the last formatting runs in one SQL query: one pass over the cluster's
profile items that match a requirement, grouped by member."""

from dataclasses import dataclass, field

from django.db import connection

from ancrage.matrix.models import MatrixProfile, ProfileActivity, ProfileMarket, ProfileSkill
from ancrage.organisations.models import Membership, Organisation
from ancrage.tenders.models import Requirement
from ancrage.territory.models import Commune, Department

MUST_HAVE_WEIGHT = 5  # how much a must-have counts in the coverage shown in %


@dataclass(frozen=True)
class Need:
    """A requirement as matching and consortia see it."""

    pk: int
    label: str
    kind: str  # "skill" or "activity"
    weight: int
    must_have: bool

    @property
    def points(self):
        return MUST_HAVE_WEIGHT if self.must_have else self.weight


@dataclass
class Match:
    """An eligible member and what it covers of the tender."""

    membership_id: int
    name: str
    size_class: str
    commune: str
    department: str
    latitude: float | None
    longitude: float | None
    covered: frozenset
    musts: int
    weight: int
    market: bool
    covers: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    percent: int = 0


def normal_certification(text):
    """A certification as compared: upper case, letters and digits only."""
    return "".join(char for char in str(text).upper() if char.isalnum())


def needs_of(tender):
    requirements = Requirement.objects.filter(tender=tender).select_related(
        "skill__skill", "activity"
    )
    return [
        Need(
            pk=requirement.pk,
            label=str(requirement),
            kind="skill" if requirement.skill_id else "activity",
            weight=requirement.weight,
            must_have=requirement.must_have,
        )
        for requirement in requirements
    ]


def _tables():
    return {
        "requirement": Requirement._meta.db_table,
        "skill": ProfileSkill._meta.db_table,
        "activity": ProfileActivity._meta.db_table,
        "market": ProfileMarket._meta.db_table,
        "profile": MatrixProfile._meta.db_table,
        "membership": Membership._meta.db_table,
        "organisation": Organisation._meta.db_table,
        "commune": Commune._meta.db_table,
        "department": Department._meta.db_table,
    }


QUERY = """
WITH covered AS (
    SELECT s.profile_id, r.id AS requirement_id, r.weight, r.must_have
    FROM {requirement} r JOIN {skill} s ON s.entry_id = r.skill_id
    WHERE r.tender_id = %(tender)s
    UNION ALL
    SELECT a.profile_id, r.id, r.weight, r.must_have
    FROM {requirement} r JOIN {activity} a ON a.activity_id = r.activity_id
    WHERE r.tender_id = %(tender)s
)
SELECT m.id, o.name, o.size_class, co.name, d.code, co.latitude, co.longitude,
       COALESCE(array_agg(c.requirement_id) FILTER (WHERE c.requirement_id IS NOT NULL), '{{}}'),
       count(c.requirement_id) FILTER (WHERE c.must_have),
       COALESCE(sum(c.weight) FILTER (WHERE NOT c.must_have), 0),
       EXISTS (SELECT 1 FROM {market} pm WHERE pm.profile_id = p.id AND pm.market_id = %(market)s)
           AS works_for_market
FROM {membership} m
JOIN {organisation} o ON o.id = m.organisation_id
JOIN {profile} p ON p.membership_id = m.id
LEFT JOIN {commune} co ON co.id = o.commune_id
LEFT JOIN {department} d ON d.id = co.department_id
LEFT JOIN covered c ON c.profile_id = p.id
WHERE m.cluster_id = %(cluster)s AND m.status = %(active)s
  AND (%(anywhere)s OR co.department_id = ANY(%(departments)s))
  AND %(certifications)s::text[] <@ ARRAY(
      SELECT regexp_replace(upper(x), '[^[:alnum:]]', '', 'g') FROM unnest(p.certifications) x)
GROUP BY m.id, o.id, co.id, d.id, p.id
HAVING count(c.requirement_id) > 0 OR m.id = ANY(%(keep)s)
ORDER BY 9 DESC, 10 DESC, works_for_market DESC, o.name, m.id
"""


def tender_filters(tender):
    """(département ids, normalised certifications) the tender requires."""
    departments = list(tender.departments.values_list("pk", flat=True))
    certifications = sorted(
        {normal_certification(c) for c in tender.certifications} - {""},
    )
    return departments, certifications


def matches(tender, needs=None, *, keep=(), filtered=True):
    """The members covering at least one requirement (and those in `keep`,
    membership ids, if eligible), best first. `filtered=False` ignores the
    tender's territory and certifications."""
    if needs is None:
        needs = needs_of(tender)
    departments, certifications = tender_filters(tender) if filtered else ([], [])
    params = {
        "tender": tender.pk,
        "cluster": tender.cluster_id,
        "active": Membership.Status.ACTIVE,
        "market": tender.market_id,
        "anywhere": not departments,
        "departments": departments,
        "certifications": certifications,
        "keep": list(keep),
    }
    with connection.cursor() as cursor:
        cursor.execute(QUERY.format(**_tables()), params)
        rows = cursor.fetchall()
    total = sum(need.points for need in needs) or 1
    found = []
    for row in rows:
        covered = frozenset(row[7])
        match = Match(*row[:7], covered, row[8], row[9], row[10])
        match.covers = [need for need in needs if need.pk in covered]
        match.misses = [need for need in needs if need.pk not in covered]
        match.percent = round(100 * sum(need.points for need in match.covers) / total)
        found.append(match)
    return found
