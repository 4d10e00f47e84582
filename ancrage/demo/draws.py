"""What fictitious members of a sector look like, and the drawing of their
matrix profiles. Shared by the demo and the national-scale benchmark
generator (benchmarks/)."""

from dataclasses import dataclass, field

from ancrage.demo.fictitious import sample_weighted, weighted
from ancrage.organisations.identifiers import naf_codes

# Key skills per profile: 3 to 12, most often 5 to 8.
SKILL_COUNTS = tuple((count, 12 - abs(count - 6.5) * 1.6) for count in range(3, 13))
MARKET_COUNTS = ((1, 3), (2, 4), (3, 2), (4, 1))


@dataclass(frozen=True)
class Sector:
    """A filière's members. Weights are relative; a NAF key is a code, a
    group (« 25.6 ») or a division (« 25 ») shared among its sub-classes."""

    name: str
    naf: dict  # NAF code, group or division: weight
    markets: dict  # referentiel.Market slug: weight
    activities: dict  # referentiel.Activity slug: weight
    certifications: dict  # label: share of profiles that hold it
    heads: tuple  # first words of company names
    domains: dict = field(default_factory=dict)  # ROME domain code: weight
    common_domains: dict = field(
        default_factory=lambda: {"H14": 1, "H15": 1, "M13": 0.5, "M17": 0.5, "H25": 0.5}
    )


def naf_weights(sector):
    """[(NAF code, weight)] of a sector, groups and divisions shared among
    their sub-classes."""
    codes = list(naf_codes())
    weights = {}
    for key, weight in sector.naf.items():
        matching = [code for code in codes if code == key or code.startswith(key)]
        if not matching:
            raise ValueError(f"no NAF code starts with {key}")
        for code in matching:
            weights[code] = weights.get(code, 0) + weight / len(matching)
    return list(weights.items())


class ProfileDraws:
    """What a cluster's profiles are drawn from: its vocabulary's métiers and
    skills in order of popularity (a few everywhere, a long tail of rare
    ones), the skills that go with each métier, and its sector's markets,
    activities and certifications. Values are primary keys."""

    def __init__(self, sector, occupations, skills, skills_of, activities, markets, max_skills=12):
        self.sector = sector
        self.occupations = occupations
        self.occupation_weights = [1 / (rank + 3) for rank in range(len(occupations))]
        self.skills = skills
        self.skill_weights = [1 / (rank + 2) ** 1.1 for rank in range(len(skills))]
        self.skills_of = skills_of  # {occupation: [skills]}
        self.activities = [(pk, sector.activities.get(slug, 0.15)) for slug, pk in activities]
        self.markets = [(pk, sector.markets.get(slug, 0.1)) for slug, pk in markets]
        self.max_skills = max_skills

    def profile(self, rng):
        """(occupation, [skills], [activities], [markets], [certifications])."""
        occupation = rng.choices(self.occupations, weights=self.occupation_weights)[0]
        count = min(weighted(rng, SKILL_COUNTS), len(self.skills), self.max_skills)
        own = self.skills_of.get(occupation, [])
        chosen = rng.sample(own, min(len(own), count // 2))
        while len(chosen) < count:
            skill = rng.choices(self.skills, weights=self.skill_weights)[0]
            if skill not in chosen:
                chosen.append(skill)
        activities = sample_weighted(rng, self.activities, rng.randint(1, 5))
        markets = sample_weighted(rng, self.markets, weighted(rng, MARKET_COUNTS))
        certifications = [
            label for label, share in self.sector.certifications.items() if rng.random() < share
        ]
        return occupation, chosen, activities, markets, certifications
