"""Realistic fictitious answers to a questionnaire version, in the stored
format of `surveys.answers` (see `ancrage.surveys.models`). Shared by the
demo and the national-scale benchmark generator (benchmarks/); every draw
comes from the `rng` it is given, so the same seed gives the same answers.

What a question is about is read from its GPEC mapping (`gpec_fact`), its
kind, its bounds and its choices, so any questionnaire can be answered; the
difficulty to recruit of each occupation follows the `tension` given for the
wave (its mean on the 1–4 scale), so that series show trends."""

import datetime
import math
from dataclasses import dataclass

from ancrage.demo.fictitious import sample_weighted
from ancrage.surveys.models import GpecFact, Kind

# Difficulty reasons, most frequent first (values of `gpec.DifficultyReason`).
REASONS = (
    ("few_candidates", 5),
    ("skills_missing", 4),
    ("attractiveness", 2),
    ("pay", 1.5),
    ("conditions", 1),
    ("location", 1),
)
TEXTS = (
    "Nous peinons à trouver des soudeurs qualifiés, même en intérim.",
    "Les jeunes formés partent vers les grands donneurs d'ordres de la région.",
    "Le carnet de commandes est plein mais nous manquons de bras à l'atelier.",
    "Nous formons en interne nos opérateurs avec le GRETA et l'AFPI.",
    "Difficulté à fidéliser les techniciens de maintenance : les salaires ont augmenté.",
    "Besoin d'un dessinateur connaissant SolidWorks et la tôlerie.",
    "Nous misons sur l'apprentissage : trois alternants cette année.",
    "Le logement des nouveaux arrivants freine les recrutements.",
    "Les qualifications de soudage (ISO 9606) prennent du temps à obtenir.",
    "Nous aimerions mutualiser un parcours de formation avec d'autres adhérents.",
    "La transition vers les énergies marines demande de nouvelles compétences.",
    "Peu de candidatures féminines sur les métiers de l'atelier.",
)
DIGITAL_TEXTS = (
    "Les profils data confirmés sont introuvables en dessous de six mois de recherche.",
    "Nous recrutons surtout en alternance et par cooptation.",
    "La concurrence des grands groupes sur les salaires des développeurs est forte.",
    "Besoin d'experts en cybersécurité pour nos clients industriels.",
    "Le télétravail complet est devenu un argument décisif pour recruter.",
    "Nous aimerions un programme de reconversion vers les métiers du cloud.",
    "Les candidats juniors sont nombreux, les seniors très rares.",
)
SHORT_TEXTS = (
    "Soudeur TIG",
    "Chaudronnier",
    "Programmeur CN",
    "Technicien méthodes",
    "Contrôleur CND",
    "Tuyauteur",
)


@dataclass(frozen=True)
class Respondent:
    """What an answer draws on: the organisation's size and place."""

    headcount: int
    commune_code: str = ""


def matches(value, condition_values):
    """Whether an answer meets a question's display condition."""
    wanted = {str(v).lower() for v in condition_values}
    values = value if isinstance(value, list) else [value]
    return any(str(v).lower() in wanted for v in values)


