"""Who may use the moderation screens: the acting cluster's staff (the
settings: its administrators); another cluster's publications answer 404 to
its staff."""

from ancrage.jobs.factories import PublicationFactory
from ancrage.jobs.models import Offer, Publication
from ancrage.organisations.models import Organisation
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_POST = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=REDIRECT)
ON_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
ACTION_ON_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)


def pending_on_a(cast):
    publication = PublicationFactory(
        cluster=cast.cluster_a,
        status=Publication.Status.PENDING,
        offer__organisation=Organisation.objects.get(name="Usinage Alpha"),
        offer__status=Offer.Status.SUBMITTED,
        offer__published_on=None,
    )
    return {"pk": publication.pk}


MATRIX = [
    Case("jobs_moderation:list", STAFF),
    Case("jobs_moderation:detail", ON_A, kwargs=pending_on_a),
    Case("jobs_moderation:publish", ACTION_ON_A, kwargs=pending_on_a, method="post"),
    Case("jobs_moderation:publish", NOT_GET, kwargs=pending_on_a),
    Case(
        "jobs_moderation:refuse",
        ACTION_ON_A,
        kwargs=pending_on_a,
        method="post",
        data={"reason": "Offre de formation, pas d'emploi."},
    ),
    Case("jobs_moderation:refuse", NOT_GET, kwargs=pending_on_a),
    Case("jobs_moderation:settings", STAFF),
    Case("jobs_moderation:settings", STAFF_POST, method="post", data={"moderation": "apres"}),
]

test_permissions = permission_test(MATRIX)

# Staff who are not administrators of their cluster get 403 on the settings:
# checked in test_moderation.py.
