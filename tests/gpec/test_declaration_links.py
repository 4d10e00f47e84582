"""Where the declarations are reached from: the organisation's menu, and the
member's page for the cluster's staff."""

import pytest
from django.urls import reverse

from tests.cast import login

pytestmark = pytest.mark.django_db


def test_organisation_users_find_their_declarations_in_the_menu(client, cast):
    login(client, cast.member_a)
    assert reverse("gpec_declarations:mine") in client.get("/").text


def test_staff_find_a_members_declarations_on_its_page(client, cast):
    organisation = cast.cluster_a.memberships.get().organisation
    login(client, cast.staff_a)
    page = client.get(reverse("members:detail", args=[organisation.pk])).text
    assert reverse("gpec_declarations:history", args=[organisation.pk]) in page


def test_organisation_users_reach_their_gpec_page_from_their_declarations(client, cast):
    login(client, cast.member_a)
    page = client.get(reverse("gpec_declarations:mine")).text
    assert reverse("gpec_company:mine", args=[cast.cluster_a.pk]) in page


def test_staff_reach_a_members_gpec_page_from_its_declarations(client, cast):
    organisation = cast.cluster_a.memberships.get().organisation
    login(client, cast.staff_a)
    page = client.get(reverse("gpec_declarations:history", args=[organisation.pk])).text
    assert reverse("gpec_company:staff", args=[organisation.pk]) in page


def test_staff_reach_every_gpec_screen_from_the_menu_and_the_gpec_tabs(client, cast):
    login(client, cast.staff_a)
    assert reverse("gpec_dashboard:dashboard") in client.get("/").text
    page = client.get(reverse("gpec_declarations:list")).text
    for name in (
        "gpec_dashboard:dashboard",
        "gpec_strategy:page",
        "gpec_training:list",
        "gpec_import:declarations",
        "gpec_assumptions:edit",
    ):
        assert reverse(name) in page
