"""The consortium builder: minimal sets (where greedy is not), the secondary
criteria, alternatives, staff constraints, impossible covers, time limits."""

from ortools.sat.python import cp_model

from ancrage.organisations.models import Membership
from ancrage.tenders import consortium
from ancrage.tenders.factories import CandidateFactory, RequirementFactory, TenderFactory, member
from ancrage.tenders.models import Candidate


def members_of(proposal):
    return sorted(m.name for m in proposal.members)


def greedy_trap(world):
    """Six must-haves; G covers four of them (greedy takes it first and then
    needs two more), X and Y together cover all six."""
    from ancrage.referentiel.factories import VocabularyEntryFactory

    skills = world.skills + [
        VocabularyEntryFactory(cluster=world.cluster, for_skill=True, label=f"Extra {i}")
        for i in range(2)
    ]
    s = dict(enumerate(skills[:6], start=1))
    tender = TenderFactory(cluster=world.cluster)
    for skill in s.values():
        RequirementFactory(tender=tender, skill=skill, must_have=True)
    built = {
        "G": member(world.cluster, "G", skills=[s[1], s[2], s[3], s[4]]),
        "X": member(world.cluster, "X", skills=[s[1], s[2], s[5]]),
        "Y": member(world.cluster, "Y", skills=[s[3], s[4], s[6]]),
        "Z": member(world.cluster, "Z", skills=[s[5]]),
        "W": member(world.cluster, "W", skills=[s[6]]),
    }
    return tender, built, s


def test_the_smallest_cover_beats_greedy(world):
    tender, _members, _skills = greedy_trap(world)
    answer = consortium.build(tender, alternatives=1)
    assert answer.message == ""
    (best,) = answer.proposals
    assert members_of(best) == ["X", "Y"]
    assert best.optimal
    assert all(best.coverage[need.pk] for need in answer.needs)


def test_alternatives_are_the_next_best_without_the_previous_sets(world):
    tender, _members, _skills = greedy_trap(world)
    answer = consortium.build(tender, alternatives=3)
    sets = [set(members_of(p)) for p in answer.proposals]
    assert sets[0] == {"X", "Y"}
    assert len(sets) == 3
    for later in sets[1:]:
        assert len(later) == 3
        assert not {"X", "Y"} <= later  # no superset of a set already shown
    assert sets[1] != sets[2]
    for proposal in answer.proposals:
        assert all(proposal.coverage[need.pk] for need in answer.to_cover)


def test_a_locked_member_is_in_every_consortium(world):
    tender, members, _skills = greedy_trap(world)
    CandidateFactory(tender=tender, membership=members["G"], constraint=Candidate.Constraint.LOCKED)
    answer = consortium.build(tender)
    assert answer.proposals
    for proposal in answer.proposals:
        assert "G" in members_of(proposal)
        assert len(proposal.members) == 3


def test_an_excluded_member_is_in_none(world):
    tender, members, _skills = greedy_trap(world)
    CandidateFactory(
        tender=tender, membership=members["X"], constraint=Candidate.Constraint.EXCLUDED
    )
    answer = consortium.build(tender)
    assert len(answer.proposals[0].members) == 3  # X + Y are 2
    assert all("X" not in members_of(p) for p in answer.proposals)


def test_impossible_covers_say_which_requirements_and_why(world):
    usinage, soudure, peinture, cablage = (
        world.skills[0],
        world.skills[1],
        world.skills[3],
        world.skills[4],
    )
    tender = TenderFactory(cluster=world.cluster)
    tender.departments.set([world.lorient.department])
    nobody = RequirementFactory(tender=tender, skill=usinage, must_have=True)
    excluded_only = RequirementFactory(tender=tender, skill=soudure, must_have=True)
    outside_only = RequirementFactory(tender=tender, skill=peinture, must_have=True)
    fine = RequirementFactory(tender=tender, skill=cablage, must_have=True)
    welder = member(world.cluster, "Soudeur", skills=[soudure], commune=world.lorient)
    member(world.cluster, "Peintre nazairien", skills=[peinture], commune=world.saint_nazaire)
    member(world.cluster, "Câbleur", skills=[cablage], commune=world.lorient)
    CandidateFactory(tender=tender, membership=welder, constraint=Candidate.Constraint.EXCLUDED)
    answer = consortium.build(tender)
    assert answer.proposals == []
    assert answer.message == "Aucun consortium ne couvre toutes les exigences indispensables."
    reasons = {need.pk: reason for need, reason in answer.uncoverable}
    assert reasons == {
        nobody.pk: "aucun adhérent ne la couvre",
        excluded_only.pk: "couverte seulement par des adhérents exclus",
        outside_only.pk: (
            "couverte seulement par des adhérents hors du territoire ou sans les "
            "certifications demandées"
        ),
    }
    assert fine.pk not in reasons


def test_among_smallest_sets_optional_coverage_wins(world):
    usinage, soudure, peinture = world.skills[0], world.skills[1], world.skills[3]
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    RequirementFactory(tender=tender, skill=soudure, must_have=True)
    RequirementFactory(tender=tender, skill=peinture, weight=2)
    member(world.cluster, "Usineur", skills=[usinage])
    member(world.cluster, "Soudeur", skills=[soudure])
    member(world.cluster, "Soudeur peintre", skills=[soudure, peinture])
    member(world.cluster, "Peintre", skills=[peinture])
    best = consortium.build(tender, alternatives=1).proposals[0]
    assert members_of(best) == ["Soudeur peintre", "Usineur"]
    assert best.optional_weight == 2


