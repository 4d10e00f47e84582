"""Barometer series: the waves of a series, the figures of each occupation
across them, the tension score (formula and worked examples) and the series
page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ancrage.surveys.results.series import series, waves
from ancrage.surveys.results.tension import tension_score
from tests.cast import login
from tests.surveys.results_fixtures import campaign_with_questions, next_wave, occupations
from tests.surveys.test_results_views import answer, table_row

pytestmark = pytest.mark.django_db


def test_tension_score_worked_example():
    # The docstring's example: D = 0.5, O = 0.25, mean time 45 days.
    # 100 × (0.5 × 0.5 + 0.3 × 0.25 + 0.2 × 45 / 90) = 42.5
    assert tension_score(difficult_share=0.5, open_share=0.25, mean_days=45) == 42.5
    # Time to fill is capped at 90 days.
    assert tension_score(difficult_share=0, open_share=0, mean_days=400) == 20.0


def test_tension_score_renormalises_over_the_components_present():
    # Only D and O: 100 × (0.5 × 1 + 0.3 × 0.5) / 0.8 = 81.25 → 81.2 (rounded half to even).
    assert tension_score(difficult_share=1, open_share=0.5) == pytest.approx(81.2, abs=0.05)
    # Only the time to fill: 100 × 0.2 × (45 / 90) / 0.2 = 50.
    assert tension_score(mean_days=45) == 50.0
    assert tension_score() is None


@pytest.fixture
def campaign(cast):
    return campaign_with_questions(
        cast.cluster_a, title="Baromètre des métiers", period_label="T3 2026"
    )


def test_the_series_ranks_occupations_in_tension_across_three_waves(client, cast, campaign):
    welder, turner = occupations(2)
    second = next_wave(campaign, period_label="T4 2026")
    third = next_wave(second, period_label="T1 2027")
    for wave, welder_open, turner_difficulty in ((campaign, 1, 1), (second, 3, 2), (third, 6, 4)):
        for _index in range(3):
            answer(
                wave,
                {
                    "metiers": [
                        table_row(welder, welder_open, 2, 45, 3),
                        table_row(turner, 1, 3, 10, turner_difficulty),
                    ]
                },
            )
    assert waves(second) == [campaign, second, third]
    found = series(second)
    assert [f.open for f in found.occupations[welder.pk]] == [3, 9, 18]
    ranking = found.latest_ranking()
    # Welder, last wave: D = 1, O = 18 / 24, T = 0.5 → 100 × (0.5 + 0.225 + 0.1) = 82.5.
    assert ranking[0][0] == welder.pk and ranking[0][2].score == 82.5
    login(client, cast.staff_a)
    content = client.get(reverse("survey_results:series", args=[campaign.pk])).content.decode()
    assert "Métiers en tension à la dernière vague (T1 2027, en cours)" in content
    assert content.count("<polyline") >= 3
    assert "T4 2026" in content


def test_the_series_page_reads_every_wave_in_the_same_number_of_queries(client, cast, campaign):
    welder, turner = occupations(2)
    login(client, cast.staff_a)

    def grow(wave, periods):
        for period in periods:
            for _index in range(3):
                answer(
                    wave,
                    {"metiers": [table_row(welder, 2, 1, 30, 3), table_row(turner, 1, 1, 5, 1)]},
                )
            wave = next_wave(wave, period_label=period)
        return wave

    def queries_for(wave):
        url = reverse("survey_results:series", args=[wave.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    second = grow(campaign, ["T4 2026"])
    few = queries_for(second)
    last = grow(second, ["T1 2027", "T2 2027", "T3 2027"])
    assert queries_for(last) == few <= 13


def test_a_series_without_barometer_table_lists_its_waves(client, cast):
    from ancrage.surveys.factories import CampaignFactory

    single = CampaignFactory(cluster=cast.cluster_a, period_label="2026")
    login(client, cast.staff_a)
    content = client.get(reverse("survey_results:series", args=[single.pk])).content.decode()
    assert "Pas encore de chiffres par métier" in content and "2026" in content


def test_the_shipped_barometer_gets_a_tension_score(cast):
    """The shipped barometer's difficulty is a single choice « 1 » to « 4 »."""
    from ancrage.surveys import shipped
    from ancrage.surveys.factories import CampaignFactory
    from ancrage.surveys.results.report import build

    questionnaire = shipped.instantiate(cast.cluster_a, "barometre-metiers-en-tension")
    campaign = CampaignFactory(
        cluster=cast.cluster_a, questionnaire=questionnaire, version=questionnaire.current_version
    )
    welder = occupations(1)[0]
    for difficulty, open_, filled, days in (("4", "3", "1", "90"), ("2", "1", "3", "30")):
        answer(
            campaign,
            {
                "metiers": [
                    {
                        "metier": welder.pk,
                        "postes_ouverts": open_,
                        "postes_pourvus": filled,
                        "delai_jours": days,
                        "difficulte": difficulty,
                    }
                ]
            },
        )
    summary = next(s for s in build(campaign).summaries if s.key == "metiers")
    tension = summary.table("tension").rows[0].cells
    # D = 1/2, O = 4/8, T = 60/90: 100 × (0.25 + 0.15 + 0.2 × 2/3) = 53.3
    assert tension[0].value == 53.3
    occupations_table = summary.table("occupations")
    mean = occupations_table.rows[0].cells[occupations_table.column_index("difficulte")]
    assert mean.value == 3.0
    assert series(campaign).latest_ranking()[0][2].score == 53.3


