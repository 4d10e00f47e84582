"""The rules a question's GPEC mapping must follow (`gpec_fact_error`),
shared by the questionnaire builder, the shipped templates' tests and the
GPEC feed's expectations:

- headcount, turnover: a number outside a table, minimum 0 or more;
- confidence: a scale from 1 to 5 outside a table;
- skills_sought, skills_3y: a skill question outside a table;
- occupation: the first column of a table (an occupation column);
- counts (open_unfilled, positions_filled, time_to_fill, creations_*,
  recruitments_*): a number column of a table, minimum 0 or more;
- difficulty: a column of a table, single choice of exactly the values
  "1" to "4", or a number from 1 to 4;
- difficulty_reason: a single-choice column whose values are
  `gpec.DifficultyReason` values.
Each fact is fed by one question of a version at most (one column per table).
"""

from django.utils.translation import gettext_lazy as _

from ancrage.gpec.models import DifficultyReason
from ancrage.surveys.models import GpecFact, Kind

COUNT_FACTS = {
    GpecFact.OPEN_UNFILLED,
    GpecFact.POSITIONS_FILLED,
    GpecFact.TIME_TO_FILL,
    GpecFact.CREATIONS_1Y,
    GpecFact.CREATIONS_3Y,
    GpecFact.RECRUITMENTS_1Y,
    GpecFact.RECRUITMENTS_3Y,
}
ORGANISATION_FACTS = {
    GpecFact.HEADCOUNT,
    GpecFact.TURNOVER,
    GpecFact.CONFIDENCE,
    GpecFact.SKILLS_SOUGHT,
    GpecFact.SKILLS_3Y,
}
COLUMN_FACTS = COUNT_FACTS | {
    GpecFact.OCCUPATION,
    GpecFact.DIFFICULTY,
    GpecFact.DIFFICULTY_REASON,
}
DIFFICULTY_VALUES = {"1", "2", "3", "4"}


def gpec_fact_error(question, *, in_table, first_column=False):
    """Why `question` (saved or not) cannot feed its `gpec_fact`, or None."""
    fact = question.gpec_fact
    if not fact:
        return None
    kind = question.kind
    if fact in ORGANISATION_FACTS and in_table:
        return _("Ce chiffre concerne toute l'organisation : posez la question hors du tableau.")
    if fact in COLUMN_FACTS and not in_table:
        return _("Ce chiffre se donne par métier : ajoutez-le comme colonne d'un tableau.")
    if fact == GpecFact.OCCUPATION:
        if not first_column or kind != Kind.OCCUPATION:
            return _("Seule la première colonne d'un tableau, le métier, donne le métier.")
    elif fact in COUNT_FACTS or fact in (GpecFact.HEADCOUNT, GpecFact.TURNOVER):
        if kind != Kind.NUMBER:
            return _("Ce chiffre demande une question de type nombre.")
        if question.min_value is None or question.min_value < 0:
            return _("Ce chiffre ne peut pas être négatif : indiquez un minimum de 0 ou plus.")
    elif fact == GpecFact.CONFIDENCE:
        if kind != Kind.SCALE or (question.scale_min, question.scale_max) != (1, 5):
            return _("La confiance se mesure sur une échelle de 1 à 5.")
    elif fact in (GpecFact.SKILLS_SOUGHT, GpecFact.SKILLS_3Y):
        if kind != Kind.SKILL:
            return _("Les compétences recherchées demandent une question de type compétences.")
    elif fact == GpecFact.DIFFICULTY:
        values = {choice["value"] for choice in question.choices or ()}
        by_choice = kind == Kind.SINGLE_CHOICE and values == DIFFICULTY_VALUES
        by_number = (
            kind == Kind.NUMBER
            and question.min_value is not None
            and question.max_value is not None
            and 1 <= question.min_value <= question.max_value <= 4
        )
        if not (by_choice or by_number):
            return _(
                "La difficulté se note de 1 à 4 : un choix unique de valeurs « 1 » à « 4 » "
                "ou un nombre entre 1 et 4."
            )
    elif fact == GpecFact.DIFFICULTY_REASON:
        values = {choice["value"] for choice in question.choices or ()}
        if kind != Kind.SINGLE_CHOICE or not values or not values <= set(DifficultyReason.values):
            return _(
                "La raison de la difficulté demande un choix unique parmi les raisons prévues "
                "par la GPEC."
            )
    return None
