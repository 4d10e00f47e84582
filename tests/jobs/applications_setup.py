"""What the applications' tests share: an offer of « Usinage Alpha » on
cluster A's job board, the cast's candidate with a profile, an application."""

from ancrage.jobs.factories import ApplicationFactory, CandidateProfileFactory, PublicationFactory
from ancrage.organisations.models import Organisation


def alpha():
    return Organisation.objects.get(name="Usinage Alpha")


def alpha_offer(cast, **fields):
    """A visible offer of Usinage Alpha, applied to on Ancrage."""
    fields.setdefault("title", "Usineur / usineuse 5 axes")
    return PublicationFactory(
        cluster=cast.cluster_a,
        offer__organisation=alpha(),
        **{f"offer__{key}": value for key, value in fields.items()},
    ).offer


def candidate_profile(cast, **fields):
    fields.setdefault("headline", "Usineuse confirmée")
    return CandidateProfileFactory(user=cast.candidate, **fields)


def application(cast, **fields):
    """An application of the cast's candidate to an offer of Usinage Alpha."""
    if "offer" not in fields:
        fields["offer"] = alpha_offer(cast)
    if "candidate" not in fields:
        fields["candidate"] = candidate_profile(cast)
    return ApplicationFactory(**fields)
