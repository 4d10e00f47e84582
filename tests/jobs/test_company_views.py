"""A member company's offer screens: write an offer, fix it, submit it to
its cluster (pending moderation), read its publications, close it as filled
through the job board; closed offers and other organisations' offers."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ancrage.clusters.factories import ClusterFactory
from ancrage.jobs import lifecycle
from ancrage.jobs.factories import OfferFactory, PublicationFactory
from ancrage.jobs.models import JobBoard, Moderation, Offer, Publication
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Organisation
from tests.cast import login
from tests.jobs.offer_data import offer_form

pytestmark = pytest.mark.django_db

OFFER = offer_form(title="Soudeur / soudeuse TIG", description="Soudure TIG sur inox et aluminium.")


def text(response):
    """The page as read (entities decoded)."""
    return html.unescape(response.content.decode())


@pytest.fixture
def organisation(cast):
    return Organisation.objects.get(name="Usinage Alpha")


@pytest.fixture
def member(client, cast):
    return login(client, cast.member_a)


def test_create_edit_submit_and_close_as_filled_through_the_platform(member, cast, organisation):
    response = member.get(reverse("jobs_company:list"))
    assert "Nouvelle offre" in text(response)

    response = member.post(reverse("jobs_company:create"), OFFER)
    offer = Offer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs_company:detail", args=[offer.pk])
    assert offer.organisation == organisation
    assert offer.created_by == cast.member_a
    assert offer.status == Offer.Status.DRAFT

    response = member.post(
        reverse("jobs_company:edit", args=[offer.pk]), {**OFFER, "positions": "3"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.positions == 3

    response = member.get(reverse("jobs_company:submit", args=[offer.pk]))
    assert "checked" in text(response) and "Cluster Alpha" in text(response)
    response = member.post(
        reverse("jobs_company:submit", args=[offer.pk]),
        {"clusters": [cast.cluster_a.pk]},
        follow=True,
    )
    assert "Cluster Alpha : en attente de modération" in text(response)
    publication = Publication.objects.get(offer=offer)
    assert publication.cluster == cast.cluster_a
    assert publication.status == Publication.Status.PENDING
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SUBMITTED

    # Editing a submitted offer keeps its state and its publication.
    member.post(reverse("jobs_company:edit", args=[offer.pk]), {**OFFER, "title": "Soudeur"})
    offer.refresh_from_db()
    assert (offer.title, offer.status) == ("Soudeur", Offer.Status.SUBMITTED)

    response = member.get(reverse("jobs_company:list"))
    assert "Cluster Alpha" in text(response) and "en attente de modération" in text(response)

    response = member.post(
        reverse("jobs_company:close", args=[offer.pk]),
        {"filled": "oui", "through_platform": "oui"},
        follow=True,
    )
    assert "poste pourvu grâce à la bourse d'emploi" in text(response)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.FILLED
    assert offer.filled is True and offer.filled_through_platform is True
    assert offer.closed_on is not None


def test_a_bad_offer_is_shown_again_with_french_messages(member):
    response = member.post(
        reverse("jobs_company:create"), {**OFFER, "salary_min": "50000", "salary_max": "30000"}
    )
    assert response.status_code == 200
    assert "inférieur au salaire minimum" in text(response)
    assert 'value="50000"' in text(response)
    assert not Offer.objects.exists()


def test_html_typed_is_escaped_on_the_pages(member, organisation):
    offer = OfferFactory(
        organisation=organisation,
        title="<b>Chef</b> d'atelier",
        description="<script>alert('x')</script>",
        rhythm="<img src=x onerror=alert(1)>",
    )
    for name in ("detail", "edit"):
        response = member.get(reverse(f"jobs_company:{name}", args=[offer.pk]))
        assert "<script>alert" not in response.text
        assert "<b>Chef</b>" not in response.text
    response = member.get(reverse("jobs_company:detail", args=[offer.pk]))
    assert "&lt;script&gt;" in response.text
    assert "<img src=x" not in response.text


def test_the_list_shows_each_publication_and_the_reason_of_a_refusal(member, cast, organisation):
    offer = OfferFactory(organisation=organisation, status=Offer.Status.SUBMITTED)
    PublicationFactory(
        offer=offer,
        cluster=cast.cluster_a,
        status=Publication.Status.REFUSED,
        reason="Salaire à préciser",
    )
    response = member.get(reverse("jobs_company:list"))
    assert "refusée" in text(response) and "Salaire à préciser" in text(response)
    response = member.get(reverse("jobs_company:detail", args=[offer.pk]))
    assert "Salaire à préciser" in text(response)
    # Fixed, it may be submitted again to that cluster (offered, not checked).
    response = member.get(reverse("jobs_company:submit", args=[offer.pk]))
    assert f'value="{cast.cluster_a.pk}"' in response.text and "checked" not in response.text
    response = member.post(
        reverse("jobs_company:submit", args=[offer.pk]),
        {"clusters": [cast.cluster_a.pk]},
        follow=True,
    )
    assert "Cluster Alpha : en attente de modération" in text(response)
    assert Publication.objects.get(offer=offer).status == Publication.Status.PENDING


def test_submit_says_which_clusters_publish_at_once(member, cast, organisation):
    after = ClusterFactory(name="Cluster Gamma")
    JobBoard.objects.create(cluster=after, moderation=Moderation.AFTER)
    MembershipFactory(cluster=after, organisation=organisation)
    offer = OfferFactory(organisation=organisation)
    response = member.post(
        reverse("jobs_company:submit", args=[offer.pk]),
        {"clusters": [cast.cluster_a.pk, after.pk]},
        follow=True,
    )
    assert "Cluster Alpha : en attente de modération" in text(response)
    assert "Cluster Gamma : publiée" in text(response)
    # Already on every cluster: nothing left to choose.
    response = member.get(reverse("jobs_company:submit", args=[offer.pk]))
    assert "déjà soumise à tous vos clusters" in text(response)


def test_submit_refusals_change_nothing(member, cast, organisation):
    offer = OfferFactory(organisation=organisation)
    response = member.post(reverse("jobs_company:submit", args=[offer.pk]), {})
    assert "Choisissez au moins un cluster" in text(response)
    response = member.post(
        reverse("jobs_company:submit", args=[offer.pk]), {"clusters": [cast.cluster_b.pk]}
    )
    assert response.status_code == 200
    assert "pas l'un des vôtres" in text(response)
    assert not Publication.objects.exists()
    offer.status = Offer.Status.CLOSED
    offer.save()
    response = member.post(
        reverse("jobs_company:submit", args=[offer.pk]), {"clusters": [cast.cluster_a.pk]}
    )
    assert "Cette offre est close" in text(response)
    assert not Publication.objects.exists()


def test_a_closed_offer_cannot_be_edited_nor_closed_again(member, organisation):
    offer = OfferFactory(organisation=organisation, status=Offer.Status.CLOSED, title="Ancienne")
    response = member.get(reverse("jobs_company:edit", args=[offer.pk]))
    assert response.status_code == 200
    assert "Cette offre est close" in text(response)
    response = member.post(reverse("jobs_company:edit", args=[offer.pk]), OFFER)
    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.title == "Ancienne"
    response = member.post(reverse("jobs_company:close", args=[offer.pk]), {"filled": "non"})
    assert "déjà close" in text(response)


def test_close_not_filled(member, organisation):
    offer = OfferFactory(organisation=organisation)
    response = member.post(reverse("jobs_company:close", args=[offer.pk]), {"filled": "oui"})
    assert "grâce à la bourse d'emploi" in text(response)  # the second question is required
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT
    member.post(reverse("jobs_company:close", args=[offer.pk]), {"filled": "non"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.CLOSED
    assert offer.filled is False and offer.filled_through_platform is None


def test_another_organisations_offer_answers_404(member):
    other = OfferFactory()
    for name in ("detail", "edit", "submit", "close"):
        response = member.get(reverse(f"jobs_company:{name}", args=[other.pk]))
        assert response.status_code == 404
    assert other.title not in text(member.get(reverse("jobs_company:list")))


def test_editing_a_published_offer_sends_it_back_to_moderation(member, cast):
    member.post(reverse("jobs_company:create"), OFFER)
    offer = Offer.objects.get()
    (publication,) = lifecycle.submit(offer, [cast.cluster_a], by=cast.member_a)
    lifecycle.publish(publication, cast.staff_a)
    response = member.post(
        reverse("jobs_company:edit", args=[offer.pk]), {**OFFER, "title": "Soudeur TIG confirmé"}
    )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PENDING
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("validées de nouveau par : Cluster Alpha" in m for m in messages)
    # Saved unchanged: nothing to moderate again.
    lifecycle.publish(publication, cast.staff_a)
    member.post(
        reverse("jobs_company:edit", args=[offer.pk]), {**OFFER, "title": "Soudeur TIG confirmé"}
    )
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
