"""The starter vocabulary: enough of the référentiel for the demo to work
offline before the full ROME is imported.

It covers the filières of the 15 demo clusters: about 120 ROME 4.0
occupations with their real codes, official labels, domains and a few real
job titles (facts of the ROME, version 60); the skills, the links between
occupations and skills, and the mobilities are written for Ancrage, in its
own words, and carry no ROME OGR code.

`load_starter()` is idempotent and never touches a database where a ROME
publication was imported: the real référentiel always wins.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _

from ancrage.referentiel.models import (
    Domain,
    GrandDomain,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Revision,
    Skill,
)

VERSION = "1"

GRAND_DOMAINS = {
    "A": "Agriculture et Pêche, Espaces naturels et Espaces verts, Soins aux animaux",
    "D": "Commerce, Vente et Grande distribution",
    "E": "Communication, Média et Multimédia",
    "F": "Construction, Bâtiment et Travaux publics",
    "G": "Hôtellerie-Restauration, Tourisme, Loisirs et Animation",
    "H": "Industrie",
    "I": "Installation et Maintenance",
    "K": "Services à la personne et à la collectivité",
    "M": "Support à l'entreprise",
    "N": "Transport et Logistique",
}

# Domaines professionnels; a domain's code is the first three characters of
# its occupations' codes, and its grand domain the first one.
DOMAINS = {
    "A11": "Engins agricoles et forestiers",
    "A13": "Etudes et assistance technique",
    "A14": "Production",
    "D12": "Commerce non alimentaire et de prestations de confort",
    "D14": "Force de vente",
    "E11": "Edition et communication",
    "E12": "Images et sons",
    "F12": "Conduite et encadrement de chantier - travaux",
    "F13": "Engins de chantier",
    "F15": "Montage de structures",
    "F16": "Second oeuvre",
    "F17": "Travaux et gros oeuvre",
    "G11": "Accueil et promotion touristique",
    "G12": "Animation d'activités de loisirs",
    "G13": "Conception, commercialisation et vente de produits touristiques",
    "G14": "Gestion et direction",
    "G15": "Personnel d'étage en hôtellerie",
    "G16": "Production culinaire",
    "G17": "Accueil en hôtellerie",
    "G18": "Service",
    "H11": "Affaires et support technique client",
    "H12": "Conception, recherche, études et développement",
    "H13": "Hygiène Sécurité Environnement -HSE- industriels",
    "H14": "Méthodes et gestion industrielles",
    "H15": "Qualité et analyses industrielles",
    "H21": "Alimentaire",
    "H22": "Bois",
    "H23": "Chimie et pharmacie",
    "H24": "Cuir et textile",
    "H25": "Direction, encadrement et pilotage de fabrication et production industrielles",
    "H26": "Electronique et électricité",
    "H28": "Matériaux de construction, céramique et verre",
    "H29": "Mécanique, travail des métaux et outillage",
    "H32": "Plastique, caoutchouc",
    "H33": "Préparation et conditionnement",
    "H34": "Traitements thermiques et traitements de surfaces",
    "I13": "Equipements de production, équipements collectifs",
    "I15": "Travaux d'accès difficile",
    "I16": "Véhicules, engins, aéronefs",
    "K17": "Défense, sécurité publique et secours",
    "K24": "Recherche",
    "M11": "Achats",
    "M15": "Ressources humaines",
    "M17": "Stratégie commerciale, marketing et supervision des ventes",
    "M18": "Systèmes d'information et de télécommunication",
    "N44": "Personnel sédentaire du transport ferroviaire et réseau filo guidé",
}

KNOW_HOW = Skill.Kind.KNOW_HOW
SOFT = Skill.Kind.SOFT
KNOWLEDGE = Skill.Kind.KNOWLEDGE

# key: (kind, label). Keys only tie this module together; the database knows
# a skill by its kind and label.
SKILLS = {
    # Savoir-être professionnels
    "rigour": (SOFT, "Rigueur et souci du détail"),
    "teamwork": (SOFT, "Esprit d'équipe"),
    "autonomy": (SOFT, "Autonomie dans l'organisation de son travail"),
    "responsibility": (SOFT, "Sens des responsabilités"),
    "reactivity": (SOFT, "Réactivité face aux imprévus"),
    "adaptability": (SOFT, "Capacité d'adaptation au changement"),
    "curiosity": (SOFT, "Curiosité et envie d'apprendre"),
    "customer_care": (SOFT, "Sens du service et écoute du client"),
    "relational": (SOFT, "Aisance relationnelle"),
    "composure": (SOFT, "Calme et sang-froid en situation tendue"),
    "transmission": (SOFT, "Goût de la transmission et du tutorat"),
    "creativity": (SOFT, "Créativité et sens esthétique"),
    "perseverance": (SOFT, "Persévérance face aux difficultés"),
    "leadership": (SOFT, "Capacité à animer et fédérer une équipe"),
    "safety_mind": (SOFT, "Vigilance constante pour sa sécurité et celle des autres"),
    "dexterity": (SOFT, "Habileté manuelle et minutie"),
    "organisation": (SOFT, "Sens de l'organisation et des priorités"),
    "analysis": (SOFT, "Esprit d'analyse et de synthèse"),
    "persuasion": (SOFT, "Force de conviction"),
    "outdoor": (SOFT, "Endurance physique et goût du travail en extérieur"),
    # Savoirs
    "k_drawings": (KNOWLEDGE, "Lecture de plans et de dessins industriels"),
    "k_tolerances": (KNOWLEDGE, "Cotation fonctionnelle et tolérances géométriques"),
    "k_metrology": (KNOWLEDGE, "Métrologie dimensionnelle et instruments de mesure"),
    "k_metals": (KNOWLEDGE, "Métallurgie des aciers, inox et alliages légers"),
    "k_composites": (KNOWLEDGE, "Matériaux composites : fibres, résines et procédés de moulage"),
    "k_biomaterials": (KNOWLEDGE, "Agromatériaux et fibres végétales (lin, chanvre, bois)"),
    "k_polymers": (KNOWLEDGE, "Polymères et procédés de plasturgie"),
    "k_welding": (KNOWLEDGE, "Procédés de soudage à l'arc (TIG, MIG-MAG, électrode enrobée)"),
    "k_welding_standards": (
        KNOWLEDGE,
        "Normes de qualification en soudage (ISO 9606, ISO 15614)",
    ),
    "k_iso_code": (KNOWLEDGE, "Programmation ISO des machines à commande numérique"),
    "k_cad": (KNOWLEDGE, "Logiciels de CAO (SolidWorks, CATIA, Creo)"),
    "k_cam": (KNOWLEDGE, "Logiciels de FAO pour l'usinage"),
    "k_fluid_power": (KNOWLEDGE, "Hydraulique et pneumatique industrielles"),
    "k_electrotech": (KNOWLEDGE, "Électrotechnique et schémas électriques"),
    "k_electrical_clearance": (KNOWLEDGE, "Habilitations électriques (NF C 18-510)"),
    "k_plc": (KNOWLEDGE, "Automatismes et automates programmables industriels"),
    "k_electronics": (KNOWLEDGE, "Électronique analogique et numérique"),
    "k_aero_quality": (KNOWLEDGE, "Exigences qualité de l'aéronautique (EN 9100)"),
    "k_aero_maintenance": (
        KNOWLEDGE,
        "Réglementation de l'entretien des aéronefs (Part-145, Part-66)",
    ),
    "k_rail_safety": (KNOWLEDGE, "Règles de sécurité des circulations ferroviaires"),
    "k_track": (KNOWLEDGE, "Constituants et géométrie de la voie ferrée"),
    "k_traction_power": (KNOWLEDGE, "Installations de traction électrique et caténaires"),
    "k_shipbuilding": (KNOWLEDGE, "Architecture et construction navales"),
    "k_marine_engines": (KNOWLEDGE, "Moteurs marins et systèmes de propulsion"),
    "k_offshore": (KNOWLEDGE, "Sécurité du travail en mer et sur sites offshore"),
    "k_optics": (KNOWLEDGE, "Optique géométrique et physique"),
    "k_lasers": (KNOWLEDGE, "Sources laser et sécurité laser"),
    "k_cleanroom": (KNOWLEDGE, "Travail en salle blanche et maîtrise de la contamination"),
    "k_gmp": (KNOWLEDGE, "Bonnes pratiques de fabrication pharmaceutique (BPF)"),
    "k_medical_devices": (KNOWLEDGE, "Réglementation des dispositifs médicaux"),
    "k_clinical": (KNOWLEDGE, "Cadre réglementaire des essais cliniques"),
    "k_biology": (KNOWLEDGE, "Biologie cellulaire et moléculaire"),
    "k_microbiology": (KNOWLEDGE, "Microbiologie"),
    "k_chemistry": (KNOWLEDGE, "Chimie organique et analytique"),
    "k_green_chemistry": (KNOWLEDGE, "Chimie du végétal et valorisation de la biomasse"),
    "k_agronomy": (KNOWLEDGE, "Agronomie et conduite des cultures"),
    "k_crop_protection": (
        KNOWLEDGE,
        "Protection des cultures et réglementation des produits phytosanitaires",
    ),
    "k_vine": (KNOWLEDGE, "Viticulture et œnologie"),
    "k_food_safety": (KNOWLEDGE, "Hygiène et sécurité des aliments (méthode HACCP)"),
    "k_snow": (KNOWLEDGE, "Nivologie et risque d'avalanche"),
    "k_first_aid": (KNOWLEDGE, "Gestes de premiers secours"),
    "k_mountain": (KNOWLEDGE, "Milieu montagnard et météorologie de montagne"),
    "k_board_sports": (KNOWLEDGE, "Pratique et culture des sports de glisse"),
    "k_english": (KNOWLEDGE, "Anglais professionnel"),
    "k_spanish": (KNOWLEDGE, "Espagnol professionnel"),
    "k_office": (KNOWLEDGE, "Outils bureautiques et tableurs"),
    "k_erp": (KNOWLEDGE, "Progiciel de gestion intégré (ERP)"),
    "k_lean": (KNOWLEDGE, "Amélioration continue et lean manufacturing"),
    "k_iso_management": (KNOWLEDGE, "Normes de management ISO 9001, 14001 et 45001"),
    "k_spc": (KNOWLEDGE, "Maîtrise statistique des procédés (MSP)"),
    "k_ndt": (
        KNOWLEDGE,
        "Méthodes de contrôle non destructif (ultrasons, ressuage, magnétoscopie, radiographie)",
    ),
    "k_heat_treatment": (KNOWLEDGE, "Traitements thermiques des métaux"),
    "k_surface_treatment": (KNOWLEDGE, "Traitements de surface et revêtements"),
    "k_foundry": (KNOWLEDGE, "Procédés de fonderie et de forge"),
    "k_glass": (KNOWLEDGE, "Propriétés et procédés de fabrication du verre"),
    "k_textile": (KNOWLEDGE, "Matières textiles et techniques de confection"),
    "k_programming": (KNOWLEDGE, "Langages de programmation (Python, Java, C#)"),
    "k_web": (KNOWLEDGE, "Technologies du web (HTML, CSS, JavaScript)"),
    "k_sql": (KNOWLEDGE, "Bases de données et langage SQL"),
    "k_cloud": (KNOWLEDGE, "Services d'informatique en nuage"),
    "k_containers": (KNOWLEDGE, "Conteneurs et orchestration (Docker, Kubernetes)"),
    "k_security": (KNOWLEDGE, "Sécurité des systèmes d'information"),
    "k_machine_learning": (KNOWLEDGE, "Apprentissage automatique et science des données"),
    "k_embedded": (KNOWLEDGE, "Systèmes embarqués et temps réel (C, C++)"),
    "k_agile": (KNOWLEDGE, "Méthodes agiles (Scrum, Kanban)"),
    "k_project": (KNOWLEDGE, "Gestion de projet"),
    "k_labour_law": (KNOWLEDGE, "Droit du travail"),
    "k_sales": (KNOWLEDGE, "Techniques de vente et de négociation"),
    "k_marketing": (KNOWLEDGE, "Marketing et études de marché"),
    "k_purchasing": (KNOWLEDGE, "Achats industriels et gestion des fournisseurs"),
    "k_tourism": (KNOWLEDGE, "Offre touristique et patrimoine du territoire"),
    "k_booking": (KNOWLEDGE, "Logiciels de réservation et de gestion hôtelière"),
    "k_cooking": (KNOWLEDGE, "Techniques culinaires et produits de saison"),
    "k_prevention": (KNOWLEDGE, "Prévention des risques professionnels"),
    "k_environment": (
        KNOWLEDGE,
        "Réglementation environnementale des installations classées (ICPE)",
    ),
    "k_renewables": (KNOWLEDGE, "Énergies renouvelables (éolien, énergies marines, solaire)"),
    "k_farm_machinery": (KNOWLEDGE, "Machinisme agricole"),
    "k_bioinformatics": (KNOWLEDGE, "Bio-informatique et analyse de données biologiques"),
    "k_ux": (KNOWLEDGE, "Ergonomie et conception centrée sur l'utilisateur"),
    "k_design_tools": (KNOWLEDGE, "Logiciels de création graphique et de maquettage"),
    "k_game_engines": (KNOWLEDGE, "Moteurs de jeu (Unity, Unreal Engine)"),
    "k_social_media": (KNOWLEDGE, "Réseaux sociaux et communication numérique"),
    "k_public_works": (KNOWLEDGE, "Techniques de travaux publics et de terrassement"),
    "k_ropeways": (KNOWLEDGE, "Remontées mécaniques et réglementation des transports à câble"),
    "k_wood": (KNOWLEDGE, "Essences de bois et techniques de menuiserie"),
    "k_rigging": (KNOWLEDGE, "Élingage et levage de charges"),
    "k_hygiene_rooms": (KNOWLEDGE, "Produits et protocoles de nettoyage en hôtellerie"),
    # Savoir-faire: machining, sheet metal, welding, assembly
    "machine_setup": (KNOW_HOW, "Régler une machine-outil avant une série"),
    "cnc_turning": (KNOW_HOW, "Usiner des pièces en tournage sur commande numérique"),
    "cnc_milling": (KNOW_HOW, "Usiner des pièces en fraisage sur commande numérique"),
    "cnc_program": (KNOW_HOW, "Écrire ou adapter un programme d'usinage"),
    "cutting_tools": (KNOW_HOW, "Choisir les outils coupants et les conditions de coupe"),
    "measure_parts": (KNOW_HOW, "Contrôler les cotes d'une pièce avec les instruments de mesure"),
    "first_part": (KNOW_HOW, "Valider la première pièce d'une série"),
    "fitting": (KNOW_HOW, "Ajuster des pièces mécaniques par limage, grattage ou alésage"),
    "assemble": (KNOW_HOW, "Monter des sous-ensembles mécaniques selon une gamme"),
    "torque": (KNOW_HOW, "Serrer des assemblages au couple prescrit"),
    "fasteners": (KNOW_HOW, "Poser des rivets et des fixations sur une structure"),
    "sheet_layout": (KNOW_HOW, "Tracer des développés de tôlerie"),
    "sheet_cutting": (KNOW_HOW, "Découper des tôles (cisaille, plasma, laser, oxycoupage)"),
    "sheet_forming": (KNOW_HOW, "Plier, rouler et conformer des tôles"),
    "tack": (KNOW_HOW, "Pointer et assembler des éléments avant soudage"),
    "weld_tig": (KNOW_HOW, "Souder en procédé TIG sur acier, inox ou aluminium"),
    "weld_mig": (KNOW_HOW, "Souder en procédé MIG-MAG"),
    "weld_stick": (KNOW_HOW, "Souder à l'électrode enrobée"),
    "weld_prep": (KNOW_HOW, "Préparer les bords et chanfreins avant soudage"),
    "weld_check": (
        KNOW_HOW,
        "Contrôler visuellement un cordon de soudure et reprendre les défauts",
    ),
    "weld_positions": (KNOW_HOW, "Souder en toutes positions"),
    "pipe_fit": (KNOW_HOW, "Fabriquer et poser des lignes de tuyauterie d'après isométrique"),
    "pipe_bend": (KNOW_HOW, "Cintrer et raccorder des tubes"),
    "pressure_test": (KNOW_HOW, "Réaliser des épreuves d'étanchéité et de pression"),
    "steelwork": (KNOW_HOW, "Fabriquer des ouvrages et structures métalliques"),
    "erect_steel": (KNOW_HOW, "Monter et lever des structures métalliques sur site"),
    "forge": (KNOW_HOW, "Conduire une opération de forgeage ou d'estampage"),
    "cast": (KNOW_HOW, "Conduire la fusion et la coulée du métal"),
    "furnace": (KNOW_HOW, "Surveiller un four et ses paramètres de chauffe"),
    "heat_treat": (KNOW_HOW, "Conduire un cycle de trempe, de revenu ou de cémentation"),
    "plating": (KNOW_HOW, "Piloter des bains de traitement de surface"),
    "blasting": (KNOW_HOW, "Préparer une surface par sablage ou grenaillage"),
    "finishing": (KNOW_HOW, "Ébavurer, meuler et polir des pièces"),
    "spray_paint": (KNOW_HOW, "Appliquer une peinture ou un revêtement au pistolet"),
    "coating_check": (KNOW_HOW, "Mesurer l'épaisseur et l'adhérence d'un revêtement"),
    "automated_line": (KNOW_HOW, "Conduire une installation de production automatisée"),
    "changeover": (KNOW_HOW, "Effectuer un changement de série"),
    "robot": (KNOW_HOW, "Piloter et retoucher la trajectoire d'un robot de production"),
    # Composites, plastics, textiles
    "layup": (KNOW_HOW, "Draper des tissus de renfort dans un moule"),
    "resin": (KNOW_HOW, "Préparer et doser des résines et des durcisseurs"),
    "infusion": (KNOW_HOW, "Mettre en œuvre l'infusion ou l'injection de résine sous vide"),
    "mould_prep": (KNOW_HOW, "Préparer et cirer un moule avant moulage"),
    "trim": (KNOW_HOW, "Démouler, détourer et poncer une pièce composite"),
    "gelcoat": (KNOW_HOW, "Appliquer un gelcoat ou une couche de finition"),
    "foam_shaping": (KNOW_HOW, "Façonner un pain de mousse à la main ou sur machine"),
    "injection": (KNOW_HOW, "Conduire une presse à injecter"),
    "mould_setup": (KNOW_HOW, "Monter et régler un moule sur une presse"),
    "extrusion": (KNOW_HOW, "Conduire une ligne d'extrusion"),
    "fibre_prep": (KNOW_HOW, "Préparer des fibres végétales pour la fabrication de matériaux"),
    "nonwoven": (KNOW_HOW, "Conduire une ligne de fabrication de non-tissés"),
    "sewing": (KNOW_HOW, "Assembler des pièces textiles sur machine à coudre industrielle"),
    "textile_cutting": (KNOW_HOW, "Découper des matières souples selon un placement"),
    "product_design": (
        KNOW_HOW,
        "Dessiner un produit en conciliant usage, esthétique et fabrication",
    ),
    # Design office, methods, research
    "model_3d": (KNOW_HOW, "Modéliser des pièces et des assemblages en 3D"),
    "drafting": (KNOW_HOW, "Établir les plans de définition et de fabrication"),
    "sizing": (KNOW_HOW, "Dimensionner des pièces et des structures par le calcul"),
    "bill_of_materials": (KNOW_HOW, "Établir une nomenclature"),
    "specification": (KNOW_HOW, "Rédiger un cahier des charges technique"),
    "prototype": (KNOW_HOW, "Concevoir et tester un prototype"),
    "test_plan": (KNOW_HOW, "Concevoir un plan d'essais et en exploiter les résultats"),
    "tech_watch": (KNOW_HOW, "Mener une veille technologique"),
    "routing": (KNOW_HOW, "Rédiger des gammes de fabrication et des modes opératoires"),
    "costing": (KNOW_HOW, "Chiffrer des temps de cycle et des coûts de fabrication"),
    "industrialise": (KNOW_HOW, "Industrialiser un nouveau produit"),
    "workshop_layout": (KNOW_HOW, "Optimiser l'implantation d'un atelier"),
    "production_planning": (KNOW_HOW, "Planifier la production et la charge des ateliers"),
    "supply": (KNOW_HOW, "Suivre les approvisionnements et les stocks"),
    "quote": (KNOW_HOW, "Chiffrer une offre technique et commerciale"),
    "client_needs": (KNOW_HOW, "Analyser le besoin technique d'un client"),
    "project_lead": (KNOW_HOW, "Piloter un projet en tenant coûts, délais et qualité"),
    "experiment": (KNOW_HOW, "Conduire des expériences en laboratoire"),
    "test_bench": (KNOW_HOW, "Mettre au point un banc de mesure ou d'essai"),
    "test_report": (KNOW_HOW, "Rédiger un rapport d'essais ou d'études"),
    "material_testing": (KNOW_HOW, "Caractériser des matériaux par essais et microscopie"),
    # Quality, safety, environment
    "inprocess_check": (KNOW_HOW, "Réaliser des contrôles qualité en cours de fabrication"),
    "nonconformity": (
        KNOW_HOW,
        "Traiter une non-conformité et proposer une action corrective",
    ),
    "audit": (KNOW_HOW, "Conduire un audit qualité interne ou chez un fournisseur"),
    "quality_system": (KNOW_HOW, "Animer un système de management de la qualité"),
    "ndt_ultrasound": (KNOW_HOW, "Réaliser des contrôles par ultrasons"),
    "ndt_surface": (KNOW_HOW, "Réaliser des contrôles par ressuage ou magnétoscopie"),
    "calibration": (KNOW_HOW, "Étalonner des instruments et gérer un parc de mesure"),
    "risk_assessment": (
        KNOW_HOW,
        "Évaluer les risques professionnels et tenir à jour le document unique",
    ),
    "safety_briefing": (KNOW_HOW, "Sensibiliser les équipes à la sécurité"),
    "incident_analysis": (KNOW_HOW, "Analyser un accident ou un incident par l'arbre des causes"),
    "environment_followup": (
        KNOW_HOW,
        "Suivre les rejets, les déchets et les consommations d'un site",
    ),
    # Production management
    "lead_team": (KNOW_HOW, "Animer une équipe de production au quotidien"),
    "production_kpi": (
        KNOW_HOW,
        "Suivre les indicateurs de production (rendement, délais, rebuts)",
    ),
    "improvement": (KNOW_HOW, "Mener un chantier d'amélioration continue"),
    "budget": (KNOW_HOW, "Gérer le budget d'un service"),
    "shifts": (KNOW_HOW, "Organiser les plannings et les postes de travail"),
    "onboarding": (KNOW_HOW, "Accueillir et former les nouveaux arrivants"),
    # Maintenance
    "diagnose": (KNOW_HOW, "Diagnostiquer une panne mécanique, électrique ou d'automatisme"),
    "preventive": (KNOW_HOW, "Réaliser la maintenance préventive d'équipements"),
    "mech_repair": (KNOW_HOW, "Remplacer des organes mécaniques usés"),
    "electrical_work": (KNOW_HOW, "Intervenir sur des circuits et des armoires électriques"),
    "plc_fix": (KNOW_HOW, "Modifier et dépanner un programme d'automate"),
    "fluid_repair": (KNOW_HOW, "Dépanner des circuits hydrauliques et pneumatiques"),
    "cmms": (KNOW_HOW, "Consigner les interventions dans une GMAO"),
    "commissioning": (KNOW_HOW, "Installer et mettre en service un équipement industriel"),
    "aircraft_maintenance": (
        KNOW_HOW,
        "Réaliser les visites d'entretien d'un aéronef selon le manuel du constructeur",
    ),
    "airworthiness_records": (KNOW_HOW, "Renseigner la documentation de navigabilité"),
    "marine_engine": (KNOW_HOW, "Entretenir et réparer un moteur marin"),
    "rigging_boats": (KNOW_HOW, "Gréer et accastiller un bateau"),
    "boat_prep": (KNOW_HOW, "Préparer un bateau avant sa mise à l'eau ou sa livraison"),
    "wind_turbine": (KNOW_HOW, "Intervenir dans la nacelle d'une éolienne"),
    "work_at_height": (KNOW_HOW, "Travailler en hauteur avec un équipement antichute"),
    "rope_access": (KNOW_HOW, "Progresser sur cordes pour accéder à un poste de travail"),
    "rolling_stock": (KNOW_HOW, "Entretenir le matériel roulant ferroviaire"),
    "electronic_repair": (KNOW_HOW, "Dépanner une carte ou un équipement électronique"),
    "biomedical": (KNOW_HOW, "Entretenir et contrôler des dispositifs médicaux"),
    "snowmaking": (KNOW_HOW, "Produire de la neige de culture et piloter les enneigeurs"),
    "bodywork": (KNOW_HOW, "Redresser et réparer une carrosserie"),
    "body_paint": (KNOW_HOW, "Préparer et peindre une carrosserie"),
    # Electrical, electronics, optics
    "panel_wiring": (KNOW_HOW, "Câbler une armoire électrique d'après un schéma"),
    "harness": (KNOW_HOW, "Réaliser des faisceaux et des raccordements électriques"),
    "pcb_soldering": (KNOW_HOW, "Braser des composants sur une carte électronique"),
    "electronic_test": (KNOW_HOW, "Tester un produit électronique sur banc"),
    "optical_alignment": (KNOW_HOW, "Aligner et régler un montage optique"),
    "optical_polishing": (KNOW_HOW, "Polir et contrôler des surfaces optiques"),
    "laser_setup": (KNOW_HOW, "Mettre en œuvre et régler une source laser"),
    "glass_forming": (KNOW_HOW, "Conduire la fusion et le formage du verre"),
    # Naval and construction sites
    "wooden_hull": (KNOW_HOW, "Construire ou réparer une coque et des structures en bois"),
    "boat_joinery": (KNOW_HOW, "Réaliser l'aménagement intérieur d'un bateau"),
    "scaffolding": (KNOW_HOW, "Monter et démonter un échafaudage"),
    "slinging": (KNOW_HOW, "Élinguer et guider une charge levée"),
    # Railway and public works
    "track_laying": (KNOW_HOW, "Poser et régler des rails, des traverses et des appareils de voie"),
    "track_survey": (KNOW_HOW, "Surveiller l'état de la voie et signaler les défauts"),
    "catenary": (KNOW_HOW, "Installer et entretenir des caténaires"),
    "signalling": (KNOW_HOW, "Intervenir sur les installations de signalisation ferroviaire"),
    "worksite_protection": (KNOW_HOW, "Assurer la protection d'un chantier sur les voies"),
    "train_routing": (
        KNOW_HOW,
        "Commander les aiguillages et autoriser la circulation des trains",
    ),
    "earthmover": (KNOW_HOW, "Conduire un engin de chantier (pelle, chargeuse, bouteur)"),
    "earthworks": (KNOW_HOW, "Réaliser des terrassements et des nivellements"),
    "site_management": (KNOW_HOW, "Organiser et suivre un chantier de travaux publics"),
    "site_budget": (KNOW_HOW, "Établir et suivre le budget d'un chantier"),
    # Mountain
    "ropeway_operation": (KNOW_HOW, "Conduire et surveiller une remontée mécanique"),
    "ropeway_maintenance": (KNOW_HOW, "Contrôler et entretenir une remontée mécanique"),
    "grooming": (KNOW_HOW, "Damer et entretenir les pistes"),
    "slope_safety": (
        KNOW_HOW,
        "Sécuriser un domaine skiable (balisage, déclenchement préventif d'avalanches)",
    ),
    "rescue": (KNOW_HOW, "Porter secours à une personne blessée et organiser son évacuation"),
    "lead_group": (KNOW_HOW, "Encadrer un groupe en milieu naturel"),
    "teach_sport": (KNOW_HOW, "Enseigner une activité sportive à des publics variés"),
    "route_planning": (KNOW_HOW, "Préparer un itinéraire selon les conditions du moment"),
    # Tourism, hotels, restaurants
    "welcome": (KNOW_HOW, "Accueillir et renseigner des visiteurs"),
    "destination_promotion": (
        KNOW_HOW,
        "Promouvoir une destination auprès des clientèles et des professionnels",
    ),
    "tour_design": (KNOW_HOW, "Concevoir un séjour ou un produit touristique"),
    "tour_sales": (KNOW_HOW, "Vendre une prestation touristique"),
    "front_desk": (KNOW_HOW, "Gérer les arrivées, les départs et les réservations des clients"),
    "housekeeping": (KNOW_HOW, "Préparer et nettoyer les chambres selon les standards"),
    "cooking": (KNOW_HOW, "Préparer des plats selon une fiche technique"),
    "menu": (KNOW_HOW, "Élaborer une carte ou un menu"),
    "table_service": (KNOW_HOW, "Servir en salle et conseiller les clients"),
    "hotel_management": (
        KNOW_HOW,
        "Piloter l'activité et le chiffre d'affaires d'un établissement",
    ),
    "events": (KNOW_HOW, "Organiser des événements et des animations"),
    # Agriculture and food
    "crop_management": (KNOW_HOW, "Conduire une culture du semis à la récolte"),
    "soil_analysis": (KNOW_HOW, "Interpréter une analyse de sol et préconiser une fertilisation"),
    "farm_advice": (KNOW_HOW, "Conseiller des agriculteurs sur leurs pratiques"),
    "field_trials": (KNOW_HOW, "Mettre en place et suivre des essais au champ"),
    "tractor": (KNOW_HOW, "Conduire un tracteur et des outils attelés"),
    "farm_machine_setup": (KNOW_HOW, "Régler un matériel agricole avant un chantier"),
    "vineyard": (KNOW_HOW, "Conduire un vignoble (taille, palissage, vendanges)"),
    "winemaking": (KNOW_HOW, "Suivre la vinification et l'élevage des vins"),
    "farm_management": (KNOW_HOW, "Gérer une exploitation agricole"),
    "food_line": (KNOW_HOW, "Conduire une ligne de fabrication alimentaire"),
    "traceability": (KNOW_HOW, "Appliquer les règles d'hygiène et de traçabilité des produits"),
    "packaging_line": (KNOW_HOW, "Conduire une ligne de conditionnement"),
    "cleaning_in_place": (KNOW_HOW, "Nettoyer et désinfecter une installation de production"),
    # Health, pharmacy, chemistry
    "documented_work": (
        KNOW_HOW,
        "Fabriquer selon des procédures écrites en documentant chaque étape",
    ),
    "pharma_process": (KNOW_HOW, "Conduire un procédé de fabrication pharmaceutique"),
    "lab_analysis": (KNOW_HOW, "Réaliser des analyses physico-chimiques ou microbiologiques"),
    "validation": (KNOW_HOW, "Qualifier des équipements et valider des procédés"),
    "regulatory_file": (KNOW_HOW, "Constituer un dossier réglementaire"),
    "clinical_monitoring": (KNOW_HOW, "Suivre un essai clinique dans les centres investigateurs"),
    "omics": (KNOW_HOW, "Analyser des données génomiques ou biologiques"),
    "cell_culture": (KNOW_HOW, "Réaliser des cultures cellulaires"),
    "chemical_unit": (KNOW_HOW, "Conduire une unité de fabrication chimique"),
    "formulation": (KNOW_HOW, "Mettre au point une synthèse ou une formulation"),
    "sampling": (KNOW_HOW, "Prélever des échantillons et assurer leur traçabilité"),
    # Digital
    "backend": (KNOW_HOW, "Développer les fonctions serveur d'une application"),
    "frontend": (KNOW_HOW, "Développer des interfaces web"),
    "code_quality": (KNOW_HOW, "Relire du code et écrire des tests automatisés"),
    "api_design": (KNOW_HOW, "Concevoir et documenter une interface de programmation (API)"),
    "data_pipeline": (KNOW_HOW, "Construire des chaînes de collecte et de traitement de données"),
    "model_training": (KNOW_HOW, "Entraîner et évaluer un modèle d'apprentissage automatique"),
    "ci_cd": (KNOW_HOW, "Automatiser l'intégration et le déploiement continus"),
    "infra_as_code": (KNOW_HOW, "Décrire une infrastructure sous forme de code"),
    "cloud_architecture": (KNOW_HOW, "Concevoir une architecture hébergée dans le nuage"),
    "security_audit": (KNOW_HOW, "Auditer la sécurité d'un système et proposer des mesures"),
    "incident_response": (KNOW_HOW, "Détecter et traiter un incident de sécurité"),
    "firmware": (KNOW_HOW, "Développer un logiciel embarqué sur microcontrôleur"),
    "software_testing": (KNOW_HOW, "Concevoir et exécuter des campagnes de tests logiciels"),
    "backlog": (KNOW_HOW, "Rédiger et prioriser les besoins des utilisateurs"),
    "user_research": (KNOW_HOW, "Mener des entretiens et des tests auprès des utilisateurs"),
    "ui_prototype": (KNOW_HOW, "Maquetter et prototyper une interface"),
    "gameplay": (KNOW_HOW, "Programmer des mécaniques de jeu"),
    "community": (KNOW_HOW, "Animer une communauté sur les réseaux sociaux"),
    "content": (KNOW_HOW, "Créer des contenus éditoriaux et visuels"),
    # Sales, purchasing, human resources
    "prospecting": (KNOW_HOW, "Prospecter de nouveaux clients"),
    "negotiation": (KNOW_HOW, "Négocier les conditions d'un contrat"),
    "technical_sales": (KNOW_HOW, "Présenter une solution technique à un client"),
    "purchasing": (KNOW_HOW, "Consulter des fournisseurs et négocier des achats"),
    "supplier_rating": (KNOW_HOW, "Évaluer et suivre la performance des fournisseurs"),
    "recruiting": (KNOW_HOW, "Conduire un recrutement de la définition du poste à l'intégration"),
    "job_ad": (KNOW_HOW, "Rédiger une offre d'emploi attractive"),
    "marketing_plan": (KNOW_HOW, "Élaborer un plan marketing"),
    "market_analysis": (KNOW_HOW, "Analyser un marché et la concurrence"),
    "retail": (KNOW_HOW, "Conseiller et vendre en magasin"),
    "merchandising": (KNOW_HOW, "Mettre en valeur les produits en magasin"),
}


class StarterOccupation(NamedTuple):
    code: str
    label: str
    # Other real ROME job titles; the occupation's label is the principal one.
    titles: tuple = ()
    # Space-separated keys of SKILLS.
    core: str = ""
    other: str = ""


Occ = StarterOccupation

OCCUPATIONS = [
    # Mechanics, metalwork, welding
    Occ(
        "H2901",
        "Ajusteur-monteur / Ajusteuse-monteuse",
        (
            "Ajusteur-monteur / Ajusteuse-monteuse aéronautique",
            "Mécanicien / Mécanicienne de précision",
            "Monteur régleur / Monteuse régleuse de fabrication en instruments d'optique",
        ),
        core="fitting assemble torque measure_parts k_drawings",
        other="fasteners optical_alignment k_tolerances dexterity rigour",
    ),
    Occ(
        "H2902",
        "Chaudronnier / Chaudronnière",
        (
            "Chaudronnier / Chaudronnière aéronautique",
            "Chaudronnier soudeur / Chaudronnière soudeuse",
            "Chaudronnier-tôlier / Chaudronnière-tôlière",
        ),
        core="sheet_layout sheet_cutting sheet_forming tack k_drawings",
        other="weld_mig weld_tig steelwork k_metals rigour",
    ),
    Occ(
        "H2903",
        "Tourneur-fraiseur / Tourneuse-fraiseuse",
        ("Fraiseur / Fraiseuse", "Décolleteur / Décolleteuse", "Aléseur / Aléseuse"),
        core="machine_setup cnc_turning cnc_milling cutting_tools measure_parts k_iso_code",
        other="cnc_program first_part k_cam k_drawings k_metrology rigour",
    ),
    Occ(
        "H2904",
        "Forgeron industriel / Forgeronne industrielle",
        (
            "Compagnon / Compagnonne forge industrielle",
            "Conducteur / Conductrice d'équipements de formage",
        ),
        core="forge furnace k_foundry k_metals",
        other="heat_treat safety_mind outdoor",
    ),
    Occ(
        "H2906",
        "Opérateur / Opératrice en fabrication mécanique",
        (
            "Conducteur / Conductrice d'installation robotisée",
            "Agent / Agente d'équipement automatisé de fabrication mécanique",
        ),
        core="automated_line changeover inprocess_check",
        other="robot measure_parts teamwork adaptability",
    ),
    Occ(
        "H2907",
        "Fondeur / Fondeuse en métallurgie",
        (
            "Conducteur / Conductrice de four de fusion en fonderie",
            "Chef / Cheffe d'équipe à la fusion en fonderie",
        ),
        core="cast furnace k_foundry",
        other="k_metals sampling safety_mind",
    ),
    Occ(
        "H2909",
        "Assembleur monteur / Assembleuse monteuse",
        (
            "Monteur / Monteuse d'assemblage mécanique de précision",
            "Agent / Agente de montage-assemblage mécanique",
        ),
        core="assemble torque fasteners k_drawings",
        other="inprocess_check dexterity teamwork",
    ),
    Occ(
        "H2911",
        "Métallier / Métallière",
        (
            "Charpentier / Charpentière métallique en construction navale",
            "Charpentier industriel / Charpentière industrielle en structures métalliques",
            "Assembleur / Assembleuse en construction et réparation navale",
        ),
        core="steelwork sheet_cutting tack weld_mig k_drawings",
        other="erect_steel k_shipbuilding k_metals",
    ),
    Occ(
        "H2912",
        "Régleur / Régleuse d'équipements industriels",
        (
            "Régleur / Régleuse de machine-outil",
            "Régleur / Régleuse d'équipement de production",
        ),
        core="machine_setup changeover first_part diagnose",
        other="measure_parts production_kpi transmission",
    ),
    Occ(
        "H2913",
        "Soudeur / Soudeuse",
        (
            "Soudeur / Soudeuse à l'arc électrique",
            "Soudeur / Soudeuse aéronautique",
            "Soudeur / Soudeuse à l'électrode enrobée",
            "Soudeur-braseur / Soudeuse-braseuse",
        ),
        core="weld_mig weld_stick weld_prep weld_check k_welding",
        other="weld_positions tack k_welding_standards k_drawings safety_mind",
    ),
    Occ(
        "H2914",
        "Tuyauteur / Tuyauteuse",
        (
            "Tuyauteur / Tuyauteuse en construction navale",
            "Tuyauteur industriel / Tuyauteuse industrielle",
            "Tuyauteur / Tuyauteuse sur acier inox",
        ),
        core="pipe_fit pipe_bend pressure_test k_drawings",
        other="weld_tig tack k_shipbuilding work_at_height",
    ),
    Occ(
        "H2916",
        "Soudeur / Soudeuse Tungsten Inert Gas -TIG-",
        core="weld_tig weld_prep weld_check weld_positions k_welding",
        other="k_welding_standards k_metals dexterity rigour",
    ),
    # Plastics, composites, surface treatment
    Occ(
        "H3201",
        "Plasturgiste",
        (
            "Conducteur / Conductrice de presses à injecter en caoutchouc et matières plastiques",
            "Extrudeur / Extrudeuse en caoutchouc et matières plastiques",
            "Formeur / Formeuse en thermoplastiques",
        ),
        core="injection extrusion inprocess_check k_polymers",
        other="changeover k_biomaterials teamwork",
    ),
    Occ(
        "H3202",
        "Monteur régleur / Monteuse régleuse en plasturgie",
        (
            "Monteur-régleur / Monteuse-régleuse en injection",
            "Régleur / Régleuse de machines de transformation des matières plastiques",
        ),
        core="mould_setup injection changeover k_polymers",
        other="diagnose first_part responsibility",
    ),
    Occ(
        "H3203",
        "Mouleur-stratifieur / Mouleuse-stratifieuse",
        (
            "Stratifieur / Stratifieuse",
            "Drapeur / Drapeuse",
            "Opérateur / Opératrice en matériaux composites",
            "Modeleur sculpteur / Modeleuse sculptrice en matériaux de synthèse",
        ),
        core="layup resin infusion mould_prep trim k_composites",
        other="gelcoat foam_shaping k_biomaterials dexterity rigour",
    ),
    Occ(
        "H3401",
        "Opérateur / Opératrice de traitement d'abrasion de surface",
        (
            "Polisseur / Polisseuse sur verre",
            "Polisseur industriel / Polisseuse industrielle",
            "Sableur industriel / Sableuse industrielle",
        ),
        core="finishing blasting inprocess_check",
        other="optical_polishing k_surface_treatment dexterity",
    ),
    Occ(
        "H3402",
        "Agent / Agente de traitement de surface",
        (
            "Conducteur / Conductrice d'installation de traitement de surface",
            "Anodiseur industriel / Anodiseuse industrielle",
        ),
        core="plating sampling k_surface_treatment k_chemistry",
        other="environment_followup safety_mind",
    ),
    Occ(
        "H3403",
        "Opérateur / Opératrice de traitement thermique",
        (
            "Conducteur / Conductrice de four de traitement thermique",
            "Cémenteur-trempeur / Cémenteuse-trempeuse de métaux",
        ),
        core="heat_treat furnace k_heat_treatment",
        other="k_metals material_testing rigour",
    ),
    Occ(
        "H3404",
        "Peintre industriel / Peintre industrielle",
        (
            "Peintre aéronautique",
            "Peintre en construction navale",
            "Opérateur / Opératrice en poudrage électrostatique",
        ),
        core="spray_paint blasting coating_check k_surface_treatment",
        other="gelcoat safety_mind rigour",
    ),
    # Design office, methods, quality, management
    Occ(
        "H1203",
        "Dessinateur-projeteur / Dessinatrice-projeteuse en mécanique",
        (
            "Dessinateur-projeteur / Dessinatrice-projeteuse en construction navale",
            "Dessinateur-projeteur / Dessinatrice-projeteuse en construction aéronautique",
            "Dessinateur / Dessinatrice en chaudronnerie",
        ),
        core="model_3d drafting bill_of_materials k_cad k_tolerances",
        other="sizing k_shipbuilding k_metals analysis",
    ),
    Occ(
        "H1206",
        "Ingénieur / Ingénieure R&D en industrie",
        (
            "Ingénieur / Ingénieure architecture navale",
            "Ingénieur / Ingénieure chimiste en industrie",
            "Ingénieur / Ingénieure en aéronautique en industrie",
            "Développeur / Développeuse matériaux et procédés en industrie",
        ),
        core="prototype test_plan tech_watch specification project_lead",
        other="sizing k_composites k_green_chemistry k_optics k_english curiosity",
    ),
    Occ(
        "H1210",
        "Technicien / Technicienne R&D",
        (
            "Technicien / Technicienne en développement systèmes laser",
            "Technicien / Technicienne en matériaux en recherche-développement",
            "Technicien / Technicienne chimiste en recherche-développement",
        ),
        core="experiment test_bench test_report material_testing",
        other="laser_setup optical_alignment k_lasers k_chemistry curiosity rigour",
    ),
    Occ(
        "H1235",
        "Technicien / Technicienne en conception industrielle en mécanique",
        (
            "Technicien / Technicienne de bureau d'études en conception industrielle en mécanique",
            "Calculateur / Calculatrice études en mécanique",
        ),
        core="model_3d drafting sizing k_cad",
        other="prototype specification k_tolerances",
    ),
    Occ(
        "H1237",
        "Ingénieur / Ingénieure énergies renouvelables",
        (
            "Ingénieur / Ingénieure en énergies renouvelables en mer",
            "Ingénieur / Ingénieure énergies renouvelables océaniques",
        ),
        core="project_lead specification sizing k_renewables",
        other="k_offshore k_environment k_english",
    ),
    Occ(
        "H1102",
        "Ingénieur / Ingénieure d'affaires en industrie",
        (
            "Chargé / Chargée d'affaires en industrie",
            (
                "Ingénieur technico-commercial / Ingénieure "
                "technico-commerciale en affaires industrielles"
            ),
        ),
        core="client_needs quote negotiation project_lead",
        other="technical_sales k_project k_english persuasion relational",
    ),
    Occ(
        "H1303",
        "Technicien / Technicienne en Hygiène, Sécurité, Environnement industriel (HSE)",
        (
            "Technicien / Technicienne en environnement industriel",
            "Conseiller / Conseillère sécurité environnement",
        ),
        core="risk_assessment safety_briefing incident_analysis k_prevention",
        other="environment_followup k_environment k_iso_management persuasion",
    ),
    Occ(
        "H1401",
        "Responsable ordonnancement-lancement-planification en industrie",
        (
            "Planificateur / Planificatrice de production industrielle",
            "Responsable planification en industrie",
        ),
        core="production_planning supply k_erp",
        other="production_kpi k_office organisation",
    ),
    Occ(
        "H1402",
        "Ingénieur / Ingénieure méthodes et process",
        (
            "Ingénieur / Ingénieure industrialisation",
            "Responsable méthodes-industrialisation",
        ),
        core="industrialise routing costing workshop_layout k_lean",
        other="improvement project_lead k_cad analysis",
    ),
    Occ(
        "H1404",
        "Technicien / Technicienne méthodes",
        (
            "Technicien / Technicienne méthodes-industrialisation",
            "Préparateur / Préparatrice méthodes en construction navale",
            "Technicien / Technicienne industrialisation",
        ),
        core="routing costing k_drawings",
        other="industrialise improvement k_erp k_lean",
    ),
    Occ(
        "H1502",
        "Responsable qualité en industrie",
        ("Responsable qualité", "Responsable contrôle qualité en industrie"),
        core="quality_system audit nonconformity k_iso_management",
        other="k_aero_quality k_gmp supplier_rating leadership persuasion",
    ),
    Occ(
        "H1506",
        "Contrôleur / Contrôleuse technique en métallurgie",
        (
            "Contrôleur / Contrôleuse de fabrication mécanique",
            "Contrôleur / Contrôleuse assemblage aéronautique",
            (
                "Contrôleur / Contrôleuse en métrologie dimensionnelle en "
                "mécanique et travail des métaux"
            ),
        ),
        core="measure_parts inprocess_check nonconformity k_metrology",
        other="k_tolerances k_aero_quality rigour",
    ),
    Occ(
        "H1516",
        "Expert / Experte métrologue",
        core="calibration measure_parts k_metrology",
        other="k_tolerances audit rigour",
    ),
    Occ(
        "H1522",
        "Technicien / Technicienne en contrôles et essais non destructifs (CND END)",
        (
            "Technicien / Technicienne de contrôle non destructif (CND)",
            "Technicien / Technicienne en CND END ultrasons",
            "Technicien / Technicienne en CND END ressuage",
        ),
        core="ndt_ultrasound ndt_surface k_ndt",
        other="weld_check k_welding_standards work_at_height rigour",
    ),
    Occ(
        "H1528",
        "Technicien / Technicienne qualité en industrie",
        (
            "Technicien / Technicienne contrôle qualité en industrie",
            "Assistant / Assistante qualité en industrie",
        ),
        core="inprocess_check nonconformity k_spc",
        other="audit k_iso_management k_office rigour",
    ),
    Occ(
        "H1503",
        "Technicien / Technicienne de laboratoire d'analyse industrielle",
        (
            "Chimiste en laboratoire d'analyse industrielle",
            "Laborantin / Laborantine de l'industrie",
            "Analyste physicochimiste en industrie",
        ),
        core="lab_analysis sampling k_chemistry",
        other="k_microbiology calibration rigour",
    ),
    Occ(
        "H2502",
        "Responsable d'unité de production industrielle",
        (
            "Chef / Cheffe de ligne de production",
            "Ingénieur / Ingénieure aéronautique de production",
        ),
        core="production_kpi budget lead_team improvement",
        other="production_planning k_lean k_iso_management leadership",
    ),
    Occ(
        "H2504",
        "Chef / Cheffe d'équipe en industrie",
        (
            "Chef / Cheffe d'équipe de production en industrie de transformation",
            "Chef / Cheffe d'atelier en industrie plastique caoutchouc",
        ),
        core="lead_team shifts production_kpi",
        other="onboarding safety_briefing leadership",
    ),
    # Electrical, electronics, glass
    Occ(
        "H2602",
        "Câbleur / Câbleuse d'armoires",
        (
            "Câbleur électricien / Câbleuse électricienne en aéronautique",
            "Monteur-câbleur / Monteuse-câbleuse d'armoires",
        ),
        core="panel_wiring harness k_electrotech",
        other="k_electrical_clearance dexterity",
    ),
    Occ(
        "H2605",
        "Monteur-câbleur / Monteuse-câbleuse en électronique",
        (
            "Câbleur / Câbleuse de cartes de circuits imprimés",
            "Monteur-câbleur / Monteuse-câbleuse en microélectronique",
        ),
        core="pcb_soldering electronic_test k_electronics",
        other="k_cleanroom dexterity rigour",
    ),
    Occ(
        "H2805",
        "Technicien / Technicienne de l'industrie du verre",
        (
            "Conducteur / Conductrice de four verrier",
            "Technicien / Technicienne en production ou transformation de verre",
        ),
        core="glass_forming furnace k_glass",
        other="inprocess_check optical_polishing",
    ),
    # Maintenance
    Occ(
        "I1304",
        "Technicien / Technicienne de maintenance industrielle",
        (
            "Technicien / Technicienne de maintenance industrielle polyvalente",
            "Electromécanicien / Electromécanicienne de maintenance industrielle",
            "Agent / Agente de maintenance industrielle",
        ),
        core="diagnose preventive electrical_work plc_fix k_plc",
        other="fluid_repair cmms k_electrical_clearance k_fluid_power reactivity",
    ),
    Occ(
        "I1310",
        "Mécanicien / Mécanicienne de maintenance industrielle",
        (
            "Mécanicien / Mécanicienne d'entretien industriel",
            "Mécanicien / Mécanicienne sur machines industrielles",
        ),
        core="mech_repair preventive diagnose k_fluid_power",
        other="fitting cmms reactivity",
    ),
    Occ(
        "I1335",
        "Electromécanicien / Electromécanicienne d'équipements industriels",
        (
            "Electromécanicien / Electromécanicienne de fabrication industrielle",
            "Electromécanicien / Electromécanicienne en machines tournantes",
        ),
        core="electrical_work mech_repair commissioning k_electrotech",
        other="diagnose k_electrical_clearance",
    ),
    Occ(
        "I1602",
        "Mécanicien / Mécanicienne avion",
        (
            "Mécanicien / Mécanicienne aéronautique",
            "Technicien / Technicienne de maintenance aéronautique",
            "Technicien / Technicienne aérostructure",
        ),
        core="aircraft_maintenance airworthiness_records k_aero_maintenance",
        other="fasteners torque k_english rigour responsibility",
    ),
    Occ(
        "I1605",
        "Mécanicien / Mécanicienne en mécanique marine ou navale",
        (
            "Mécanicien / Mécanicienne de bateaux",
            "Motoriste de marine",
            "Mécanicien / Mécanicienne de bateaux de plaisance",
        ),
        core="marine_engine diagnose k_marine_engines",
        other="fluid_repair electrical_work autonomy",
    ),
    Occ(
        "I1601",
        "Préparateur / Préparatrice de bateau",
        (
            "Accastilleur-gréeur / Accastilleuse-gréeuse",
            "Technicien / Technicienne de maintenance du nautisme",
            "Gréeur / Gréeuse voilier",
        ),
        core="boat_prep rigging_boats",
        other="gelcoat marine_engine outdoor",
    ),
    Occ(
        "I1321",
        "Technicien / Technicienne de maintenance d'éoliennes",
        (
            "Technicien / Technicienne en éoliennes offshore",
            "Technicien / Technicienne de maintenance de parcs éoliens",
        ),
        core="wind_turbine work_at_height preventive diagnose k_renewables",
        other="k_offshore k_electrical_clearance rope_access outdoor safety_mind",
    ),
    Occ(
        "I1323",
        "Technicien / Technicienne de maintenance ferroviaire",
        (
            "Technicien / Technicienne de maintenance des trains",
            "Mécanicien / Mécanicienne de maintenance de matériel ferroviaire",
        ),
        core="rolling_stock diagnose preventive k_rail_safety",
        other="electrical_work cmms rigour",
    ),
    Occ(
        "I1305",
        "Technicien / Technicienne installation et maintenance électronique",
        (
            "Electronicien / Electronicienne de maintenance",
            "Electronicien / Electronicienne d'équipements embarqués",
        ),
        core="electronic_repair electronic_test k_electronics",
        other="laser_setup k_lasers analysis",
    ),
    Occ(
        "I1327",
        "Technicien / Technicienne de maintenance en matériel biomédical",
        ("Technicien / Technicienne de maintenance en matériel médical",),
        core="biomedical electronic_repair k_medical_devices",
        other="customer_care rigour",
    ),
    Occ(
        "I1331",
        "Nivoculteur / Nivocultrice",
        ("Technicien / Technicienne de neige de culture",),
        core="snowmaking k_snow",
        other="k_mountain outdoor",
    ),
    Occ(
        "I1606",
        "Carrossier-peintre / Carrossière-peintre",
        (
            "Carrossier / Carrossière en véhicules industriels",
            "Carrossier / Carrossière poids lourds",
            "Carrossier-tôlier / Carrossière-tôlière",
        ),
        core="bodywork body_paint weld_mig",
        other="sheet_forming customer_care dexterity",
    ),
    Occ(
        "I1501",
        "Cordiste",
        (
            "Technicien / Technicienne cordiste",
            "Technicien / Technicienne de travaux d'accès difficile",
        ),
        core="rope_access work_at_height",
        other="wind_turbine ndt_surface safety_mind outdoor",
    ),
    # Naval and construction sites
    Occ(
        "F1504",
        "Charpentier / Charpentière de marine",
        (
            "Charpentier / Charpentière bois en construction navale",
            "Charpentier naval / Charpentière navale sur ossature bois",
        ),
        core="wooden_hull boat_joinery k_wood k_shipbuilding",
        other="layup k_drawings dexterity",
    ),
    Occ(
        "F1505",
        "Echafaudeur / Echafaudeuse",
        (
            "Echafaudeur / Echafaudeuse en construction navale",
            "Monteur-échafaudeur / Monteuse-échafaudeuse",
        ),
        core="scaffolding work_at_height",
        other="slinging teamwork safety_mind",
    ),
    Occ(
        "F1502",
        "Monteur / Monteuse en structures métalliques",
        ("Monteur / Monteuse en charpente métallique", "Monteur-levageur / Monteuse-levageuse"),
        core="erect_steel slinging work_at_height k_rigging",
        other="torque k_drawings outdoor",
    ),
    Occ(
        "H2213",
        "Menuisier / Menuisière en construction nautique",
        ("Menuisier / Menuisière de bord", "Fabricant / Fabricante de bateaux"),
        core="boat_joinery k_wood",
        other="wooden_hull layup dexterity",
    ),
    Occ(
        "F1711",
        "Poseur / Poseuse de voies ferrées",
        (
            "Ouvrier poseur / Ouvrière poseuse de voies ferrées",
            "Agent / Agente d'entretien de la voie ferrée",
        ),
        core="track_laying track_survey k_track k_rail_safety",
        other="worksite_protection teamwork outdoor",
    ),
    Occ(
        "F1629",
        "Electricien / Electricienne ferroviaire",
        (
            "Caténairiste",
            "Technicien / Technicienne de la caténaire",
            "Technicien / Technicienne de maintenance signalisation",
        ),
        core="catenary signalling k_traction_power k_rail_safety",
        other="work_at_height k_electrical_clearance outdoor",
    ),
    Occ(
        "F1302",
        "Conducteur / Conductrice d'engins de chantier",
        (
            "Conducteur / Conductrice d'engins de travaux publics",
            "Conducteur / Conductrice de chargeuse pelleteuse",
        ),
        core="earthmover earthworks k_public_works",
        other="worksite_protection safety_mind outdoor",
    ),
    Occ(
        "F1303",
        "Conducteur / Conductrice d'engin de damage",
        ("Conducteur / Conductrice de dameuse",),
        core="grooming k_snow",
        other="snowmaking k_mountain autonomy",
    ),
    Occ(
        "F1208",
        "Conducteur / Conductrice de travaux publics",
        (
            "Conducteur / Conductrice de travaux génie civil",
            "Conducteur / Conductrice de travaux Voirie, Réseaux Divers (VRD)",
        ),
        core="site_management site_budget k_public_works",
        other="k_rail_safety k_project negotiation leadership",
    ),
    Occ(
        "N4401",
        "Aiguilleur / Aiguilleure du rail",
        (
            "Opérateur / Opératrice de circulation du réseau ferroviaire",
            "Régulateur / Régulatrice du réseau ferré",
        ),
        core="train_routing k_rail_safety",
        other="composure rigour",
    ),
    # Mountain
    Occ(
        "N4402",
        "Conducteur / Conductrice de remontées mécaniques",
        (
            "Conducteur / Conductrice de télésiège",
            "Agent / Agente d'exploitation des remontées mécaniques",
            "Technicien / Technicienne d'exploitation et de maintenance de remontées mécaniques",
        ),
        core="ropeway_operation ropeway_maintenance k_ropeways",
        other="customer_care outdoor safety_mind",
    ),
    Occ(
        "K1726",
        "Pisteur / Pisteuse secouriste",
        ("Maître-chien / Maîtresse-chien d'avalanche",),
        core="slope_safety rescue k_snow k_first_aid",
        other="k_mountain composure outdoor",
    ),
    Occ(
        "G1228",
        "Guide de haute montagne",
        core="lead_group route_planning k_mountain k_snow",
        other="rescue k_first_aid k_english composure",
    ),
    Occ(
        "G1204",
        "Educateur sportif / Educatrice sportive",
        (
            "Moniteur / Monitrice de ski alpin",
            "Moniteur / Monitrice de voile",
            "Moniteur / Monitrice de sport",
        ),
        core="teach_sport lead_group k_first_aid",
        other="k_board_sports k_mountain transmission",
    ),
    # Tourism, hotels, restaurants
    Occ(
        "G1101",
        "Agent / Agente d'accueil touristique",
        (
            "Conseiller / Conseillère en séjour touristique",
            "Chargé / Chargée d'accueil touristique",
        ),
        core="welcome k_tourism",
        other="tour_sales k_english k_spanish customer_care",
    ),
    Occ(
        "G1102",
        "Chargé / Chargée de promotion touristique",
        ("Chargé / Chargée de mission tourisme", "Chef / Cheffe de projet tourisme"),
        core="destination_promotion events k_tourism",
        other="community content k_marketing relational",
    ),
    Occ(
        "G1301",
        "Concepteur / Conceptrice de produits touristiques",
        (
            "Concepteur / Conceptrice de produits d'écotourisme",
            "Forfaitiste",
        ),
        core="tour_design tour_sales k_tourism",
        other="negotiation market_analysis creativity",
    ),
    Occ(
        "G1411",
        "Directeur / Directrice d'hôtel",
        ("Gérant / Gérante d'hôtel", "Hôtelier / Hôtelière"),
        core="hotel_management budget lead_team",
        other="recruiting k_booking k_english leadership",
    ),
    Occ(
        "G1703",
        "Réceptionniste",
        ("Réceptionniste en hôtellerie", "Réceptionniste de camping", "Night auditor"),
        core="front_desk welcome k_booking",
        other="k_english k_spanish customer_care adaptability",
    ),
    Occ(
        "G1501",
        "Employé / Employée d'étage",
        ("Valet / Femme de chambre", "Employé / Employée d'étage en hôtellerie"),
        core="housekeeping k_hygiene_rooms",
        other="organisation rigour",
    ),
    Occ(
        "G1609",
        "Cuisinier / Cuisinière",
        ("Chef / Cheffe de partie", "Second / Seconde de cuisine"),
        core="cooking k_cooking k_food_safety",
        other="menu teamwork reactivity",
    ),
    Occ(
        "G1803",
        "Serveur / Serveuse en restauration",
        ("Serveur / Serveuse", "Commis / Commise de salle"),
        core="table_service welcome",
        other="k_english customer_care",
    ),
    # Agriculture and food
    Occ(
        "A1416",
        "Exploitant / Exploitante agricole",
        (
            "Agriculteur / Agricultrice",
            "Exploitant / Exploitante agricole en grandes cultures",
            "Céréalier / Céréalière",
        ),
        core="farm_management crop_management k_agronomy",
        other="tractor k_crop_protection fibre_prep autonomy",
    ),
    Occ(
        "A1302",
        "Technicien / Technicienne agricole",
        ("Agent / Agente technique agricole", "Contrôleur / Contrôleuse de culture"),
        core="field_trials sampling k_agronomy",
        other="farm_advice k_crop_protection",
    ),
    Occ(
        "A1303",
        "Ingénieur / Ingénieure d'études et de recherche agricoles",
        (
            "Ingénieur / Ingénieure agronome",
            "Agronome",
            "Expérimentateur / Expérimentatrice en agriculture",
        ),
        core="field_trials test_report k_agronomy",
        other="tech_watch project_lead k_green_chemistry curiosity",
    ),
    Occ(
        "A1304",
        "Conseiller / Conseillère technique agricole",
        ("Conseiller / Conseillère agricole", "Conseiller / Conseillère viticole"),
        core="farm_advice soil_analysis k_agronomy k_crop_protection",
        other="relational persuasion",
    ),
    Occ(
        "A1101",
        "Conducteur / Conductrice d'engins agricoles",
        ("Conducteur / Conductrice de tracteur", "Tractoriste agricole"),
        core="tractor farm_machine_setup k_farm_machinery",
        other="mech_repair outdoor",
    ),
    Occ(
        "A1418",
        "Viticulteur / Viticultrice",
        ("Ouvrier viticole / Ouvrière viticole", "Tailleur / Tailleuse de vigne"),
        core="vineyard winemaking k_vine",
        other="tractor k_crop_protection outdoor",
    ),
    Occ(
        "H2102",
        "Conducteur / Conductrice de ligne en industrie alimentaire",
        (
            "Conducteur / Conductrice de ligne automatisée en industrie alimentaire",
            "Conducteur / Conductrice de machines en industrie alimentaire",
        ),
        core="food_line traceability changeover k_food_safety",
        other="cleaning_in_place diagnose reactivity",
    ),
    Occ(
        "H2105",
        "Agent / Agente de production en industrie alimentaire",
        (
            "Agent / Agente de fabrication dans l'agroalimentaire",
            "Opérateur / Opératrice de production en industrie alimentaire",
        ),
        core="food_line traceability k_food_safety",
        other="cleaning_in_place teamwork",
    ),
    Occ(
        "H2506",
        "Chef / Cheffe de production en industrie agroalimentaire",
        (
            "Chef / Cheffe d'atelier en industrie alimentaire",
            "Chef / Cheffe d'équipe en industrie alimentaire",
        ),
        core="lead_team production_kpi production_planning k_food_safety",
        other="improvement budget leadership",
    ),
    Occ(
        "H3301",
        "Conducteur / Conductrice de ligne de conditionnement",
        (
            "Conducteur / Conductrice de ligne d'emballage",
            "Conducteur / Conductrice de machines ou de ligne d'embouteillage",
        ),
        core="packaging_line changeover traceability",
        other="diagnose teamwork",
    ),
    # Textiles, design, retail
    Occ(
        "H2405",
        "Conducteur / Conductrice de ligne de production de textiles non-tissés",
        (
            "Conducteur / Conductrice de ligne de produits non-tissés",
            "Aiguilleteur / Aiguilleteuse",
        ),
        core="nonwoven fibre_prep k_biomaterials",
        other="changeover inprocess_check",
    ),
    Occ(
        "H2402",
        "Couturier industriel / Couturière industrielle de l'habillement",
        ("Opérateur / Opératrice en confection", "Couseur / Couseuse sur surjeteuse"),
        core="sewing textile_cutting k_textile",
        other="inprocess_check dexterity",
    ),
    Occ(
        "H1204",
        "Designer",
        (
            "Designer industriel / Designeuse industrielle",
            "Designer / Designeuse produit",
            "Shaper",
        ),
        core="product_design prototype k_design_tools creativity",
        other="foam_shaping model_3d k_board_sports k_composites",
    ),
    Occ(
        "D1211",
        "Vendeur / Vendeuse d'articles de sport et loisirs",
        (
            "Vendeur / Vendeuse en articles de sport",
            "Vendeur / Vendeuse en ski",
            "Skiman / Skiwoman",
        ),
        core="retail merchandising customer_care",
        other="k_board_sports k_sales",
    ),
    # Health, pharmacy, chemistry
    Occ(
        "H1211",
        "Attaché / Attachée de recherche clinique (ARC)",
        (
            "Attaché / Attachée de recherche clinique en industrie",
            "Chargé / Chargée de recherche clinique",
        ),
        core="clinical_monitoring k_clinical",
        other="test_report k_english rigour relational",
    ),
    Occ(
        "H1224",
        "Technicien / Technicienne de laboratoire de recherche-développement",
        (
            "Technicien / Technicienne de laboratoire de recherche",
            "Technicien / Technicienne biologiste en recherche-développement",
        ),
        core="experiment cell_culture k_biology",
        other="lab_analysis k_microbiology rigour",
    ),
    Occ(
        "H2302",
        "Conducteur / Conductrice de procédé de fabrication en industrie pharmaceutique",
        (
            "Technicien / Technicienne de production en industrie pharmaceutique",
            "Conducteur / Conductrice d'appareils de fabrication en industrie pharmaceutique",
        ),
        core="pharma_process documented_work k_gmp",
        other="k_cleanroom changeover rigour",
    ),
    Occ(
        "H2303",
        "Opérateur / Opératrice de fabrication en industrie pharmaceutique",
        (
            "Opérateur / Opératrice technique de production en industrie pharmaceutique",
            "Préparateur / Préparatrice de solides en industrie pharmaceutique",
        ),
        core="documented_work packaging_line k_gmp",
        other="k_cleanroom cleaning_in_place",
    ),
    Occ(
        "H1510",
        "Technicien / Technicienne de laboratoire de contrôle en industrie pharmaceutique",
        ("Analyste de laboratoire en industrie pharmaceutique",),
        core="lab_analysis documented_work k_gmp",
        other="k_microbiology calibration",
    ),
    Occ(
        "H1507",
        "Chargé / Chargée des affaires réglementaires",
        (
            "Chargé / Chargée d'affaires réglementaires en industrie de santé",
            "Ingénieur / Ingénieure affaires réglementaires",
            "Regulatory Affairs Officer",
        ),
        core="regulatory_file k_medical_devices k_gmp",
        other="tech_watch k_english analysis",
    ),
    Occ(
        "H1511",
        "Chargé / Chargée de validation-qualification en industrie pharmaceutique",
        core="validation documented_work k_gmp",
        other="test_plan k_cleanroom",
    ),
    Occ(
        "H1215",
        "Bioinformaticien / Bioinformaticienne en études, recherche et développement",
        core="omics k_bioinformatics k_programming",
        other="data_pipeline k_biology k_machine_learning",
    ),
    Occ(
        "K2402",
        "Ingénieur / Ingénieure de recherche scientifique",
        (
            "Biotechnologue",
            "Chimiste de la recherche scientifique",
            "Biologiste de la recherche scientifique",
        ),
        core="experiment test_plan tech_watch test_report",
        other="k_biology k_chemistry k_optics k_english curiosity perseverance",
    ),
    Occ(
        "H2301",
        "Conducteur / Conductrice de ligne en industrie chimique",
        (
            "Pilote d'installation des industries chimiques",
            "Conducteur / Conductrice d'appareils des industries chimiques",
        ),
        core="chemical_unit sampling k_chemistry",
        other="formulation k_green_chemistry k_environment safety_mind",
    ),
    # Digital
    Occ(
        "M1805",
        "Développeur / Développeuse informatique",
        (
            "Analyste-programmeur / Analyste-programmeuse informatique",
            "Programmeur / Programmeuse informatique",
        ),
        core="backend code_quality k_programming",
        other="k_sql k_agile",
    ),
    Occ(
        "M1861",
        "Développeur / Développeuse logiciel ou d'application",
        (
            "Développeur / Développeuse d'application",
            "Concepteur / Conceptrice logiciel informatique",
            (
                "Développeur / Développeuse de logiciel de simulation "
                "optique et réalité virtuelle (VR)"
            ),
        ),
        core="backend api_design code_quality k_programming",
        other="k_sql k_agile curiosity",
    ),
    Occ(
        "M1855",
        "Développeur / Développeuse web",
        (
            "Développeur / Développeuse front-end",
            "Développeur / Développeuse back-end",
            "Développeur / Développeuse full-stack",
        ),
        core="frontend backend k_web",
        other="api_design code_quality k_sql k_ux",
    ),
    Occ(
        "E1206",
        "UX - UI Designer",
        ("UX - user experience designer", "UI - user interface designer", "Web-ergonome"),
        core="user_research ui_prototype k_ux k_design_tools",
        other="frontend creativity",
    ),
    Occ(
        "M1831",
        "Développeur / Développeuse - jeux vidéo",
        ("Programmeur / Programmeuse gameplay", "Développeur / Développeuse gameplay"),
        core="gameplay k_game_engines k_programming",
        other="code_quality creativity",
    ),
    Occ(
        "M1864",
        "Product Owner",
        core="backlog user_research k_agile k_project",
        other="market_analysis persuasion",
    ),
    Occ(
        "M1811",
        "Data engineer",
        (
            "Ingénieur / Ingénieure données",
            "Ingénieur / Ingénieure big data",
            "Développeur / Développeuse data",
        ),
        core="data_pipeline k_sql k_programming k_cloud",
        other="k_machine_learning analysis",
    ),
    Occ(
        "M1889",
        "Ingénieur / Ingénieure en Intelligence Artificielle (IA)",
        (
            "Ingénieur / Ingénieure machine learning",
            "Développeur / Développeuse IA",
            "Ingénieur / Ingénieure en apprentissage automatique",
        ),
        core="model_training data_pipeline k_machine_learning k_programming",
        other="tech_watch curiosity",
    ),
    Occ(
        "M1827",
        "Ingénieur / Ingénieure DevOps",
        ("Spécialiste DevOps", "Architecte DevOps"),
        core="ci_cd infra_as_code k_containers k_cloud",
        other="incident_response k_security",
    ),
    Occ(
        "M1860",
        "Architecte cloud",
        core="cloud_architecture infra_as_code k_cloud",
        other="k_security k_containers analysis",
    ),
    Occ(
        "M1856",
        "Expert / Experte en cybersécurité",
        (
            "Expert / Experte en sécurité des systèmes d'information",
            "Expert / Experte sécurité informatique",
        ),
        core="security_audit incident_response k_security",
        other="tech_watch composure",
    ),
    Occ(
        "M1892",
        "Ingénieur / Ingénieure en informatique embarquée",
        ("Architecte systèmes embarqués",),
        core="firmware k_embedded k_electronics",
        other="software_testing test_bench rigour",
    ),
    Occ(
        "M1815",
        "Spécialiste test et validation logiciel ou application",
        core="software_testing test_plan",
        other="code_quality k_agile rigour",
    ),
    Occ(
        "E1101",
        "Community manager",
        ("Gestionnaire de communauté en ligne", "Animateur / Animatrice de communauté virtuelle"),
        core="community content k_social_media",
        other="k_marketing creativity reactivity",
    ),
    # Sales, purchasing, human resources, marketing
    Occ(
        "M1101",
        "Acheteur / Acheteuse",
        (
            "Acheteur industriel / Acheteuse industrielle",
            "Acheteur approvisionneur / Acheteuse approvisionneuse de l'industrie",
        ),
        core="purchasing supplier_rating k_purchasing",
        other="negotiation supply k_english",
    ),
    Occ(
        "D1407",
        "Technico-commercial / Technico-commerciale",
        (
            "Commercial / Commerciale technique",
            "Attaché technico-commercial / Attachée technico-commerciale",
        ),
        core="technical_sales prospecting client_needs k_sales",
        other="quote negotiation relational persuasion",
    ),
    Occ(
        "M1502",
        "Chargé / Chargée de recrutement",
        (
            "Chargé / Chargée des relations écoles",
            "Responsable recrutement",
            "Consultant / Consultante en recrutement",
        ),
        core="recruiting job_ad k_labour_law",
        other="onboarding k_social_media relational perseverance",
    ),
    Occ(
        "M1705",
        "Responsable marketing",
        ("Chargé / Chargée de projet marketing", "Chargé / Chargée de la marque employeur"),
        core="marketing_plan market_analysis k_marketing",
        other="content k_social_media creativity",
    ),
]

# Mobilities between starter occupations, written for the demo: from each
# occupation, the ones it leads to, most natural first.
MOBILITIES = {
    "H2901": "H2909 H2912 H1506",
    "H2902": "H2911 H2913 H2914",
    "H2903": "H2912 H2906 H1404",
    "H2904": "H2907 H3403",
    "H2906": "H2912 H2909",
    "H2907": "H2904 H3403",
    "H2909": "H2901 H2906",
    "H2911": "H2902 F1502",
    "H2912": "H2903 H2504",
    "H2913": "H2916 H2902 H2914",
    "H2914": "H2902 H2913",
    "H2916": "H2913 H1522",
    "H3201": "H3202 H3203",
    "H3202": "H3201 H2504",
    "H3203": "H3201 F1504 H1204",
    "H3401": "H3404 H3402",
    "H3402": "H3401 H3403",
    "H3403": "H3402 H2907",
    "H3404": "H3401 I1606",
    "H1203": "H1235 H1404",
    "H1206": "H1237 K2402 H1402",
    "H1210": "H1224 H1206",
    "H1235": "H1203 H1206",
    "H1237": "H1206 H1102",
    "H1102": "D1407 H1206",
    "H1303": "H1528",
    "H1401": "H1404 H2502",
    "H1402": "H1404 H2502 H1206",
    "H1404": "H1402 H1401 H1203",
    "H1502": "H1528 H2502",
    "H1506": "H1528 H1516 H1522",
    "H1516": "H1506",
    "H1522": "H1506 H1528",
    "H1528": "H1502 H1506",
    "H1503": "H1510 H1224",
    "H2502": "H1402 H2504",
    "H2504": "H2502",
    "H2602": "H2605 I1335",
    "H2605": "H2602 I1305",
    "H2805": "H3401",
    "I1304": "I1310 I1335",
    "I1310": "I1304 H2912",
    "I1335": "I1304 H2602",
    "I1602": "H2901 I1305",
    "I1605": "I1601 I1310",
    "I1601": "I1605 H2213",
    "I1321": "I1304 I1501",
    "I1323": "I1304 I1335",
    "I1305": "I1304 H2605",
    "I1327": "I1305",
    "I1331": "F1303 N4402",
    "I1606": "H3404",
    "I1501": "I1321 F1505",
    "F1504": "H2213 H3203",
    "F1505": "F1502 I1501",
    "F1502": "H2911 F1505",
    "H2213": "F1504",
    "F1711": "F1629 F1302",
    "F1629": "F1711",
    "F1302": "F1303 F1711",
    "F1303": "F1302 I1331",
    "F1208": "F1711",
    "N4401": "F1711",
    "N4402": "I1331 F1303",
    "K1726": "G1228 N4402",
    "G1228": "G1204",
    "G1204": "G1228 D1211",
    "G1101": "G1703 G1102",
    "G1102": "G1301 G1101",
    "G1301": "G1102",
    "G1411": "G1301",
    "G1703": "G1101 G1411",
    "G1501": "G1703",
    "G1609": "G1803",
    "G1803": "G1703 G1609",
    "A1416": "A1101 A1304",
    "A1302": "A1304 A1303",
    "A1303": "A1304 H1206",
    "A1304": "A1302 A1303",
    "A1101": "A1416",
    "A1418": "A1416 A1101",
    "H2102": "H2506 H2105",
    "H2105": "H2102 H3301",
    "H2506": "H2502",
    "H3301": "H2102 H2105",
    "H2405": "H3201",
    "H2402": "H2405",
    "H1204": "H1203 E1206",
    "D1211": "G1204",
    "H1211": "H1507",
    "H1224": "H1510 H1210",
    "H2302": "H2303 H1511",
    "H2303": "H2302",
    "H1510": "H1224 H1503",
    "H1507": "H1211",
    "H1511": "H1510",
    "H1215": "M1811",
    "K2402": "H1206",
    "H2301": "H3402 H2502",
    "M1805": "M1861 M1855",
    "M1861": "M1855 M1827 M1892",
    "M1855": "M1861 E1206",
    "E1206": "M1855 M1864",
    "M1831": "M1861",
    "M1864": "M1815",
    "M1811": "M1889 M1860",
    "M1889": "M1811",
    "M1827": "M1860 M1856",
    "M1860": "M1827",
    "M1856": "M1827",
    "M1892": "M1861",
    "M1815": "M1861 M1864",
    "E1101": "M1705",
    "M1101": "D1407",
    "D1407": "H1102 M1101",
    "M1502": "M1705",
    "M1705": "E1101",
}


@dataclass
class StarterResult:
    loaded: bool
    message: str
    changes: dict = field(default_factory=dict)


def gender_forms(label):
    """(masculine, feminine) of a ROME label « Soudeur / Soudeuse TIG »: the
    feminine is the part after the slash; the masculine is the part before,
    followed by what comes after the feminine words."""
    if " / " not in label:
        return label, label
    masculine, feminine = label.split(" / ", 1)
    rest = feminine.split()[len(masculine.split()) :]
    return " ".join([masculine, *rest]), feminine


def _sync(queryset, rows, key):
    """Make `queryset` hold `rows` ({key: {field: value}}): create what is
    missing, update fields that differ, leave other rows alone. `key(obj)`
    gives an existing object's key. Returns the objects by key and how many
    were created or updated."""
    model = queryset.model
    existing = {key(obj): obj for obj in queryset}
    missing, changed = [], []
    for row_key, values in rows.items():
        obj = existing.get(row_key)
        if obj is None:
            missing.append((row_key, model(**values)))
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    model.objects.bulk_create([obj for _, obj in missing])
    if changed:
        fields = sorted({name for values in rows.values() for name in values})
        model.objects.bulk_update(changed, fields)
    existing.update(missing)
    return existing, len(missing) + len(changed)


def load_starter():
    """Create or update the starter vocabulary; do nothing once a ROME
    publication is imported. Bulk writes (no signals): the revision token is
    bumped here when something changed."""
    with transaction.atomic():
        rome = Release.objects.filter(source=Release.Source.ROME).first()
        if rome is not None:
            return StarterResult(
                loaded=False,
                message=_(
                    "Le ROME est importé (version %(version)s) : "
                    "le vocabulaire de départ n'est pas chargé."
                )
                % {"version": rome.version},
            )
        changes = _load()
        release, created = Release.objects.get_or_create(
            source=Release.Source.STARTER, version=VERSION, defaults={"summary": changes}
        )
        if any(changes.values()):
            Revision.bump()
            if not created:
                release.summary = changes
                release.save(update_fields=["summary"])
    return StarterResult(
        loaded=True,
        message=_(
            "Vocabulaire de départ : %(occupations)d métiers ROME, %(skills)d compétences "
            "(%(changed)d éléments créés ou mis à jour)."
        )
        % {
            "occupations": len(OCCUPATIONS),
            "skills": len(SKILLS),
            "changed": sum(changes.values()),
        },
        changes=changes,
    )


def _load():
    changes = {}
    grand_domains, changes["grand_domains"] = _sync(
        GrandDomain.objects.filter(code__in=GRAND_DOMAINS),
        {code: {"code": code, "label": label} for code, label in GRAND_DOMAINS.items()},
        key=lambda obj: obj.code,
    )
    domains, changes["domains"] = _sync(
        Domain.objects.filter(code__in=DOMAINS),
        {
            code: {"code": code, "label": label, "grand_domain_id": grand_domains[code[0]].pk}
            for code, label in DOMAINS.items()
        },
        key=lambda obj: obj.code,
    )
    occupations, changes["occupations"] = _sync(
        Occupation.objects.filter(code__in=[o.code for o in OCCUPATIONS]),
        {
            o.code: {"code": o.code, "label": o.label, "domain_id": domains[o.code[:3]].pk}
            for o in OCCUPATIONS
        },
        key=lambda obj: obj.code,
    )
    skills, changes["skills"] = _sync(
        Skill.objects.filter(label__in=[label for _, label in SKILLS.values()]),
        {(kind, label): {"kind": kind, "label": label} for kind, label in SKILLS.values()},
        key=lambda obj: (obj.kind, obj.label),
    )
    occupation_ids = [occupation.pk for occupation in occupations.values()]
    _, changes["job_titles"] = _sync(
        JobTitle.objects.filter(occupation__in=occupation_ids),
        _job_titles(occupations),
        key=lambda obj: (obj.occupation_id, obj.label),
    )
    _, changes["skill_links"] = _sync(
        OccupationSkill.objects.filter(occupation__in=occupation_ids),
        _skill_links(occupations, skills),
        key=lambda obj: (obj.occupation_id, obj.skill_id),
    )
    _, changes["mobilities"] = _sync(
        Mobility.objects.filter(source__in=occupation_ids),
        _mobilities(occupations),
        key=lambda obj: (obj.source_id, obj.target_id),
    )
    return changes


def _job_titles(occupations):
    rows = {}
    for o in OCCUPATIONS:
        occupation_id = occupations[o.code].pk
        for position, label in enumerate((o.label, *o.titles)):
            masculine, feminine = gender_forms(label)
            rows[occupation_id, label] = {
                "occupation_id": occupation_id,
                "label": label,
                "short_label": label,
                "masculine": masculine,
                "feminine": feminine,
                "is_principal": position == 0,
            }
    return rows


def _skill_links(occupations, skills):
    rows = {}
    for o in OCCUPATIONS:
        occupation_id = occupations[o.code].pk
        for importance, keys in (
            (OccupationSkill.Importance.CORE, o.core),
            (OccupationSkill.Importance.OTHER, o.other),
        ):
            for skill_key in keys.split():
                skill_id = skills[SKILLS[skill_key]].pk
                rows[occupation_id, skill_id] = {
                    "occupation_id": occupation_id,
                    "skill_id": skill_id,
                    "importance": importance,
                }
    return rows


def _mobilities(occupations):
    rows = {}
    for source, targets in MOBILITIES.items():
        source_id = occupations[source].pk
        for order, target in enumerate(targets.split(), start=1):
            target_id = occupations[target].pk
            rows[source_id, target_id] = {
                "source_id": source_id,
                "target_id": target_id,
                "order": order,
            }
    return rows
