"""Whatever a person types or forges in a URL, the member screens answer
with a French message or a 404, never a 500."""

import pytest
from django.urls import reverse

from ancrage.organisations.models import Organisation
from tests.cast import login

HUGE = 10**20


@pytest.mark.parametrize(
    "url",
    [
        reverse("members:detail", args=[HUGE]),
        reverse("members:edit", args=[HUGE]),
        reverse("members:contact_edit", args=[1, HUGE]),
        reverse("member_directory:detail", args=["alpha", HUGE]),
    ],
)
def test_out_of_range_ids_answer_404(client, cast, url):
    login(client, cast.staff_a)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "mystere"},
        {"page": "abc"},
        {"page": "-3"},
        {"q": "\x00"},
        {"q": "%_'\"" * 40},
        {"size": "xl", "kind": "ovni", "status": "?", "fee": "peut-être"},
        {"naf_section": "Z"},
        {"zone": "x" * 200},
    ],
)
def test_odd_filters(client, cast, params):
    login(client, cast.staff_a)
    response = client.get(reverse("members:list"), params)
    assert response.status_code == 200
    public = client.get(reverse("member_directory:list", args=["alpha"]), params)
    assert public.status_code == 200


def test_odd_profile_values_are_refused_in_french(client, cast):
    login(client, cast.member_a)
    response = client.post(
        reverse("organisation:edit"),
        {
            "name": "Usinage\x00Alpha",
            "kind": "fusée",
            "headcount": "99999999999",
            "naf_code": "\x00",
            "turnover_band": "beaucoup",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Le caractère nul n’est pas autorisé." in page
    assert "Sélectionnez un choix valide" in page
    assert "inférieure ou égale à 2147483647" in page
    assert Organisation.objects.get(name="Usinage Alpha")


def test_odd_membership_values(client, cast):
    login(client, cast.staff_a)
    organisation = Organisation.objects.get(name="Usinage Alpha")
    response = client.post(
        reverse("members:membership_edit", args=[organisation.pk]),
        {"status": "active", "since": "31/02/2024", "fee_year": "deux mille"},
    )
    page = response.content.decode()
    assert "Saisissez une date valide." in page
    assert "Saisissez un nombre entier." in page
