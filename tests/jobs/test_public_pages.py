"""The public pages of the job boards: an offer's page and a cluster's board
show only visible offers; an offer that has ended answers 410, any other
hidden offer 404; what companies type is escaped."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.jobs import lifecycle
from ancrage.jobs.factories import (
    OfferFactory,
    OfferSkillFactory,
    PublicationFactory,
)
from ancrage.jobs.models import Offer, Publication
from ancrage.organisations.models import Membership, Organisation
from ancrage.territory.factories import CommuneFactory, DepartmentFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def alpha(cast):
    return Organisation.objects.get(name="Usinage Alpha")


def on_board(cluster, **fields):
    """An offer published on `cluster`'s board."""
    return PublicationFactory(
        cluster=cluster, **{f"offer__{k}": v for k, v in fields.items()}
    ).offer


def offer_page(client, offer):
    return client.get(reverse("jobs_public:offer", args=[offer.pk]))


def test_the_offer_page_shows_everything_the_company_wrote(client, cast, alpha):
    offer = on_board(
        cast.cluster_a,
        organisation=alpha,
        title="Technicienne / technicien de maintenance",
        contract="cdd",
        contract_months=6,
        working_time="partiel",
        weekly_hours=Decimal("28"),
        remote="hybride",
        salary_min=Decimal("32000"),
        salary_max=Decimal("38000.50"),
        qualification="5",
        experience="3-5",
        start_date=datetime.date(2027, 1, 4),
        languages=["anglais"],
        positions=2,
        application_mode="courriel",
        application_email="rh@usinage-alpha.example",
        description="Première ligne\nDeuxième ligne",
        expires_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    OfferSkillFactory(offer=offer, skill__label="Régler une machine", required=True)
    OfferSkillFactory(offer=offer, skill__label="Lire un plan", required=False)
    response = offer_page(client, offer)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Technicienne / technicien de maintenance",
        "Usinage Alpha",
        "de 6 mois",
        "28 h par semaine",
        "Télétravail partiel",
        "De 32\xa0000 à 38\xa0000,50 € brut annuel",
        "Bac + 2",
        "3 à 5 ans",
        "4 janvier 2027",
        "anglais",
        "Régler une machine",
        "Lire un plan",
        "Première ligne<br>Deuxième ligne",
        'href="mailto:rh@usinage-alpha.example?subject=',
        "Cluster Alpha",
        "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver%2Foffres%2F",
    ):
        assert text in html, text
    # The organisation is listed publicly in cluster A's directory: linked.
    assert reverse("member_directory:detail", args=["alpha", alpha.pk]) in html
    canonical = f"http://testserver/offres/{offer.pk}-technicienne-technicien-de-maintenance/"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_the_slugged_address_renders_and_a_wrong_slug_redirects(client, cast):
    offer = on_board(cast.cluster_a, title="Soudeur TIG")
    url = reverse("jobs_public:offer_slug", args=[offer.pk, "soudeur-tig"])
    assert client.get(url).status_code == 200
    response = client.get(reverse("jobs_public:offer_slug", args=[offer.pk, "autre-chose"]))
    assert response.status_code == 301
    assert response["Location"] == url


def test_applying_by_link_or_on_the_platform(client, cast):
    offer = on_board(
        cast.cluster_a, application_mode="lien", application_url="https://exemple.fr/postuler"
    )
    html = offer_page(client, offer).content.decode()
    assert 'href="https://exemple.fr/postuler"\n             rel="noopener nofollow"' in html
    assert reverse("jobs_apply:apply", args=[offer.pk]) not in html
    offer = on_board(cast.cluster_a, application_mode="plateforme")
    html = offer_page(client, offer).content.decode()
    section = html.split('id="postuler"')[1].split("</section>")[0]
    assert f'href="{reverse("jobs_apply:apply", args=[offer.pk])}">Postuler</a>' in section
    assert "<form" not in section


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"salary_min": Decimal("12.5"), "salary_period": "heure"}, "À partir de 12,50 € brut"),
        ({"salary_max": Decimal("2100"), "salary_period": "mois"}, "Jusqu'à 2\xa0100 € brut"),
        ({"salary_min": Decimal("30000"), "salary_max": Decimal("30000")}, "30\xa0000 € brut"),
    ],
)
def test_salary_in_french(client, cast, fields, text):
    html = offer_page(client, on_board(cast.cluster_a, **fields)).content.decode()
    assert text in html


