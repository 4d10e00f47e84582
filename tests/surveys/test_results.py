"""Each kind of question summarised with known answers."""

from decimal import Decimal

import pytest

from ancrage.clusters.factories import ClusterFactory
from ancrage.referentiel.factories import SkillFactory
from ancrage.surveys.models import Kind, Question, Response
from ancrage.surveys.results.comparison import Change
from ancrage.surveys.results.loading import Segment, rate
from ancrage.surveys.results.report import build
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from tests.surveys.results_fixtures import (
    answer,
    campaign_with_questions,
    next_wave,
    occupations,
)

pytestmark = pytest.mark.django_db


def cells(summary, table_key, column_key):
    table = summary.table(table_key)
    index = table.column_index(column_key)
    return {row.label: row.cells[index] for row in table.rows}


def values(summary, table_key, column_key):
    return {label: cell.value for label, cell in cells(summary, table_key, column_key).items()}


@pytest.fixture
def campaign():
    return campaign_with_questions(ClusterFactory())


def by_key(report):
    return {summary.key: summary for summary in report.summaries}


def test_choices_scale_number_and_yes_no(campaign):
    answer(
        campaign,
        {
            "enjeu": "rh",
            "enjeux": ["rh", "form"],
            "confiance": 4,
            "effectif": "10",
            "recrute": True,
        },
    )
    answer(
        campaign,
        {"enjeu": "rh", "enjeux": ["rh"], "confiance": 2, "effectif": "20.5", "recrute": True},
    )
    answer(campaign, {"enjeu": "form", "confiance": 5, "effectif": "30", "recrute": False})
    answer(campaign, {"enjeu": "form"}, state=Response.State.DRAFT)
    summaries = by_key(build(campaign))

    assert values(summaries["enjeu"], "distribution", "count") == {"Recrutement": 2, "Formation": 1}
    shares = cells(summaries["enjeu"], "distribution", "share")
    assert shares["Recrutement"].plain == "66,7\u202f%"
    # Multiple choice: % of respondents, not of choices.
    assert values(summaries["enjeux"], "distribution", "count") == {
        "Recrutement": 2,
        "Formation": 1,
    }
    assert values(summaries["enjeux"], "distribution", "share")["Recrutement"] == 100

    confidence = values(summaries["confiance"], "indicators", "value")
    assert confidence["Répondants"] == 3
    assert confidence["Moyenne"] == Decimal(11) / 3
    assert confidence["Médiane"] == 4
    assert values(summaries["confiance"], "distribution", "count") == {
        "1": 0,
        "2": 1,
        "3": 0,
        "4": 1,
        "5": 1,
    }

    headcount = values(summaries["effectif"], "indicators", "value")
    assert headcount == {
        "Répondants": 3,
        "Somme": Decimal("60.5"),
        "Moyenne": Decimal("60.5") / 3,
        "Médiane": Decimal("20.5"),
        "Minimum": Decimal("10"),
        "Maximum": Decimal("30"),
    }
    assert cells(summaries["effectif"], "indicators", "value")["Somme"].plain == "60,50"
    assert values(summaries["recrute"], "distribution", "count") == {"Oui": 2, "Non": 1}