def test_occupations_named_by_fewer_than_three_respondents_come_last(campaign):
    welder, turner = occupations(2)
    for _index in range(3):
        answer(campaign, {"metiers": [table_row(welder, 1, 3, 10, 2)]})
    answer(campaign, {"metiers": [table_row(turner, 5, 0, 90, 4)]})
    ranking = series(campaign).latest_ranking()
    assert [item[0] for item in ranking] == [welder.pk, turner.pk]
    assert ranking[1][2].score > ranking[0][2].score


def test_a_scheduled_next_wave_keeps_the_latest_answered_wave_in_front(client, cast, campaign):
    """The next wave is scheduled as soon as a recurring wave closes: the
    page keeps showing the last wave with answers, ranked by its tension, and
    says « en cours » while a wave still collects answers."""
    from ancrage.surveys.models import Recurrence, Status

    campaign.recurrence = Recurrence.SEMIANNUAL
    campaign.status = Status.OPEN
    campaign.save()
    welder, turner = occupations(2)
    for _index in range(3):
        # Turner (alphabetically second) is the more tense one.
        answer(
            campaign,
            {"metiers": [table_row(welder, 0, 3, 5, 1), table_row(turner, 5, 1, 90, 4)]},
        )
    scheduled = next_wave(
        campaign, period_label="S2 2027", recurrence=Recurrence.SEMIANNUAL, status=Status.SCHEDULED
    )
    found = series(scheduled)
    assert found.latest == campaign and found.latest_open
    assert [item[0] for item in found.latest_ranking()] == [turner.pk, welder.pk]
    login(client, cast.staff_a)
    content = client.get(reverse("survey_results:series", args=[scheduled.pk])).content.decode()
    assert "Métiers en tension ce semestre (T3 2026, en cours)" in content
    assert "ses chiffres ne portent que sur les réponses déjà envoyées" in content
    # The charts' tables follow the ranking of that wave, not the alphabet.
    assert content.index(turner.label) < content.index(welder.label)


def test_the_heading_follows_the_recurrence(campaign):
    from ancrage.surveys.models import Recurrence

    for recurrence, heading in (
        (Recurrence.QUARTERLY, "Métiers en tension ce trimestre"),
        (Recurrence.YEARLY, "Métiers en tension cette année"),
        (Recurrence.NONE, "Métiers en tension à la dernière vague"),
    ):
        campaign.recurrence = recurrence
        campaign.save()
        assert series(campaign).latest_heading == heading


def test_a_difficulty_column_of_kind_number_counts_in_the_tension_score(campaign):
    from ancrage.surveys.models import Kind, Question

    Question.objects.filter(key="difficulte").update(
        kind=Kind.NUMBER, scale_min=None, scale_max=None
    )
    welder = occupations(1)[0]
    for difficulty in ("4", "2"):
        answer(campaign, {"metiers": [{"metier": welder.pk, "difficulte": difficulty}]})
    figures = series(campaign).latest_ranking()[0][2]
    # Only D: half the respondents rate it 3 or 4 → 50.
    assert figures.difficult_share == 0.5 and figures.score == 50.0
    assert figures.difficulty_mean == 3.0
