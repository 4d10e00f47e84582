"""Building blocks shared by the shipped templates."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ancrage.gpec.models import DifficultyReason
from ancrage.surveys.models import GpecFact, Kind


def choices(*pairs):
    return [{"value": value, "label": label} for value, label in pairs]


DIFFICULTY_CHOICES = choices(
    ("1", _("1 — aucune difficulté")),
    ("2", _("2 — quelques difficultés")),
    ("3", _("3 — difficile")),
    ("4", _("4 — très difficile")),
)

REASON_CHOICES = choices(*[(value, capfirst(label)) for value, label in DifficultyReason.choices])


def occupation_column(key="metier"):
    return {
        "key": key,
        "kind": Kind.OCCUPATION,
        "label": _("Métier"),
        "required": True,
        "gpec_fact": GpecFact.OCCUPATION,
    }


def count_column(key, label, fact="", unit="", help_text=""):
    return {
        "key": key,
        "kind": Kind.NUMBER,
        "label": label,
        "help_text": help_text,
        "min_value": 0,
        "max_value": 100000,
        "unit": unit,
        "gpec_fact": fact,
    }


def difficulty_column(label=None):
    return {
        "key": "difficulte",
        "kind": Kind.SINGLE_CHOICE,
        "label": label or _("Difficulté à recruter"),
        "choices": DIFFICULTY_CHOICES,
        "gpec_fact": GpecFact.DIFFICULTY,
    }


def reason_column():
    return {
        "key": "raison",
        "kind": Kind.SINGLE_CHOICE,
        "label": _("Raison principale de la difficulté"),
        "choices": REASON_CHOICES,
        "gpec_fact": GpecFact.DIFFICULTY_REASON,
    }


def headcount():
    return {
        "key": "effectif",
        "kind": Kind.NUMBER,
        "label": _("Effectif total de votre entreprise"),
        "help_text": _("Salariés en CDI et CDD au jour de l'enquête, tous sites confondus."),
        "required": True,
        "min_value": 0,
        "max_value": 500000,
        "unit": _("salariés"),
        "gpec_fact": GpecFact.HEADCOUNT,
    }


def comments(key="commentaires"):
    return {
        "key": key,
        "kind": Kind.LONG_TEXT,
        "label": _("Souhaitez-vous ajouter un commentaire ?"),
        "help_text": _(
            "Remarques, besoins d'accompagnement, suggestions pour la prochaine édition."
        ),
    }
