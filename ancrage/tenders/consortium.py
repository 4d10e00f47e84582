"""Consortia for a tender, with OR-Tools CP-SAT.

The requirements to cover are the must-haves (all of them when the tender
marks none). Among the eligible members (`matching`), minus those staff
excluded, plus those they locked in:

1. the fewest members that together cover every requirement to cover;
2. among sets of that size, the best by, in this order: the weight of the
   other requirements covered; the number of different size classes (TPE,
   PME, ETI, GE) in the set, a mix being what a principal expects; the sum of
   the members' distances to the tender's territory (the centre of its
   départements' communes, else the cluster's seat, else the members' own
   centre; a member without a located commune counts as far away).

Each step is solved to optimality (the solver proves it) within a time limit;
alternatives come from solving again with the sets already found, and their
supersets, forbidden. When the requirements cannot all be covered, nothing is
solved: the answer says which requirements no eligible member covers, and
which only excluded members or members outside the territory or without the
certifications cover."""

import math
import time
from dataclasses import dataclass, field

from django.db.models import Avg
from django.utils.translation import gettext as _
from ortools.sat.python import cp_model

from ancrage.organisations.models import SizeClass
from ancrage.tenders.matching import matches, needs_of, tender_filters
from ancrage.tenders.models import Candidate
from ancrage.territory.models import Commune

TIME_LIMIT_SECONDS = 5.0
ALTERNATIVES = 3
FAR_KM = 1000  # the distance counted for a member whose place is unknown


@dataclass
class Proposal:
    """One consortium: its members (matching's `Match`es) and who covers what."""

    members: list
    coverage: dict  # {requirement pk: [membership ids]}
    optional_weight: int
    size_mix: int
    distance_km: int
    optimal: bool

    @property
    def membership_ids(self):
        return [member.membership_id for member in self.members]

    @property
    def lead(self):
        """The suggested lead: the member covering the most."""
        return max(self.members, key=lambda member: (len(member.covered), member.weight))


@dataclass
class Answer:
    needs: list
    to_cover: list
    proposals: list = field(default_factory=list)
    uncoverable: list = field(default_factory=list)  # [(need, reason)]
    locked_ineligible: list = field(default_factory=list)  # [Candidate]
    message: str = ""
    seconds: float = 0.0
    eligible: int = 0


def centre(tender, members):
    """(latitude, longitude) the distances are measured from, or None."""
    departments, _certifications = tender_filters(tender)
    if departments:
        point = Commune.objects.filter(
            department__in=departments, latitude__isnull=False
        ).aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
        if point["lat"] is not None:
            return point["lat"], point["lon"]
    seat = tender.cluster.seat
    if seat is not None and seat.latitude is not None:
        return seat.latitude, seat.longitude
    located = [m for m in members if m.latitude is not None]
    if located:
        return (
            sum(m.latitude for m in located) / len(located),
            sum(m.longitude for m in located) / len(located),
        )
    return None


def distance_km(point, member):
    """Great-circle distance, rounded to the kilometre."""
    if point is None:
        return 0
    if member.latitude is None or member.longitude is None:
        return FAR_KM
    lat1, lon1, lat2, lon2 = map(
        math.radians, (point[0], point[1], member.latitude, member.longitude)
    )
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return round(2 * 6371 * math.asin(math.sqrt(min(1.0, a))))


def build(tender, *, alternatives=ALTERNATIVES, time_limit=TIME_LIMIT_SECONDS):
    """The best consortia for `tender` under the staff's constraints."""
    started = time.perf_counter()
    needs = needs_of(tender)
    to_cover = [need for need in needs if need.must_have] or needs
    answer = Answer(needs=needs, to_cover=to_cover)
    if not needs:
        answer.message = _("Ajoutez d'abord des exigences à l'appel d'offres.")
        return answer
    constraints = {
        c.membership_id: c
        for c in Candidate.objects.filter(tender=tender)
        .exclude(constraint="")
        .select_related("membership__organisation")
    }
    locked = {pk for pk, c in constraints.items() if c.constraint == Candidate.Constraint.LOCKED}
    excluded = {
        pk for pk, c in constraints.items() if c.constraint == Candidate.Constraint.EXCLUDED
    }
    eligible = matches(tender, needs, keep=locked)
    answer.eligible = len(eligible)
    found = {m.membership_id for m in eligible}
    answer.locked_ineligible = [constraints[pk] for pk in sorted(locked - found)]
    pool = [m for m in eligible if m.membership_id not in excluded]
    answer.uncoverable = _uncoverable(tender, needs, to_cover, eligible, pool, excluded)
    if answer.uncoverable:
        answer.message = _("Aucun consortium ne couvre toutes les exigences indispensables.")
        answer.seconds = time.perf_counter() - started
        return answer
    solver = Solver(tender, needs, to_cover, pool, locked, time_limit)
    for _round in range(alternatives):
        proposal, message = solver.next()
        if message:
            answer.message = message
        if proposal is None:
            break
        answer.proposals.append(proposal)
    answer.seconds = time.perf_counter() - started
    return answer


