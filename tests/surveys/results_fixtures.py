"""Campaigns with known answers for the results tests."""

from ancrage.referentiel.factories import OccupationFactory
from ancrage.surveys.factories import (
    CampaignFactory,
    InviteeFactory,
    QuestionFactory,
    ResponseFactory,
    SectionFactory,
)
from ancrage.surveys.models import GpecFact, Kind, Response

CHOICES = [{"value": "rh", "label": "Recrutement"}, {"value": "form", "label": "Formation"}]


def barometer_questions(version):
    """A section with a « one row per occupation » table with the barometer columns."""
    section = SectionFactory(version=version, title="Métiers", position=1)
    table = QuestionFactory(section=section, key="metiers", kind=Kind.TABLE, label="Vos métiers")
    for key, kind, fact, extra in (
        ("metier", Kind.OCCUPATION, GpecFact.OCCUPATION, {}),
        ("ouverts", Kind.NUMBER, GpecFact.OPEN_UNFILLED, {}),
        ("pourvus", Kind.NUMBER, GpecFact.POSITIONS_FILLED, {}),
        ("delai", Kind.NUMBER, GpecFact.TIME_TO_FILL, {}),
        ("difficulte", Kind.SCALE, GpecFact.DIFFICULTY, {"scale_min": 1, "scale_max": 4}),
        (
            "contrat",
            Kind.SINGLE_CHOICE,
            "",
            {"choices": [{"value": "cdi", "label": "CDI"}, {"value": "cdd", "label": "CDD"}]},
        ),
    ):
        QuestionFactory(
            section=section,
            parent=table,
            key=key,
            kind=kind,
            label=key.capitalize(),
            gpec_fact=fact,
            **extra,
        )
    return table


def general_questions(version):
    section = SectionFactory(version=version, title="Général", position=0)
    QuestionFactory(
        section=section,
        key="enjeu",
        kind=Kind.SINGLE_CHOICE,
        choices=CHOICES,
        label="Enjeu principal",
    )
    QuestionFactory(
        section=section, key="enjeux", kind=Kind.MULTIPLE_CHOICE, choices=CHOICES, label="Enjeux"
    )
    QuestionFactory(
        section=section,
        key="confiance",
        kind=Kind.SCALE,
        scale_min=1,
        scale_max=5,
        label="Confiance",
    )
    QuestionFactory(section=section, key="effectif", kind=Kind.NUMBER, label="Effectif")
    QuestionFactory(section=section, key="recrute", kind=Kind.YES_NO, label="Recrutez-vous ?")
    QuestionFactory(section=section, key="commentaire", kind=Kind.LONG_TEXT, label="Commentaire")
    QuestionFactory(section=section, key="date", kind=Kind.DATE, label="Date")
    QuestionFactory(section=section, key="metier_cle", kind=Kind.OCCUPATION, label="Métier clé")
    QuestionFactory(section=section, key="competences", kind=Kind.SKILL, label="Compétences")
    QuestionFactory(section=section, key="commune", kind=Kind.COMMUNE, label="Commune")


def campaign_with_questions(cluster, **kwargs):
    campaign = CampaignFactory(cluster=cluster, **kwargs)
    general_questions(campaign.version)
    barometer_questions(campaign.version)
    return campaign


def answer(campaign, answers, *, state=Response.State.SUBMITTED, **invitee):
    invitee = InviteeFactory(campaign=campaign, **invitee)
    return ResponseFactory(invitee=invitee, answers=answers, state=state)


def occupations(count=3):
    return [OccupationFactory(label=f"Métier {i}") for i in range(count)]


def next_wave(campaign, period_label="", **kwargs):
    """The next wave of `campaign`, on the same questionnaire version."""
    return CampaignFactory(
        cluster=campaign.cluster,
        questionnaire=campaign.questionnaire,
        version=campaign.version,
        previous=campaign,
        wave=campaign.wave + 1,
        period_label=period_label or f"Vague {campaign.wave + 1}",
        **kwargs,
    )
