"""Who may open the applications' screens: a candidate applies and follows
their own applications; the people acting for an organisation read the
applications to its offers (another organisation's answer 404); only
schools relay internships (a company gets 403)."""

from ancrage.jobs.factories import (
    ApplicationFactory,
    CandidateProfileFactory,
    OfferFactory,
    PublicationFactory,
)
from ancrage.jobs.models import Application
from ancrage.organisations.models import Organisation
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_POST = everyone(403, anonymous=LOGIN, member_a=REDIRECT)
OTHER = everyone(403, anonymous=LOGIN, member_a=404)
CANDIDATE = everyone(403, anonymous=LOGIN, candidate=200)
CANDIDATE_POST = everyone(403, anonymous=LOGIN, candidate=REDIRECT)
CANDIDATE_OTHER = everyone(403, anonymous=LOGIN, candidate=404)


def _alpha():
    return Organisation.objects.get(name="Usinage Alpha")


def visible_offer(cast):
    return {"offer_pk": PublicationFactory(cluster=cast.cluster_a).offer.pk}


def visible_offer_with_profile(cast):
    CandidateProfileFactory(user=cast.candidate)
    return visible_offer(cast)


def hidden_offer(cast):
    return {"offer_pk": OfferFactory().pk}


def own_offer(cast):
    return {"offer_pk": OfferFactory(organisation=_alpha()).pk}


def other_offer(cast):
    return {"offer_pk": OfferFactory().pk}


def own_application(cast):
    return {"pk": ApplicationFactory(offer__organisation=_alpha()).pk}


def other_application(cast):
    return {"pk": ApplicationFactory().pk}


def candidates_application(cast):
    profile = CandidateProfileFactory(user=cast.candidate)
    return {"pk": ApplicationFactory(candidate=profile).pk}


def closed_candidates_application(cast):
    profile = CandidateProfileFactory(user=cast.candidate)
    return {"pk": ApplicationFactory(candidate=profile, status=Application.Status.HIRED).pk}


MATRIX = [
    # Applying: a candidate only; without a profile the page says what is missing.
    Case("jobs_apply:apply", CANDIDATE, kwargs=visible_offer),
    Case("jobs_apply:apply", CANDIDATE, kwargs=visible_offer_with_profile),
    Case(
        "jobs_apply:apply",
        CANDIDATE_POST,
        kwargs=visible_offer_with_profile,
        method="post",
        data={"message": "Bonjour"},
    ),
    Case("jobs_apply:apply", CANDIDATE_OTHER, kwargs=hidden_offer),
    Case("jobs_apply:apply", CANDIDATE_OTHER, kwargs=hidden_offer, method="post"),
    # The company's pipeline.
    Case("jobs_pipeline:index", MEMBER),
    Case("jobs_pipeline:offer", MEMBER, kwargs=own_offer),
    Case("jobs_pipeline:offer", OTHER, kwargs=other_offer),
    # Nothing checked: the page again with the error (bulk moves: test_pipeline.py).
    Case("jobs_pipeline:bulk", MEMBER, kwargs=own_offer, method="post", data={"status": "vue"}),
    Case("jobs_pipeline:bulk", OTHER, kwargs=other_offer, method="post", data={"status": "vue"}),
    Case("jobs_pipeline:bulk", everyone(403, anonymous=LOGIN, member_a=405), kwargs=own_offer),
    Case("jobs_pipeline:detail", MEMBER, kwargs=own_application),
    Case("jobs_pipeline:detail", OTHER, kwargs=other_application),
    Case(
        "jobs_pipeline:move",
        MEMBER_POST,
        kwargs=own_application,
        method="post",
        data={"status": "preselection", "email": "on"},
    ),
    Case(
        "jobs_pipeline:move",
        OTHER,
        kwargs=other_application,
        method="post",
        data={"status": "preselection"},
    ),
    Case(
        "jobs_pipeline:move", everyone(403, anonymous=LOGIN, member_a=405), kwargs=own_application
    ),
    Case(
        "jobs_pipeline:note",
        MEMBER_POST,
        kwargs=own_application,
        method="post",
        data={"text": "À rappeler"},
    ),
    Case(
        "jobs_pipeline:note",
        OTHER,
        kwargs=other_application,
        method="post",
        data={"text": "À rappeler"},
    ),
    # No letter, no CV: 404 for the company (the downloads: test_pipeline.py,
    # where the streamed file is closed).
    Case("jobs_pipeline:cover_letter", OTHER, kwargs=own_application),
    Case("jobs_pipeline:cover_letter", OTHER, kwargs=other_application),
    Case("jobs_pipeline:cv", OTHER, kwargs=own_application),
    Case("jobs_pipeline:cv", OTHER, kwargs=other_application),
    # The candidate's applications.
    Case("jobs_my_applications:list", CANDIDATE),
    Case("jobs_my_applications:withdraw", CANDIDATE, kwargs=candidates_application),
    Case(
        "jobs_my_applications:withdraw",
        CANDIDATE_POST,
        kwargs=candidates_application,
        method="post",
    ),
    # Closed: the page says it cannot be withdrawn.
    Case(
        "jobs_my_applications:withdraw",
        CANDIDATE,
        kwargs=closed_candidates_application,
        method="post",
    ),
    Case("jobs_my_applications:withdraw", CANDIDATE_OTHER, kwargs=other_application),
    Case("jobs_my_applications:withdraw", CANDIDATE_OTHER, kwargs=other_application, method="post"),
    # Relay: schools only (Usinage Alpha is a company: 403, see test_relay.py).
    Case("jobs_relay:list", everyone(403, anonymous=LOGIN)),
    Case("jobs_relay:relay", everyone(403, anonymous=LOGIN), kwargs=visible_offer),
    Case(
        "jobs_relay:relay",
        everyone(403, anonymous=LOGIN),
        kwargs=visible_offer,
        method="post",
        data={"addresses": "a@x.fr"},
    ),
]

test_permissions = permission_test(MATRIX)
