"""« Observatoire économique de la filière » (the Cluster Montagne model): an
annual picture of the whole filière, members or not: jobs, turnover, export,
confidence, hiring plans and priority employment topics."""

from django.utils.translation import gettext_lazy as _

from ancrage.surveys.models import GpecFact, Kind
from ancrage.surveys.shipped._common import choices, comments, headcount

KEY = "observatoire-economique"
TITLE = _("Observatoire économique de la filière")
DESCRIPTION = _(
    "Le portrait annuel de la filière, adhérents ou non : emplois, chiffre d'affaires, "
    "export, confiance dans l'avenir et projets d'embauche. Les résultats sont publiés sous "
    "forme agrégée, sans jamais révéler les chiffres d'une entreprise."
)

SECTIONS = (
    {
        "title": _("Votre entreprise"),
        "questions": (
            {
                "key": "commune_site",
                "kind": Kind.COMMUNE,
                "label": _("Commune de votre site principal"),
                "required": True,
            },
            {
                "key": "date_creation",
                "kind": Kind.DATE,
                "label": _("Date de création de l'entreprise"),
            },
            {
                "key": "activite",
                "kind": Kind.SINGLE_CHOICE,
                "label": _("Votre activité principale dans la filière"),
                "required": True,
                "choices": choices(
                    ("amenagement", _("Aménagement et ingénierie de la montagne")),
                    ("transport_cable", _("Remontées mécaniques et transport par câble")),
                    ("neige", _("Neige de culture, damage et sécurité")),
                    ("equipements", _("Équipements et matériels de sports d'hiver")),
                    ("services_stations", _("Services aux stations et exploitants")),
                    ("numerique", _("Solutions numériques pour la montagne")),
                    ("autre", _("Autre")),
                ),
            },
        ),
    },
    {
        "title": _("Activité et emploi"),
        "description": _("Chiffres du dernier exercice clos."),
        "questions": (
            headcount(),
            {
                "key": "saisonniers",
                "kind": Kind.NUMBER,
                "label": _("Saisonniers au plus fort de la saison"),
                "min_value": 0,
                "max_value": 100000,
                "unit": _("personnes"),
            },
            {
                "key": "chiffre_affaires",
                "kind": Kind.NUMBER,
                "label": _("Chiffre d'affaires du dernier exercice"),
                "help_text": _("Hors taxes, en milliers d'euros."),
                "min_value": 0,
                "max_value": 100000000,
                "unit": "k€",
                "gpec_fact": GpecFact.TURNOVER,
            },
            {
                "key": "evolution_ca",
                "kind": Kind.SINGLE_CHOICE,
                "label": _("Par rapport à l'exercice précédent, votre chiffre d'affaires est…"),
                "choices": choices(
                    ("forte_hausse", _("en forte hausse (plus de 10 %)")),
                    ("hausse", _("en hausse")),
                    ("stable", _("stable")),
                    ("baisse", _("en baisse")),
                    ("forte_baisse", _("en forte baisse (plus de 10 %)")),
                ),
            },
            {
                "key": "part_export",
                "kind": Kind.NUMBER,
                "label": _("Part du chiffre d'affaires réalisée à l'export"),
                "min_value": 0,
                "max_value": 100,
                "unit": "%",
            },
            {
                "key": "part_hors_hiver",
                "kind": Kind.NUMBER,
                "label": _("Part de l'activité réalisée hors saison d'hiver"),
                "help_text": _("Diversification quatre saisons."),
                "min_value": 0,
                "max_value": 100,
                "unit": "%",
            },
        ),
    },
    {
        "title": _("Perspectives"),
        "questions": (
            {
                "key": "confiance",
                "kind": Kind.SCALE,
                "label": _("Quelle confiance avez-vous dans les perspectives de la filière ?"),
                "help_text": _("De 1 (très pessimiste) à 5 (très confiant)."),
                "required": True,
                "scale_min": 1,
                "scale_max": 5,
                "gpec_fact": GpecFact.CONFIDENCE,
            },
            {
                "key": "projets_embauche",
                "kind": Kind.YES_NO,
                "label": _("Prévoyez-vous d'embaucher dans les 12 prochains mois ?"),
                "required": True,
            },
            {
                "key": "nombre_embauches",
                "kind": Kind.NUMBER,
                "label": _("Combien de personnes prévoyez-vous d'embaucher ?"),
                "min_value": 0,
                "max_value": 100000,
                "unit": _("personnes"),
                "condition": ("projets_embauche", [True]),
            },
            {
                "key": "metier_difficile",
                "kind": Kind.OCCUPATION,
                "label": _("Quel métier avez-vous le plus de mal à pourvoir ?"),
                "condition": ("projets_embauche", [True]),
            },
            {
                "key": "sujets_emploi",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Quels sont vos sujets prioritaires en matière d'emploi ?"),
                "help_text": _("Trois au plus."),
                "choices": choices(
                    ("recrutement", _("Recruter")),
                    ("saisonnalite", _("Saisonnalité et pluriactivité")),
                    ("logement", _("Logement des salariés")),
                    ("formation", _("Formation et qualification")),
                    ("attractivite", _("Attractivité des métiers de la montagne")),
                    ("fidelisation", _("Fidélisation")),
                    ("transmission", _("Transmission et départs en retraite")),
                    ("mobilite", _("Transport et mobilité domicile-travail")),
                ),
            },
            comments(),
        ),
    },
)
