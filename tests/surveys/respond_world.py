"""A campaign of cluster Alpha with a question of every kind, and its invitees."""

from ancrage.organisations.models import Membership
from ancrage.surveys import tokens
from ancrage.surveys.factories import CampaignFactory, InviteeFactory
from ancrage.surveys.models import GpecFact
from tests.surveys.answer_fixtures import every_kind_version


def campaign_of(cluster, **kwargs):
    version, questions, items = every_kind_version()
    questions["effectif"].gpec_fact = GpecFact.HEADCOUNT
    questions["effectif"].save()
    version.questionnaire.cluster = cluster
    version.questionnaire.save()
    campaign = CampaignFactory(
        cluster=cluster, questionnaire=version.questionnaire, version=version, **kwargs
    )
    return campaign, questions, items


def make_world(cast):
    campaign, questions, items = campaign_of(cast.cluster_a, title="Enquête RH annuelle")
    organisation = Membership.objects.get(cluster=cast.cluster_a).organisation
    invitee = InviteeFactory(campaign=campaign, organisation=organisation, name=organisation.name)
    return {
        "campaign": campaign,
        "version": campaign.version,
        "questions": questions,
        "items": items,
        "invitee": invitee,
        "token": tokens.answer_token(invitee),
    }


def valid_post(world, **overrides):
    version = world["version"]
    return {
        "version": str(version.pk),
        "revision": str(version.revision),
        "keys": " ".join(q.key for q in world["questions"].values() if not q.parent_id),
        "effectif": "42",
        "probleme": "recrut",
        "recrute": "false",
        "postes__0__metier_ligne": "H2903",
        "postes__0__ouverts": "2",
        **overrides,
    }