class AnswerDraws:
    """Draws answers to one version: `occupations` are (Occupation id,
    weight) pairs, `skills` Skill ids, `tension` {Occupation id: mean
    difficulty 1–4} for the wave, `confidence` the wave's mean confidence,
    `texts` the comments drawn from."""

    def __init__(self, version, occupations, skills, tension=None, confidence=3.3, texts=TEXTS):
        questions = list(version.questions.all())
        self.columns = {}
        for question in questions:
            if question.parent_id:
                self.columns.setdefault(question.parent_id, []).append(question)
        for columns in self.columns.values():
            columns.sort(key=lambda column: (column.position, column.pk))
        self.questions = [question for question in questions if question.parent_id is None]
        self.occupations = occupations
        self.skills = skills
        self.tension = tension or {}
        self.confidence = confidence
        self.texts = texts

    def answers(self, rng, respondent, on, completeness=1.0):
        """{key: value} for `respondent`, answered on `on` (a date); a
        share `completeness` of the questions is answered (a draft)."""
        answers = {}
        by_pk = {}
        for question in self.questions:
            condition = question.condition_question_id
            if condition and not (
                condition in by_pk and matches(by_pk[condition], question.condition_values)
            ):
                continue
            if not question.required and rng.random() < 0.12:
                continue
            if rng.random() > completeness:
                continue
            value = self.value(rng, question, respondent, on)
            if value is None or value == [] or value == "":
                continue
            answers[question.key] = value
            by_pk[question.pk] = value
        return answers

    def value(self, rng, question, respondent, on):
        kind = question.kind
        if kind == Kind.TABLE:
            return self.table(rng, question, respondent, on)
        if kind == Kind.NUMBER:
            return self.number(rng, question, respondent)
        if kind == Kind.SCALE:
            low, high = question.scale_min or 1, question.scale_max or 5
            if question.gpec_fact == GpecFact.CONFIDENCE:
                centre = low + (self.confidence - 1) / 4 * (high - low)
            else:
                centre = (low + high) / 2 + 0.4
            return clamp(round(rng.gauss(centre, (high - low) / 5)), low, high)
        if kind == Kind.SINGLE_CHOICE:
            return self.choice(rng, question)
        if kind == Kind.MULTIPLE_CHOICE:
            values = [(c["value"], 1 / (rank + 1.5)) for rank, c in enumerate(question.choices)]
            limit = min(question.max_items or 3, 3, len(values))
            return sample_weighted(rng, values, rng.randint(1, limit)) if values else None
        if kind == Kind.YES_NO:
            return rng.random() < 0.62
        if kind == Kind.DATE:
            # A creation date is in the past, any other (a project's) ahead.
            days = -rng.randint(700, 15000) if "creation" in question.key else rng.randint(30, 540)
            return (on + datetime.timedelta(days=days)).isoformat()
        if kind == Kind.OCCUPATION:
            return self.occupation_ids(rng, 1)[0] if self.occupations else None
        if kind == Kind.SKILL:
            limit = min(question.max_items or 5, 5, len(self.skills))
            return rng.sample(self.skills, rng.randint(1, limit)) if limit else None
        if kind == Kind.COMMUNE:
            return respondent.commune_code or None
        if kind == Kind.SHORT_TEXT:
            return rng.choice(SHORT_TEXTS)
        return rng.choice(self.texts)

    def number(self, rng, question, respondent):
        headcount = max(respondent.headcount, 1)
        if question.gpec_fact == GpecFact.HEADCOUNT:
            value = max(1, round(headcount * rng.uniform(0.95, 1.08)))
        elif question.gpec_fact == GpecFact.TURNOVER:
            # A decimal as the answer form stores it: "9427.5", "9427".
            return f"{headcount * rng.uniform(85, 190):.1f}".rstrip("0").rstrip(".")
        else:
            value = round(rng.expovariate(1 / max(1.0, headcount / 25)))
        low = question.min_value if question.min_value is not None else 0
        high = question.max_value if question.max_value is not None else value
        return str(clamp(value, int(low), int(high)))

    def choice(self, rng, question):
        values = [c["value"] for c in question.choices]
        if not values:
            return None
        if question.gpec_fact == GpecFact.DIFFICULTY_REASON:
            known = [(v, w) for v, w in REASONS if v in values]
            if known:
                return sample_weighted(rng, known, 1)[0]
        return sample_weighted(rng, [(v, 1 / (rank + 2)) for rank, v in enumerate(values)], 1)[0]

    def occupation_ids(self, rng, count):
        return sample_weighted(rng, self.occupations, min(count, len(self.occupations)))

    def table(self, rng, question, respondent, on):
        columns = self.columns.get(question.pk, [])
        if not columns or not self.occupations:
            return None
        count = clamp(1 + round(rng.expovariate(1.2) + respondent.headcount / 150), 1, 5)
        rows = []
        for occupation in self.occupation_ids(rng, count):
            difficulty = clamp(round(rng.gauss(self.tension.get(occupation, 2.3), 0.7)), 1, 4)
            rows.append(
                {
                    column.key: value
                    for column in columns
                    if (value := self.cell(rng, column, occupation, difficulty, respondent, on))
                    is not None
                }
            )
        return rows

    def cell(self, rng, column, occupation, difficulty, respondent, on):
        fact = column.gpec_fact
        scale = 1 + math.sqrt(respondent.headcount) / 6  # 1.5 at 10 people, 6.3 at 1,000
        if fact == GpecFact.OCCUPATION or column.kind == Kind.OCCUPATION:
            return occupation
        if fact == GpecFact.DIFFICULTY:
            if column.kind == Kind.SINGLE_CHOICE:
                values = [c["value"] for c in column.choices]
                return values[min(difficulty, len(values)) - 1] if values else None
            low, high = column.scale_min or 1, column.scale_max or 4
            return clamp(difficulty, low, high) if column.kind == Kind.SCALE else str(difficulty)
        if fact == GpecFact.DIFFICULTY_REASON:
            if difficulty <= 1:
                return None
            return self.choice(rng, column) if column.kind == Kind.SINGLE_CHOICE else None
        counts = {
            GpecFact.OPEN_UNFILLED: (difficulty - 1) * 0.5 * scale,
            GpecFact.POSITIONS_FILLED: (5 - difficulty) * 0.5 * scale,
            GpecFact.CREATIONS_1Y: 0.6 * scale,
            GpecFact.CREATIONS_3Y: 1.5 * scale,
            GpecFact.RECRUITMENTS_1Y: 1.2 * scale,
            GpecFact.RECRUITMENTS_3Y: 3 * scale,
        }
        if fact == GpecFact.TIME_TO_FILL:
            return str(round(15 + 15 * difficulty + rng.uniform(0, 30)))
        if fact in counts:
            return str(round(rng.uniform(0.3, 1.7) * counts[fact]))
        if column.kind == Kind.NUMBER:
            return str(rng.randint(0, 3))
        return self.value(rng, column, respondent, on)


def clamp(value, low, high):
    return max(low, min(high, value))
