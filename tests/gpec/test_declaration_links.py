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
