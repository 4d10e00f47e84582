"""The benchmark generator's steps at a tiny scale, on a handful of communes
and ROME occupations made by the factories (the real geography and ROME are
imported by the generator's first steps, too slow for a test)."""

import random

import pytest

from ancrage.clusters.models import Cluster
from ancrage.matrix.models import MatrixProfile, ProfileSkill
from ancrage.organisations.identifiers import clean_naf, clean_siren
from ancrage.organisations.models import Establishment, Membership, Organisation, SizeClass
from ancrage.referentiel.factories import (
    DomainFactory,
    GrandDomainFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
)
from ancrage.referentiel.models import VocabularyEntry
from ancrage.territory.factories import CommuneFactory
from benchmarks import generate
from benchmarks.generate_members import cluster_sizes

pytestmark = pytest.mark.django_db

TINY = generate.Scale(3, (1, 2), 120, 0.18, 60, 15, 3, 0.85)


@pytest.fixture
def world():
    for number in range(6):
        CommuneFactory(code=f"560{number:02d}", population=10_000 + 5_000 * number)
    industry = GrandDomainFactory(code="H", label="Industrie")
    for domain_code in ("H29", "H12", "H21", "H15"):
        domain = DomainFactory(code=domain_code, label=domain_code, grand_domain=industry)
        for number in range(4):
            occupation = OccupationFactory(
                code=f"{domain_code}{number:02d}",
                domain=domain,
                ogr_code=int(domain_code[1:]) * 100 + number,
            )
            for _ in range(5):
                OccupationSkillFactory(occupation=occupation, skill=SkillFactory())


def run(step_name, scale=TINY):
    step = next(s for s in generate.STEPS if s.name == step_name)
    position = generate.STEPS.index(step)
    step.clear()
    step.run(scale, random.Random(generate.SEED + position))
    assert step.done(scale)


def test_cluster_sizes_reach_every_membership_from_the_largest_down():
    sizes = cluster_sizes(generate.SCALES["national"], 162)
    assert sizes[0] == 800
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == round(60_000 * 1.18)
    assert 100 <= sizes[-1] <= 160


def test_the_steps_make_members_vocabularies_and_profiles(world):
    for name in (
        "clusters et équipes",
        "organisations et adhésions",
        "vocabulaires des clusters",
        "profils de la matrice",
    ):
        run(name)
    clusters = Cluster.objects.filter(slug__startswith="bench-").order_by("slug")
    active = Membership.objects.active()
    assert active.filter(cluster=clusters[0]).count() == TINY.largest_cluster
    organisations = Organisation.objects.all()
    assert organisations.count() == TINY.organisations
    for organisation in organisations:
        assert clean_siren(organisation.siren) == organisation.siren
        assert clean_naf(organisation.naf_code) == organisation.naf_code
        assert organisation.size_class == SizeClass.for_headcount(organisation.headcount)
        assert 1 <= organisation.memberships.count() <= 3
    assert Establishment.objects.filter(is_head_office=True).count() == TINY.organisations
    assert Membership.objects.filter(status=Membership.Status.FORMER).exists()
    entries = VocabularyEntry.objects.filter(cluster__in=clusters)
    assert entries.filter(kind="occupation").exists() and entries.filter(kind="skill").exists()
    profiles = MatrixProfile.objects.select_related("membership", "occupation")
    assert profiles.count() == round(active.count() * TINY.profile_share)
    for profile in profiles:
        assert profile.occupation.cluster_id == profile.membership.cluster_id
        skills = ProfileSkill.objects.filter(profile=profile).select_related("entry")
        assert 1 <= skills.count() <= 12
        assert {s.entry.cluster_id for s in skills} == {profile.membership.cluster_id}


def test_a_step_done_again_gives_the_same_data(world):
    run("clusters et équipes")
    run("organisations et adhésions")
    first = list(Organisation.objects.order_by("siren").values_list("siren", "name", "naf_code"))
    run("organisations et adhésions")
    assert (
        list(Organisation.objects.order_by("siren").values_list("siren", "name", "naf_code"))
        == first
    )