def test_no_salary_no_salary_line(client, cast):
    html = offer_page(client, on_board(cast.cluster_a)).content.decode()
    assert "Salaire" not in html


def test_school_calendar_of_an_internship(client, cast):
    offer = on_board(
        cast.cluster_a,
        contract="stage",
        period_start=datetime.date(2027, 4, 1),
        period_end=datetime.date(2027, 6, 30),
        rhythm="3 semaines en entreprise, 1 à l'école",
    )
    html = offer_page(client, offer).content.decode()
    assert "Du 1 avril 2027 au 30 juin 2027" in html
    assert "3 semaines en entreprise, 1 à l&#x27;école" in html


def test_html_and_scripts_are_escaped_on_the_page(client, cast):
    offer = on_board(cast.cluster_a, title=f"Titre {SCRIPT}", description=f"{SCRIPT}\n</script>")
    html = offer_page(client, offer).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    # The only script elements are the site's: JSON-LD, htmx, Bootstrap, copy.
    assert html.count("</script>") == html.count("<script")


# Visibility ----------------------------------------------------------------


def test_hidden_offers_answer_404(client, cast, alpha):
    draft = OfferFactory(organisation=alpha)
    pending = PublicationFactory(
        cluster=cast.cluster_a,
        status=Publication.Status.PENDING,
        offer__status=Offer.Status.SUBMITTED,
        offer__published_on=None,
    ).offer
    refused = PublicationFactory(
        cluster=cast.cluster_a,
        status=Publication.Status.REFUSED,
        offer__status=Offer.Status.DRAFT,
        offer__published_on=None,
    ).offer
    never_published_closed = OfferFactory(organisation=alpha, status=Offer.Status.CLOSED)
    for offer in (draft, pending, refused, never_published_closed):
        assert offer_page(client, offer).status_code == 404, offer
    assert client.get(reverse("jobs_public:offer", args=[999999])).status_code == 404
    assert client.get("/offres/99999999999999999999/").status_code == 404
    assert client.get("/offres/99999999999999999999-titre/").status_code == 404


def test_a_former_members_offer_leaves_the_board(client, cast, alpha):
    offer = on_board(cast.cluster_a, organisation=alpha, title="Chez un ancien")
    other = ClusterFactory(slug="gamma", name="Cluster Gamma")
    PublicationFactory(offer=offer, cluster=other)
    Membership.objects.filter(organisation=alpha, cluster=cast.cluster_a).update(
        status=Membership.Status.FORMER
    )
    assert titles(board(client)) == []
    html = offer_page(client, offer).content.decode()
    assert reverse("jobs_board:list", args=["gamma"]) in html
    assert reverse("jobs_board:list", args=["alpha"]) not in html
    Membership.objects.filter(organisation=alpha).update(status=Membership.Status.FORMER)
    assert offer_page(client, offer).status_code == 404


def test_a_withdrawn_then_closed_offer_answers_404(client, cast):
    offer = on_board(cast.cluster_a)
    lifecycle.refuse(offer.publications.get(), by=cast.staff_a, reason="Hors filière")
    lifecycle.close(Offer.objects.get(pk=offer.pk), filled=False)
    assert offer_page(client, offer).status_code == 404


@pytest.mark.parametrize("filled", [True, False])
def test_a_filled_or_closed_offer_answers_410(client, cast, filled):
    offer = on_board(cast.cluster_a, title="Chaudronnier")
    lifecycle.close(offer, filled=filled)
    response = offer_page(client, offer)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Cette offre n'est plus disponible" in html
    assert reverse("jobs_board:list", args=["alpha"]) in html
    assert "Réglage et conduite" not in html  # not the offer itself


def test_an_expired_offer_answers_410(client, cast):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    offer = on_board(cast.cluster_a, expires_on=yesterday)
    assert offer_page(client, offer).status_code == 410
    Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.EXPIRED)
    assert offer_page(client, offer).status_code == 410
    # Its last day still counts.
    offer = on_board(cast.cluster_a, expires_on=timezone.localdate())
    assert offer_page(client, offer).status_code == 200


# A cluster's board -----------------------------------------------------------


