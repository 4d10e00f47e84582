"""The demo's surveys: the four shipped questionnaires run end to end over
several waves, answered by the fictitious members.

Neopolia runs all four (a quarterly barometer of the metalwork occupations in
tension, its annual HR survey, the economic observatory of its filière with
non-members invited by email, and the « Compétences à 3 ans » survey every
semester); Cap Digital runs the barometer on digital occupations, Systematic
the HR survey and Cluster Montagne the observatory. Dates follow today's:
past waves are closed, the current one is open, with answers, drafts and a
reminder sent to those who have not answered. Submitted answers feed the
GPEC facts. Answers are inserted with bulk inserts, in the stored format;
a series already there is left as it is."""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from ancrage.clusters.models import Cluster
from ancrage.demo import fictitious
from ancrage.demo.stories import admin_of
from ancrage.demo.surveys_answers import DIGITAL_TEXTS, TEXTS, AnswerDraws
from ancrage.demo.surveys_waves import Wave, invitees, responses
from ancrage.organisations.models import Membership, OrganisationUser
from ancrage.referentiel.models import VocabularyEntry
from ancrage.surveys import gpec_feed
from ancrage.surveys.models import Campaign, Invitee, Questionnaire, Recurrence, ReminderRun, Status
from ancrage.surveys.shipped import instantiate

SEED = 20261124
BAROMETER = "barometre-metiers-en-tension"
HR_SURVEY = "enquete-rh-annuelle"
OBSERVATORY = "observatoire-economique"
SKILLS_NEEDS = "besoins-competences-3-ans"
# Mean difficulty to recruit (1–4) of the ROME occupations in tension, from
# the first wave to the current one: welders, AI engineers and cybersecurity
# experts ever harder to find, designers a little less, the others steadier.
TENSION = {
    "H2913": (2.2, 3.6),  # soudeur / soudeuse
    "H2902": (3.0, 3.3),  # chaudronnier / chaudronnière
    "H2903": (2.7, 3.1),  # usineur / tourneur-fraiseur
    "H2914": (2.8, 3.0),  # tuyauteur / tuyauteuse
    "I1304": (2.7, 2.9),  # technicien / technicienne de maintenance
    "H1203": (3.0, 2.2),  # dessinateur industriel / dessinatrice industrielle
    "M1805": (2.8, 2.6),  # développeur / développeuse informatique
    "M1856": (3.3, 3.7),  # expert / experte en cybersécurité
    "M1889": (3.0, 3.6),  # ingénieur / ingénieure en intelligence artificielle
    "M1811": (3.1, 3.3),  # data engineer
    "M1827": (2.9, 3.2),  # ingénieur / ingénieure DevOps
    "M1860": (3.0, 3.1),  # architecte cloud
    "E1206": (2.4, 2.1),  # UX - UI designer
    "K1726": (2.8, 3.3),  # pisteur / pisteuse secouriste
    "F1303": (2.9, 3.4),  # conducteur / conductrice d'engin de damage
    "N4402": (2.7, 3.0),  # conducteur / conductrice de remontées mécaniques
}


@dataclass(frozen=True)
class Series:
    """A cluster's campaigns of one template: `closed` past waves, then the
    current one (`current_open`: still open, else closed recently)."""

    cluster: str
    template: str
    recurrence: str
    period_days: int
    closed: int
    current_open: bool = True
    non_members: int = 0
    confidence: tuple = (3.4, 3.4)  # mean confidence (1–5), first and last wave
    texts: tuple = TEXTS
    heads: tuple = ("Chaudronnerie", "Usinage", "Mécanique", "Métallerie", "Tôlerie")


SERIES = (
    Series("neopolia", BAROMETER, Recurrence.QUARTERLY, 91, 4),
    Series("neopolia", HR_SURVEY, Recurrence.YEARLY, 365, 1),
    Series(
        "neopolia",
        OBSERVATORY,
        Recurrence.YEARLY,
        365,
        1,
        current_open=False,
        non_members=40,
        confidence=(3.6, 3.2),
    ),
    Series("neopolia", SKILLS_NEEDS, Recurrence.SEMIANNUAL, 182, 1),
    Series("cap-digital", BAROMETER, Recurrence.QUARTERLY, 91, 4, texts=DIGITAL_TEXTS),
    Series("systematic-paris-region", HR_SURVEY, Recurrence.YEARLY, 365, 1, texts=DIGITAL_TEXTS),
    Series(
        "cluster-montagne",
        OBSERVATORY,
        Recurrence.YEARLY,
        365,
        1,
        current_open=False,
        non_members=60,
        confidence=(3.1, 2.8),
        heads=("Remontées", "Ski", "Montagne", "Outdoor", "Glisse", "Neige"),
    ),
)


def load_surveys():
    """Run the series a cluster does not have yet; the number of campaigns
    created."""
    created = 0
    clusters = Cluster.objects.in_bulk({series.cluster for series in SERIES}, field_name="slug")
    for position, series in enumerate(SERIES):
        cluster = clusters.get(series.cluster)
        if (
            cluster is None
            or Questionnaire.objects.filter(cluster=cluster, template_key=series.template).exists()
        ):
            continue
        rng = random.Random(SEED + position)  # noqa: S311 (fictitious data, not secrets)
        created += run_series(rng, cluster, series)
    return created