def test_text_date_occupation_skill_and_commune(campaign):
    welder, turner, _other = occupations()
    skill = SkillFactory(label="Soudure TIG")
    finistere = DepartmentFactory(code="29", name="Finistère")
    brest = CommuneFactory(
        code="29019", name="Brest", department=finistere, latitude=48.39, longitude=-4.49
    )
    quimper = CommuneFactory(
        code="29232", name="Quimper", department=finistere, latitude=48.0, longitude=-4.1
    )
    lorient = CommuneFactory(code="56121", name="Lorient", latitude=47.75, longitude=-3.37)
    answer(
        campaign,
        {
            "commentaire": "Pénurie de soudeurs, pénurie d'usineurs",
            "date": "2026-09-03",
            "metier_cle": welder.pk,
            "competences": [skill.pk],
            "commune": brest.code,
        },
    )
    answer(
        campaign,
        {
            "commentaire": "La pénurie continue",
            "date": "2026-09-30",
            "metier_cle": welder.pk,
            "competences": [skill.pk],
            "commune": quimper.code,
        },
    )
    answer(
        campaign,
        {
            "commentaire": "Rien",
            "date": "2026-10-01",
            "metier_cle": turner.pk,
            "commune": lorient.code,
        },
    )
    summaries = by_key(build(campaign))

    comments = summaries["commentaire"]
    assert comments.answered == 3
    assert comments.words[0] == ("pénurie", 2)  # once per respondent
    assert "usineurs" in dict(comments.words) and "de" not in dict(comments.words)
    assert len(comments.texts) == 3
    assert values(summaries["date"], "distribution", "count") == {
        "septembre 2026": 2,
        "octobre 2026": 1,
    }
    ranking = summaries["metier_cle"].table("ranking")
    assert [(row.label, row.cells[0].value) for row in ranking.rows] == [
        (f"{welder.label} ({welder.code})", 2),
        (f"{turner.label} ({turner.code})", 1),
    ]
    # Share of the respondents who answered the question.
    assert values(summaries["competences"], "ranking", "share") == {"Soudure TIG": 100}
    communes = summaries["commune"]
    assert values(communes, "departments", "count") == {"Finistère (29)": 2, "Morbihan (56)": 1}
    assert sorted(p[0] for p in communes.points) == ["Brest", "Lorient", "Quimper"]
    assert "<svg" in communes.map_markup()


def test_table_question_per_occupation_and_tension(campaign):
    welder, turner, _other = occupations()
    row = lambda occ, open_, filled, days, diff, contract: {  # noqa: E731
        "metier": occ.pk,
        "ouverts": open_,
        "pourvus": filled,
        "delai": days,
        "difficulte": diff,
        "contrat": contract,
    }
    answer(
        campaign,
        {"metiers": [row(welder, "3", "1", "60", 4, "cdi"), row(turner, "1", "1", "30", 2, "cdd")]},
    )
    answer(campaign, {"metiers": [row(welder, "1", "3", "30", 2, "cdi")]})
    summary = by_key(build(campaign))["metiers"]

    welder_label = f"{welder.label} ({welder.code})"
    assert values(summary, "occupations", "respondents") == {
        welder_label: 2,
        f"{turner.label} ({turner.code})": 1,
    }
    assert values(summary, "occupations", "ouverts")[welder_label] == 4
    assert values(summary, "occupations", "difficulte")[welder_label] == 3
    assert values(summary, "choices-contrat", "cdi")[welder_label] == 2
    # Welder: D = 1/2 (one of two rates 3 or more), O = 4 / (4 + 4), T = 45 / 90.
    # 100 × (0.5 × 0.5 + 0.3 × 0.5 + 0.2 × 0.5) = 50.
    tension = cells(summary, "tension", "score")
    assert tension[welder_label].value == 50.0
    assert cells(summary, "tension", "difficult")[welder_label].plain == "50,0\u202f%"
    assert summary.table("tension").rows[0].label == welder_label  # ranked by score


def test_segment_filters_and_rate(campaign):
    morbihan = CommuneFactory(code="56121", name="Lorient")
    answer(campaign, {"enjeu": "rh"}, size_class="pme", commune=morbihan, is_member=True)
    answer(campaign, {"enjeu": "form"}, size_class="tpe", is_member=False)
    answer(
        campaign, {"enjeu": "form"}, size_class="tpe", is_member=False, state=Response.State.DRAFT
    )
    from ancrage.surveys.factories import InviteeFactory

    InviteeFactory(campaign=campaign, size_class="tpe", is_member=False)
    assert rate(campaign) == {"invited": 4, "started": 3, "submitted": 2, "percent": 50.0}
    tpe = Segment.from_params({"taille": "tpe"})
    assert rate(campaign, tpe)["invited"] == 3
    assert values(by_key(build(campaign, tpe))["enjeu"], "distribution", "count") == {
        "Recrutement": 0,
        "Formation": 1,
    }
    assert (
        values(
            by_key(build(campaign, Segment.from_params({"departement": "56"})))["enjeu"],
            "distribution",
            "count",
        )["Recrutement"]
        == 1
    )
    assert (
        values(
            by_key(build(campaign, Segment.from_params({"adherent": "non"})))["enjeu"],
            "distribution",
            "count",
        )["Formation"]
        == 1
    )
    bad = Segment.from_params({"taille": "XXL", "departement": "<script>", "adherent": "peut-être"})
    assert not bad


