"""The results page is audited (it shows free-text answers) and the PDF
report fetches nothing a label or an answer names."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.surveys.views import results
from tests.cast import login
from tests.surveys.results_fixtures import answer, campaign_with_questions

pytestmark = pytest.mark.django_db


def test_opening_the_results_is_audited_not_each_filter(client, cast):
    campaign = campaign_with_questions(cast.cluster_a)
    answer(campaign, {"enjeu": "rh"})
    login(client, cast.staff_a)
    url = reverse("survey_results:campaign", args=[campaign.pk])
    client.get(url)
    client.get(url, {"taille": "pme"}, headers={"HX-Request": "true"})
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW)
    assert entry.object_id == str(campaign.pk) and entry.cluster_id == cast.cluster_a.pk


def test_the_pdf_report_fetches_nothing():
    from weasyprint import HTML

    fetcher = results.fetch_nothing()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.org/"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)
    html = '<p>Rapport</p><img src="file:///etc/passwd">'
    assert HTML(string=html, url_fetcher=fetcher).write_pdf().startswith(b"%PDF")
