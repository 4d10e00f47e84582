"""What each demo cluster's GPEC tells (ancrage.demo.gpec draws the members'
declarations from it): how old its workforce is, its occupations in tension
(difficulty to recruit rising year after year, with their usual reasons), its
emerging skills (needs growing from one declaration to the next), the skills
its members would share a person for, and those they would train for.

Occupations are ROME codes, skills keys of the starter vocabulary
(ancrage.referentiel.starter.skills); an item the référentiel lacks (the full
ROME imported instead of the starter) is left out. Inspired by the situations
of the APEC study's clusters: ageing traditional trades (chaudronniers,
usineurs, dessinateurs industriels), instrument makers who must master data,
drones and embedded systems needing real-time computing and AI engineers."""

from typing import NamedTuple

# Shares of the six age bands (< 25, 25–34, 35–44, 45–54, 55–59, ≥ 60).
AGES = {
    "oldest": (0.05, 0.12, 0.17, 0.26, 0.22, 0.18),
    "older": (0.07, 0.17, 0.21, 0.25, 0.17, 0.13),
    "old": (0.08, 0.19, 0.23, 0.25, 0.14, 0.11),
    "middle": (0.10, 0.24, 0.26, 0.22, 0.11, 0.07),
    "young": (0.15, 0.40, 0.26, 0.12, 0.05, 0.02),
}
# The occupations in tension of a cluster are older than its others.
OLDER = {"young": "young", "middle": "old", "old": "older"}


def ages_of(story, rank):
    """The age profile of an occupation of `story`: the cluster's; older for
    its occupations in tension (`rank` in `story.tense`), the oldest for the
    two most tense of a traditional filière."""
    if rank is None:
        return story.ages
    if story.ages == "old" and rank < 2:
        return "oldest"
    return OLDER[story.ages]


class Story(NamedTuple):
    ages: str  # a key of AGES
    tense: str  # ROME codes in tension, most tense first
    reasons: str  # gpec DifficultyReason values, most frequent first
    emerging: str  # skill keys needed more and more
    shared: str  # skill keys members would share a person for
    train: str  # skill keys members would train their employees in
    share_declaring: float = 0.65  # of the active members


STORIES = {
    "eurosima": Story(
        "middle",
        "H1204 H3203 H2402",
        "skills_missing pay few_candidates",
        "k_biomaterials product_design k_social_media",
        "community marketing_plan",
        "layup foam_shaping",
    ),
    "mecabourg": Story(
        "old",
        "H2902 H2903 H1203 H2913 I1606",
        "few_candidates attractiveness skills_missing conditions",
        "robot cnc_program k_cam",
        "improvement quality_system",
        "weld_mig sheet_forming",
        0.75,
    ),
    "mecateamcluster": Story(
        "old",
        "F1711 F1629 F1302 I1323",
        "conditions few_candidates location",
        "k_traction_power signalling",
        "worksite_protection",
        "catenary track_laying",
    ),
    "neopolia": Story(
        "old",
        "H2913 H2902 H2903 H2914 I1304 H1203",
        "few_candidates skills_missing attractiveness pay",
        "k_renewables wind_turbine k_composites",
        "ndt_ultrasound k_welding_standards",
        "weld_tig cnc_program",
        0.6,
    ),
    "opticsvalley": Story(
        "middle",
        "H1516 H2901 H1210",
        "skills_missing few_candidates pay",
        "data_pipeline k_machine_learning k_programming",
        "data_pipeline calibration",
        "laser_setup optical_alignment",
    ),
    "agrocomposites-entreprises": Story(
        "middle",
        "H3203 H2405",
        "few_candidates location",
        "k_biomaterials fibre_prep",
        "material_testing",
        "infusion layup",
        0.8,
    ),
    "bretagne-pole-naval": Story(
        "old",
        "F1504 H2913 H2914 I1605",
        "few_candidates attractiveness conditions",
        "k_renewables wind_turbine",
        "ndt_ultrasound",
        "weld_stick pipe_fit",
    ),
    "cluster-montagne": Story(
        "middle",
        "N4402 K1726 F1303",
        "conditions location pay",
        "k_environment snowmaking",
        "ropeway_maintenance",
        "rescue slope_safety",
    ),
    "goazen": Story(
        "young",
        "G1609 G1803 G1501",
        "conditions location pay",
        "k_social_media community",
        "community",
        "k_english k_spanish",
    ),
    "agri-sud-ouest-innovation": Story(
        "old",
        "A1101 A1418 H2102",
        "conditions attractiveness location",
        "data_pipeline k_environment",
        "farm_advice",
        "tractor farm_machine_setup",
    ),
    "alsace-biovalley": Story(
        "middle",
        "H2302 H1511 H1215",
        "skills_missing few_candidates",
        "omics k_bioinformatics k_machine_learning",
        "regulatory_file",
        "k_gmp documented_work",
    ),
    "cap-digital": Story(
        "young",
        "M1811 M1889 M1805",
        "pay few_candidates skills_missing",
        "model_training k_machine_learning",
        "user_research",
        "k_machine_learning k_cloud",
    ),
    "industries-agro-ressources": Story(
        "middle",
        "H2301 H2102",
        "few_candidates location",
        "k_green_chemistry formulation",
        "environment_followup",
        "chemical_unit",
    ),
    "materialia": Story(
        "old",
        "H2907 H2904 H3403 H1522",
        "attractiveness few_candidates conditions",
        "robot material_testing",
        "ndt_ultrasound",
        "heat_treat cast",
    ),
    # Drones and critical embedded systems: real-time computing and AI.
    "systematic-paris-region": Story(
        "young",
        "M1892 M1889 M1856 M1827",
        "pay few_candidates skills_missing",
        "k_embedded model_training k_machine_learning firmware",
        "security_audit",
        "k_security",
    ),
}
