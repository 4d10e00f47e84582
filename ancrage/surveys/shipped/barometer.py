"""« Baromètre trimestriel des métiers en tension » (the Cap Digital model):
per occupation, positions open, filled this quarter, time to fill and
difficulty. The tension score is computed from these answers by the results,
it is not asked."""

from django.utils.translation import gettext_lazy as _

from ancrage.surveys.models import GpecFact, Kind
from ancrage.surveys.shipped._common import (
    choices,
    comments,
    count_column,
    difficulty_column,
    headcount,
    occupation_column,
    reason_column,
)

KEY = "barometre-metiers-en-tension"
TITLE = _("Baromètre trimestriel des métiers en tension")
DESCRIPTION = _(
    "Chaque trimestre, en cinq minutes : vos postes ouverts et pourvus par métier, vos délais "
    "de recrutement et la difficulté perçue. Le score de tension par métier est calculé à "
    "partir de vos réponses."
)

SECTIONS = (
    {
        "title": _("Conjoncture du trimestre"),
        "questions": (
            headcount(),
            {
                "key": "evolution_effectif",
                "kind": Kind.SINGLE_CHOICE,
                "label": _("Sur le trimestre, votre effectif a-t-il…"),
                "required": True,
                "choices": choices(
                    ("hausse", _("augmenté")),
                    ("stable", _("été stable")),
                    ("baisse", _("diminué")),
                ),
            },
            {
                "key": "recrutements_trimestre",
                "kind": Kind.NUMBER,
                "label": _("Combien de recrutements avez-vous finalisés ce trimestre ?"),
                "min_value": 0,
                "max_value": 100000,
                "unit": _("recrutements"),
            },
            {
                "key": "perspectives_embauche",
                "kind": Kind.SCALE,
                "label": _(
                    "Comment jugez-vous vos perspectives d'embauche pour le trimestre prochain ?"
                ),
                "help_text": _("De 1 (très défavorables) à 5 (très favorables)."),
                "scale_min": 1,
                "scale_max": 5,
            },
        ),
    },
    {
        "title": _("Métiers recherchés"),
        "description": _(
            "Une ligne par métier sur lequel vous avez recruté ou cherché ce trimestre."
        ),
        "questions": (
            {
                "key": "metiers",
                "kind": Kind.TABLE,
                "label": _("Postes par métier ce trimestre"),
                "required": True,
                "columns": (
                    occupation_column(),
                    count_column(
                        "postes_ouverts",
                        _("Postes ouverts en fin de trimestre"),
                        GpecFact.OPEN_UNFILLED,
                    ),
                    count_column(
                        "postes_pourvus",
                        _("Postes pourvus ce trimestre"),
                        GpecFact.POSITIONS_FILLED,
                    ),
                    count_column(
                        "delai_jours",
                        _("Délai moyen de recrutement"),
                        GpecFact.TIME_TO_FILL,
                        unit=_("jours"),
                        help_text=_("De la publication de l'offre à la signature."),
                    ),
                    count_column("candidatures", _("Candidatures reçues par offre (en moyenne)")),
                    difficulty_column(),
                    reason_column(),
                ),
            },
        ),
    },
    {
        "title": _("Spécialités et leviers"),
        "questions": (
            {
                "key": "specialites_tension",
                "kind": Kind.MULTIPLE_CHOICE,
                "label": _("Sur quelles spécialités les tensions sont-elles les plus fortes ?"),
                "choices": choices(
                    ("data_ia", _("Data et intelligence artificielle")),
                    ("cybersecurite", _("Cybersécurité")),
                    ("cloud_devops", _("Cloud et DevOps")),
                    ("dev_web_mobile", _("Développement web et mobile")),
                    ("ux_ui", _("Design UX/UI")),
                    ("produit", _("Product management")),
                    ("jeu_video", _("Jeu vidéo et 3D")),
                    ("commercial_tech", _("Commercial technique")),
                ),
            },
            {
                "key": "recours_independants",
                "kind": Kind.YES_NO,
                "label": _("Faites-vous appel à des indépendants faute de candidats ?"),
            },
            {
                "key": "part_independants",
                "kind": Kind.NUMBER,
                "label": _("Part des missions confiées à des indépendants"),
                "min_value": 0,
                "max_value": 100,
                "unit": "%",
                "condition": ("recours_independants", [True]),
            },
            {
                "key": "teletravail",
                "kind": Kind.SINGLE_CHOICE,
                "label": _("Quelle politique de télétravail proposez-vous aux nouveaux recrutés ?"),
                "choices": choices(
                    ("aucun", _("Pas de télétravail")),
                    ("partiel", _("1 à 2 jours par semaine")),
                    ("majoritaire", _("3 jours ou plus par semaine")),
                    ("total", _("Télétravail complet possible")),
                ),
            },
            comments(),
        ),
    },
)
