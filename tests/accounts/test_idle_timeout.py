from datetime import timedelta
from html import unescape

import time_machine
from django.utils import timezone

from tests.cast import login


def test_privileged_user_idle_for_two_hours_is_logged_out(client, cast):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        login(client, cast.staff_a)
        assert client.get("/compte/").status_code == 200
        traveller.shift(timedelta(hours=1, minutes=59))
        assert client.get("/compte/").status_code == 200
        # Activity resets the clock: two more hours from here.
        traveller.shift(timedelta(hours=2, seconds=1))
        response = client.get("/compte/")
    assert response["Location"] == "/compte/connexion/?next=%2Fcompte%2F"
    assert "_auth_user_id" not in client.session
    page = unescape(client.get(response["Location"]).text)
    assert "Votre session a expiré après 120 minutes d'inactivité" in page


def test_candidate_keeps_the_session(client, cast):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        login(client, cast.candidate)
        client.get("/")
        traveller.shift(timedelta(hours=5))
        assert client.get("/compte/").status_code == 200
