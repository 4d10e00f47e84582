"""One wave of a demo survey: who is invited (the cluster's active members,
plus the filière's non-members known by email) and who answered.

Each organisation keeps, across the waves of a series, how likely it is to
answer, so that the same ones tend to answer every time; a closed wave gets
55 to 80 % of answers, the open one about a third so far and a few drafts.
A non-member who unsubscribed is not invited again."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from ancrage.demo.surveys_answers import Respondent
from ancrage.organisations.models import Membership
from ancrage.surveys.answers import AnswerForm
from ancrage.surveys.models import Invitee, Response

UNSUBSCRIBE_SHARE = 0.1
NON_MEMBER_SIZES = (("tpe", 5), ("pme", 4), ("eti", 1))


@dataclass
class Wave:
    campaign: object
    draws: object  # surveys_answers.AnswerDraws
    is_open: bool
    launched: datetime.datetime
    propensity: dict  # organisation id or email: how likely it answers; None once unsubscribed
    # Organisations whose users find this wave still to answer (open waves),
    # and whether they have started a draft.
    featured: dict = field(default_factory=dict)  # organisation id: (user, draft?)


def invitees(rng, wave, non_members):
    """[(saved Invitee, Respondent, propensity key)] of the wave."""
    campaign = wave.campaign
    rows = (
        Membership.objects.filter(cluster=campaign.cluster)
        .active()
        .order_by("organisation_id")
        .values_list(
            "organisation_id",
            "organisation__name",
            "organisation__siren",
            "organisation__size_class",
            "organisation__commune_id",
            "organisation__commune__code",
            "organisation__headcount",
        )
    )
    invited, communes = [], []
    for organisation, name, siren, size, commune, code, headcount in rows:
        invitee = Invitee(
            campaign=campaign,
            organisation_id=organisation,
            name=name,
            siren=siren,
            is_member=True,
            size_class=size,
            commune_id=commune,
            invited_at=wave.launched,
            created_at=wave.launched,
        )
        invited.append((invitee, Respondent(headcount or 20, code or ""), organisation))
        if commune:
            communes.append((commune, code))
    for name, email in non_members:
        if email in wave.propensity and wave.propensity[email] is None:
            continue
        commune, code = rng.choice(communes) if communes else (None, "")
        size = rng.choices(*zip(*NON_MEMBER_SIZES, strict=True))[0]
        invitee = Invitee(
            campaign=campaign,
            name=name,
            email=email,
            is_member=False,
            size_class=size,
            commune_id=commune,
            invited_at=wave.launched,
            created_at=wave.launched,
        )
        headcount = {"tpe": rng.randint(2, 9), "pme": rng.randint(10, 120)}.get(size, 300)
        invited.append((invitee, Respondent(headcount, code), email))
    Invitee.objects.bulk_create([invitee for invitee, _respondent, _key in invited])
    return invited


def responses(rng, wave, invited):
    """Create the wave's responses; the invitees who have not answered."""
    campaign = wave.campaign
    version = campaign.version
    today = timezone.localdate()
    last_day = min(campaign.closes_on, today - datetime.timedelta(days=1))
    days = max(1, (last_day - campaign.opens_on).days)
    # The likeliest answer: 58 to 77 % of the invitees of a closed wave, a
    # third of the open one's so far.
    share = rng.uniform(0.58, 0.77) if not wave.is_open else 0.33
    scores = []
    for invitee, _respondent, key in invited:
        propensity = wave.propensity.setdefault(key, rng.uniform(0.3, 1.0))
        scores.append(propensity * (1 if invitee.is_member else 0.8) + rng.random())
    cut = sorted(scores, reverse=True)[min(len(scores), round(share * len(scores))) - 1]
    made, not_answered = [], []
    for (invitee, respondent, _key), score in zip(invited, scores, strict=True):
        featured = wave.featured.get(invitee.organisation_id)
        answered_at = wave.launched + datetime.timedelta(
            days=min(days, rng.expovariate(4 / days)), hours=rng.uniform(0, 8)
        )
        user = None
        if featured is not None and wave.is_open:
            user, started = featured
            state = Response.State.DRAFT if started else None
        elif featured is not None or score >= cut:
            state = Response.State.SUBMITTED
            user = featured[0] if featured else None
        elif wave.is_open and rng.random() < 0.12:
            state = Response.State.DRAFT
        else:
            state = None
        if state is None:
            not_answered.append(invitee)
            if not invitee.is_member and not wave.is_open and rng.random() < UNSUBSCRIBE_SHARE:
                invitee.unsubscribed_at = wave.launched + datetime.timedelta(days=rng.randint(1, 9))
                wave.propensity[key] = None
            continue
        submitted = state == Response.State.SUBMITTED
        answers = wave.draws.answers(
            rng, respondent, answered_at.date(), completeness=1.0 if submitted else 0.45
        )
        made.append(
            Response(
                invitee=invitee,
                campaign=campaign,
                state=state,
                answers=answers if submitted else {},
                draft={} if submitted else draft_of(version, answers, wave.draws),
                revision=version.revision,
                answered_by=user,
                started_at=answered_at - datetime.timedelta(minutes=rng.randint(4, 40)),
                updated_at=answered_at,
                submitted_at=answered_at if submitted else None,
            )
        )
    Response.objects.bulk_create(made, batch_size=1000)
    unsubscribed = [invitee for invitee in not_answered if invitee.unsubscribed_at]
    Invitee.objects.bulk_update(unsubscribed, ["unsubscribed_at"])
    return not_answered


def draft_of(version, answers, draws):
    """A draft as the autosave stores it: the form's posted names and texts."""
    questions = draws.questions + [c for columns in draws.columns.values() for c in columns]
    data = AnswerForm.data_from_answers(version, answers, questions)
    return {name: values if len(values) > 1 else values[0] for name, values in data.lists()}
