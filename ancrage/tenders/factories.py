import factory

from ancrage.clusters.factories import ClusterFactory
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.matrix.models import ProfileActivity, ProfileMarket, ProfileSkill
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.tenders.models import Candidate, Consortium, Requirement, Tender


class TenderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tender

    cluster = factory.SubFactory(ClusterFactory)
    title = factory.Sequence(lambda n: f"Appel d'offres {n}")
    client = "Chantiers de l'Atlantique (fictif)"


class RequirementFactory(factory.django.DjangoModelFactory):
    """A skill requirement; pass `skill=None, activity=…` for an activity."""

    class Meta:
        model = Requirement

    tender = factory.SubFactory(TenderFactory)
    skill = factory.SubFactory(
        VocabularyEntryFactory, for_skill=True, cluster=factory.SelfAttribute("..tender.cluster")
    )


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    tender = factory.SubFactory(TenderFactory)
    membership = factory.SubFactory(
        MembershipFactory, cluster=factory.SelfAttribute("..tender.cluster")
    )


class ConsortiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consortium

    tender = factory.SubFactory(TenderFactory)


def member(
    cluster,
    name,
    *,
    skills=(),
    activities=(),
    markets=(),
    certifications=(),
    commune=None,
    headcount=None,
    status=Membership.Status.ACTIVE,
):
    """An active member of `cluster` with a matrix profile holding `skills`
    (VocabularyEntry), `activities` (Activity), `markets` (Market)."""
    membership = MembershipFactory(
        cluster=cluster,
        status=status,
        organisation__name=name,
        organisation__commune=commune,
        organisation__headcount=headcount,
    )
    profile = MatrixProfileFactory(
        membership=membership, occupation=None, certifications=list(certifications)
    )
    ProfileSkill.objects.bulk_create(ProfileSkill(profile=profile, entry=e) for e in skills)
    ProfileActivity.objects.bulk_create(
        ProfileActivity(profile=profile, activity=a) for a in activities
    )
    ProfileMarket.objects.bulk_create(ProfileMarket(profile=profile, market=m) for m in markets)
    return membership
