"""The staff's moderation screens: the list (pending first, oldest first,
then published, then refused; filtered by state, counted), an offer's page,
publishing and refusing (a reason required; a second publication refused
with a message), the board's setting (administrators only)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory, ClusterStaffFactory
from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory, PublicationFactory
from ancrage.jobs.models import JobBoard, Moderation, Offer, Publication
from ancrage.organisations.models import Organisation
from tests.cast import login

pytestmark = pytest.mark.django_db

LIST = reverse("jobs_moderation:list")


@pytest.fixture
def alpha(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def pending(cast, organisation, title, days_ago):
    offer = OfferFactory(organisation=organisation, title=title)
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    publication.submitted_at = timezone.now() - datetime.timedelta(days=days_ago)
    publication.save()
    return publication


def texts(response):
    """The message the action just added (earlier ones stay unread: the
    redirects are not followed)."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1:]


def test_pending_first_oldest_first_then_published_then_refused(client, cast, alpha):
    recent = pending(cast, alpha, "Soudeur récent", days_ago=1)
    old = pending(cast, alpha, "Soudeur ancien", days_ago=5)
    published = PublicationFactory(cluster=cast.cluster_a, offer__title="Technicien publié")
    refused = PublicationFactory(
        cluster=cast.cluster_a, status=Publication.Status.REFUSED, offer__title="Refusée"
    )
    PublicationFactory(cluster=cast.cluster_b, offer__title="Offre du cluster Bêta")
    login(client, cast.staff_a)
    response = client.get(LIST)
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [old, recent, published, refused]
    content = response.content.decode()
    assert "Offre du cluster Bêta" not in content
    assert "En attente de modération (2)" in content
    assert "Publiée (1)" in content
    assert "Refusée (1)" in content
    assert "Toutes (4)" in content
    assert "Usinage Alpha" in content

    response = client.get(LIST, {"etat": "attente"})
    assert list(response.context["page"].object_list) == [old, recent]
    response = client.get(LIST, {"etat": "refusee"})
    assert list(response.context["page"].object_list) == [refused]
    # An unknown state shows them all, never an error.
    response = client.get(LIST, {"etat": "<script>"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 4


def test_the_offer_in_full_escaped_with_its_other_boards_but_not_their_reasons(client, cast, alpha):
    after = ClusterFactory(name="Cluster Gamma")
    publication = pending(cast, alpha, "<b>Usineur</b>", days_ago=0)
    publication.offer.description = "<script>alert(1)</script> Travail en équipe."
    publication.offer.save()
    PublicationFactory(
        offer=publication.offer,
        cluster=after,
        status=Publication.Status.REFUSED,
        reason="Motif secret de Gamma",
    )
    sibling = PublicationFactory(
        cluster=cast.cluster_a, offer__organisation=alpha, offer__title="Chaudronnier"
    )
    login(client, cast.staff_a)
    response = client.get(reverse("jobs_moderation:detail", args=[publication.pk]))
    content = response.content.decode()
    assert "&lt;b&gt;Usineur&lt;/b&gt;" in content
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
    assert "Cluster Gamma" in content
    assert "Motif secret de Gamma" not in content
    assert reverse("jobs_moderation:detail", args=[sibling.pk]) in content
    assert "Publier" in content and "Refuser" in content


def test_publish_then_a_second_publish_is_refused_with_a_message(client, cast, alpha):
    publication = pending(cast, alpha, "Usineur", days_ago=0)
    login(client, cast.staff_a)
    url = reverse("jobs_moderation:publish", args=[publication.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert texts(response) == ["L'offre « Usineur » est publiée."]
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.decided_by == cast.staff_a
    assert publication.offer.status == Offer.Status.PUBLISHED

    response = client.post(url)
    assert response["Location"] == reverse("jobs_moderation:detail", args=[publication.pk])
    assert texts(response) == ["Cette offre est déjà publiée."]


def test_refuse_needs_a_reason_then_refuses_and_withdraws(client, cast, alpha):
    publication = pending(cast, alpha, "Usineur", days_ago=0)
    login(client, cast.staff_a)
    url = reverse("jobs_moderation:refuse", args=[publication.pk])
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "Indiquez le motif : l&#x27;entreprise le lira." in response.content.decode()
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PENDING

    response = client.post(url, {"reason": "Offre de formation, pas d'emploi."})
    assert response["Location"] == LIST
    assert texts(response) == ["L'offre « Usineur » est refusée ; l'entreprise est prévenue."]
    publication.refresh_from_db()
    assert publication.status == Publication.Status.REFUSED
    assert publication.reason == "Offre de formation, pas d'emploi."

    # Refused twice: a message, nothing changed.
    response = client.post(url, {"reason": "Autre motif"})
    assert texts(response) == ["Cette offre est déjà refusée ou retirée."]
    publication.refresh_from_db()
    assert publication.reason == "Offre de formation, pas d'emploi."

    # A published offer is withdrawn.
    published = PublicationFactory(cluster=cast.cluster_a, offer__organisation=alpha)
    response = client.post(
        reverse("jobs_moderation:refuse", args=[published.pk]), {"reason": "Poste pourvu."}
    )
    assert texts(response) == [
        f"L'offre « {published.offer.title} » est retirée ; l'entreprise est prévenue."
    ]


def test_another_clusters_publication_answers_404(client, cast):
    theirs = PublicationFactory(cluster=cast.cluster_b, status=Publication.Status.PENDING)
    login(client, cast.staff_a)
    for name in ("detail",):
        assert client.get(reverse(f"jobs_moderation:{name}", args=[theirs.pk])).status_code == 404
    for name in ("publish", "refuse"):
        response = client.post(
            reverse(f"jobs_moderation:{name}", args=[theirs.pk]), {"reason": "Non."}
        )
        assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Publication.Status.PENDING


def test_settings_choose_the_moderation_administrators_only(client, cast):
    url = reverse("jobs_moderation:settings")
    officer = ClusterStaffFactory(cluster=cast.cluster_a).user
    login(client, officer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"moderation": "apres"}).status_code == 403
    assert not JobBoard.objects.exists()

    login(client, cast.staff_a)
    response = client.get(url)
    assert response.status_code == 200
    assert not JobBoard.objects.exists()
    response = client.post(url, {"moderation": "nimporte"})
    assert response.status_code == 200
    assert "Choisissez quand l&#x27;équipe modère les offres." in response.content.decode()
    response = client.post(url, {"moderation": Moderation.AFTER})
    assert response["Location"] == url
    assert texts(response) == ["Réglage enregistré : modération après publication."]
    assert JobBoard.objects.get(cluster=cast.cluster_a).moderation == Moderation.AFTER
    assert lifecycle.moderation_of(cast.cluster_b) == Moderation.BEFORE
    response = client.post(url, {"moderation": Moderation.BEFORE})
    assert JobBoard.objects.get(cluster=cast.cluster_a).moderation == Moderation.BEFORE


def test_an_offer_closed_while_pending_leaves_the_moderation_list(client, cast, alpha):
    kept = pending(cast, alpha, "Soudeur en attente", days_ago=2)
    gone = pending(cast, alpha, "Soudeur déjà recruté", days_ago=3)
    lifecycle.close(gone.offer, filled=True, through_platform=False)
    login(client, cast.staff_a)
    response = client.get(LIST)
    assert list(response.context["page"].object_list) == [kept]
    assert "En attente de modération (1)" in response.content.decode()
