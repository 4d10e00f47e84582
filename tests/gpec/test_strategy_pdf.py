"""The « Stratégie emploi-compétences » PDF: a real PDF named after the
cluster and the day, audited; its content (cover, key figures, rankings with
their chart and table, skills, priorities explained, the action plan and its
indicators) is checked on the HTML WeasyPrint prints, as no PDF text reader
is installed (neither pypdf nor pdfminer)."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.gpec import assumptions, strategy, strategy_pdf
from ancrage.gpec.dashboard import filters as dashboard_filters
from ancrage.gpec.factories import ActionFactory
from ancrage.gpec.models import Action, ActionIndicator, Lever
from ancrage.matrix.query import Scope
from tests.cast import login
from tests.gpec.test_strategy import figures  # noqa: F401 -- the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast, figures):  # noqa: F811
    action = ActionFactory(
        cluster=cast.cluster_a,
        title="Jobdating de l'usinage",
        lever=Lever.RECRUIT,
        occupation=figures["machining"],
        status=Action.Status.IN_PROGRESS,
        owner="Chargée de mission emploi",
    )
    ActionIndicator.objects.create(action=action, label="Candidats reçus", target=40, current=12)
    ActionFactory(cluster=cast.cluster_b, title="Action de Bêta")
    return action


def test_the_pdf_is_a_real_pdf_named_after_the_cluster_and_audited(client, cast, plan):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_strategy:pdf"), {"departement": "56"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="strategie-emploi-competences-alpha-{day}.pdf"'
    )
    content = response.content
    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")
    assert b"startxref" in content
    # Its objects are compressed: the fonts alone weigh more than this.
    assert len(content) > 50_000
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.details["what"] == "gpec_strategy_pdf"
    assert entry.details["filter"] == "departement=56"
    assert entry.cluster_id == cast.cluster_a.pk


def test_the_pdf_content(cast, plan):
    request = RequestFactory().get("/cluster/gpec/strategie/pdf/")
    request.user = cast.staff_a
    cluster = cast.cluster_a
    found_assumptions = assumptions.for_cluster(cluster)
    filters = dashboard_filters.read(request, Scope.of_cluster(cluster), freshness_months=36)
    found = strategy.compute(filters.population, found_assumptions)
    html = render_to_string("gpec/strategy/pdf.html", strategy_pdf.context(cluster, filters, found))
    text = " ".join(html.split())
    for title in (
        "Stratégie emploi-compétences",
        "Cluster Alpha",
        "Chiffres clés",
        "Métiers aux besoins de recrutement les plus élevés",
        "Métiers les plus en tension",
        "Vieillissement : part des 55 ans et plus",
        "Compétences fragiles et émergentes",
        "Priorités et leviers",
        "Plan d'action",
    ):
        assert title in text or title.replace("'", "&#x27;") in text, title
    # Key figures: 4 organisations, 4 × 15 people, needs 3 × 3 + 6.
    assert re.search(r"Organisations ayant déclaré</dt> <dd> 4 </dd>", text)
    assert re.search(r"Effectif déclaré</dt> <dd> 60 </dd>", text)
    assert re.search(r"Besoins de recrutement à 1 an</dt> <dd> 15 </dd>", text)
    # Every chart has its table: an SVG then the rows.
    assert text.count("<svg") == 3
    assert "Usinage (H2903)" in text
    # Machinists: 3 of 10 aged 55 and over, receptionists: none.
    assert re.search(r"Part des 55 ans et plus</dt> <dd> 20 % </dd>", text)
    assert '<td class="num">30 %</td>' in text
    # The priorities with their explanation, the plan with its indicators.
    assert "Ce métier est classé « recruter » parce que" in text
    assert "Jobdating de l" in text and "Candidats reçus : 12 / 40" in text
    assert "Action de Bêta" not in text


def test_the_pdf_of_a_cluster_without_declarations(client, cast):
    login(client, cast.staff_b)
    response = client.get(reverse("gpec_strategy:pdf"))
    assert response.content.startswith(b"%PDF-")
    assert 'filename="strategie-emploi-competences-beta-' in response["Content-Disposition"]
