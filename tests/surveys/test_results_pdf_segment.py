"""The PDF report of a segment: the link from the filtered results, the
cover that names the segment, only its responses counted, and the audit."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.surveys.results.loading import Segment
from ancrage.surveys.results.report import build
from tests.cast import login
from tests.surveys.results_fixtures import answer, campaign_with_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(cast):
    campaign = campaign_with_questions(cast.cluster_a)
    for size in ("pme", "pme", "tpe"):
        answer(campaign, {"enjeu": "rh"}, size_class=size)
    return campaign


def test_the_filtered_results_link_to_the_segments_pdf(client, cast, campaign):
    login(client, cast.staff_a)
    page = client.get(
        reverse("survey_results:campaign", args=[campaign.pk]),
        {"taille": "pme"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert f"{reverse('survey_results:pdf', args=[campaign.pk])}?taille=pme" in page


def test_the_segments_pdf_names_it_and_counts_only_its_responses(client, cast, campaign):
    segment = Segment.from_params({"taille": "pme", "adherent": "oui"})
    assert segment.description == "PME · adhérents"
    report = build(campaign, segment)
    assert report.rate["submitted"] == 2
    html = render_to_string(
        "surveys/results/pdf.html",
        {"campaign": campaign, "report": report, "segment": segment, "show_texts": False},
    )
    assert "Segment : PME · adhérents (seules ses réponses sont comptées)." in html
    login(client, cast.staff_a)
    response = client.get(reverse("survey_results:pdf", args=[campaign.pk]), {"taille": "pme"})
    assert response.content.startswith(b"%PDF")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.details["segment"], entry.details["responses"]) == ("taille=pme", 2)
