"""The GPEC board over every cluster of a network (/plateforme/gpec/). The
default assumptions apply, and statistical secrecy: a figure resting on
fewer than 3 organisations, or dominated by one, is « secret », and so is a
second one of a column whose total is shown.

    found = board(network, request.GET)   # raises cache.NotReady
    departments(network)                  # the codes a board may be filtered on
    refresh_everything(network)           # the worker's and the nightly command's

Only the département and the day filter it: two views filtered on another
axis (size, market…, or a basin, a zone or a commune inside a département)
would be subtracted from each other (the organisations of one size =
everyone minus the others). A département whose row the network's
département table hides cannot be chosen: its board would add up to it.

Its figures are computed in the background (`dashboard.cache`): the page
reads them, and `refresh` (the worker's task, the nightly command) computes
them."""

from types import SimpleNamespace

from django.db import connection, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ancrage.gpec import assumptions as gpec_assumptions
from ancrage.gpec import population as populations
from ancrage.gpec.dashboard import board as boards
from ancrage.gpec.dashboard import cache, filters, territories
from ancrage.matrix import facets_display
from ancrage.matrix.query import Scope

TERRITORY_AXES = ("departement",)
ACCEPTED = (
    "reseau",
    *TERRITORY_AXES,
    *(axis + facets_display.SEARCH_SUFFIX for axis in TERRITORY_AXES),
    "au",
    "horizon",
    "pyramide",
)
# What the figures depend on: the horizon and the pyramid only draw them.
COMPUTED = ("departement", "au")
# The longest statement of a computation (the whole national network's
# longest takes about 3 s).
REFRESH_TIMEOUT = "5min"


def _accepted(params):
    """(the query string's territory and day filters, the titles of the
    other axes asked for)."""
    kept = QueryDict(mutable=True)
    for key in ACCEPTED:
        if key in params:
            kept.setlist(key, params.getlist(key))
    dropped = [
        str(facets_display.TITLES[axis])
        for axis in filters.AXES
        if axis not in TERRITORY_AXES and any(value.strip() for value in params.getlist(axis))
    ]
    if any(value.strip() for value in params.getlist("bassin")):
        dropped.append(_("Bassin d'emploi"))
    return kept, dropped


def _everyone(scope, as_of, assumptions):
    """The territories of the whole network on the day (their table vets
    the départements asked for)."""
    everyone = populations.for_request(
        scope, QueryDict(), as_of=as_of, freshness_months=assumptions.freshness_months
    )
    found, _totals = territories.territories(everyone, assumptions)
    return everyone, territories.table(found, territories.DEPARTMENT, True)


def _hidden(table):
    """The codes of the départements whose row the table hides."""
    return {row[0].value for row in table.rows if any(cell.hidden for cell in row[2:])}


def board(network, params):
    """The network's `Board` for the query string `params`, with `stale`
    set when one of its figures is out of date."""
    assumptions = gpec_assumptions.defaults()
    scope = Scope.of_network(network)
    kept, dropped = _accepted(params)
    wanted = {value.strip() for value in kept.getlist("departement")} - {""}
    hidden, stale = set(), False
    if wanted:
        as_of, _error = filters.parse_as_of(kept.get("au"), timezone.localdate())
        everyone, table = _everyone(scope, as_of, assumptions)
        hidden = wanted & _hidden(table)
        stale = cache.is_stale(everyone)
    if hidden:
        kept.setlist(
            "departement",
            [value for value in kept.getlist("departement") if value.strip() not in hidden],
        )
    found = filters.read(
        SimpleNamespace(GET=kept),  # the filters read nothing else of the request
        scope,
        freshness_months=assumptions.freshness_months,
        fixed=[("reseau", network.slug)],
    )
    found.panel = [facet for facet in found.panel if facet.axis in TERRITORY_AXES]
    if dropped:
        found.errors.append(
            _(
                "Sur le tableau d'un réseau, seuls le département et la date filtrent les "
                "chiffres (secret statistique) : filtre ignoré : %(axes)s."
            )
            % {"axes": ", ".join(dropped)}
        )
    if hidden:
        found.errors.append(
            _(
                "Secret statistique : les chiffres de ce département reposent sur trop peu "
                "d'organisations pour être montrés seuls : filtre ignoré : %(codes)s."
            )
            % {"codes": ", ".join(sorted(hidden))}
        )
    drawn = boards.build(found, assumptions, secret=True)
    drawn.stale = stale or cache.is_stale(found.population)
    return drawn


def computed_query(params):
    """The part of the query string the figures depend on (what the worker
    is asked to compute)."""
    kept = QueryDict(mutable=True)
    for key in COMPUTED:
        values = [value.strip() for value in params.getlist(key) if value.strip()]
        if values:
            kept.setlist(key, sorted(values))
    return kept.urlencode()


def refresh(network, query=""):
    """Compute and store what the board of `query` reads and is missing
    or out of date, in one transaction. A statement longer than
    `REFRESH_TIMEOUT` is interrupted: right after a bulk load, before
    PostgreSQL has gathered the tables' statistics, a plan can go wrong and
    must not hold the worker for hours (the page asks again later)."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [REFRESH_TIMEOUT])
        with cache.computing():
            board(network, QueryDict(query))


def refresh_everything(network):
    """Compute the board of the whole network and of each département it
    may be filtered on, for today: the départements' codes."""
    refresh(network)
    codes = departments(network)
    for code in codes:
        refresh(network, urlencode({"departement": code}))
    return codes


def departments(network):
    """The codes of the départements the network's board may be filtered on
    today (those its département table shows)."""
    assumptions = gpec_assumptions.defaults()
    with cache.computing():
        _people, table = _everyone(Scope.of_network(network), timezone.localdate(), assumptions)
    hidden = _hidden(table)
    return [row[0].value for row in table.rows if row[0].value not in hidden]
