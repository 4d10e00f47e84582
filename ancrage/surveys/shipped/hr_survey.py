"""« Enquête RH annuelle »: the annual HR survey of a cluster's SMEs (the
Systematic Paris-Region model): HR problems, skills sought, open positions
still unfilled and hiring plans per occupation."""

from django.utils.translation import gettext_lazy as _

from ancrage.surveys.models import GpecFact, Kind
from ancrage.surveys.shipped._common import (
    REASON_CHOICES,
    choices,
    comments,
    count_column,
    difficulty_column,
    headcount,
    occupation_column,
    reason_column,
)

KEY = "enquete-rh-annuelle"
TITLE = _("Enquête RH annuelle")
DESCRIPTION = _(
    "Vos difficultés RH, les compétences que vous recherchez, vos postes ouverts et vos "
    "projets de recrutement à 1 et 3 ans. Vos réponses individuelles ne sont vues que par "
    "l'équipe du cluster ; seules des synthèses anonymes sont diffusées."
)

SECTIONS = (
    {
        "title": _("Votre entreprise"),
        "questions": (
            headcount(),
            {
                "key": "effectif_cadres",
                "kind": Kind.NUMBER,
                "label": _("Dont ingénieurs et cadres"),
                "min_value": 0,
                "max_value": 500000,
                "unit": _("salariés"),
            },
            {
                "key": "recrutements_12m",
                "kind": Kind.NUMBER,
                "label": _(
                    "Combien de personnes avez-vous recrutées au cours des 12 derniers mois ?"
                ),
                "help_text": _("CDI, CDD de plus de 6 mois et contrats en alternance."),
                "min_value": 0,
                "max_value": 100000,
                "unit": _("recrutements"),
            },
        ),
    },
    {
        "title": _("Vos difficultés RH"),
        "questions": (
            {
                "key": "problemes_rh",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Quelles problématiques RH rencontrez-vous aujourd'hui ?"),
                "help_text": _("Plusieurs réponses possibles."),
                "choices": choices(
                    ("recrutement", _("Recruter les profils recherchés")),
                    ("fidelisation", _("Fidéliser les salariés")),
                    ("competences", _("Faire évoluer les compétences")),
                    ("formation", _("Financer et organiser la formation")),
                    ("remuneration", _("Rester compétitif sur les salaires")),
                    ("marque_employeur", _("Se faire connaître comme employeur")),
                    ("gpec", _("Anticiper les besoins (GPEC)")),
                    ("transmission", _("Transmettre les savoir-faire avant les départs")),
                ),
            },
            {
                "key": "difficultes_recrutement",
                "kind": Kind.YES_NO,
                "label": _("Avez-vous rencontré des difficultés de recrutement cette année ?"),
                "required": True,
            },
            {
                "key": "causes_difficultes",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("À quoi attribuez-vous ces difficultés ?"),
                "choices": REASON_CHOICES,
                "condition": ("difficultes_recrutement", [True]),
            },
        ),
    },
    {
        "title": _("Compétences recherchées"),
        "questions": (
            {
                "key": "competences_recherchees",
                "kind": Kind.SKILL,
                "label": _("Quelles compétences recherchez-vous le plus ?"),
                "help_text": _(
                    "Jusqu'à 10 compétences, des plus recherchées aux moins recherchées."
                ),
                "max_items": 10,
                "gpec_fact": GpecFact.SKILLS_SOUGHT,
            },
            {
                "key": "profils_recherches",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Quels profils recherchez-vous en priorité ?"),
                "choices": choices(
                    ("ingenieur", _("Ingénieurs R&D")),
                    ("developpeur", _("Développeurs logiciel")),
                    ("data", _("Data scientists et ingénieurs data")),
                    ("cybersecurite", _("Spécialistes cybersécurité")),
                    ("technicien", _("Techniciens et opérateurs")),
                    ("chef_projet", _("Chefs de projet")),
                    ("commercial", _("Commerciaux et avant-vente")),
                    ("support", _("Fonctions support (RH, finance, juridique)")),
                ),
            },
        ),
    },
    {
        "title": _("Postes ouverts et projets de recrutement"),
        "description": _(
            "Une ligne par métier : vos postes ouverts non pourvus au jour de l'enquête et vos "
            "recrutements prévus."
        ),
        "questions": (
            {
                "key": "postes_par_metier",
                "kind": Kind.TABLE,
                "label": _("Postes et recrutements par métier"),
                "help_text": _("Ajoutez une ligne par métier concerné."),
                "columns": (
                    occupation_column(),
                    count_column(
                        "postes_ouverts",
                        _("Postes ouverts non pourvus à ce jour"),
                        GpecFact.OPEN_UNFILLED,
                    ),
                    count_column(
                        "recrutements_1an",
                        _("Recrutements prévus à 1 an"),
                        GpecFact.RECRUITMENTS_1Y,
                    ),
                    count_column(
                        "recrutements_3ans",
                        _("Recrutements prévus à 3 ans"),
                        GpecFact.RECRUITMENTS_3Y,
                    ),
                    count_column(
                        "creations_3ans",
                        _("Dont créations de postes à 3 ans"),
                        GpecFact.CREATIONS_3Y,
                    ),
                    difficulty_column(),
                    reason_column(),
                ),
            },
        ),
    },
    {
        "title": _("Vos leviers"),
        "questions": (
            {
                "key": "canaux_recrutement",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Quels canaux de recrutement utilisez-vous ?"),
                "choices": choices(
                    ("jobboards", _("Sites d'emploi")),
                    ("reseaux", _("Réseaux sociaux professionnels")),
                    ("cooptation", _("Cooptation")),
                    ("ecoles", _("Relations écoles et alternance")),
                    ("cabinets", _("Cabinets de recrutement")),
                    ("france_travail", _("France Travail / APEC")),
                    ("salons", _("Salons et jobdatings")),
                ),
            },
            {
                "key": "accompagnement",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Sur quels sujets le cluster pourrait-il vous accompagner ?"),
                "choices": choices(
                    ("ateliers_rh", _("Ateliers RH entre adhérents")),
                    ("jobdatings", _("Jobdatings et forums")),
                    ("formations", _("Formations collectives")),
                    ("mutualisation", _("Mutualisation de postes")),
                    ("marque_employeur", _("Promotion des métiers de la filière")),
                ),
            },
            {
                "key": "satisfaction_cluster",
                "kind": Kind.SCALE,
                "label": _("Recommanderiez-vous les actions RH du cluster à un autre adhérent ?"),
                "help_text": _("De 0 (pas du tout) à 10 (certainement)."),
                "scale_min": 0,
                "scale_max": 10,
            },
            comments(),
        ),
    },
)
