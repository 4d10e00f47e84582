"""The results page, the PDF report, the series page and the summary shared
with respondents, read as their users read them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.models import Organisation
from ancrage.surveys.models import Status
from ancrage.surveys.views import results as results_views
from tests.cast import login
from tests.surveys.results_fixtures import (
    answer,
    campaign_with_questions,
    next_wave,
    occupations,
)

pytestmark = pytest.mark.django_db


def table_row(occupation, open_, filled, days, difficulty):
    return {
        "metier": occupation.pk,
        "ouverts": str(open_),
        "pourvus": str(filled),
        "delai": str(days),
        "difficulte": difficulty,
    }


@pytest.fixture
def campaign(cast):
    return campaign_with_questions(
        cast.cluster_a, title="Baromètre des métiers", period_label="T3 2026"
    )


def test_the_results_page_shows_every_question_with_chart_and_table(client, cast, campaign):
    welder = occupations(1)[0]
    for index, choice in enumerate(["rh", "rh", "form"]):
        answer(
            campaign,
            {
                "enjeu": choice,
                "confiance": index + 2,
                "commentaire": "Pénurie de soudeurs",
                "metiers": [table_row(welder, 2, 1, 60, 4)],
            },
            size_class="pme",
        )
    login(client, cast.staff_a)
    url = reverse("survey_results:campaign", args=[campaign.pk])
    response = client.get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Enjeu principal" in content and "<svg" in content
    assert "66,7\u202f%" in content  # 2 of 3 answered « Recrutement »
    assert "Score de tension" in content
    assert "Pénurie de soudeurs" in content  # the staff read the text answers
    assert "taux de réponse : 100,0 %" in content or "taux de réponse : 100.0 %" in content
    # Drafts and submitted responses, as the campaign page's « en cours » counts drafts only.
    assert "Réponses commencées (envoyées ou en cours)" in content

    filtered = client.get(url, {"taille": "tpe"}, headers={"HX-Request": "true"})
    assert filtered.status_code == 200
    assert filtered.content.decode().lstrip().startswith('<div id="resultats">')
    assert "Aucune réponse envoyée." in filtered.content.decode()


def test_the_results_page_reads_the_answers_in_a_few_queries(client, cast, campaign):
    welder, turner, fitter = occupations(3)
    for index in range(20):
        answer(
            campaign,
            {
                "enjeu": "rh",
                "effectif": str(index),
                "metiers": [table_row(welder, 1, 1, 30, 3), table_row(turner, index, 2, 10, 1)],
                "metier_cle": fitter.pk,
            },
        )
    later = next_wave(campaign)
    answer(later, {"enjeu": "form"})
    login(client, cast.staff_a)
    client.get(reverse("survey_results:campaign", args=[later.pk]))  # warm the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("survey_results:campaign", args=[later.pk]))
    assert response.status_code == 200
    # Session, user, context, campaign, questions, 2 × answers, labels, rate,
    # départements: whatever the number of responses.
    assert len(queries) <= 15, [q["sql"][:80] for q in queries.captured_queries]


def test_the_individual_responses_are_listed_a_page_at_a_time(client, cast, campaign, monkeypatch):
    monkeypatch.setattr(results_views, "RESPONSES_PER_PAGE", 2)
    created = [
        answer(campaign, {"enjeu": "rh"}, name=name, size_class=size)
        for name, size in (("Chaudronnerie", "pme"), ("Ajustage", "tpe"), ("Brasage", "pme"))
    ]
    login(client, cast.staff_a)
    results = client.get(reverse("survey_results:campaign", args=[campaign.pk]))
    content = results.content.decode()
    # The results page links to the list instead of listing every response.
    assert "/reponses/" not in content.replace("/resultats/reponses/", "")
    assert "Voir les 3 réponses envoyées" in content
    url = reverse("survey_results:responses", args=[campaign.pk])
    assert f'href="{url}"' in content
    pme = client.get(reverse("survey_results:campaign", args=[campaign.pk]), {"taille": "pme"})
    assert f'href="{url}?taille=pme"' in pme.content.decode()

    with CaptureQueriesContext(connection) as queries:
        first = client.get(url)
    # Session, user and context, campaign, count, one page: not one per response.
    assert len(queries) <= 9, [q["sql"][:80] for q in queries.captured_queries]
    links = [
        reverse("respond:staff_response", args=[campaign.pk, response.pk])
        for response in sorted(created, key=lambda r: r.invitee.name)
    ]
    text = first.content.decode()
    assert "3 réponses envoyées" in text
    assert f'href="{links[0]}">Ajustage</a>' in text
    assert f'href="{links[1]}">Brasage</a>' in text
    assert links[2] not in text and "Page 1 sur 2" in text
    second = client.get(url, {"page": 2}).content.decode()
    assert f'href="{links[2]}">Chaudronnerie</a>' in second and links[0] not in second
    assert "Page 2 sur 2" in second
    filtered = client.get(url, {"taille": "pme"}).content.decode()
    assert "Ajustage" not in filtered and "Brasage" in filtered and "Chaudronnerie" in filtered
    assert client.get(url, {"page": "zzz"}).status_code == 200  # the first page


def test_the_list_of_responses_says_when_there_is_none(client, cast, campaign):
    login(client, cast.staff_a)
    content = client.get(reverse("survey_results:responses", args=[campaign.pk])).content
    assert "Aucune réponse envoyée." in content.decode()


def test_the_comparison_shows_arrows(client, cast, campaign):
    answer(campaign, {"confiance": 2})
    answer(campaign, {"confiance": 2})
    later = next_wave(campaign)
    answer(later, {"confiance": 5})
    login(client, cast.staff_a)
    content = client.get(reverse("survey_results:campaign", args=[later.pk])).content.decode()
    assert "▲" in content and "+3" in content


def test_the_pdf_report(client, cast, campaign):
    answer(campaign, {"enjeu": "rh", "commentaire": "Réponse confidentielle"})
    login(client, cast.staff_a)
    response = client.get(reverse("survey_results:pdf", args=[campaign.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000
    assert "barometre-des-metiers" in response["Content-Disposition"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.cluster_id == cast.cluster_a.pk and entry.object_id == str(campaign.pk)


def test_the_pdf_html_has_the_cover_and_no_text_answer(cast, campaign, rf):
    from django.template.loader import render_to_string

    from ancrage.surveys.results.report import build

    answer(campaign, {"enjeu": "rh", "commentaire": "Réponse confidentielle"})
    html = render_to_string(
        "surveys/results/pdf.html",
        {"campaign": campaign, "report": build(campaign), "show_texts": False},
    )
    assert "Baromètre des métiers" in html and "Cluster Alpha" in html and "T3 2026" in html
    assert "counter(page)" in html
    assert "Réponse confidentielle" not in html
    assert "confidentielle" in html  # in the word list


@pytest.fixture
def shared(cast):
    campaign = campaign_with_questions(
        cast.cluster_a, share_results=True, status=Status.CLOSED, title="Enquête RH"
    )
    campaign.closes_on = campaign.opens_on + datetime.timedelta(days=1)
    campaign.save()
    usinage = Organisation.objects.get(name="Usinage Alpha")
    answer(
        campaign,
        {"enjeu": "rh", "effectif": "1000", "commentaire": "Secret maison"},
        organisation=usinage,
    )
    answer(campaign, {"enjeu": "rh", "effectif": "10"})
    answer(campaign, {"enjeu": "rh", "effectif": "12"})
    answer(campaign, {"enjeu": "form", "effectif": "8"})
    return campaign


def test_the_shared_summary_applies_statistical_secrecy(client, cast, shared):
    login(client, cast.member_a)
    response = client.get(reverse("survey_summary:summary", args=[shared.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Secret maison" not in content
    assert "Les réponses libres ne sont pas diffusées." in content
    # « Formation » (1 organisation) is hidden, and so is the next smallest
    # cell, « Recrutement », since the total is shown.
    assert content.count('class="secret') >= 4
    # The headcount sum is 1030, 97 % from one organisation: hidden.
    assert "1\u202f030" not in content
    assert "Minimum" not in content and "Médiane" not in content
    assert "Retour à vos enquêtes" in content and "Mes enquêtes" not in content


def test_the_shared_summary_waits_for_the_closing(client, cast, shared):
    shared.status = Status.OPEN
    shared.save()
    login(client, cast.member_a)
    assert client.get(reverse("survey_summary:summary", args=[shared.pk])).status_code == 404
