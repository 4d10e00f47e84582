"""Each rule of the strategy's levers on hand-made figures: it fires with
the numbers of its explanation, and stays silent just below its thresholds."""

from decimal import Decimal

import pytest
from django.utils import translation

from ancrage.gpec import levers, levers_mobility, tension
from ancrage.gpec.figures import (
    Figure,
    Horizon,
    OccupationFigures,
    SkillFigures,
    Supply,
    Tension,
)
from ancrage.gpec.models import DifficultyReason, Lever, SkillNeed
from ancrage.referentiel.factories import (
    MobilityFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
)
from ancrage.referentiel.models import Occupation, OccupationSkill, Skill
from ancrage.territory.models import Department


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr"):
        yield


def horizon(years, needs, organisations=5, largest=None):
    zero = Figure(0, organisations)
    return Horizon(
        years=years,
        retirements_declared=zero,
        retirements_estimated=zero,
        retirements=zero,
        other_departures=zero,
        creations=zero,
        replacement=zero,
        needs=Figure(needs, organisations, largest),
        planned_recruitments=zero,
    )


def occupation(
    pk=1,
    *,
    label="Usinage",
    organisations=6,
    headcount=100,
    needs_1y=12,
    needs_3y=30,
    largest=None,
    tension=1.2,
    difficult=0.5,
    reasons=None,
    occupation_object=None,
):
    """The figures of an occupation, as `occupations.occupation_figures` gives them."""
    figure = Figure(0, organisations)
    return OccupationFigures(
        occupation=occupation_object or Occupation(pk=pk, code=f"H{2900 + pk}", label=label),
        organisations=organisations,
        headcount=Figure(headcount, organisations),
        ages={},
        aged_headcount=figure,
        ageing_share=figure,
        women=figure,
        cadres=figure,
        contracts={},
        open_unfilled=Figure(3, organisations),
        vacancy_rate=figure,
        horizons={
            1: horizon(1, needs_1y, organisations, largest),
            3: horizon(3, needs_3y, organisations),
        },
        difficulty_respondents=organisations,
        difficult_share=Figure(difficult, organisations),
        reasons=reasons or {},
        time_to_fill_days=figure,
        supply=Supply(),
        tension=Tension(
            score=tension,
            level="forte" if tension and tension >= 0.5 else "faible",
            components=[],
            organisations=organisations,
        ),
    )


def skill(
    pk=1,
    *,
    label="Analyse de données",
    organisations=4,
    people=8,
    largest=3,
    new=0,
    train=0,
    share=0,
    high_priority=0,
):
    return SkillFigures(
        skill=Skill(pk=pk, label=label),
        organisations=organisations,
        people=Figure(people, organisations, largest),
        by_horizon={},
        by_kind={SkillNeed.Kind.NEW: new},
        by_answer={SkillNeed.Answer.TRAIN: train, SkillNeed.Answer.SHARE: share},
        high_priority=high_priority,
        holders=0,
        holders_ageing_share=None,
        trend=[],
        emerging=False,
        fragile_reasons=[],
    )


# Recruit


def test_recruit_fires_on_high_needs_and_tension_and_explains_with_the_numbers():
    priority = levers.recruit(occupation(needs_1y=12, tension=1.2, difficult=0.5))
    assert priority.lever == Lever.RECRUIT
    assert priority.explanation.startswith("Ce métier est classé « recruter » parce que")
    assert "12 personnes d'ici un an" in priority.explanation
    assert "indice 1,2 (seuil : 0,5)" in priority.explanation
    assert "50 % des répondants" in priority.explanation
    # needs × (1 + tension)
    assert priority.score == pytest.approx(12 * 2.2)
    assert [item.text for item in priority.evidence][:2] == ["12", "1,2 (forte)"]
    assert not priority.fragile
    assert priority.key == "recruit:o1:all"


@pytest.mark.parametrize(("needs", "tension"), [(4.9, 2.0), (12, 0.49), (12, None)])
def test_recruit_needs_both_enough_needs_and_tension(needs, tension):
    assert levers.recruit(occupation(needs_1y=needs, tension=tension)) is None


def test_the_tension_weighs_at_most_two():
    assert levers.recruit(occupation(needs_1y=10, tension=5)).score == pytest.approx(30)


