"""Matching, both ways, on hand-made cases: the order, the points and the
French reasons of each rank."""

import datetime

import pytest
from django.utils import timezone

from ancrage.jobs import matching
from ancrage.jobs.factories import (
    CandidateProfileFactory,
    ConsentFactory,
    OfferFactory,
    OfferSkillFactory,
    PublicationFactory,
    PublishedOfferFactory,
)
from ancrage.jobs.models import Contract, Remote
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.referentiel.models import Mobility
from ancrage.territory.distance import distance_km
from ancrage.territory.factories import CommuneFactory

pytestmark = pytest.mark.django_db

LORIENT = (47.75, -3.37)


def commune_at(north=0.0):
    """A commune `north` degrees of latitude north of Lorient (0.1° ≈ 11 km)."""
    return CommuneFactory(latitude=LORIENT[0] + north, longitude=LORIENT[1])


@pytest.fixture
def world():
    membership = MembershipFactory()
    cluster, organisation = membership.cluster, membership.organisation
    welder = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    close = OccupationFactory(code="H2913", label="Soudage manuel")
    other = OccupationFactory(code="K1302", label="Assistance auprès d'adultes")
    Mobility.objects.create(source=close, target=welder)
    required = [SkillFactory(label=label) for label in ("Ajuster", "Contrôler", "Percer", "Régler")]
    tig = SkillFactory(label="Soudure TIG")
    wished = [SkillFactory(label="Anglais technique"), SkillFactory(label="Lean")]
    start = timezone.localdate() + datetime.timedelta(days=60)
    offer = OfferFactory(
        organisation=organisation,
        occupation=welder,
        commune=commune_at(),
        contract=Contract.CDI,
        start_date=start,
    )
    for skill in [*required, tig]:
        OfferSkillFactory(offer=offer, skill=skill, required=True)
    for skill in wished:
        OfferSkillFactory(offer=offer, skill=skill, required=False)
    return {
        "cluster": cluster,
        "organisation": organisation,
        "offer": offer,
        "welder": welder,
        "close": close,
        "other": other,
        "required": required,
        "tig": tig,
        "wished": wished,
        "start": start,
    }


def candidate(cluster, occupations=(), skills=(), consent=True, **fields):
    profile = CandidateProfileFactory(**fields)
    profile.occupations.set(occupations)
    profile.skills.set(skills)
    if consent:
        ConsentFactory(profile=profile, cluster=cluster)
    return profile


def test_best_candidates_in_order_with_their_reasons(world):
    w = world
    later = w["start"] + datetime.timedelta(days=30)
    best = candidate(
        w["cluster"],
        [w["welder"]],
        [*w["required"], w["wished"][0]],
        commune=commune_at(0.1),
        contracts=[Contract.CDI],
    )
    close = candidate(
        w["cluster"],
        [w["close"]],
        [*w["required"], w["tig"], *w["wished"]],
        commune=commune_at(),
        contracts=[],
        available_from=later,
    )
    far = candidate(w["cluster"], [w["welder"]], [], commune=commune_at(1.0), mobility_km=30)
    near_only = candidate(
        w["cluster"], [w["other"]], [], commune=commune_at(0.05), contracts=[Contract.CDD]
    )
    # Not in the pool: another occupation, no skill, far away.
    candidate(w["cluster"], [w["other"]], [], commune=commune_at(2.0))

    matches = matching.candidates_for(w["offer"])

    assert [m.profile for m in matches] == [best, close, far, near_only]
    km = round(distance_km(LORIENT[0], LORIENT[1], LORIENT[0] + 0.1, LORIENT[1]))
    assert matches[0].reasons == [
        "Même métier (H2903)",
        "4 compétences exigées sur 5 : manque Soudure TIG",
        "1 compétence souhaitée sur 2",
        f"à {km} km, dans son rayon de 30 km",
        "Cherche ce contrat (CDI)",
        "Disponible dès maintenant",
    ]
    assert matches[0].missing_skills == ["Soudure TIG"]
    assert "Anglais technique" in matches[0].matched_skills
    # 35 + 35 × 9/12 + 15 × (1 − 0.5 × 11.1/30) + 10 + 5
    assert matches[0].points["skills"] == 26.2 or matches[0].points["skills"] == 26.3
    assert matches[0].score == 88

    assert matches[1].reasons[0] == (
        "Métier proche par les mobilités ROME : Soudage manuel (H2913)"
    )
    assert matches[1].reasons[1] == "5 compétences exigées sur 5"
    assert matches[1].reasons[2] == "2 compétences souhaitées sur 2"
    assert matches[1].reasons[3] == "à 0 km, dans son rayon de 30 km"
    assert matches[1].reasons[4] == "Aucun contrat précisé"
    assert matches[1].reasons[5].startswith("Disponible le ")
    assert "après la prise de poste" in matches[1].reasons[5]
    assert matches[1].points == {
        "occupation": 20,
        "skills": 35,
        "distance": 15,
        "contract": 5,
        "availability": 0,
    }
    assert matches[2].reasons[1] == "0 compétence exigée sur 5 : manque Ajuster, Contrôler, Percer…"
    assert "au-delà de son rayon de 30 km" in matches[2].reasons[3]
    assert matches[2].points["distance"] == 0
    assert matches[3].reasons[0] == "Métier différent"
    assert matches[3].reasons[4] == "Ne cherche pas ce contrat (CDI) : cherche CDD"


