"""Who may open each answering screen. The personal links are public: anyone
holding a valid link answers (the token is the proof). The organisation's
side is for the people acting for an invited organisation; another
organisation's campaign answers 404. One response is read by the staff of
the campaign's cluster only."""

from ancrage.organisations.factories import OrganisationFactory
from ancrage.surveys import tokens
from ancrage.surveys.factories import InviteeFactory, ResponseFactory
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test
from tests.surveys.respond_world import campaign_of, make_world

MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_404 = everyone(403, anonymous=LOGIN, member_a=404)
STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)


def answer_link(cast):
    return {"token": make_world(cast)["token"]}


def unsubscribe_link(cast):
    return {"token": tokens.unsubscribe_token(make_world(cast)["invitee"])}


def own_campaign(cast):
    return {"pk": make_world(cast)["campaign"].pk}


def other_organisation_campaign(cast):
    campaign, _questions, _items = campaign_of(cast.cluster_a)
    InviteeFactory(campaign=campaign, organisation=OrganisationFactory())
    return {"pk": campaign.pk}


def response_of_a(cast):
    world = make_world(cast)
    response = ResponseFactory(invitee=world["invitee"], answers={"effectif": "12"})
    return {"campaign_pk": world["campaign"].pk, "pk": response.pk}


DRAFT = {"save_draft": "1", "effectif": "12"}

MATRIX = [
    Case("respond:answer", everyone(200), kwargs=answer_link),
    Case("respond:answer", everyone(200), kwargs=answer_link, method="post", data=DRAFT),
    Case("respond:draft", everyone(REDIRECT), kwargs=answer_link, method="post", data=DRAFT),
    Case("respond:draft", everyone(405), kwargs=answer_link),
    Case("respond:unsubscribe", everyone(200), kwargs=unsubscribe_link),
    Case("respond:unsubscribe", everyone(200), kwargs=unsubscribe_link, method="post"),
    Case("respond:mine", MEMBER),
    Case("respond:answer_mine", MEMBER, kwargs=own_campaign),
    Case("respond:answer_mine", MEMBER, kwargs=own_campaign, method="post", data=DRAFT),
    Case("respond:answer_mine", MEMBER_404, kwargs=other_organisation_campaign),
    Case("respond:staff_response", STAFF_OF_A, kwargs=response_of_a),
]

test_permissions = permission_test(MATRIX)
