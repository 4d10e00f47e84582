"""Fictitious but realistic organisations: names, legal names, headcounts,
turnover, addresses and people. Shared by the demo and the national-scale
benchmark generator (benchmarks/); every function draws from the `rng` it is
given, so the same seed gives the same data."""

import math

from django.utils.text import slugify

from ancrage.demo.names import FIRST_NAMES, LAST_NAMES, PLACES, STREETS, TRADE_WORDS
from ancrage.organisations.models import SizeClass, TurnoverBand

# Headcount classes of member organisations. INSEE (« Les entreprises en
# France », édition 2023, unités légales marchandes) counts about 4 million
# microentreprises (< 10 salariés), 160,000 PME, 6,500 ETI and 300 grandes
# entreprises; excluding self-employed people without staff, about 80 % of
# employers have fewer than 10 employees. Clusters recruit industrial SMEs and
# their principals, so their members are more often PME, and ETI and GE are
# over-represented (Neopolia: 210 members, 18,000 jobs, i.e. ~85 per member).
SIZE_SHARES = [
    # (size class, share of members, headcount range)
    (SizeClass.TPE, 0.38, (1, 9)),
    (SizeClass.PME, 0.52, (10, 249)),
    (SizeClass.ETI, 0.085, (250, 4999)),
    (SizeClass.GE, 0.015, (5000, 40000)),
]

LEGAL_FORMS = {
    SizeClass.TPE: (("SARL", 40), ("SAS", 30), ("EURL", 15), ("SASU", 15)),
    SizeClass.PME: (("SAS", 60), ("SARL", 28), ("SA", 12)),
    SizeClass.ETI: (("SAS", 55), ("SA", 45)),
    SizeClass.GE: (("SA", 60), ("SAS", 40)),
}

# Organisations that are not companies, with their NAF code and name heads.
OTHER_KINDS = {
    "training": (3, "85.59A", ("Centre de formation", "Institut de formation", "Campus")),
    "lab": (2, "72.19Z", ("Laboratoire", "Centre technique", "Plateforme technologique")),
    "higher_ed": (1.5, "85.42Z", ("École d'ingénieurs", "IUT", "Université")),
    "lycee": (1.5, "85.32Z", ("Lycée professionnel", "Lycée des métiers")),
    "association": (2, "94.11Z", ("Union des industries", "Fédération", "Association")),
    "local_authority": (1, "84.11Z", ("Communauté de communes", "Agglomération")),
    "employer_group": (0.5, "78.30Z", ("Groupement d'employeurs",)),
}
COMPANY_WEIGHT = 88.5


def weighted(rng, pairs):
    """One value of (value, weight) pairs."""
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def sample_weighted(rng, pairs, count):
    """`count` distinct values of (value, weight) pairs, the heavier ones
    likelier (Efraimidis–Spirakis keys)."""
    keyed = sorted(
        ((rng.random() ** (1 / weight), value) for value, weight in pairs if weight > 0),
        key=lambda pair: pair[0],
        reverse=True,
    )
    return [value for _key, value in keyed[:count]]


def organisation_kind(rng):
    """Mostly companies; some schools, labs, training bodies, associations."""
    kinds = [("company", COMPANY_WEIGHT), *((kind, row[0]) for kind, row in OTHER_KINDS.items())]
    return weighted(rng, kinds)


def institution(rng, kind, town=None):
    """(name, NAF code) of an organisation that is not a company."""
    _weight, naf, heads = OTHER_KINDS[kind]
    return f"{rng.choice(heads)} {place(rng, town)}", naf


def place(rng, town=None):
    """« de la Rance », or half the time « de Nantes » when given a town."""
    if town and rng.random() < 0.5:
        return of(town)
    return rng.choice(PLACES)


def of(town):
    """« de Nantes », « d'Angers », « du Mans », « des Sables-d'Olonne »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if town.startswith(article):
            return contracted + town.removeprefix(article)
    elided = town[0].casefold() in "aeiouyhéèêâîôû"
    return f"d'{town}" if elided else f"de {town}"


def headcount(rng):
    """A member's headcount: its size class by the shares above, then a
    log-uniform draw within the class (small firms are commoner)."""
    _size, _share, (low, high) = weighted(rng, [(row, row[1]) for row in SIZE_SHARES])
    return int(math.exp(rng.uniform(math.log(low), math.log(high + 1))))


def turnover_band(rng, staff):
    """The turnover band of ~150 k€ per employee, more or less."""
    turnover = staff * 150_000 * rng.lognormvariate(0, 0.5)
    for band, ceiling in (
        (TurnoverBand.UNDER_2M, 2e6),
        (TurnoverBand.FROM_2M, 10e6),
        (TurnoverBand.FROM_10M, 50e6),
        (TurnoverBand.FROM_50M, 1.5e9),
    ):
        if turnover < ceiling:
            return band
    return TurnoverBand.OVER_1500M


def company_name(rng, heads, town=None):
    """A company's usual name from the trade words `heads` of its filière:
    « Chaudronnerie de la Rance », « Usinage Le Goff », « Garnier Industrie »."""
    pattern = rng.random()
    if pattern < 0.45:
        return f"{rng.choice(heads)} {place(rng, town)}"
    if pattern < 0.7:
        return f"{rng.choice(heads)} {rng.choice(LAST_NAMES)}"
    if pattern < 0.85:
        return f"{rng.choice(LAST_NAMES)} {rng.choice(TRADE_WORDS)}"
    if pattern < 0.93:
        return f"{rng.choice(LAST_NAMES)} & Fils"
    initials = "".join(rng.choice("ABCDEFGLMPRST") for _ in range(3))
    return f"{initials} {rng.choice(heads)}"


def legal_name(rng, name, staff):
    size = SizeClass.for_headcount(staff) or SizeClass.PME
    return f"{name.upper()} {weighted(rng, LEGAL_FORMS[size])}"


def website(name, number, domain="example.org"):
    """A website under a reserved domain (RFC 2606): never a real company's."""
    return f"https://{slugify(name)[:40].strip('-')}-{number}.{domain}"


def address(rng):
    return f"{rng.randint(1, 120)} {rng.choice(STREETS)}"


def person(rng):
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def email_for(first_name, last_name, domain):
    return f"{slugify(first_name)}.{slugify(last_name)}@{domain}"
