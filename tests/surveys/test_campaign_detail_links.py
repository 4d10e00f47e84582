"""The campaign page links to the results, the series and the exports, and
says how many GPEC facts the responses fed."""

from html import unescape

import pytest
from django.urls import reverse

from ancrage.gpec.models import OccupationForecast, Source
from ancrage.referentiel.factories import OccupationFactory
from ancrage.surveys.factories import CampaignFactory, ResponseFactory
from tests.cast import login

pytestmark = pytest.mark.django_db


def test_the_campaign_page_links_to_results_series_exports_and_counts_facts(client, cast):
    previous = CampaignFactory(cluster=cast.cluster_a)
    campaign = CampaignFactory(
        cluster=cast.cluster_a, questionnaire=previous.questionnaire, previous=previous, wave=2
    )
    response = ResponseFactory(invitee__campaign=campaign)
    for _ in range(2):
        OccupationForecast.objects.create(
            cluster=cast.cluster_a,
            organisation=response.invitee.organisation,
            observed_on=campaign.opens_on,
            source=Source.SURVEY,
            source_key=f"survey-response:{response.pk}",
            source_label="Baromètre",
            occupation=OccupationFactory(),
            open_unfilled=2,
        )
    login(client, cast.staff_a)
    text = " ".join(
        unescape(client.get(reverse("campaigns:detail", args=[campaign.pk])).text).split()
    )
    for name in ("survey_results:campaign", "survey_results:series", "survey_exports:raw"):
        assert reverse(name, args=[campaign.pk]) in text
    assert reverse("survey_exports:anonymised", args=[campaign.pk]) in text
    assert (
        "Faits GPEC alimentés par les réponses : 0 chiffres clés d'organisation, "
        "0 besoins en compétences, 2 prévisions par métier." in text
    )