def test_a_priority_on_few_organisations_is_flagged_fragile():
    priority = levers.recruit(occupation(organisations=2))
    assert priority.fragile
    assert priority.evidence[0].figure.organisations == 2


def test_a_figure_nobody_gave_is_left_out_of_the_evidence():
    figures = occupation(organisations=4)
    figures.open_unfilled = Figure(0, 0)
    priority = levers.recruit(figures)
    assert "Postes ouverts non pourvus" not in [item.label for item in priority.evidence]
    assert not priority.fragile


# Promote


ATTRACTIVENESS = {DifficultyReason.ATTRACTIVENESS: 2, DifficultyReason.FEW_CANDIDATES: 1}


def test_promote_fires_on_a_lasting_tension_blamed_on_attractiveness():
    now = occupation(tension=1.0, needs_3y=30, reasons={**ATTRACTIVENESS, "pay": 1})
    priority = levers.promote(now, [occupation(tension=0.8)])
    assert priority.lever == Lever.PROMOTE
    assert "« promouvoir le métier »" in priority.explanation
    assert "depuis 2 ans (du plus récent au plus ancien : indice 1 puis indice 0,8 ;" in (
        priority.explanation
    )
    assert "3 des 4 organisations" in priority.explanation
    # a third of the needs at 3 years × (1 + tension)
    assert priority.score == pytest.approx(30 / 3 * 2)


def test_promote_needs_two_years_of_tension():
    now = occupation(tension=1.0, reasons=ATTRACTIVENESS)
    assert levers.promote(now, []) is None
    assert levers.promote(now, [None]) is None
    assert levers.promote(now, [occupation(tension=0.4)]) is None
    assert levers.promote(now, [occupation(tension=0.9), occupation(tension=0.2)]) is None


def test_promote_needs_the_reasons_of_a_shortage():
    past = [occupation(tension=0.9)]
    pay = {DifficultyReason.PAY: 2, DifficultyReason.ATTRACTIVENESS: 1}
    assert levers.promote(occupation(tension=1.0, reasons=pay), past) is None
    assert levers.promote(occupation(tension=1.0, reasons={}), past) is None
    half = {DifficultyReason.PAY: 1, DifficultyReason.FEW_CANDIDATES: 1}
    assert levers.promote(occupation(tension=1.0, reasons=half), past) is not None


# Train


def test_train_fires_on_many_people_that_members_want_to_train():
    figures = skill(organisations=4, people=9, train=2, new=1, high_priority=1)
    priority = levers.train(figures)
    assert priority.lever == Lever.TRAIN
    assert priority.explanation.startswith("Cette compétence est classée « former » parce que")
    assert "9 personnes sont concernées (seuil : 5)" in priority.explanation
    assert "des 4 organisations qui en ont besoin, 2 envisagent de former" in (priority.explanation)
    # people × (1 + share of high priority)
    assert priority.score == pytest.approx(9 * 1.25)
    assert priority.key == "train:s1:all"


def test_a_new_skill_counts_as_a_training_need():
    assert levers.train(skill(organisations=4, people=5, new=2)) is not None


@pytest.mark.parametrize(("people", "train", "new"), [(4, 4, 4), (10, 1, 1), (None, 4, 0)])
def test_train_stays_silent_below_its_thresholds(people, train, new):
    assert levers.train(skill(organisations=4, people=people, train=train, new=new)) is None


# Share


def test_share_fires_on_several_members_each_needing_one_person_at_most():
    priority = levers.share_skill(skill(organisations=3, people=3, largest=1))
    assert priority.lever == Lever.SHARE
    assert "3 adhérents (seuil : 3) en ont besoin pour 1 personne au plus chacun, 3 en tout" in (
        priority.explanation
    )
    assert priority.score == 3


def test_share_fires_when_members_wish_to_share_a_person():
    priority = levers.share_skill(skill(organisations=4, people=8, largest=3, share=2))
    assert "2 des 4 adhérents qui en ont besoin envisagent de partager" in priority.explanation


@pytest.mark.parametrize(
    ("organisations", "people", "largest", "share"),
    [(2, 2, 1, 2), (4, 8, 2, 1), (3, 0.5, 0.2, 0), (3, 3, None, 0)],
)
def test_share_stays_silent_otherwise(organisations, people, largest, share):
    figures = skill(organisations=organisations, people=people, largest=largest, share=share)
    assert levers.share_skill(figures) is None