def label(series, day):
    if series.recurrence == Recurrence.QUARTERLY:
        return f"T{(day.month - 1) // 3 + 1} {day.year}"
    if series.recurrence == Recurrence.SEMIANNUAL:
        return f"S{1 if day.month <= 6 else 2} {day.year}"
    return str(day.year)


def schedule(series, today):
    """[(opens on, closes on, open?)] of the waves, oldest first."""
    current = today - datetime.timedelta(days=14 if series.current_open else 75)
    waves = []
    for back in range(series.closed, -1, -1):
        opens = current - datetime.timedelta(days=series.period_days * back)
        is_open = back == 0 and series.current_open
        waves.append((opens, opens + datetime.timedelta(days=28 if is_open else 35), is_open))
    return waves


def run_series(rng, cluster, series):
    staff = admin_of(cluster)
    questionnaire = instantiate(cluster, series.template, staff)
    version = questionnaire.current_version
    occupations, skills = vocabulary(cluster)
    non_members = fictitious_non_members(rng, series.non_members, series.heads)
    waves = schedule(series, timezone.localdate())
    propensity = {}  # organisation or email: how likely it answers
    featured = demo_accounts(cluster, draft=series.template == SKILLS_NEEDS)
    previous = None
    for number, (opens, closes, is_open) in enumerate(waves, start=1):
        progress = (number - 1) / max(1, len(waves) - 1)
        tension = {
            occupation: start + (end - start) * progress
            for occupation, code in occupations.codes.items()
            if code in TENSION
            for start, end in [TENSION[code]]
        }
        low, high = series.confidence
        draws = AnswerDraws(
            version,
            occupations.weights,
            skills,
            tension=tension,
            confidence=low + (high - low) * progress,
            texts=series.texts,
        )
        launched = aware(opens, 9)
        campaign = Campaign.objects.create(
            cluster=cluster,
            questionnaire=questionnaire,
            version=version,
            title=questionnaire.title,
            period_label=label(series, opens),
            opens_on=opens,
            closes_on=closes,
            status=Status.OPEN if is_open else Status.CLOSED,
            reminder_days=[7, 14],
            recurrence=series.recurrence,
            share_results=series.template == BAROMETER,
            previous=previous,
            wave=number,
            created_by=staff,
            created_at=launched - datetime.timedelta(days=7),
            launched_at=launched,
            closed_at=None if is_open else aware(closes, 23),
        )
        wave = Wave(campaign, draws, is_open, launched, propensity, featured)
        invited = invitees(rng, wave, non_members)
        sent = responses(rng, wave, invited)
        remind(wave, sent)
        gpec_feed.feed_campaign(campaign)
        previous = campaign
    version.frozen_at = aware(waves[0][0], 12)
    version.save(update_fields=["frozen_at"])
    return len(waves)


def remind(wave, not_answered):
    """The reminders that went out: every scheduled day already past."""
    campaign = wave.campaign
    today = timezone.localdate()
    last = campaign.closes_on if not wave.is_open else today
    days = [
        day for day in campaign.reminder_days if campaign.opens_on + datetime.timedelta(day) <= last
    ]
    for day in days:
        ReminderRun.objects.create(
            campaign=campaign,
            day=day,
            ran_at=aware(campaign.opens_on + datetime.timedelta(days=day), 8),
            sent=len(not_answered),
        )
    if days and not_answered:
        reminded = aware(campaign.opens_on + datetime.timedelta(days=days[-1]), 8)
        for invitee in not_answered:
            invitee.reminders_sent = len(days)
            invitee.last_reminded_at = reminded
        Invitee.objects.bulk_update(not_answered, ["reminders_sent", "last_reminded_at"])


def demo_accounts(cluster, draft):
    """{organisation id: (user, draft?)} of the members with a demo account:
    they answered every closed wave, and find the open one still to answer
    (a draft started when `draft`)."""
    links = OrganisationUser.objects.filter(
        organisation__memberships__cluster=cluster,
        organisation__memberships__status=Membership.Status.ACTIVE,
    ).select_related("user")
    return {link.organisation_id: (link.user, draft) for link in links}


class Occupations:
    """A cluster's occupations: (Occupation id, weight) pairs, those in
    tension first and more often named, and their ROME codes."""

    def __init__(self, rows):
        rows = list(dict(rows).items())  # an occupation twice in a vocabulary counts once
        self.codes = dict(rows)
        tense = [pk for pk, code in rows if code in TENSION]
        others = [pk for pk, code in rows if code not in TENSION][:30]
        self.weights = [(pk, 6) for pk in tense] + [(pk, 1) for pk in others]


def vocabulary(cluster):
    """The cluster's `Occupations` and up to 60 Skill ids, each once."""
    entries = VocabularyEntry.objects.filter(cluster=cluster).order_by("position", "pk")
    rows = list(
        entries.filter(occupation__isnull=False).values_list("occupation_id", "occupation__code")
    )
    skills = entries.filter(skill__isnull=False).values_list("skill_id", flat=True)
    return Occupations(rows), list(dict.fromkeys(skills))[:60]


def fictitious_non_members(rng, count, heads):
    """[(name, email)]: companies of the filière that are not members."""
    found = {}
    while len(found) < count:
        name = fictitious.company_name(rng, heads)
        number = len(found) + 1
        found.setdefault(name, f"contact{number}@{fictitious.website(name, number)[8:]}")
    return list(found.items())


def aware(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
