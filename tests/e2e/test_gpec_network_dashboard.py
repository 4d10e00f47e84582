"""A platform administrator opens a network's GPEC dashboard in a real
browser before its figures were ever computed: the page says they are
coming; the worker computes them, and the board appears by itself, without
reloading the page."""

from ancrage.accounts.factories import UserFactory
from ancrage.clusters.models import Network
from ancrage.gpec import tasks
from tests.e2e.accessibility import assert_accessible
from tests.e2e.session import log_in
from tests.gpec.dashboard_sample import build


def test_the_board_appears_once_the_worker_computed_it(page, live_server, cast, dummy_tasks):
    build(cast)
    network = Network.objects.create(name="Réseau Ouest", slug="ouest")
    for cluster in (cast.cluster_a, cast.cluster_b):
        cluster.network = network
        cluster.save()
    log_in(page, live_server, UserFactory(platform_admin=True, with_mfa=True))
    page.goto("/plateforme/gpec/?reseau=ouest")
    status = page.get_by_role("status")
    status.get_by_text("en cours de calcul").wait_for()
    assert_accessible(page)
    assert page.locator("#gpec-totals").count() == 0

    # What the worker does with the task the page queued (its queue is the
    # server thread's: tests/gpec/test_dashboard_cache.py reads it).
    tasks.refresh_network_board.call(network.pk, "")
    page.locator("#gpec-totals").wait_for(timeout=15_000)  # polled every 5 s
    assert "5" in page.locator("#gpec-totals").inner_text()
    assert page.get_by_text("Chiffres calculés le").count() == 1
    assert page.get_by_text("en cours de calcul").count() == 0
    assert page.url.endswith("/plateforme/gpec/?reseau=ouest")  # not reloaded
    assert_accessible(page)
