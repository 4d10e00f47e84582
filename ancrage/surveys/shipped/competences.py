"""« Besoins en compétences à 3 ans » (Neopolia's « Compétences 2020 » model):
the occupations that will be in tension, creations at 1 and 3 years, the
skills to acquire and how each company means to meet its needs."""

from django.utils.translation import gettext_lazy as _

from ancrage.surveys.models import GpecFact, Kind
from ancrage.surveys.shipped._common import (
    choices,
    comments,
    count_column,
    difficulty_column,
    headcount,
    occupation_column,
)

KEY = "besoins-competences-3-ans"
TITLE = _("Besoins en compétences à 3 ans")
DESCRIPTION = _(
    "Chaque semestre, identifions ensemble les métiers qui seront en tension dans trois ans "
    "et les compétences à développer, pour bâtir les formations et les mutualisations de "
    "demain."
)

SECTIONS = (
    {
        "title": _("Votre entreprise"),
        "questions": (
            headcount(),
            {
                "key": "marches",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Sur quels marchés intervenez-vous ?"),
                "choices": choices(
                    ("naval", _("Naval et nautisme")),
                    ("aeronautique", _("Aéronautique")),
                    ("emr", _("Énergies marines renouvelables")),
                    ("nucleaire", _("Nucléaire")),
                    ("ferroviaire", _("Ferroviaire")),
                    ("oil_gas", _("Oil & gas")),
                    ("autre", _("Autre industrie")),
                ),
            },
        ),
    },
    {
        "title": _("Métiers en tension à 3 ans"),
        "description": _(
            "Une ligne par métier pour lequel vous prévoyez des créations de postes ou des "
            "difficultés de recrutement."
        ),
        "questions": (
            {
                "key": "metiers_tension",
                "kind": Kind.TABLE,
                "label": _("Vos besoins par métier"),
                "required": True,
                "columns": (
                    occupation_column(),
                    count_column("effectif_metier", _("Effectif actuel dans ce métier")),
                    count_column(
                        "creations_1an", _("Créations de postes à 1 an"), GpecFact.CREATIONS_1Y
                    ),
                    count_column(
                        "creations_3ans", _("Créations de postes à 3 ans"), GpecFact.CREATIONS_3Y
                    ),
                    count_column("departs_3ans", _("Départs prévus à 3 ans (retraites comprises)")),
                    difficulty_column(_("Difficulté de recrutement attendue")),
                    {
                        "key": "reponse_privilegiee",
                        "kind": Kind.SINGLE_CHOICE,
                        "label": _("Réponse privilégiée"),
                        "choices": choices(
                            ("recruter", _("Recruter")),
                            ("former", _("Former en interne")),
                            ("mutualiser", _("Mutualiser avec d'autres entreprises")),
                            ("sous_traiter", _("Sous-traiter")),
                        ),
                    },
                ),
            },
        ),
    },
    {
        "title": _("Compétences à acquérir"),
        "questions": (
            {
                "key": "competences_acquerir",
                "kind": Kind.SKILL,
                "label": _("Quelles compétences devrez-vous acquérir d'ici trois ans ?"),
                "max_items": 15,
                "gpec_fact": GpecFact.SKILLS_3Y,
            },
            {
                "key": "formation_prevue",
                "kind": Kind.YES_NO,
                "label": _("Avez-vous prévu des actions de formation pour y répondre ?"),
            },
            {
                "key": "modalites_formation",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Sous quelle forme ?"),
                "choices": choices(
                    ("interne", _("Formation interne ou tutorat")),
                    ("afest", _("Formation en situation de travail (AFEST)")),
                    ("organisme", _("Organisme de formation")),
                    ("alternance", _("Alternance")),
                    ("inter_entreprises", _("Sessions inter-entreprises du cluster")),
                ),
                "condition": ("formation_prevue", [True]),
            },
            {
                "key": "budget_formation",
                "kind": Kind.NUMBER,
                "label": _("Budget formation prévu pour l'année"),
                "min_value": 0,
                "max_value": 100000,
                "unit": "k€",
                "condition": ("formation_prevue", [True]),
            },
        ),
    },
    {
        "title": _("Coopération"),
        "questions": (
            {
                "key": "interet_mutualisation",
                "kind": Kind.SCALE,
                "label": _("Seriez-vous prêt à partager des compétences avec d'autres adhérents ?"),
                "help_text": _("De 0 (pas du tout) à 10 (tout à fait)."),
                "scale_min": 0,
                "scale_max": 10,
            },
            comments(),
        ),
    },
)