def test_only_the_cv_bank_of_the_offers_organisation(world):
    w = world
    good = {"occupations": [w["welder"]], "commune": commune_at()}
    visible = candidate(w["cluster"], **good)
    candidate(w["cluster"], consent=False, **good)
    other_cluster = candidate(MembershipFactory().cluster, **good)
    withdrawn = candidate(w["cluster"], consent=False, **good)
    ConsentFactory(profile=withdrawn, cluster=w["cluster"], withdrawn_at=timezone.now())
    assert other_cluster
    assert [m.profile for m in matching.candidates_for(w["offer"])] == [visible]


def test_full_remote_offer_ignores_distance(world):
    w = world
    offer = w["offer"]
    offer.remote = Remote.FULL
    offer.save()
    far = candidate(w["cluster"], [w["welder"]], commune=commune_at(5.0))
    (match,) = matching.candidates_for(offer)
    assert match.profile == far
    assert match.points["distance"] == 15
    assert "Télétravail complet : la distance ne compte pas" in match.reasons


def test_limit(world):
    w = world
    for _ in range(5):
        candidate(w["cluster"], [w["welder"]], commune=commune_at())
    assert len(matching.candidates_for(w["offer"], limit=3)) == 3


def test_best_offers_for_a_candidate(world):
    w = world
    cluster = w["cluster"]
    profile = CandidateProfileFactory(
        commune=commune_at(), mobility_km=30, contracts=[Contract.CDI]
    )
    profile.occupations.set([w["welder"]])
    profile.skills.set(w["required"][:2])

    def on_board(**fields):
        offer = PublishedOfferFactory(organisation=w["organisation"], **fields)
        PublicationFactory(offer=offer, cluster=cluster)
        return offer

    same = on_board(occupation=w["welder"], commune=commune_at(0.1))
    for skill in w["required"][:2]:
        OfferSkillFactory(offer=same, skill=skill, required=True)
    OfferSkillFactory(offer=same, skill=w["tig"], required=True)
    remote = on_board(
        occupation=w["close"], commune=commune_at(4.0), remote=Remote.FULL, contract=Contract.CDD
    )
    far = on_board(occupation=w["welder"], commune=commune_at(3.0))
    # Not visible: a draft, and an offer of an organisation that is no member.
    draft = OfferFactory(occupation=w["welder"], commune=commune_at())
    stranger = PublishedOfferFactory(occupation=w["welder"], commune=commune_at())
    PublicationFactory(offer=stranger, membership=False)

    matches = matching.offers_for(profile)

    assert [m.offer for m in matches] == [same, far, remote]
    assert draft not in [m.offer for m in matches]
    assert matches[0].reasons[0] == "Même métier (H2903)"
    assert matches[0].reasons[1] == "2 compétences exigées sur 3 : manque Soudure TIG"
    assert "dans votre rayon de 30 km" in matches[0].reasons[2]
    assert matches[0].reasons[3] == "Un contrat que vous cherchez (CDI)"
    assert "au-delà de votre rayon de 30 km" in matches[1].reasons[1]
    assert matches[2].reasons[0] == (
        "Métier proche par les mobilités ROME : Soudage manuel (H2913)"
    )
    assert "Télétravail complet : la distance ne compte pas" in matches[2].reasons
    assert "CDD : pas parmi les contrats que vous cherchez (CDI)" in matches[2].reasons


def test_a_profile_with_nothing_matches_nothing(world):
    profile = CandidateProfileFactory(commune=None)
    assert matching.offers_for(profile) == []


def test_close_occupations_both_ways(world):
    w = world
    assert matching.close_occupations([w["welder"].pk]) == {w["close"].pk}
    assert matching.close_occupations([w["close"].pk]) == {w["welder"].pk}
    assert matching.close_occupations([]) == set()
