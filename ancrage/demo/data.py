"""Public facts about the 15 clusters of the APEC study "Clusters : des
initiatives pour l'emploi" (2016): name, kind, seat commune (INSEE code) and
filière. Everything else in the demo (people, companies) is fictitious."""

CLUSTERS = [
    (
        "EuroSIMA",
        "eurosima",
        "grappe",
        "40304",
        "Industrie de la glisse (surf et sports de glisse)",
    ),
    (
        "Mécabourg",
        "mecabourg",
        "grappe",
        "01053",
        "Mécanique, métallurgie et carrosserie industrielle",
    ),
    ("MecateamCluster", "mecateamcluster", "grappe", "71540", "Infrastructures ferroviaires"),
    ("Neopolia", "neopolia", "grappe", "44184", "Aéronautique, ferroviaire, EMR, oil & gas, naval"),
    ("Opticsvalley", "opticsvalley", "grappe", "91477", "Optique et photonique"),
    (
        "AgroComposites Entreprises",
        "agrocomposites-entreprises",
        "regional",
        "21231",
        "Agromatériaux",
    ),
    (
        "Bretagne Pôle Naval",
        "bretagne-pole-naval",
        "regional",
        "56121",
        "Construction navale, oil & gas, EMR",
    ),
    # Francin merged into Porte-de-Savoie (73151) in 2019.
    ("Cluster Montagne", "cluster-montagne", "regional", "73151", "Aménagement de la montagne"),
    ("GOazen", "goazen", "regional", "64102", "Tourisme"),
    (
        "Agri Sud-Ouest Innovation",
        "agri-sud-ouest-innovation",
        "pole",
        "31446",
        "Agriculture et agroalimentaire",
    ),
    ("Alsace BioValley", "alsace-biovalley", "pole", "67218", "Industries de santé"),
    ("Cap Digital Paris Region", "cap-digital", "pole", "75056", "Numérique"),
    (
        "Industries & Agro-Ressources",
        "industries-agro-ressources",
        "pole",
        "02408",
        "Agro-ressources et chimie du végétal",
    ),
    ("Materialia", "materialia", "pole", "57463", "Matériaux et procédés"),
    (
        "Systematic Paris Region",
        "systematic-paris-region",
        "pole",
        "91477",
        "Infrastructures numériques et logiciel",
    ),
]

# The RFC 6238 test secret ("12345678901234567890"), public on purpose: every
# demo account uses it, so a person can log in with any authenticator app.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
DEMO_TOTP_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
DEMO_PASSWORD = "ancrage-demo-2026"  # noqa: S105

# Fictitious people (first name, last name) for the staff of each cluster.
STAFF_NAMES = [
    ("Camille", "Arrieta"),
    ("Julien", "Berthaud"),
    ("Nadia", "Cordier"),
    ("Yann", "Le Goff"),
    ("Sophie", "Marchand"),
    ("Thomas", "Girard"),
    ("Maëlle", "Kerhervé"),
    ("Pierre", "Favre"),
    ("Ainhoa", "Etcheverry"),
    ("Lucie", "Fabre"),
    ("Mathieu", "Koenig"),
    ("Inès", "Benali"),
    ("Antoine", "Lefèvre"),
    ("Claire", "Schmitt"),
    ("Hugo", "Moreau"),
]
