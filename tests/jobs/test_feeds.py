"""The Atom feed of a cluster's job board: the board's visible offers, with
the board's filters from the query string; the company's text escaped."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs import lifecycle
from ancrage.jobs.factories import PublicationFactory
from ancrage.jobs.models import Offer, Publication

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def on_board(cluster, **fields):
    return PublicationFactory(
        cluster=cluster, **{f"offer__{k}": v for k, v in fields.items()}
    ).offer


def feed(client, slug="alpha", **query):
    response = client.get(reverse("jobs_board:feed", args=[slug]), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response, ET.fromstring(response.content)  # noqa: S314 -- our own feed


def entry_titles(root):
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_the_feed_holds_the_boards_visible_offers_newest_first(client, cast):
    today = timezone.localdate()
    on_board(cast.cluster_a, title="Ancienne", published_on=today - datetime.timedelta(days=3))
    on_board(cast.cluster_a, title="Récente", published_on=today)
    on_board(cast.cluster_b, title="Chez Bêta")
    on_board(cast.cluster_a, title="Expirée", expires_on=today - datetime.timedelta(days=1))
    lifecycle.close(on_board(cast.cluster_a, title="Pourvue"), filled=True)
    PublicationFactory(
        cluster=cast.cluster_a,
        status=Publication.Status.PENDING,
        offer__title="En attente",
        offer__status=Offer.Status.SUBMITTED,
    )
    _response, root = feed(client)
    assert root.find(f"{ATOM}title").text == "Offres d'emploi — Cluster Alpha"
    titles = entry_titles(root)
    assert [title.split(" — ")[0] for title in titles] == ["Récente", "Ancienne"]
    entry = next(root.iter(f"{ATOM}entry"))
    offer = Offer.objects.get(title="Récente")
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/offres/{offer.pk}-recente/"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == offer.organisation.name
    assert entry.find(f"{ATOM}category").get("term") == "CDI"


def test_the_feed_follows_the_boards_filters(client, cast):
    on_board(cast.cluster_a, title="En CDI", contract="cdi")
    on_board(cast.cluster_a, title="En stage", contract="stage", remote="complet")
    _response, root = feed(client, contract="stage")
    assert [t.split(" — ")[0] for t in entry_titles(root)] == ["En stage"]
    _response, root = feed(client, remote="complet")
    assert [t.split(" — ")[0] for t in entry_titles(root)] == ["En stage"]
    alternate = root.find(f"{ATOM}link").get("href")
    assert alternate == "http://testserver/clusters/alpha/offres/?remote=complet"
    # Wrong filters: an empty feed, not an error.
    _response, root = feed(client, contract="cdx")
    assert entry_titles(root) == []


def test_the_companys_text_is_escaped_in_the_feed(client, cast):
    on_board(
        cast.cluster_a,
        title="<script>alert(1)</script>",
        description="<img src=x onerror=alert(1)>\nligne 2",
    )
    response, root = feed(client)
    assert b"<script>" not in response.content
    assert b"<img" not in response.content
    entry = next(root.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}title").text.startswith("<script>alert(1)</script>")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # Readers read the summary as HTML: the tag arrives as text.
    assert summary.text == "<p>&lt;img src=x onerror=alert(1)&gt;<br>ligne 2</p>"


def test_each_entry_has_an_absolute_id_and_link(client, cast):
    offer = on_board(cast.cluster_a, title="Soudeur")
    _response, root = feed(client)
    (entry,) = root.iter(f"{ATOM}entry")
    entry_id = entry.find(f"{ATOM}id").text
    assert entry_id.startswith("http://testserver/offres/")
    assert entry_id == entry.find(f"{ATOM}link").get("href")
    assert f"/offres/{offer.pk}-" in entry_id
