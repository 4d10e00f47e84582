"""The demo's ~1,500 fictitious members: where they are, what their matrix
profiles hold, the stories the demo tells (a profile to validate, pending
proposals, tenders), and a second load that changes nothing."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from ancrage.clusters.models import Cluster
from ancrage.demo import data
from ancrage.demo.members_data import MEMBERS, SHARED_WITH_NAVAL
from ancrage.matrix.models import MatrixProfile, ProfileSkill, Proposal, State, Transition
from ancrage.organisations.identifiers import clean_naf, clean_siren, clean_siret
from ancrage.organisations.models import (
    Contact,
    Establishment,
    Membership,
    Organisation,
    OrganisationUser,
    SizeClass,
)
from ancrage.tenders.models import Candidate, Consortium, Requirement, Tender
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory

pytestmark = pytest.mark.django_db

ESTUARY = "Chaudronnerie de l'Estuaire (fictive)"


@pytest.fixture
def loaded():
    """The 15 seats, plus communes of Loire-Atlantique for Neopolia's members;
    then the demo, loaded once."""
    bretagne = RegionFactory(code="53", name="Bretagne")
    morbihan = DepartmentFactory(code="56", name="Morbihan", region=bretagne)
    for _, _, _, code, _ in data.CLUSTERS:
        CommuneFactory(code=code, department=morbihan)
    pays_de_la_loire = RegionFactory(code="52", name="Pays de la Loire")
    loire_atlantique = DepartmentFactory(
        code="44", name="Loire-Atlantique", region=pays_de_la_loire
    )
    CommuneFactory(code="44109", name="Nantes", population=320_000, department=loire_atlantique)
    CommuneFactory(code="44020", name="Bouguenais", population=20_000, department=loire_atlantique)
    call_command("load_demo", stdout=StringIO())


def test_about_1500_members_across_the_fifteen_clusters(loaded):
    assert 1450 <= Organisation.objects.count() <= 1550
    members = dict(Cluster.objects.annotate(n=Count("memberships")).values_list("slug", "n"))
    expected = {slug: demo.count for slug, demo in MEMBERS.items()}
    expected["neopolia"] += 1  # the chaudronnerie of the stories
    assert members == expected
    assert len(members_of("neopolia") & members_of("bretagne-pole-naval")) == SHARED_WITH_NAVAL
    statuses = Membership.objects.values_list("status", flat=True)
    assert 0 < list(statuses).count(Membership.Status.FORMER) < 100


def test_members_look_real(loaded):
    organisations = Organisation.objects.exclude(name=ESTUARY).select_related("commune")
    assert {o.kind for o in organisations} > {"company", "training", "lab"}
    sizes = {o.size_class for o in organisations}
    assert sizes >= {SizeClass.TPE, SizeClass.PME, SizeClass.ETI}
    for organisation in organisations:
        assert clean_siren(organisation.siren) == organisation.siren
        assert clean_naf(organisation.naf_code) == organisation.naf_code
        assert organisation.website.endswith(".example.org")
        assert "(FICTI" in organisation.legal_name.upper()
        assert organisation.description
        if organisation.headcount is not None:
            assert organisation.size_class == SizeClass.for_headcount(organisation.headcount)
    assert len({o.siren for o in organisations}) == organisations.count()
    # Neopolia's members are drawn among the communes of its departments, by population.
    members = members_of("neopolia")
    neopolia = Counter(o.commune.code for o in organisations if o.pk in members)
    assert set(neopolia) == {"44109", "44020"}
    assert neopolia["44109"] > neopolia["44020"]
    head_offices = Establishment.objects.filter(is_head_office=True)
    assert head_offices.count() == Organisation.objects.count()
    assert all(clean_siret(e.siret) == e.siret for e in head_offices)
    assert Contact.objects.exclude(email="").count() >= organisations.count()


def counts(queryset, field):
    return dict(queryset.values(field).annotate(n=Count("pk")).values_list(field, "n"))


def members_of(slug):
    """Organisations with a membership in the cluster `slug` (simple queries:
    the test database has no statistics for the planner to join well)."""
    cluster = Cluster.objects.get(slug=slug)
    return set(Membership.objects.filter(cluster=cluster).values_list("organisation", flat=True))


def test_profiles_follow_the_matrix_rules(loaded):
    profiles = MatrixProfile.objects.select_related("membership__cluster", "occupation")
    assert profiles.count() > 0.85 * Membership.objects.active().count()
    states = counts(profiles, "state")
    assert states[State.VALIDATED] > 0.7 * profiles.count()
    assert states[State.SUBMITTED] and states[State.TO_REVIEW] and states[State.DRAFT]
    for profile in profiles:
        cluster = profile.membership.cluster
        assert profile.occupation.cluster_id == cluster.pk
        assert profile.occupation.kind == "occupation"
        skills = list(profile.skills.select_related("entry"))
        assert 3 <= len(skills) <= cluster.matrix_max_skills
        assert {s.entry.cluster_id for s in skills} == {cluster.pk}
        assert {s.entry.kind for s in skills} == {"skill"}
        assert 1 <= profile.activities.count() <= 5
        assert 1 <= profile.markets.count() <= 4
        if profile.state in (State.VALIDATED, State.TO_REVIEW):
            assert profile.validated_at and profile.validated_by
    assert Transition.objects.filter(to_state=State.VALIDATED).count() >= states[State.VALIDATED]
    certified = profiles.exclude(certifications=[])
    assert certified.filter(certifications__contains=["EN 9100"]).exists()
    assert certified.filter(certifications__contains=["ISO 9001"]).exists()
    # Some skills are everywhere, some rare.
    neopolia = Cluster.objects.get(slug="neopolia")
    skills = ProfileSkill.objects.filter(entry__cluster=neopolia)
    uses = sorted(Counter(skills.values_list("entry", flat=True)).values())
    assert uses[-1] > 10 * uses[0]


def test_the_stories_of_the_demo(loaded):
    estuary = MatrixProfile.objects.get(membership__organisation__name=ESTUARY)
    assert estuary.state == State.SUBMITTED
    assert estuary.skills.count() == 6
    assert estuary.transitions.get().note
    assert OrganisationUser.objects.filter(
        organisation__name=ESTUARY, user__email="dirigeante.chaudronnerie@example.org"
    ).exists()
    pending = Proposal.objects.filter(status=Proposal.Status.PENDING)
    assert sorted(pending.values_list("profile__membership__cluster__slug", flat=True)) == [
        "bretagne-pole-naval",
        "neopolia",
    ]
    for proposal in pending:
        assert proposal.proposed_by.organisation_links.get().organisation == (
            proposal.profile.membership.organisation
        )
    tenders = Tender.objects.all()
    assert set(tenders.values_list("cluster__slug", flat=True)) == {
        "neopolia",
        "bretagne-pole-naval",
    }
    won = tenders.get(outcome=Tender.Outcome.WON)
    assert won.amount > 0
    consortium = Consortium.objects.get(tender=won)
    assert consortium.members.count() == 2
    assert Requirement.objects.filter(must_have=True).count() >= 8
    assert Requirement.objects.filter(activity__isnull=False).exists()
    assert set(Candidate.objects.values_list("status", flat=True)) >= {
        Candidate.Status.INTERESTED,
        Candidate.Status.CONTACTED,
        Candidate.Status.DECLINED,
    }


def test_a_second_load_changes_nothing(loaded):
    models = (
        Organisation,
        Membership,
        Establishment,
        Contact,
        MatrixProfile,
        ProfileSkill,
        Transition,
        Proposal,
        Tender,
        Requirement,
        Candidate,
        OrganisationUser,
    )
    before = {model: model.objects.count() for model in models}
    states = dict(MatrixProfile.objects.values_list("pk", "state"))
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert {model: model.objects.count() for model in models} == before
    assert dict(MatrixProfile.objects.values_list("pk", "state")) == states
    assert "Adhérents fictifs : déjà chargés." in out.getvalue()
    assert "responsable.qualite@example.org" in out.getvalue()

    # A member removed by the team is not brought back.
    first = Organisation.objects.order_by("siren").exclude(name=ESTUARY).first()
    first.memberships.all().delete()
    first.delete()
    call_command("load_demo", stdout=StringIO())
    assert Organisation.objects.count() == before[Organisation] - 1