def test_share_an_occupation_needed_part_time_by_several_members():
    priority = levers.share_occupation(occupation(needs_1y=2.4, largest=0.9, organisations=4))
    assert priority.lever == Lever.SHARE
    # 2.4 ÷ 0.9 = 2.7: at least 3 of the 4 organisations need someone.
    assert "au moins 3 adhérents (seuil : 3) auront besoin d'ici un an de 1 personne au plus" in (
        priority.explanation
    )
    assert "2,4 en tout" in priority.explanation
    assert levers.share_occupation(occupation(needs_1y=2.4, largest=1.5)) is None


# Mobility


def test_decline_reads_the_headcount_a_year_earlier_or_no_needs_at_all():
    assert levers_mobility.decline(occupation(headcount=90), occupation(headcount=100)) == (
        "son effectif baisse de 100 à 90 personnes en un an (−10 %)"
    )
    assert levers_mobility.decline(occupation(headcount=97), occupation(headcount=100)) is None
    assert levers_mobility.decline(occupation(headcount=97, needs_3y=0), None) == (
        "les adhérents n'y prévoient aucun besoin de recrutement d'ici trois ans"
    )
    assert levers_mobility.decline(occupation(headcount=97), None) is None


@pytest.mark.django_db
def test_mobility_leads_a_declining_occupation_to_one_in_need_with_the_skills_to_acquire():
    assembly = OccupationFactory(code="H2909", label="Montage-assemblage mécanique")
    machining = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    unrelated = OccupationFactory(code="K1101", label="Accompagnement")
    shared = SkillFactory(label="Lire un plan")
    programming = SkillFactory(label="Programmer une machine à commande numérique")
    adjusting = SkillFactory(label="Régler une machine")
    OccupationSkillFactory(occupation=assembly, skill=shared)
    OccupationSkillFactory(occupation=machining, skill=shared)
    OccupationSkillFactory(
        occupation=machining, skill=adjusting, importance=OccupationSkill.Importance.OTHER
    )
    OccupationSkillFactory(occupation=machining, skill=programming)
    MobilityFactory(source=assembly, target=machining)
    MobilityFactory(source=assembly, target=unrelated)
    figures = [
        occupation(occupation_object=assembly, headcount=40, needs_1y=1, tension=-0.5),
        occupation(occupation_object=machining, headcount=80, needs_1y=12),
        occupation(occupation_object=unrelated, headcount=10, needs_1y=1),
    ]
    last_year = {assembly.pk: occupation(occupation_object=assembly, headcount=50)}
    (priority,) = levers_mobility.mobilities(figures, last_year)
    assert priority.lever == Lever.MOBILITY
    assert priority.subject == assembly and priority.target == machining
    # Core skills first, then the others; the shared one is not to acquire.
    assert priority.skills_to_acquire == [programming, adjusting]
    assert priority.explanation == (
        "Ce métier est classé « mobilité inter-filières » parce que son effectif baisse de 50 à "
        "40 personnes en un an (−20 %), alors que le ROME indique une mobilité vers le métier "
        "« Conduite d'équipement d'usinage », dont les adhérents auront besoin de 12 personnes "
        "d'ici un an (seuil : 5). Compétences à acquérir : Programmer une machine à commande "
        "numérique, Régler une machine."
    )
    # min(headcount, needs of the target) × 0.5
    assert priority.score == pytest.approx(6)
    assert priority.key == f"mobility:o{assembly.pk}>o{machining.pk}:all"


@pytest.mark.django_db
def test_no_mobility_without_a_rome_link_or_a_decline():
    assembly = OccupationFactory(code="H2909")
    machining = OccupationFactory(code="H2903")
    figures = [
        occupation(occupation_object=assembly, headcount=40, needs_1y=1),
        occupation(occupation_object=machining, headcount=80, needs_1y=12),
    ]
    last_year = {assembly.pk: occupation(occupation_object=assembly, headcount=50)}
    assert levers_mobility.mobilities(figures, last_year) == []
    MobilityFactory(source=assembly, target=machining)
    assert levers_mobility.mobilities(figures, {}) == []
    assert len(levers_mobility.mobilities(figures, last_year)) == 1


