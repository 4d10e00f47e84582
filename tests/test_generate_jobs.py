"""The benchmark generator's job-board steps (offers, candidates,
applications) at a tiny scale, on a handful of communes and ROME occupations
made by the factories."""

import random

import pytest

from ancrage.jobs.lifecycle import visible
from ancrage.jobs.models import Application, CandidateProfile, Consent, Offer, Publication
from ancrage.referentiel.factories import (
    DomainFactory,
    GrandDomainFactory,
    JobTitleFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
)
from ancrage.referentiel.models import OccupationSkill
from ancrage.territory.factories import CommuneFactory
from benchmarks import generate
from benchmarks.generate_jobs import PATHS, bench_candidates, bench_offers

pytestmark = pytest.mark.django_db

TINY = generate.Scale(3, (1, 2), 120, 0.18, 60, 15, 3, 0.85, 40, 12, 60, 90)
BEFORE = (
    "clusters et équipes",
    "organisations et adhésions",
    "vocabulaires des clusters",
    "profils de la matrice",
)


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
            JobTitleFactory(occupation=occupation, label=f"Soudeur / Soudeuse {domain_code}")
            for _ in range(5):
                OccupationSkillFactory(occupation=occupation, skill=SkillFactory())
    for name in BEFORE:
        run(name)


def run(step_name, scale=TINY):
    step = next(s for s in generate.STEPS if s.name == step_name)
    position = generate.STEPS.index(step)
    step.clear()
    step.run(scale, random.Random(generate.SEED + position))
    assert step.done(scale)


def run_jobs():
    for step in generate.JOB_STEPS:
        run(step.name)


def test_the_job_steps_make_visible_offers_candidates_and_applications(world):
    run_jobs()
    offers = bench_offers()
    assert offers.count() == TINY.offers + TINY.closed_offers
    assert visible(offers).count() == TINY.offers
    rome = set(OccupationSkill.objects.values_list("occupation_id", "skill_id"))
    for offer in offers.prefetch_related("skills"):
        skills = list(offer.skills.all())
        assert 1 <= len(skills) <= 6
        assert skills[0].required
        assert all((offer.occupation_id, s.skill_id) in rome for s in skills)
        assert offer.description and offer.title
    candidates = bench_candidates().prefetch_related("occupations", "skills", "consents")
    assert candidates.count() == TINY.candidates
    for profile in candidates:
        assert profile.user.is_candidate
        assert 1 <= profile.occupations.count() <= 3
        assert 3 <= profile.skills.count() <= 12
        assert 10 <= profile.mobility_km <= 100
        assert profile.contracts and profile.cv_text and profile.commune_id
        active = [c for c in profile.consents.all() if c.withdrawn_at is None]
        assert 1 <= len(active) <= 2
        assert all(c.cluster.name in c.text for c in active)
    applications = Application.objects.filter(offer__in=offers).prefetch_related("events")
    assert applications.count() == TINY.applications
    for application in applications.select_related("offer"):
        steps = [event.status for event in application.events.all()]
        assert steps[0] == "nouvelle" and steps[-1] == application.status
        assert set(steps) <= {s.strip("[]") for s in PATHS[application.status]}
        assert application.offer.application_mode == "plateforme"
        boards = Publication.objects.filter(offer=application.offer, status="publiee")
        consents = Consent.objects.filter(profile=application.candidate, withdrawn_at=None)
        assert set(boards.values_list("cluster", flat=True)) & set(
            consents.values_list("cluster", flat=True)
        )
        if application.status == "refusee":
            assert application.refusal_reason
    for offer in offers.filter(status=Offer.Status.FILLED, filled_through_platform=True):
        assert offer.applications.filter(status="embauche").exists()


def test_the_job_steps_done_again_give_the_same_data(world):
    run_jobs()
    first = (
        list(bench_offers().order_by("pk").values_list("title", "commune", "contract")),
        list(CandidateProfile.objects.order_by("pk").values_list("headline", "commune")),
        list(
            Application.objects.order_by("pk").values_list(
                "status", "offer__title", "candidate__headline"
            )
        ),
    )
    run_jobs()
    assert (
        list(bench_offers().order_by("pk").values_list("title", "commune", "contract")),
        list(CandidateProfile.objects.order_by("pk").values_list("headline", "commune")),
        list(
            Application.objects.order_by("pk").values_list(
                "status", "offer__title", "candidate__headline"
            )
        ),
    ) == first
