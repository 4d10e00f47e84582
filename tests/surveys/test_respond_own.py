import datetime
import html as html_lib

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.models import Membership
from ancrage.surveys.factories import InviteeFactory, ResponseFactory
from ancrage.surveys.models import Response, Status
from tests.cast import login
from tests.surveys.respond_world import campaign_of, make_world, valid_post

pytestmark = pytest.mark.django_db


def text(page):
    return html_lib.unescape(page.content.decode())


@pytest.fixture
def world(cast):
    return make_world(cast)


def invite(cast, **campaign_fields):
    campaign, _questions, _items = campaign_of(cast.cluster_a, **campaign_fields)
    organisation = Membership.objects.get(cluster=cast.cluster_a).organisation
    return InviteeFactory(campaign=campaign, organisation=organisation)


def test_the_organisation_lists_its_campaigns_open_first(client, cast, world):
    today = timezone.localdate()
    soon = invite(cast, title="Baromètre T3", closes_on=today + datetime.timedelta(days=3))
    ResponseFactory(invitee=soon, state=Response.State.DRAFT, submitted_at=None)
    past = invite(
        cast,
        title="Observatoire 2025",
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=30),
        status=Status.CLOSED,
    )
    ResponseFactory(invitee=past)
    invite(cast, title="Pas encore lancée", status=Status.DRAFT)
    login(client, cast.member_a)
    page = text(client.get(reverse("respond:mine")))
    assert (
        page.index("Baromètre T3")
        < page.index("Enquête RH annuelle")
        < page.index("Observatoire 2025")
    )
    assert "Pas encore lancée" not in page
    assert "Brouillon en cours" in page and "Pas encore commencée" in page
    assert "Réponses envoyées" in page and "close le" in page


def test_the_list_costs_the_same_whatever_the_number(
    client, cast, world, django_assert_max_num_queries
):
    for number in range(5):
        ResponseFactory(invitee=invite(cast, title=f"Vague {number}"))
    login(client, cast.member_a)
    client.get(reverse("respond:mine"))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("respond:mine")).status_code == 200


def test_answering_from_the_organisation_space(client, cast, world):
    login(client, cast.member_a)
    url = reverse("respond:answer_mine", args=[world["campaign"].pk])
    page = text(client.get(url))
    assert "Enquêtes de votre organisation" in page and 'name="effectif"' in page
    sent = client.post(url, valid_post(world))
    assert sent["Location"] == f"{url}?envoye=1"
    response = Response.objects.get()
    assert response.answered_by == cast.member_a
    assert "Merci, vos réponses sont enregistrées" in text(client.get(sent["Location"]))


def test_staff_read_one_response_and_it_is_audited(client, cast, world):
    client.post(reverse("respond:answer", args=[world["token"]]), valid_post(world))
    response = Response.objects.get()
    login(client, cast.staff_a)
    url = reverse("respond:staff_response", args=[world["campaign"].pk, response.pk])
    page = text(client.get(url))
    assert "Usinage Alpha" in page
    assert "42 salariés" in page and "Recruter" in page and "Non" in page
    assert "Usineur (H2903)" in page
    assert "Lien personnel de l'invitation" in page
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_id=str(response.pk), cluster_id=cast.cluster_a.pk
    ).exists()
    # Under another campaign's address: 404.
    other = make_world(cast)["campaign"]
    assert (
        client.get(reverse("respond:staff_response", args=[other.pk, response.pk])).status_code
        == 404
    )


def test_staff_see_a_draft_as_in_progress(client, cast, world):
    ResponseFactory(invitee=world["invitee"], state=Response.State.DRAFT, submitted_at=None)
    login(client, cast.staff_a)
    response = Response.objects.get()
    page = text(
        client.get(reverse("respond:staff_response", args=[world["campaign"].pk, response.pk]))
    )
    assert "Réponse en cours" in page


def test_reusing_the_previous_wave(client, cast, world):
    previous = invite(cast, title="Vague 1")
    ResponseFactory(invitee=previous, answers={"effectif": "40", "nom": "Ancien nom", "old": "x"})
    campaign = world["campaign"]
    # The previous wave used another version: only the keys still asked are taken.
    campaign.previous = previous.campaign
    campaign.save()
    url = reverse("respond:answer", args=[world["token"]])
    assert "Reprendre mes réponses de la vague précédente" in text(client.get(url))
    done = client.post(url, {"reuse_previous": "1"})
    assert done["Location"] == url
    page = text(client.get(url))
    assert 'value="40"' in page and 'value="Ancien nom"' in page
    assert "Vos réponses de la vague précédente sont reprises" in page
    assert "Reprendre mes réponses" not in page
    assert Response.objects.get(invitee=world["invitee"]).draft == {
        "effectif": "40",
        "nom": "Ancien nom",
    }