# The ranked list


def test_priorities_are_ranked_by_score_and_departments_keep_only_solid_figures():
    morbihan = Department(code="56", name="Morbihan")
    occupations = [
        occupation(1, label="Usinage", needs_1y=6, tension=1.0),  # recruit, 6 × 2 = 12
        occupation(2, label="Soudage", needs_1y=20, tension=0.6),  # recruit, 20 × 1.6 = 32
        occupation(3, label="Accueil", needs_1y=2, tension=-1.6),  # nothing
    ]
    skills = [skill(1, people=10, train=3, organisations=4)]  # train, 10
    # A single occupation in the département: its indicator compares nothing,
    # the 50 % of respondents in difficulty stand for it: 9 × 1.5 = 13.5.
    departments = [
        (morbihan, [occupation(3, needs_1y=9, tension=1.0, organisations=3)], [], []),
        (morbihan, [occupation(4, needs_1y=9, tension=1.0, organisations=2)], [], []),
    ]
    found = levers.priorities(occupations, skills, departments=departments)
    assert [(p.lever, p.subject.label, p.score) for p in found] == [
        (Lever.RECRUIT, "Soudage", pytest.approx(32)),
        (Lever.RECRUIT, "Usinage", pytest.approx(13.5)),
        (Lever.RECRUIT, "Usinage", pytest.approx(12)),
        (Lever.TRAIN, "Analyse de données", pytest.approx(10)),
    ]
    assert found[1].territory == morbihan and found[1].key == "recruit:o3:56"
    assert "50 % des 3 organisations" in found[1].explanation
    assert all(p.territory is None for i, p in enumerate(found) if i != 1)


# Tension that compares nothing: the absolute sign


def lone(pk=1, **figures):
    """An occupation alone in its population, its tension computed as
    `occupations.occupation_figures` does (standardised: a lone one scores 0)."""
    item = occupation(pk, tension=None, **figures)
    item.tension = None
    tension.apply([item])
    return item


def test_a_single_occupation_is_recruited_for_on_the_share_of_respondents_in_difficulty():
    item = lone(needs_1y=8, difficult=0.75, organisations=4)
    assert item.tension.score == 0
    (priority,) = levers.priorities([item], [])
    assert priority.lever == Lever.RECRUIT
    assert "auront besoin de 8 personnes d'ici un an" in priority.explanation
    assert (
        "75 % des 4 organisations qui notent leur difficulté à recruter pour ce métier la "
        "jugent forte (seuil : 50 % ; l'indice de tension, qui compare les métiers entre eux, "
        "n'en distingue ici aucun : moins de 3 métiers en ont un, ou tous le même)"
    ) in priority.explanation
    # needs × (1 + share in difficulty)
    assert priority.score == pytest.approx(8 * 1.75)
    assert "Indice de tension" not in [item.label for item in priority.evidence]
    assert [item.text for item in priority.evidence][:2] == ["8", "75 %"]


def test_the_absolute_sign_needs_half_of_the_respondents_and_one_of_them():
    assert levers.priorities([lone(needs_1y=8, difficult=0.49)], []) == []
    nobody = lone(needs_1y=8)
    nobody.difficult_share = Figure(None, 0)
    assert levers.priorities([nobody], []) == []


def test_occupations_all_as_tense_are_recruited_for_on_the_absolute_sign():
    items = [occupation(pk, needs_1y=5 + pk, difficult=0.6, tension=None) for pk in (1, 2, 3)]
    for item in items:
        item.tension = None
    tension.apply(items)
    assert {item.tension.score for item in items} == {0}
    found = levers.priorities(items, [])
    # (5 + pk) × 1.6
    assert [(p.lever, p.subject.pk, p.score) for p in found] == [
        (Lever.RECRUIT, 3, pytest.approx(12.8)),
        (Lever.RECRUIT, 2, pytest.approx(11.2)),
        (Lever.RECRUIT, 1, pytest.approx(9.6)),
    ]


def test_three_distinct_occupations_keep_the_relative_indicator():
    items = [
        occupation(1, needs_1y=8, difficult=0.9, tension=0.4),
        occupation(2, needs_1y=8, difficult=0.9, tension=0.1),
        occupation(3, needs_1y=8, difficult=0.9, tension=-0.5),
    ]
    assert levers.comparable(items)
    assert levers.priorities(items, []) == []
    assert not levers.comparable(items[:2])


