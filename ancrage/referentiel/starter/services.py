"""Starter occupations of the other filières: naval and construction sites,
mountain, tourism, agriculture and food, textiles and retail, health and
chemistry, digital, support functions. Codes, labels and job titles are
ROME 4.0 facts (version 60)."""

from ancrage.referentiel.starter.occupation import Occ

SERVICES = [
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
