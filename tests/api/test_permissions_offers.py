"""The offers in the API are public and read-only: the same answer for
everyone; a hidden offer answers 404."""

from ancrage.jobs.factories import OfferFactory, PublicationFactory
from tests.permissions import Case, everyone, permission_test


def visible(cast):
    return {"pk": PublicationFactory(cluster=cast.cluster_a).offer.pk}


def draft(cast):
    return {"pk": OfferFactory().pk}


MATRIX = [
    Case("api:offer-list", everyone(200)),
    Case("api:offer-list", everyone(400), data={"commune": "56121", "radius": "-5"}),
    Case("api:offer-list", everyone(405), method="post"),
    Case("api:offer-detail", everyone(200), kwargs=visible),
    Case("api:offer-detail", everyone(404), kwargs=draft),
    Case("api:offer-detail", everyone(404), kwargs={"pk": "abc"}),
    Case("api:offer-detail", everyone(405), kwargs=visible, method="delete"),
]

test_permissions = permission_test(MATRIX)
