"""Public facts about the 15 clusters of the APEC study "Clusters : des
initiatives pour l'emploi" (2016): name, kind, seat commune (INSEE code) and
filière. Everything else in the demo (people, companies) is fictitious; the
clusters' vocabularies are written for the demo on top of the starter
vocabulary (ancrage.referentiel.starter)."""

from typing import NamedTuple

from ancrage.demo.cluster_words import NAVAL_SKILLS, NAVAL_TRADES, NEOPOLIA_SKILLS, NEOPOLIA_TRADES

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


class Local(NamedTuple):
    """A cluster's own name for an item. `target` is the ROME code of the
    occupation (or the key of the starter skill) it stands for, or None for an
    item of the cluster's own; `aliases` are other names people use for it."""

    target: str | None
    label: str
    aliases: tuple = ()


class Vocabulary(NamedTuple):
    """A demo cluster's métiers and key skills, in the cluster's order. A
    string item holds space-separated ROME codes (occupations) or starter
    skill keys (skills), each one a ROME item under its official name."""

    occupations: tuple
    skills: tuple


def own(labels):
    """Items of the cluster's own, under these names."""
    return tuple(Local(None, label) for label in labels)


VOCABULARIES = {
    "eurosima": Vocabulary(
        occupations=(
            Local(
                "H1204",
                "Shaper",
                ("Façonneur / Façonneuse de planches de surf", "Shapeur / Shapeuse"),
            ),
            Local("H3203", "Glasseur / Glasseuse", ("Stratifieur / Stratifieuse de planches",)),
            Local("H3401", "Ponceur / Ponceuse de planches de surf"),
            "H3203 H1204 H3201 H1203 H2402 D1211 M1705 E1101 M1855 M1101 D1407 G1204",
        ),
        skills=(
            "foam_shaping layup resin gelcoat trim finishing product_design model_3d sewing",
            Local(None, "Adapter le volume et les rails d'une planche au gabarit du surfeur"),
            "retail merchandising marketing_plan community content",
            "k_board_sports k_composites k_textile k_english creativity dexterity",
        ),
    ),
    "mecabourg": Vocabulary(
        occupations=(
            "H2903 H2902 H2913 H2912 H2906 H2909 H2901 H2911 H3404 H3402",
            Local(
                "I1606",
                "Carrossier / Carrossière constructeur de véhicules industriels",
                ("Carrossier industriel",),
            ),
            "I1606 H1203 H1404 H1506 I1310 I1304 H2504 H1401 D1407 M1502",
        ),
        skills=(
            "machine_setup cnc_turning cnc_milling cutting_tools measure_parts sheet_cutting",
            "sheet_forming weld_mig bodywork body_paint spray_paint changeover automated_line",
            "routing inprocess_check k_drawings k_iso_code k_metrology k_lean rigour teamwork",
        ),
    ),
    "mecateamcluster": Vocabulary(
        occupations=(
            "F1711 F1629 I1323 N4401",
            Local(
                "F1302",
                "Conducteur / Conductrice d'engins de travaux ferroviaires",
                ("Conducteur de bourreuse", "Conductrice de bourreuse"),
            ),
            Local("I1323", "Mainteneur / Mainteneuse d'engins de travaux ferroviaires"),
            "F1302 F1208 I1310 I1304 H2913 H2911 I1335 H1303 D1407 M1502",
        ),
        skills=(
            "track_laying track_survey catenary signalling worksite_protection train_routing",
            Local(None, "Souder des rails par aluminothermie"),
            "earthmover site_management rolling_stock diagnose weld_stick",
            "k_rail_safety k_track k_traction_power safety_mind outdoor teamwork",
        ),
    ),
    "neopolia": Vocabulary(
        occupations=(
            "H2902",
            Local(
                "H2903",
                "Usineur / Usineuse sur machines à commande numérique",
                ("Usineur CN", "Tourneur-fraiseur CN"),
            ),
            "H2913 H2916 H2914 H2911 H2901 H2909 H2912 H2906 H3203 H3404 H3402 H3403",
            "H1203 H1206 H1237 H1402 H1404 H1401 H1102 H1502 H1528 H1506 H1522",
            "H1303 H2502 H2504 H2602 I1304 I1310 I1335 I1602 I1321 I1501 F1502 F1505",
            "M1101 D1407 M1502",
            *own(NEOPOLIA_TRADES),
        ),
        skills=(
            "weld_tig weld_mig weld_stick weld_prep weld_check weld_positions tack",
            "sheet_layout sheet_cutting sheet_forming steelwork",
            "pipe_fit pressure_test",
            "machine_setup cnc_turning cnc_milling cnc_program cutting_tools measure_parts",
            "fitting assemble torque fasteners",
            "layup resin infusion mould_prep trim spray_paint blasting heat_treat",
            "model_3d drafting specification prototype routing industrialise",
            "production_planning quote client_needs project_lead",
            "inprocess_check nonconformity audit quality_system ndt_ultrasound ndt_surface",
            "risk_assessment lead_team production_kpi improvement",
            "diagnose preventive electrical_work plc_fix aircraft_maintenance",
            "wind_turbine work_at_height rope_access panel_wiring scaffolding",
            "purchasing recruiting",
            Local(None, "Fabriquer des pièces de transition pour fondations d'éoliennes en mer"),
            Local(None, "Souder des tubes en procédé orbital", ("Soudage orbital",)),
            "k_drawings k_metrology k_metals k_composites k_cad",
            "k_aero_quality k_offshore k_shipbuilding k_renewables k_ndt k_lean k_english",
            "rigour teamwork safety_mind",
            *own(NEOPOLIA_SKILLS),
        ),
    ),
    "opticsvalley": Vocabulary(
        occupations=(
            Local(
                "H2901",
                "Opticien·ne de précision",
                ("Opticien / Opticienne de précision", "Monteur régleur en instruments d'optique"),
            ),
            "H1206 H1210 K2402 H3401 H2805 H2605 I1305 H1516 H1224 H1502 H1102 D1407 M1892",
            "M1861",
        ),
        skills=(
            "optical_alignment optical_polishing laser_setup test_bench experiment tech_watch",
            Local(None, "Déposer des couches minces optiques sous vide"),
            "pcb_soldering electronic_test electronic_repair calibration glass_forming",
            "k_optics k_lasers k_cleanroom k_electronics k_metrology k_english curiosity rigour",
        ),
    ),
    "agrocomposites-entreprises": Vocabulary(
        occupations=(
            "H3203 H3201 H3202 H2405 H1206 H1210 H1503 H1402 H2504 A1416 A1101 H1528 D1407",
        ),
        skills=(
            "fibre_prep nonwoven layup infusion injection extrusion material_testing",
            Local(None, "Formuler un composite à fibres de lin ou de chanvre"),
            "experiment prototype industrialise",
            "k_biomaterials k_composites k_polymers k_green_chemistry curiosity",
        ),
    ),
    "bretagne-pole-naval": Vocabulary(
        occupations=(
            Local(
                "F1504",
                "Charpentier·ère de marine",
                ("Charpentier / Charpentière navale",),
            ),
            "H2911 H2914 H2913 H2902 H2213 I1605 I1601 H1203 H1206 H3404 F1505 H2602",
            "H1404 I1321 I1304 H3203 H1522 M1502",
            *own(NAVAL_TRADES),
        ),
        skills=(
            "wooden_hull boat_joinery steelwork tack weld_mig weld_stick pipe_fit",
            "marine_engine rigging_boats spray_paint scaffolding work_at_height",
            Local(None, "Réparer une coque à flot ou en cale sèche"),
            "k_shipbuilding k_marine_engines k_offshore k_drawings teamwork",
            *own(NAVAL_SKILLS),
        ),
    ),
    "cluster-montagne": Vocabulary(
        occupations=(
            "N4402",
            Local("N4402", "Mécanicien / Mécanicienne de remontées mécaniques"),
            "F1303 I1331 K1726 G1228 G1204 F1302 F1208 I1501 F1502 I1304 H1102 D1407",
        ),
        skills=(
            "ropeway_operation ropeway_maintenance grooming snowmaking slope_safety rescue",
            "lead_group route_planning earthmover site_management rope_access",
            Local(None, "Concevoir l'aménagement d'un domaine skiable"),
            "k_ropeways k_snow k_mountain k_first_aid outdoor safety_mind",
        ),
    ),
    "goazen": Vocabulary(
        occupations=(
            "G1101 G1102 G1301 G1411 G1703 G1501 G1609 G1803 G1204",
            Local("G1204", "Moniteur / Monitrice de surf", ("Professeur de surf",)),
            "E1101 M1705",
        ),
        skills=(
            "welcome destination_promotion tour_design tour_sales front_desk housekeeping",
            "cooking table_service hotel_management events community",
            Local(None, "Accueillir les visiteurs en langue basque"),
            "k_tourism k_booking k_english k_spanish customer_care relational",
        ),
    ),
    "agri-sud-ouest-innovation": Vocabulary(
        occupations=(
            "A1416 A1302 A1303 A1304 A1101 A1418 H2102 H2105 H2506 H3301 H1502 H1528 H1503",
            "H1206",
        ),
        skills=(
            "crop_management soil_analysis farm_advice field_trials tractor farm_machine_setup",
            "vineyard winemaking farm_management food_line traceability packaging_line",
            Local(None, "Piloter l'irrigation avec des capteurs connectés"),
            "k_agronomy k_crop_protection k_vine k_food_safety k_farm_machinery",
        ),
    ),
    "alsace-biovalley": Vocabulary(
        occupations=(
            "H1211 H1224 H2302",
            Local(
                "H2302",
                "Technicien / Technicienne de bioproduction",
                ("Opérateur en bioprocédés", "Opératrice en bioprocédés"),
            ),
            "H2303 H1510 H1507 H1511 H1215 K2402 I1327 H1502 H1206",
        ),
        skills=(
            "clinical_monitoring cell_culture experiment pharma_process documented_work",
            "lab_analysis validation regulatory_file omics biomedical",
            "k_gmp k_medical_devices k_clinical k_biology k_microbiology k_bioinformatics",
            "k_cleanroom rigour",
        ),
    ),
    "cap-digital": Vocabulary(
        occupations=(
            "M1805 M1861 M1855 E1206",
            Local("E1206", "Designer d'expériences immersives"),
            "M1831 M1864 M1811 M1889 E1101 M1705 M1815",
        ),
        skills=(
            "backend frontend code_quality api_design ui_prototype user_research gameplay",
            "backlog data_pipeline model_training community content",
            "k_web k_programming k_ux k_game_engines k_agile k_machine_learning",
            "creativity curiosity",
        ),
    ),
    "industries-agro-ressources": Vocabulary(
        occupations=(
            "H2301",
            Local(
                "H2301",
                "Opérateur / Opératrice de bioraffinerie",
                ("Conducteur d'unité de bioraffinerie",),
            ),
            "H1206 H1210 H1503 H1402 H1303 H2502 A1416 A1303 H2102 H3402",
        ),
        skills=(
            "chemical_unit formulation sampling lab_analysis experiment industrialise",
            Local(None, "Conduire une fermentation industrielle"),
            "risk_assessment environment_followup crop_management fibre_prep",
            "k_green_chemistry k_chemistry k_environment k_agronomy k_biomaterials safety_mind",
        ),
    ),
    "materialia": Vocabulary(
        occupations=(
            "H2907 H2904 H3403 H3402 H3401 H1506 H1522 H1516 H1206 H1210 H3201 H3203 H2805",
            "H1402 H2502 I1304",
        ),
        skills=(
            "cast forge furnace heat_treat plating finishing material_testing ndt_ultrasound",
            "ndt_surface calibration experiment injection layup industrialise",
            Local(None, "Fabriquer une pièce métallique par fabrication additive"),
            "k_foundry k_heat_treatment k_surface_treatment k_metals k_composites k_ndt",
            "k_polymers curiosity",
        ),
    ),
    "systematic-paris-region": Vocabulary(
        occupations=(
            "M1861 M1827 M1860 M1856 M1892",
            Local(
                "M1892",
                "Ingénieur / Ingénieure logiciel embarqué critique",
                ("Ingénieur systèmes critiques",),
            ),
            "M1815 M1889 M1811 M1805 M1864 D1407 H1206",
        ),
        skills=(
            "backend api_design code_quality ci_cd infra_as_code cloud_architecture",
            "security_audit incident_response firmware software_testing data_pipeline",
            "model_training k_programming k_cloud k_containers k_security k_embedded",
            "k_machine_learning k_agile rigour",
        ),
    ),
}


def items(entries):
    """The Local items of a Vocabulary field, strings expanded in place."""
    for entry in entries:
        if isinstance(entry, Local):
            yield entry
        else:
            yield from (Local(target, "") for target in entry.split())
