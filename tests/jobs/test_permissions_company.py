"""Who may open the member company's offer screens: the people acting for
the organisation only; another organisation's offers answer 404."""

from ancrage.jobs.factories import OfferFactory
from ancrage.organisations.models import Organisation
from tests.jobs.offer_data import offer_form
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_POST = everyone(403, anonymous=LOGIN, member_a=REDIRECT)

OFFER_FORM = offer_form(
    title="Technicien / technicienne de maintenance",
    description="Maintenance préventive et curative.",
)


def own_offer(cast):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    return {"pk": OfferFactory(organisation=organisation).pk}


def other_offer(cast):
    return {"pk": OfferFactory().pk}


OTHER = everyone(403, anonymous=LOGIN, member_a=404)

MATRIX = [
    Case("jobs_company:list", MEMBER),
    Case("jobs_company:create", MEMBER),
    Case("jobs_company:create", MEMBER_POST, method="post", data=OFFER_FORM),
    Case("jobs_company:detail", MEMBER, kwargs=own_offer),
    Case("jobs_company:detail", OTHER, kwargs=other_offer),
    Case("jobs_company:edit", MEMBER, kwargs=own_offer),
    Case("jobs_company:edit", MEMBER_POST, kwargs=own_offer, method="post", data=OFFER_FORM),
    Case("jobs_company:edit", OTHER, kwargs=other_offer),
    Case("jobs_company:edit", OTHER, kwargs=other_offer, method="post", data=OFFER_FORM),
    Case("jobs_company:submit", MEMBER, kwargs=own_offer),
    # Posted with no cluster: the form is shown again with the error (the
    # submission itself is in test_company_views.py).
    Case("jobs_company:submit", MEMBER, kwargs=own_offer, method="post"),
    Case("jobs_company:submit", OTHER, kwargs=other_offer),
    Case("jobs_company:submit", OTHER, kwargs=other_offer, method="post"),
    Case("jobs_company:close", MEMBER, kwargs=own_offer),
    Case(
        "jobs_company:close", MEMBER_POST, kwargs=own_offer, method="post", data={"filled": "non"}
    ),
    Case("jobs_company:close", OTHER, kwargs=other_offer),
    Case("jobs_company:close", OTHER, kwargs=other_offer, method="post", data={"filled": "non"}),
]

test_permissions = permission_test(MATRIX)