def test_a_single_occupation_lastingly_in_difficulty_is_promoted():
    now = lone(needs_1y=2, needs_3y=30, difficult=0.75, reasons=ATTRACTIVENESS)
    before = lone(needs_1y=2, difficult=0.6)
    (priority,) = levers.priorities([now], [], history=[[before]])
    assert priority.lever == Lever.PROMOTE
    assert (
        "depuis 2 ans (du plus récent au plus ancien : 75 % de répondants en difficulté puis "
        "60 % de répondants en difficulté ; seuil : indice 0,5, ou 50 % de répondants en "
        "difficulté les années où l'indice ne distingue aucun métier)"
    ) in priority.explanation
    # a third of the needs at 3 years × (1 + share in difficulty)
    assert priority.score == pytest.approx(30 / 3 * 1.75)
    calm = lone(needs_1y=2, difficult=0.4)
    assert levers.priorities([now], [], history=[[calm]]) == []


def test_promote_reads_each_year_with_its_own_sign():
    now = occupation(tension=1.0, reasons=ATTRACTIVENESS, difficult=0.2)
    before = occupation(tension=-1.0, difficult=0.8)
    priority = levers.promote(now, [before], relative=[True, False])
    assert "indice 1 puis 80 % de répondants en difficulté" in priority.explanation
    assert levers.promote(now, [before], relative=[True, True]) is None


# Share: members needing nobody do not count


def test_share_does_not_count_members_that_need_nobody():
    # Three members need 1, 0 and 0 people: one member needs someone.
    assert levers.share_skill(skill(organisations=3, people=1, largest=1)) is None
    assert levers.needing(Figure(1, 3, 1)) == 1
    # Four members need 1, 1, 1 and 0: three.
    priority = levers.share_skill(skill(organisations=4, people=3, largest=1))
    assert "3 adhérents (seuil : 3) en ont besoin pour 1 personne au plus chacun, 3 en tout" in (
        priority.explanation
    )


def test_share_an_occupation_only_when_enough_members_surely_need_someone():
    needs_1_0_0 = occupation(needs_1y=1, largest=1, organisations=3)
    assert levers.share_occupation(needs_1_0_0) is None
    # 0.8 + 0.8 + 0.8: 2.4 ÷ 0.8 = 3 members.
    priority = levers.share_occupation(occupation(needs_1y=2.4, largest=0.8, organisations=3))
    assert "au moins 3 adhérents (seuil : 3)" in priority.explanation
    # 1 + 0.4 + 0.4: the figures only prove 1.8 ÷ 1 → 2 members: silent.
    assert levers.share_occupation(occupation(needs_1y=1.8, largest=1, organisations=3)) is None


def test_needing_is_exact_in_decimals():
    # 1.1 ÷ 0.1 is 11.000000000000002 in floats.
    assert levers.needing(Figure(Decimal("1.1"), 20, Decimal("0.1"))) == 11
    assert levers.needing(Figure(1.1, 20, 0.1)) == 11
    assert levers.needing(Figure(0, 3, 0)) == 0


# Train: the larger of « former » and « nouvelle »


def test_train_asks_one_of_the_two_groups_to_reach_half():
    # 1 member trains, 1 other names it new: perhaps 2 of 4, but the figures
    # do not say whether they are the same member.
    assert levers.train(skill(organisations=4, people=9, train=1, new=1)) is None
    priority = levers.train(skill(organisations=4, people=9, train=2, new=1))
    assert "(l'un des deux groupes doit atteindre 50 %)" in priority.explanation


# Mobility: a need nobody gave is not a nil need


def test_no_decline_without_a_need_at_3_years_declared():
    headcount_only = occupation(headcount=12, needs_3y=0)
    headcount_only.horizons[3] = horizon(3, 0, organisations=0)
    assert levers_mobility.decline(headcount_only, None) is None
    declared_nil = occupation(headcount=12, needs_3y=0)
    declared_nil.horizons[3] = horizon(3, 0, organisations=1)
    assert levers_mobility.decline(declared_nil, None) == (
        "les adhérents n'y prévoient aucun besoin de recrutement d'ici trois ans"
    )
