"""What the benchmark's clusters look like, filière by filière: the ROME
domains their members' métiers come from, the NAF codes of their members, the
markets, activities and certifications they declare, and the words of their
company names. Weights are relative; a NAF key is a code, a group (« 25.6 ») or
a division (« 25 ») shared among its sub-classes."""

from dataclasses import dataclass, field

from ancrage.organisations.identifiers import naf_codes


@dataclass(frozen=True)
class Filiere:
    name: str
    domains: dict  # ROME domain code: weight
    naf: dict  # NAF code, group or division: weight
    markets: dict  # referentiel.Market slug: weight
    activities: dict  # referentiel.Activity slug: weight
    certifications: dict  # label: share of profiles that hold it
    heads: tuple  # first words of company names
    common_domains: dict = field(
        default_factory=lambda: {"H14": 1, "H15": 1, "M13": 0.5, "M17": 0.5, "H25": 0.5}
    )


FILIERES = [
    Filiere(
        "Aéronautique et spatial",
        {"H29": 6, "H12": 4, "I16": 4, "H26": 3, "H34": 2, "H32": 1, "I13": 1, "N21": 0.5},
        {"25.62B": 4, "30.30Z": 3, "25.61Z": 2, "33.16Z": 2, "71.12B": 4, "26.51B": 1, "25.11Z": 2},
        {"aeronautique": 6, "spatial": 3, "defense": 3, "ferroviaire": 1, "naval": 1},
        {
            "conception": 3,
            "usinage": 4,
            "fabrication": 4,
            "assemblage": 3,
            "essais": 2,
            "controle-qualite": 3,
            "traitement-surface": 2,
            "industrialisation": 2,
            "maintenance": 2,
        },
        {"EN 9100": 0.45, "ISO 9001": 0.5, "Nadcap": 0.1, "ISO 14001": 0.2, "Part 145": 0.05},
        ("Aéro", "Usinage", "Précision", "Aérostructures", "Mécanique", "Composites", "Avionique"),
    ),
    Filiere(
        "Mécanique et métallurgie",
        {"H29": 7, "H34": 3, "H12": 2, "I13": 2, "H28": 0.5, "H26": 1},
        {
            "25.62B": 6,
            "25.62A": 2,
            "25.11Z": 3,
            "25.50": 2,
            "25.61Z": 2,
            "28": 2,
            "24": 1,
            "33.12Z": 2,
            "71.12B": 1,
        },
        {
            "automobile": 3,
            "aeronautique": 2,
            "ferroviaire": 2,
            "energie": 2,
            "nucleaire": 2,
            "btp": 1,
            "agroalimentaire": 1,
            "naval": 1,
        },
        {
            "usinage": 5,
            "chaudronnerie": 4,
            "soudage": 3,
            "fabrication": 4,
            "assemblage": 2,
            "traitement-surface": 2,
            "maintenance": 2,
            "conception": 1,
        },
        {
            "ISO 9001": 0.55,
            "ISO 14001": 0.2,
            "MASE": 0.1,
            "IATF 16949": 0.08,
            "EN 1090": 0.15,
            "CEFRI": 0.05,
            "ASME": 0.05,
        },
        ("Mécanique", "Usinage", "Chaudronnerie", "Forges", "Tôlerie", "Ateliers", "Décolletage"),
    ),
    Filiere(
        "Agroalimentaire",
        {"H21": 6, "H33": 3, "A14": 2, "D11": 1, "I13": 1, "N11": 1},
        {"10": 8, "11": 2, "46.3": 1, "01": 1, "28.93Z": 1},
        {"agroalimentaire": 6, "agriculture": 2, "sante": 1, "tourisme": 0.5},
        {
            "fabrication": 4,
            "conception": 1,
            "controle-qualite": 2,
            "logistique": 2,
            "industrialisation": 1,
            "maintenance": 1,
        },
        {
            "IFS Food": 0.3,
            "BRCGS": 0.2,
            "ISO 22000": 0.15,
            "Agriculture biologique": 0.15,
            "ISO 9001": 0.2,
        },
        ("Conserverie", "Biscuiterie", "Laiterie", "Salaisons", "Fromagerie", "Vergers", "Délices"),
    ),
    Filiere(
        "Numérique",
        {"M18": 8, "E11": 2, "E12": 1, "H12": 1, "M14": 1},
        {"62.01Z": 6, "62.02A": 3, "63.11Z": 2, "58.29C": 2, "62.09Z": 1, "73.11Z": 1, "70.22Z": 1},
        {"numerique": 6, "sante": 1, "energie": 1, "defense": 1, "automobile": 1, "tourisme": 1},
        {
            "ingenierie-logicielle": 6,
            "conception": 3,
            "etudes-avant-projet": 2,
            "formation": 1,
            "maintenance": 1,
        },
        {"ISO 27001": 0.15, "HDS": 0.05, "Qualiopi": 0.05, "ISO 9001": 0.1},
        ("Data", "Logiciels", "Digital", "Numérique", "Studio", "Cloud", "Web"),
        {"M17": 1, "M13": 0.5, "M14": 0.5},
    ),
    Filiere(
        "Industries de la mer",
        {"N31": 2, "N32": 1, "F15": 2, "H29": 4, "I16": 2, "H22": 1, "H12": 2, "I13": 1, "I15": 1},
        {
            "30.11Z": 4,
            "30.12Z": 2,
            "33.15Z": 4,
            "25.11Z": 2,
            "25.62B": 2,
            "71.12B": 2,
            "50.20Z": 1,
            "03": 1,
        },
        {"naval": 6, "emr": 3, "oil-gas": 2, "defense": 2, "nucleaire": 1, "energie": 1},
        {
            "fabrication": 3,
            "chaudronnerie": 3,
            "soudage": 3,
            "installation": 2,
            "maintenance": 3,
            "conception": 2,
            "assemblage": 2,
            "electricite": 2,
        },
        {"ISO 9001": 0.5, "MASE": 0.15, "ISO 14001": 0.2, "ISO 3834": 0.1, "ASME": 0.05},
        ("Chantier naval", "Marine", "Nautique", "Navale", "Chaudronnerie", "Offshore", "Voilerie"),
    ),
    Filiere(
        "Bois et ameublement",
        {"H22": 7, "F16": 2, "B13": 1, "H12": 1, "H33": 1},
        {"16": 5, "31.0": 4, "43.32A": 2, "02.20Z": 1},
        {"btp": 5, "tourisme": 1, "naval": 1, "agroalimentaire": 0.5},
        {
            "fabrication": 4,
            "conception": 2,
            "installation": 2,
            "parachevement": 2,
            "traitement-surface": 1,
        },
        {"PEFC": 0.3, "FSC": 0.2, "ISO 9001": 0.1},
        ("Menuiserie", "Scierie", "Charpente", "Ébénisterie", "Bois", "Agencement"),
    ),
    Filiere(
        "Santé et biotechnologies",
        {"H23": 4, "J13": 1, "K24": 3, "H12": 3, "J14": 1},
        {"21.20Z": 3, "21.10Z": 1, "72.11Z": 4, "26.60Z": 1, "32.50A": 3, "86.90B": 1, "71.20B": 1},
        {"sante": 7, "agroalimentaire": 1, "chimie": 1},
        {
            "conception": 2,
            "essais": 3,
            "fabrication": 2,
            "controle-qualite": 3,
            "etudes-avant-projet": 2,
        },
        {"ISO 13485": 0.3, "BPF": 0.2, "ISO 9001": 0.3, "ISO 15189": 0.05},
        ("Bio", "Pharma", "Médical", "Laboratoires", "Génomique", "Diagnostics"),
    ),
    Filiere(
        "Énergies renouvelables",
        {"H27": 4, "I13": 3, "F15": 3, "I15": 2, "H26": 2, "F11": 2, "F16": 1, "H12": 1},
        {"35.11Z": 4, "43.21A": 3, "71.12B": 3, "27.11Z": 1, "33.14Z": 1, "28.11Z": 1, "43.22B": 1},
        {"energie": 6, "emr": 3, "btp": 2, "agriculture": 1},
        {
            "installation": 4,
            "mise-en-service": 3,
            "maintenance": 4,
            "conception": 2,
            "etudes-avant-projet": 2,
            "electricite": 3,
        },
        {"QualiPV": 0.2, "RGE": 0.3, "MASE": 0.15, "ISO 14001": 0.2, "GWO": 0.1},
        ("Énergies", "Solaire", "Éolien", "Méthanisation", "Hydro", "Thermique"),
    ),
    Filiere(
        "Plasturgie et composites",
        {"H32": 6, "H29": 1, "H34": 1, "H12": 2},
        {"22.2": 7, "20.16Z": 2, "22.1": 1, "25.62B": 1, "23.14Z": 1},
        {
            "automobile": 3,
            "aeronautique": 2,
            "sante": 1,
            "btp": 1,
            "agroalimentaire": 1,
            "naval": 1,
            "sport-glisse": 1,
        },
        {
            "fabrication": 4,
            "conception": 2,
            "prototypage": 2,
            "industrialisation": 2,
            "parachevement": 1,
            "controle-qualite": 2,
        },
        {"ISO 9001": 0.5, "IATF 16949": 0.15, "ISO 13485": 0.05, "EN 9100": 0.08},
        ("Plastiques", "Composites", "Moulage", "Injection", "Polymères", "Thermoformage"),
    ),
    Filiere(
        "Textile et habillement",
        {"H24": 7, "B18": 2, "D12": 1, "H12": 1},
        {"13": 5, "14": 4, "15": 1, "46.41Z": 1},
        {
            "sante": 1,
            "sport-glisse": 2,
            "automobile": 1,
            "defense": 1,
            "btp": 1,
            "aeronautique": 0.5,
        },
        {"fabrication": 4, "conception": 2, "prototypage": 2, "parachevement": 1, "logistique": 1},
        {"OEKO-TEX": 0.3, "ISO 9001": 0.2, "GOTS": 0.1},
        ("Tissages", "Filature", "Textiles", "Confection", "Tricotage", "Broderie", "Maille"),
    ),
    Filiere(
        "Bâtiment durable",
        {"F11": 3, "F12": 3, "F13": 1, "F16": 4, "F17": 4, "F15": 1, "H28": 1},
        {"41.20A": 2, "43": 6, "71.11Z": 2, "71.12B": 2, "23.6": 1},
        {"btp": 7, "energie": 2, "tourisme": 0.5},
        {
            "conception": 2,
            "installation": 3,
            "etudes-avant-projet": 2,
            "fabrication": 1,
            "maintenance": 1,
            "parachevement": 2,
        },
        {"RGE": 0.4, "Qualibat": 0.4, "ISO 14001": 0.1, "MASE": 0.05},
        ("Bâtiment", "Construction", "Rénovation", "Maçonnerie", "Isolation", "Éco-habitat"),
        {"F12": 1, "M13": 0.5, "H13": 0.5},
    ),
    Filiere(
        "Économie sociale et solidaire",
        {"K11": 3, "K12": 3, "K13": 2, "K18": 2, "K21": 2, "K22": 1, "K23": 1, "A12": 1, "M15": 1},
        {"88.99B": 4, "88.10A": 2, "94.99Z": 3, "85.59A": 2, "81.21Z": 1, "38.11Z": 1, "78.30Z": 1},
        {
            "sante": 2,
            "tourisme": 1,
            "agroalimentaire": 1,
            "btp": 1,
            "numerique": 0.5,
            "agriculture": 1,
        },
        {"formation": 3, "logistique": 2, "maintenance": 1, "fabrication": 1, "installation": 1},
        {"Qualiopi": 0.3, "Agrément ESUS": 0.3, "ISO 9001": 0.05},
        ("Solidarités", "Ressourcerie", "Entraide", "Atelier", "Insertion", "Coopérative"),
        {"M13": 0.5, "M12": 0.5, "K21": 0.5},
    ),
]

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


def naf_weights(filiere):
    """[(NAF code, weight)] of a filière, groups and divisions shared among
    their sub-classes."""
    codes = list(naf_codes())
    weights = {}
    for key, weight in filiere.naf.items():
        matching = [code for code in codes if code == key or code.startswith(key)]
        if not matching:
            raise ValueError(f"no NAF code starts with {key}")
        for code in matching:
            weights[code] = weights.get(code, 0) + weight / len(matching)
    return list(weights.items())
