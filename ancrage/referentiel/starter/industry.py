"""Starter occupations of the industrial filières: mechanics, plastics and
composites, design offices and quality, electrics, maintenance. Codes,
labels and job titles are ROME 4.0 facts (version 60)."""

from ancrage.referentiel.starter.occupation import Occ

INDUSTRY = [
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
]
