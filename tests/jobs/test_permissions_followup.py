"""Who may open the follow-up and impact screens (the acting cluster's staff,
each on their own board) and confirm an offer (the people acting for its
organisation; another organisation's offer answers 404)."""

from ancrage.jobs.factories import OfferFactory, PublicationFactory
from ancrage.jobs.models import Offer
from ancrage.organisations.models import Organisation
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_POST = everyone(403, anonymous=LOGIN, member_a=REDIRECT)
OTHER = everyone(403, anonymous=LOGIN, member_a=404)
NOT_POST = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)


def own_offer(cast):
    offer = OfferFactory(
        organisation=Organisation.objects.get(name="Usinage Alpha"),
        status=Offer.Status.PUBLISHED,
    )
    PublicationFactory(cluster=cast.cluster_a, offer=offer)
    return {"pk": offer.pk}


def other_offer(cast):
    return {"pk": PublicationFactory(cluster=cast.cluster_a).offer_id}


MATRIX = [
    Case("jobs_followup:page", STAFF),
    Case("jobs_followup:page", STAFF, data={"candidatures": "-1", "jours": "abc"}),
    Case("jobs_followup:page", NOT_POST, method="post"),
    Case("jobs_impact:page", STAFF),
    Case("jobs_impact:page", STAFF, data={"annee": "1800"}),
    Case("jobs_impact:page", NOT_POST, method="post"),
    Case("jobs_impact:export", STAFF),
    Case("jobs_company:confirm", MEMBER, kwargs=own_offer),
    Case("jobs_company:confirm", MEMBER_POST, kwargs=own_offer, method="post"),
    Case("jobs_company:confirm", OTHER, kwargs=other_offer),
    Case("jobs_company:confirm", OTHER, kwargs=other_offer, method="post"),
]

test_permissions = permission_test(MATRIX)
