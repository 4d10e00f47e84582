"""The public pages of the job boards are the same for everyone, anonymous
visitors included: a visible offer answers 200, a hidden one 404, an ended
one 410; they only read (POST answers 405)."""

from django.utils.text import slugify

from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory, PublicationFactory
from ancrage.organisations.models import Organisation
from tests.permissions import Case, everyone, permission_test


def visible_offer(cast):
    return PublicationFactory(cluster=cast.cluster_a, offer__title="Usineur CN").offer


def visible(cast):
    return {"pk": visible_offer(cast).pk}


def visible_slug(cast):
    offer = visible_offer(cast)
    return {"pk": offer.pk, "slug": slugify(offer.title)}


def wrong_slug(cast):
    return {"pk": visible_offer(cast).pk, "slug": "autre"}


def draft(cast):
    return {"pk": OfferFactory(organisation=Organisation.objects.get(name="Usinage Alpha")).pk}


def closed(cast):
    offer = visible_offer(cast)
    lifecycle.close(offer, filled=True)
    return {"pk": offer.pk}


def closed_slug(cast):
    return {**closed(cast), "slug": "usineur-cn"}


def board_a(cast):
    return {"slug": cast.cluster_a.slug}


def board_b(cast):
    PublicationFactory(cluster=cast.cluster_b)
    return {"slug": cast.cluster_b.slug}


MATRIX = [
    Case("jobs_public:offer", everyone(200), kwargs=visible),
    Case("jobs_public:offer", everyone(404), kwargs=draft),
    Case("jobs_public:offer", everyone(410), kwargs=closed),
    Case("jobs_public:offer", everyone(405), kwargs=visible, method="post"),
    Case("jobs_public:offer_slug", everyone(200), kwargs=visible_slug),
    Case("jobs_public:offer_slug", everyone(301), kwargs=wrong_slug),
    Case("jobs_public:offer_slug", everyone(404), kwargs=lambda cast: {**draft(cast), "slug": "x"}),
    Case("jobs_public:offer_slug", everyone(410), kwargs=closed_slug),
    Case("jobs_public:offer_slug", everyone(405), kwargs=visible_slug, method="post"),
    Case("jobs_board:list", everyone(200), kwargs=board_a),
    Case("jobs_board:list", everyone(200), kwargs=board_b),
    Case("jobs_board:list", everyone(404), kwargs={"slug": "inconnu"}),
    Case("jobs_board:list", everyone(405), kwargs=board_a, method="post"),
    Case("jobs_board:feed", everyone(200), kwargs=board_a),
    Case("jobs_board:feed", everyone(404), kwargs={"slug": "inconnu"}),
    Case("jobs_board:feed", everyone(405), kwargs=board_a, method="post"),
]

test_permissions = permission_test(MATRIX)