def test_comparison_with_the_previous_wave(campaign):
    welder = occupations(1)[0]
    later = next_wave(campaign)
    answer(
        campaign,
        {"enjeu": "rh", "confiance": 2, "metiers": [{"metier": welder.pk, "ouverts": "5"}]},
    )
    answer(campaign, {"enjeu": "form", "confiance": 2})
    answer(
        later, {"enjeu": "rh", "confiance": 4, "metiers": [{"metier": welder.pk, "ouverts": "2"}]}
    )
    summaries = by_key(build(later))
    rh = cells(summaries["enjeu"], "distribution", "share")["Recrutement"]
    assert rh.change.plain == "▲ +50,0\u202fpt"
    mean = cells(summaries["confiance"], "indicators", "value")["Moyenne"]
    assert mean.change.arrow == "▲" and mean.change.delta == 2
    open_positions = values(summaries["metiers"], "occupations", "ouverts")
    assert list(open_positions.values()) == [2]
    change = cells(summaries["metiers"], "occupations", "ouverts")[
        f"{welder.label} ({welder.code})"
    ].change
    assert change.plain == "▼ -3"
    # Neutral colour: whether a fall is good depends on the question.
    assert "text-body-secondary" in change.__html__() and "text-danger" not in change.__html__()


def test_malformed_answers_are_left_out_without_an_error(campaign):
    answer(
        campaign,
        {
            "enjeu": ["rh"],
            "enjeux": [{"x": 1}, "rh"],
            "confiance": "beaucoup",
            "effectif": "douze",
            "recrute": "oui",
            "date": "hier",
            "metier_cle": "soudeur",
            "competences": "tout",
            "commune": 56,
            "metiers": [
                {"metier": "x"},
                "ligne",
                {"metier": 10**9, "ouverts": "-", "contrat": ["cdi"]},
            ],
        },
    )
    summaries = by_key(build(campaign))
    assert values(summaries["enjeu"], "distribution", "count") == {"Recrutement": 0, "Formation": 0}
    assert values(summaries["enjeux"], "distribution", "count")["Recrutement"] == 1
    assert values(summaries["effectif"], "indicators", "value") == {"Répondants": 0}
    assert values(summaries["metiers"], "occupations", "respondents") == {f"#{10**9}": 1}


def test_the_public_summary_shows_communes_only_as_departements_under_secrecy(campaign):
    finistere = DepartmentFactory(code="29", name="Finistère")
    brest = CommuneFactory(
        code="29019", name="Brest", department=finistere, latitude=48.39, longitude=-4.49
    )
    lorient = CommuneFactory(code="56121", name="Lorient", latitude=47.75, longitude=-3.37)
    welder = occupations(1)[0]
    for commune, open_ in ((brest, "1"), (brest, "1"), (brest, "1"), (lorient, "40")):
        answer(
            campaign,
            {
                "commune": commune.code,
                "commentaire": "Texte",
                "metiers": [{"metier": welder.pk, "ouverts": open_}],
            },
        )
    summaries = by_key(build(campaign, public=True))
    communes = summaries["commune"]
    assert communes.points == [] and communes.map_markup() == ""
    departments = cells(communes, "departments", "count")
    assert departments["Finistère (29)"].plain == "secret"  # secondary: Morbihan has 1
    assert departments["Morbihan (56)"].reason == "few"
    assert summaries["commentaire"].words == [] and summaries["commentaire"].texts == []
    # 40 of the 43 open positions come from one organisation: dominated.
    open_positions = cells(summaries["metiers"], "occupations", "ouverts")
    assert open_positions[f"{welder.label} ({welder.code})"].reason == "dominance"


def test_a_shared_mean_follows_the_secrecy_of_its_sum(campaign):
    for effectif in ("10", "20", "30", "40"):
        answer(campaign, {"effectif": effectif})
    shared = cells(by_key(build(campaign, public=True))["effectif"], "indicators", "value")
    assert shared["Moyenne"].plain == "25,0" and shared["Somme"].plain == "100"
    answer(campaign, {"effectif": "900"})
    shared = cells(by_key(build(campaign, public=True))["effectif"], "indicators", "value")
    assert shared["Moyenne"].reason == shared["Somme"].reason == "dominance"


