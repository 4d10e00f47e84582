"""The staff's follow-up of their job board: visible offers with fewer than
N applications (withdrawn ones not counted) published D days ago or more,
both typed in the GET form (French messages when wrong); candidates with an
active consent to the cluster who never applied."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs import followup
from ancrage.jobs.factories import (
    ApplicationFactory,
    CandidateProfileFactory,
    ConsentFactory,
    OfferFactory,
    PublicationFactory,
)
from ancrage.jobs.models import Application, Offer
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory
from tests.cast import login

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def on_board(cluster, title, days_ago, applications=0, **fields):
    offer = OfferFactory(
        organisation=Organisation.objects.get(name="Usinage Alpha"),
        title=title,
        status=Offer.Status.PUBLISHED,
        published_on=TODAY - datetime.timedelta(days=days_ago),
        **fields,
    )
    PublicationFactory(cluster=cluster, offer=offer)
    for _index in range(applications):
        ApplicationFactory(offer=offer)
    return offer


@pytest.fixture
def offers(cast):
    quiet = on_board(cast.cluster_a, "Soudeur / soudeuse TIG", 20)
    one = on_board(cast.cluster_a, "Régleur / régleuse", 30, applications=1)
    # A withdrawn application does not count.
    withdrawn = on_board(cast.cluster_a, "Chaudronnier / chaudronnière", 15, applications=1)
    ApplicationFactory(offer=withdrawn, status=Application.Status.WITHDRAWN)
    busy = on_board(cast.cluster_a, "Usineur / usineuse 5 axes", 40, applications=2)
    recent = on_board(cast.cluster_a, "Tourneur / tourneuse", 3)
    expired = on_board(
        cast.cluster_a, "Fraiseur / fraiseuse", 60, expires_on=TODAY - datetime.timedelta(days=1)
    )
    elsewhere = on_board(cast.cluster_b, "Ajusteur / ajusteuse", 60)
    return {
        "quiet": quiet,
        "one": one,
        "withdrawn": withdrawn,
        "busy": busy,
        "recent": recent,
        "expired": expired,
        "elsewhere": elsewhere,
    }


def test_offers_with_few_applications_after_some_days(cast, offers):
    found = list(followup.quiet_offers(cast.cluster_a, today=TODAY))
    # Oldest first; fewer than 2 applications; published 14 days ago or more.
    assert [offer.title for offer in found] == [
        "Régleur / régleuse",
        "Soudeur / soudeuse TIG",
        "Chaudronnier / chaudronnière",
    ]
    assert [offer.application_count for offer in found] == [1, 0, 1]
    assert all(offer.publication_id for offer in found)
    none = followup.quiet_offers(cast.cluster_a, fewer_than=1, days=0, today=TODAY)
    assert {offer.title for offer in none} == {"Soudeur / soudeuse TIG", "Tourneur / tourneuse"}
    more = followup.quiet_offers(cast.cluster_a, fewer_than=3, days=35, today=TODAY)
    assert [offer.title for offer in more] == ["Usineur / usineuse 5 axes"]


def test_candidates_with_an_active_consent_who_never_applied(cast):
    occupation = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    idle = ConsentFactory(cluster=cast.cluster_a, profile__headline="Soudeuse TIG").profile
    idle.occupations.add(occupation)
    applied = ConsentFactory(cluster=cast.cluster_a, profile__headline="A postulé").profile
    ApplicationFactory(candidate=applied)
    ConsentFactory(
        cluster=cast.cluster_a,
        profile__headline="A retiré son accord",
        withdrawn_at=timezone.now(),
    )
    ConsentFactory(cluster=cast.cluster_b, profile__headline="Autre cluster")
    CandidateProfileFactory(headline="Sans accord")
    ConsentFactory(
        cluster=cast.cluster_a,
        profile__headline="Inactif depuis trois ans",
        profile__last_activity_at=timezone.now() - datetime.timedelta(days=3 * 365),
    )
    ConsentFactory(
        cluster=cast.cluster_a, profile__headline="Compte fermé", profile__user__is_active=False
    )
    found = list(followup.idle_candidates(cast.cluster_a))
    assert [profile.headline for profile in found] == ["Soudeuse TIG"]
    assert found[0].consented_at is not None


def test_the_page_lists_both_for_the_staff(client, cast, offers, django_assert_max_num_queries):
    occupation = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    for number in range(3):
        profile = ConsentFactory(
            cluster=cast.cluster_a, profile__headline=f"Soudeuse TIG {number}"
        ).profile
        profile.occupations.add(occupation)
    login(client, cast.staff_a)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("jobs_followup:page"))
    content = response.content.decode()
    assert "3 offres avec peu de candidatures" in content
    assert "Soudeur / soudeuse TIG" in content
    assert "Usineur / usineuse 5 axes" not in content
    assert "Ajusteur / ajusteuse" not in content
    assert "3 candidats sans candidature" in content
    assert "Conduite d&#x27;équipement d&#x27;usinage (H2903)" in content
    response = client.get(reverse("jobs_followup:page"), {"candidatures": "3", "jours": "35"})
    content = response.content.decode()
    assert "1 offre avec peu de candidatures" in content
    assert "Usineur / usineuse 5 axes" in content
    assert 'value="35"' in content
    # Cluster B's staff see their own board.
    login(client, cast.staff_b)
    content = client.get(reverse("jobs_followup:page")).content.decode()
    assert "Ajusteur / ajusteuse" in content
    assert "Soudeur / soudeuse TIG" not in content
    assert "Aucun candidat de la CVthèque du cluster sans candidature." in content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"candidatures": "-5"}, "Indiquez au moins 1 candidature."),
        ({"candidatures": "deux"}, "Indiquez un nombre entier de candidatures."),
        ({"candidatures": "100000"}, "Indiquez au plus 100 candidatures."),
        ({"jours": "-1"}, "Le nombre de jours ne peut pas être négatif."),
        ({"jours": "<script>alert(1)</script>"}, "Indiquez un nombre entier de jours."),
        ({"jours": "9999"}, "Indiquez au plus 365 jours."),
    ],
)
def test_wrong_thresholds_are_said_in_french_and_the_defaults_used(
    client, cast, offers, data, message
):
    login(client, cast.staff_a)
    response = client.get(reverse("jobs_followup:page"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "is-invalid" in content
    assert "<script>alert(1)</script>" not in content
    # The defaults meanwhile: the same three offers.
    assert "3 offres avec peu de candidatures" in content
