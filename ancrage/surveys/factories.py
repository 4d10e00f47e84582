import datetime

import factory
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.organisations.factories import OrganisationFactory
from ancrage.surveys.models import (
    Campaign,
    Invitee,
    Kind,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    Section,
    Status,
)


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    """A questionnaire with its first version (`questionnaire.current_version`)."""

    class Meta:
        model = Questionnaire
        skip_postgeneration_save = True

    cluster = factory.SubFactory(ClusterFactory)
    title = factory.Sequence(lambda n: f"Enquête RH {n}")
    version = factory.RelatedFactory(
        "ancrage.surveys.factories.VersionFactory", factory_related_name="questionnaire"
    )


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionnaireVersion

    questionnaire = factory.SubFactory(QuestionnaireFactory, version=None)
    number = factory.Sequence(lambda n: n + 1)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    version = factory.SubFactory(VersionFactory)
    title = factory.Sequence(lambda n: f"Section {n}")
    position = factory.Sequence(int)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question; `QuestionFactory(section=s, kind=Kind.SINGLE_CHOICE,
    choices=[{"value": "a", "label": "A"}])`. Columns of a table question:
    `QuestionFactory(section=s, parent=table, kind=Kind.NUMBER)`."""

    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    version = factory.SelfAttribute("section.version")
    key = factory.Sequence(lambda n: f"q{n}")
    kind = Kind.NUMBER
    label = factory.Sequence(lambda n: f"Question {n}")
    position = factory.Sequence(int)


class CampaignFactory(factory.django.DjangoModelFactory):
    """An open campaign (opened yesterday, closing in a month)."""

    class Meta:
        model = Campaign

    cluster = factory.SubFactory(ClusterFactory)
    questionnaire = factory.SubFactory(
        QuestionnaireFactory, cluster=factory.SelfAttribute("..cluster")
    )
    version = factory.LazyAttribute(lambda o: o.questionnaire.current_version)
    title = factory.LazyAttribute(lambda o: o.questionnaire.title)
    period_label = "2026"
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = Status.OPEN
    launched_at = factory.LazyFunction(timezone.now)


class InviteeFactory(factory.django.DjangoModelFactory):
    """A member organisation invited to a campaign."""

    class Meta:
        model = Invitee

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.LazyAttribute(lambda o: o.organisation.name if o.organisation else "Externe")
    email = factory.Sequence(lambda n: f"enquete{n}@example.org")
    is_member = True
    invited_at = factory.LazyFunction(timezone.now)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    invitee = factory.SubFactory(InviteeFactory)
    campaign = factory.SelfAttribute("invitee.campaign")
    state = Response.State.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