def test_a_shared_scale_mean_is_hidden_with_a_hidden_step(campaign):
    """Two unknowns (the hidden steps) and the mean would give them back."""
    for confiance in (2, 2, 2, 4, 4, 4, 5):
        answer(campaign, {"confiance": confiance})
    summary = by_key(build(campaign, public=True))["confiance"]
    assert cells(summary, "distribution", "count")["5"].hidden
    assert cells(summary, "indicators", "value")["Moyenne"].reason == "secondary"
    staff = by_key(build(campaign))["confiance"]
    assert not cells(staff, "indicators", "value")["Moyenne"].hidden


def _barometer_answers(campaign, welder, rows):
    for open_, filled, days, difficulty in rows:
        row = {"metier": welder.pk, "ouverts": open_, "pourvus": filled, "difficulte": difficulty}
        if days is not None:
            row["delai"] = days
        answer(campaign, {"metiers": [row]})


def test_the_shared_summary_does_not_let_the_difficulty_breakdown_be_recomputed(campaign):
    Question.objects.filter(key="difficulte").update(
        kind=Kind.SINGLE_CHOICE, choices=[{"value": str(v), "label": str(v)} for v in range(1, 5)]
    )
    welder = occupations(1)[0]
    label = f"{welder.label} ({welder.code})"
    _barometer_answers(
        campaign,
        welder,
        [
            ("61", "0", "30", "2"),
            ("4", "0", "40", "2"),
            ("4", "0", None, "3"),
            ("0", "0", None, "1"),
        ],
    )
    staff = by_key(build(campaign))["metiers"]
    assert staff.table("choices-difficulte") is not None
    shared = by_key(build(campaign, public=True))["metiers"]
    # The breakdown 1–4, its mean and the share of difficult ratings give back its hidden cells.
    assert shared.table("choices-difficulte") is None
    assert shared.table("choices-contrat") is not None
    tension = {
        key: cells(shared, "tension", key)[label]
        for key in ("score", "difficult", "open_share", "days")
    }
    # 61 of the 69 positions come from one organisation: the share is its own ratio.
    assert tension["open_share"].reason == "dominance"
    # Only 2 organisations gave a time to fill (the occupation has 4 respondents).
    assert tension["days"].reason == "few"
    assert tension["difficult"].plain == "25,0\u202f%"
    # The score with the shown components would give back the hidden ones.
    assert tension["score"].reason == "secondary"
    assert "Part des postes restés non pourvus" in [
        c.label for c in shared.table("tension").columns
    ]


def test_averages_and_rates_are_averaged_not_added_up(campaign):
    table = Question.objects.get(key="metiers")
    Question.objects.create(
        version=table.version,
        section=table.section,
        parent=table,
        key="candidatures",
        kind=Kind.NUMBER,
        label="Candidatures reçues par offre (en moyenne)",
        gpec_fact="",
        position=99,
    )
    Question.objects.filter(key="effectif").update(unit="%", label="Taux d'absentéisme")
    welder = occupations(1)[0]
    for candidates, rate_ in (("4", "10"), ("8", "20")):
        answer(
            campaign,
            {"effectif": rate_, "metiers": [{"metier": welder.pk, "candidatures": candidates}]},
        )
    summaries = by_key(build(campaign))
    main = summaries["metiers"].table("occupations")
    column = main.columns[main.column_index("candidatures")]
    assert column.label == "Candidatures reçues par offre (en moyenne)"
    assert main.rows[0].cells[main.column_index("candidatures")].value == 6
    indicators = values(summaries["effectif"], "indicators", "value")
    assert "Somme" not in indicators and indicators["Moyenne"] == 15


def test_bins_of_whole_numbers_have_whole_bounds_and_are_not_compared(campaign):
    later = next_wave(campaign)
    for wave, figures in ((campaign, ("1", "50", "100")), (later, ("1", "700", "1482"))):
        for figure in figures:
            answer(wave, {"effectif": figure})
    bins = by_key(build(later))["effectif"].table("bins")
    assert bins.rows[0].label == "1 – 297"
    assert all("," not in row.label for row in bins.rows)
    assert all(cell.change is None for row in bins.rows for cell in row.cells)


def test_a_change_rounding_to_zero_shows_no_rise():
    assert Change(Decimal("0.04"), "points", "50,0").plain == "= 0"
    assert Change(Decimal("0.06"), "points", "50,0").plain == "▲ +0,1\u202fpt"