def board(client, slug="alpha", **query):
    return client.get(reverse("jobs_board:list", args=[slug]), query)


def titles(response):
    return [offer.title for offer in response.context["page"].object_list]


def test_the_board_lists_the_clusters_visible_offers_newest_first(client, cast):
    today = timezone.localdate()
    on_board(cast.cluster_a, title="Ancienne", published_on=today - datetime.timedelta(days=9))
    on_board(cast.cluster_a, title="Récente", published_on=today)
    on_board(cast.cluster_b, title="Chez Bêta")
    on_board(cast.cluster_a, title="Expirée", expires_on=today - datetime.timedelta(days=1))
    closed = on_board(cast.cluster_a, title="Close")
    lifecycle.close(closed, filled=True)
    PublicationFactory(
        cluster=cast.cluster_a,
        status=Publication.Status.PENDING,
        offer__title="En attente",
        offer__status=Offer.Status.SUBMITTED,
    )
    PublicationFactory(
        cluster=cast.cluster_a, status=Publication.Status.REFUSED, offer__title="Refusée"
    )
    response = board(client)
    assert response.status_code == 200
    assert titles(response) == ["Récente", "Ancienne"]
    html = response.content.decode()
    assert "2 offres" in html
    assert f'href="/offres/{Offer.objects.get(title="Récente").pk}-recente/"' in html


def test_an_unknown_cluster_answers_404(client, cast):
    assert board(client, slug="inconnu").status_code == 404
    assert client.get(reverse("jobs_board:feed", args=["inconnu"])).status_code == 404


def test_the_board_is_paginated_by_20(client, cast):
    for number in range(21):
        on_board(cast.cluster_a, title=f"Offre {number}")
    assert len(titles(board(client))) == 20
    assert len(titles(board(client, page=2))) == 1


def test_filters_by_contract_department_and_remote(client, cast):
    finistere = DepartmentFactory(code="29", name="Finistère")
    brest = CommuneFactory(code="29019", name="Brest", department=finistere)
    on_board(cast.cluster_a, title="CDI Lorient", contract="cdi")
    on_board(cast.cluster_a, title="Stage Brest", contract="stage", commune=brest)
    on_board(cast.cluster_a, title="CDD à distance", contract="cdd", remote="complet")
    on_board(cast.cluster_b, title="Ailleurs", commune=CommuneFactory(department__code="35"))
    assert sorted(titles(board(client, contract=["cdi", "stage"]))) == [
        "CDI Lorient",
        "Stage Brest",
    ]
    assert titles(board(client, department="29")) == ["Stage Brest"]
    assert titles(board(client, remote="complet")) == ["CDD à distance"]
    response = board(client)
    # Only the départements of the board's offers are offered.
    codes = [code for code, _label in response.context["form"].fields["department"].choices]
    lorient = Offer.objects.get(title="CDI Lorient").commune.department.code
    assert sorted(codes) == sorted(["", "29", lorient])
    assert "35" not in codes


def test_wrong_filters_say_so_in_french(client, cast):
    on_board(cast.cluster_a)
    response = board(client, contract="cdx", department="<b>", remote="lune")
    assert response.status_code == 200
    assert titles(response) == []
    html = response.content.decode()
    assert "Corrigez les critères signalés" in html
    assert "Ce contrat n&#x27;existe pas." in html
    assert "Aucune offre publiée dans ce département." in html


def test_the_board_links_its_atom_feed_with_its_filters(client, cast):
    response = board(client, contract="cdi", page="2")
    html = response.content.decode()
    feed = reverse("jobs_board:feed", args=["alpha"]) + "?contract=cdi"
    assert 'type="application/atom+xml"' in html
    assert f'href="{feed}"' in html
    assert ">Flux Atom</a>" in html


def test_an_offer_on_two_boards_shows_on_both(client, cast, alpha):
    other = ClusterFactory(slug="gamma", name="Cluster Gamma")
    offer = on_board(cast.cluster_a, organisation=alpha, title="Partagée")
    PublicationFactory(offer=offer, cluster=other)
    assert titles(board(client, slug="gamma")) == ["Partagée"]
    assert titles(board(client)) == ["Partagée"]
    html = offer_page(client, offer).content.decode()
    assert reverse("jobs_board:list", args=["gamma"]) in html