def _uncoverable(tender, needs, to_cover, eligible, pool, excluded):
    """[(need, reason)] for the requirements to cover that no member of the
    pool covers."""
    in_pool = set().union(*(m.covered for m in pool))
    missing = [need for need in to_cover if need.pk not in in_pool]
    if not missing:
        return []
    by_excluded = set().union(*(m.covered for m in eligible if m.membership_id in excluded))
    outside = set().union(*(m.covered for m in matches(tender, needs, filtered=False)))
    found = []
    for need in missing:
        if need.pk in by_excluded:
            reason = _("couverte seulement par des adhérents exclus")
        elif need.pk in outside:
            reason = _(
                "couverte seulement par des adhérents hors du territoire ou sans les "
                "certifications demandées"
            )
        else:
            reason = _("aucun adhérent ne la couvre")
        found.append((need, reason))
    return found


class Solver:
    """Finds consortia one after the other, each the best not yet found."""

    def __init__(self, tender, needs, to_cover, pool, locked, time_limit):
        self.needs = needs
        self.to_cover = {need.pk for need in to_cover}
        self.optional = [need for need in needs if need.pk not in self.to_cover]
        self.pool = pool
        self.locked = locked
        self.time_limit = time_limit
        point = centre(tender, pool)
        self.distances = [distance_km(point, member) for member in pool]
        self.found = []

    def next(self):
        """(Proposal or None, message for the person or "")."""
        model, chosen = self._model()
        status, solver = self._solve(model)
        if status == cp_model.INFEASIBLE:
            return None, "" if self.found else _("Aucun consortium ne respecte ces contraintes.")
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, self._timeout()
        size = round(solver.objective_value)
        optimal = status == cp_model.OPTIMAL
        model.add(sum(chosen) == size)
        model.clear_objective()
        model.maximize(self._secondary(model, chosen))
        status, solver = self._solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, self._timeout()
        optimal = optimal and status == cp_model.OPTIMAL
        picked = [i for i, var in enumerate(chosen) if solver.value(var)]
        self.found.append(picked)
        proposal = self._proposal(picked, optimal)
        return proposal, "" if optimal else self._timeout(found=True)

    def _model(self):
        model = cp_model.CpModel()
        chosen = [model.new_bool_var(f"m{m.membership_id}") for m in self.pool]
        for need in self.to_cover:
            model.add_bool_or(self._holders(chosen, lambda m, pk=need: pk in m.covered))
        for var in self._holders(chosen, lambda m: m.membership_id in self.locked):
            model.add(var == 1)
        for picked in self.found:
            model.add(sum(chosen[i] for i in picked) <= len(picked) - 1)
        model.minimize(sum(chosen))
        return model, chosen

    def _secondary(self, model, chosen):
        """Lexicographic score as one integer: optional weight, then size
        mix, then (negated) distance, each term dominating the next."""
        covered_terms = []
        for need in self.optional:
            holders = self._holders(chosen, lambda m, pk=need.pk: pk in m.covered)
            if holders:
                covered = model.new_bool_var(f"r{need.pk}")
                model.add_bool_or(holders).only_enforce_if(covered)
                covered_terms.append(need.weight * covered)
        mix_terms = []
        for size_class in SizeClass.values:
            holders = self._holders(chosen, lambda m, c=size_class: m.size_class == c)
            if holders:
                present = model.new_bool_var(f"s{size_class}")
                model.add_bool_or(holders).only_enforce_if(present)
                mix_terms.append(present)
        distance = sum(self.distances[i] * var for i, var in enumerate(chosen))
        max_distance = sum(self.distances) + 1
        mix_scale = max_distance
        weight_scale = (len(SizeClass.values) + 1) * mix_scale
        return weight_scale * sum(covered_terms) + mix_scale * sum(mix_terms) - distance

    def _holders(self, chosen, test):
        """The variables of the pool's members that pass `test`."""
        return [chosen[i] for i, member in enumerate(self.pool) if test(member)]

    def _solve(self, model):
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = self.time_limit
        solver.parameters.num_workers = 1
        status = solver.solve(model)
        return status, solver

    def _proposal(self, picked, optimal):
        members = [self.pool[i] for i in picked]
        coverage = {
            need.pk: [m.membership_id for m in members if need.pk in m.covered]
            for need in self.needs
        }
        optional_weight = sum(need.weight for need in self.optional if coverage[need.pk])
        return Proposal(
            members=members,
            coverage=coverage,
            optional_weight=optional_weight,
            size_mix=len({m.size_class for m in members} - {""}),
            distance_km=sum(self.distances[i] for i in picked),
            optimal=optimal,
        )

    def _timeout(self, found=False):
        seconds = f"{self.time_limit:g}"
        if found:
            return _(
                "Le calcul a atteint sa limite de %(seconds)s s : le consortium affiché "
                "est le meilleur trouvé, sans preuve qu'il n'y a pas mieux."
            ) % {"seconds": seconds}
        return _(
            "Le calcul a atteint sa limite de %(seconds)s s sans trouver de consortium : "
            "réduisez le nombre d'exigences ou imposez des adhérents, puis relancez."
        ) % {"seconds": seconds}
