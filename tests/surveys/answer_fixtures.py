"""A questionnaire version with a question of every kind, for the answer tests."""

from decimal import Decimal

from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.surveys.factories import QuestionFactory, SectionFactory, VersionFactory
from ancrage.surveys.models import Kind
from ancrage.territory.factories import CommuneFactory

CHOICES = [{"value": "recrut", "label": "Recruter"}, {"value": "former", "label": "Former"}]


def every_kind_version(version=None):
    """(version, questions by key, référentiel items)."""
    version = version or VersionFactory()
    intro = SectionFactory(
        version=version, title="Votre entreprise", description="Quelques chiffres."
    )
    needs = SectionFactory(version=version, title="Vos besoins")
    q = {}

    def add(key, kind, section=intro, **kwargs):
        q[key] = QuestionFactory(
            section=section, key=key, kind=kind, label=f"Question {key}", **kwargs
        )
        return q[key]

    add("effectif", Kind.NUMBER, required=True, min_value=Decimal(0), unit="salariés")
    add("nom", Kind.SHORT_TEXT)
    add("commentaire", Kind.LONG_TEXT)
    add("probleme", Kind.SINGLE_CHOICE, choices=CHOICES, required=True)
    add("actions", Kind.MULTIPLE_CHOICE, choices=CHOICES, max_items=1)
    add("confiance", Kind.SCALE, scale_min=1, scale_max=5)
    add("recrute", Kind.YES_NO)
    add("quand", Kind.DATE, section=needs, condition_question=q["recrute"], condition_values=[True])
    add(
        "combien",
        Kind.NUMBER,
        section=needs,
        required=True,
        condition_question=q["recrute"],
        condition_values=[True],
    )
    add("metier", Kind.OCCUPATION, section=needs)
    add("competences", Kind.SKILL, section=needs, max_items=2)
    add("commune", Kind.COMMUNE, section=needs)
    table = add("postes", Kind.TABLE, section=needs)
    q["postes.metier"] = QuestionFactory(
        section=needs, parent=table, key="metier_ligne", kind=Kind.OCCUPATION, label="Métier"
    )
    q["postes.ouverts"] = QuestionFactory(
        section=needs,
        parent=table,
        key="ouverts",
        kind=Kind.NUMBER,
        label="Postes ouverts",
        min_value=Decimal(0),
    )
    q["postes.difficulte"] = QuestionFactory(
        section=needs,
        parent=table,
        key="difficulte",
        kind=Kind.SCALE,
        label="Difficulté",
        scale_min=1,
        scale_max=4,
    )
    items = {
        "soudeur": OccupationFactory(code="H2913", label="Soudeur"),
        "usineur": OccupationFactory(code="H2903", label="Usineur"),
        "souder": SkillFactory(label="Souder"),
        "lire": SkillFactory(label="Lire un plan"),
        "lorient": CommuneFactory(code="56121", name="Lorient", postal_codes=["56100"]),
    }
    return version, q, items
