"""The benchmark generator's survey step at a tiny scale: every cluster's
barometer of ~30 questions over 4 closed waves, 70 % of the invitees
answering, the largest cluster's last wave with as many responses as it has
members; done again, it gives the same data."""

import pytest
from django.db.models import Count

from ancrage.surveys.models import Campaign, Invitee, Question, Response, Status
from tests.test_generate import TINY, run, world  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def test_every_cluster_runs_four_waves_of_a_thirty_question_barometer(world):  # noqa: F811
    for name in (
        "clusters et équipes",
        "organisations et adhésions",
        "vocabulaires des clusters",
        "enquêtes : 4 vagues de baromètre",
    ):
        run(name)
    campaigns = Campaign.objects.order_by("cluster__slug", "wave")
    assert campaigns.count() == 4 * TINY.clusters
    assert set(campaigns.values_list("status", flat=True)) == {Status.CLOSED}
    first = campaigns.first()
    questions = Question.objects.filter(version=first.version)
    assert 30 <= questions.count() <= 36
    for table in questions.filter(kind="table"):
        assert table.columns.filter(kind="occupation", gpec_fact="occupation").count() == 1
        assert table.columns.count() >= 5
    largest = campaigns.filter(cluster__slug="bench-000").last()
    assert largest.previous.wave == 3
    assert largest.responses.filter(state="submitted").count() == TINY.largest_cluster
    assert largest.invitees.filter(organisation=None, is_member=False).exists()
    for campaign in campaigns.exclude(pk=largest.pk).annotate(
        answered=Count("responses", distinct=True), invited=Count("invitees", distinct=True)
    ):
        assert campaign.answered == round(0.7 * campaign.invited)
    answers = Response.objects.filter(campaign=largest).first().answers
    assert answers["metiers"] and isinstance(answers["metiers"][0]["metier"], int)
    assert Invitee.objects.filter(response=None, reminders_sent=2).exists()
    before = list(Response.objects.order_by("pk").values_list("answers", flat=True)[:50])
    run("enquêtes : 4 vagues de baromètre")
    assert list(Response.objects.order_by("pk").values_list("answers", flat=True)[:50]) == before
