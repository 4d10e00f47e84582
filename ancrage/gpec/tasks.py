"""The GPEC's background work, run by the django-tasks worker: a network
dashboard's figures (`dashboard.network.refresh`), asked for by the page
when they were never computed or are out of date. A task run twice, or
late, computes only what is still out of date."""

from django_tasks import task

from ancrage.clusters.models import Network
from ancrage.gpec.dashboard import network as network_board


@task()
def refresh_network_board(network_id, query):
    network = Network.objects.filter(pk=network_id).first()
    if network is None:
        return False
    network_board.refresh(network, query)
    return True
