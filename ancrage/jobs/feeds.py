"""The Atom feeds of offers: a cluster's job board, with the board's filters
in its query string (clusters/<slug>/offres/flux.atom?contract=cdi…), and
the public search, with the search's (offres/flux.atom?q=soudeur&…; wrong
parameters give an empty feed). Atom readers read the summary as HTML: the
company's text is escaped first."""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ancrage.clusters.models import Cluster
from ancrage.jobs.views import search as search_views
from ancrage.jobs.views.public import PAGE_SIZE, board_offers, offer_url

FEED_SIZE = 2 * PAGE_SIZE


class OfferFeed(Feed):
    """What both feeds say of an offer."""

    feed_type = Atom1Feed

    def item_title(self, offer):
        return f"{offer.title} — {offer.organisation.name} — {offer.commune.name}"

    def item_description(self, offer):
        return linebreaks_filter(escape(offer.description))

    def item_link(self, offer):
        return offer_url(offer)

    def item_author_name(self, offer):
        return offer.organisation.name

    def item_pubdate(self, offer):
        day = offer.published_on or timezone.localdate(offer.created_at)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def item_updateddate(self, offer):
        return offer.updated_at

    def item_categories(self, offer):
        return [offer.get_contract_display()]


class BoardFeed(OfferFeed):
    def get_object(self, request, slug):
        cluster = get_object_or_404(Cluster, slug=slug)
        self.query = request.GET
        return cluster

    def title(self, cluster):
        return _("Offres d'emploi — %(cluster)s") % {"cluster": cluster.name}

    def subtitle(self, cluster):
        return _("Les offres des adhérents de %(cluster)s, les plus récentes d'abord.") % {
            "cluster": cluster.name
        }

    def link(self, cluster):
        url = reverse("jobs_board:list", args=[cluster.slug])
        filters = self.query.copy()
        filters.pop("page", None)
        return f"{url}?{filters.urlencode()}" if filters else url

    def items(self, cluster):
        _form, offers = board_offers(cluster, self.query)
        return offers[:FEED_SIZE]


@login_not_required
@require_safe
def board_feed(request, slug):
    return BoardFeed()(request, slug=slug)


class SearchFeed(OfferFeed):
    def get_object(self, request):
        self.query = request.GET
        return None

    def title(self):
        return _("Offres d'emploi — votre recherche")

    def subtitle(self):
        return _("Les offres qui répondent à votre recherche, dans l'ordre de la recherche.")

    def link(self):
        params = search_views.querystring(self.query)
        url = reverse("jobs_search:search")
        return f"{url}?{params}" if params else url

    def items(self):
        _form, offers, _facets = search_views.run(self.query, with_facets=False)
        return [] if offers is None else offers[:FEED_SIZE]


@login_not_required
@require_safe
def search_feed(request):
    return SearchFeed()(request)
