import pytest

from tests.tenders.world import World


@pytest.fixture
def world(cast):
    return World(cast)