def test_then_a_mix_of_sizes_then_proximity(world):
    usinage, soudure = world.skills[:2]
    tender = TenderFactory(cluster=world.cluster)
    tender.departments.set([world.lorient.department])
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    RequirementFactory(tender=tender, skill=soudure, must_have=True)
    member(world.cluster, "PME usinage", skills=[usinage], headcount=50, commune=world.lorient)
    member(world.cluster, "PME soudure", skills=[soudure], headcount=60, commune=world.lorient)
    member(world.cluster, "TPE soudure", skills=[soudure], headcount=5, commune=world.lorient)
    best = consortium.build(tender, alternatives=1).proposals[0]
    assert members_of(best) == ["PME usinage", "TPE soudure"]
    assert best.size_mix == 2

    # Same sizes: the closer one to the tender's territory.
    tender.departments.set([])
    other = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=other, skill=world.skills[2], must_have=True)
    member(
        world.cluster, "Loin", skills=[world.skills[2]], headcount=5, commune=world.saint_nazaire
    )
    member(world.cluster, "Près", skills=[world.skills[2]], headcount=5, commune=world.lorient)
    # No territory: distances from the cluster's seat (Lorient).
    assert members_of(consortium.build(other, alternatives=1).proposals[0]) == ["Près"]


def test_without_must_haves_every_requirement_is_covered(world):
    usinage, soudure = world.skills[:2]
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=usinage, weight=2)
    RequirementFactory(tender=tender, skill=soudure, weight=1)
    member(world.cluster, "Usineur", skills=[usinage])
    member(world.cluster, "Soudeur", skills=[soudure])
    answer = consortium.build(tender, alternatives=1)
    assert len(answer.to_cover) == 2
    assert members_of(answer.proposals[0]) == ["Soudeur", "Usineur"]


def test_a_locked_member_who_is_not_eligible_is_named(world):
    usinage = world.skills[0]
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    member(world.cluster, "Usineur", skills=[usinage])
    former = member(world.cluster, "Parti", skills=[usinage], status=Membership.Status.FORMER)
    CandidateFactory(tender=tender, membership=former, constraint=Candidate.Constraint.LOCKED)
    answer = consortium.build(tender)
    assert [c.membership for c in answer.locked_ineligible] == [former]
    assert members_of(answer.proposals[0]) == ["Usineur"]


def test_no_requirement_no_consortium(world):
    answer = consortium.build(TenderFactory(cluster=world.cluster))
    assert answer.proposals == []
    assert answer.message == "Ajoutez d'abord des exigences à l'appel d'offres."


def test_the_time_limit_is_said(world, monkeypatch):
    tender, _members, _skills = greedy_trap(world)
    monkeypatch.setattr(consortium.Solver, "_solve", lambda self, model: (cp_model.UNKNOWN, None))
    answer = consortium.build(tender, time_limit=0.5)
    assert answer.proposals == []
    assert answer.message.startswith("Le calcul a atteint sa limite de 0.5 s sans trouver")


def test_a_solution_without_proof_is_flagged(world, monkeypatch):
    tender, _members, _skills = greedy_trap(world)
    real = consortium.Solver._solve

    def feasible_only(self, model):
        _status, solver = real(self, model)
        return cp_model.FEASIBLE, solver

    monkeypatch.setattr(consortium.Solver, "_solve", feasible_only)
    answer = consortium.build(tender, alternatives=1)
    assert not answer.proposals[0].optimal
    assert "sans preuve qu'il n'y a pas mieux" in answer.message


def test_sizes_and_optional_weights_match_a_brute_force_search(world):
    """On small random instances, the consortium has the size of the smallest
    cover found by trying every set, and the best optional weight among them."""
    import itertools
    import random

    from ancrage.referentiel.factories import VocabularyEntryFactory

    rng = random.Random(7)
    skills = [
        VocabularyEntryFactory(cluster=world.cluster, for_skill=True, label=f"Savoir {i}")
        for i in range(8)
    ]
    holdings = {}  # every member of the cluster so far: the solver sees them all
    solved = 0
    for instance in range(4):
        tender = TenderFactory(cluster=world.cluster)
        needs = {}
        for index, skill in enumerate(skills):
            must = index < 6
            weight = 5 if must else rng.randint(1, 5)
            needs[skill.pk] = (
                RequirementFactory(tender=tender, skill=skill, must_have=must, weight=weight),
                must,
                weight,
            )
        for number in range(8):
            held = rng.sample(skills, rng.randint(1, 3))
            holdings[member(world.cluster, f"M{instance}-{number}", skills=held).pk] = {
                s.pk for s in held
            }
        musts = {pk for pk, (_r, must, _w) in needs.items() if must}
        best = None
        for size in range(1, len(holdings) + 1):
            covers = [
                combo
                for combo in itertools.combinations(holdings, size)
                if musts <= set().union(*(holdings[m] for m in combo))
            ]
            if covers:
                best = (
                    size,
                    max(
                        sum(
                            w
                            for pk, (_r, must, w) in needs.items()
                            if not must and any(pk in holdings[m] for m in combo)
                        )
                        for combo in covers
                    ),
                )
                break
        answer = consortium.build(tender, alternatives=1)
        if best is None:
            assert answer.uncoverable and not answer.proposals
            continue
        (proposal,) = answer.proposals
        assert (len(proposal.members), proposal.optional_weight) == best
        assert proposal.optimal
        solved += 1
    assert solved >= 3
