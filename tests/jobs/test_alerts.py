"""Saved searches: a candidate saves the search page's criteria with a name
and a frequency, renames it, changes its frequency, deletes it; each night
`alerts.run` emails the offers published since the last alert, once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs import alerts
from ancrage.jobs.factories import PublicationFactory, SavedSearchFactory
from ancrage.jobs.models import SavedSearch
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def alpha(cast):
    return Organisation.objects.get(name="Usinage Alpha")


@pytest.fixture
def candidate_client(client, cast):
    return login(client, cast.candidate)


def sent():
    return list(OutgoingEmail.objects.filter(template="jobs_alert").order_by("pk"))


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


def published(cluster, organisation, title, at):
    """An offer put on `cluster`'s board at the moment `at`."""
    publication = PublicationFactory(
        cluster=cluster,
        offer__organisation=organisation,
        offer__title=title,
        offer__published_on=timezone.localdate(at),
        decided_at=at,
        submitted_at=at - datetime.timedelta(hours=1),
    )
    return publication.offer


# Saving, listing, editing, deleting.


def test_a_candidate_saves_the_current_search(candidate_client, cast):
    response = candidate_client.post(
        reverse("jobs_alerts:create"),
        {
            "q": "soudeur",
            "contract": ["cdi", "cdd"],
            "page": "3",
            "name": "  Soudeur   CDI ",
            "frequency": "hebdomadaire",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs_alerts:list")
    saved = SavedSearch.objects.get(user=cast.candidate)
    assert saved.name == "Soudeur CDI"
    assert saved.frequency == SavedSearch.Frequency.WEEKLY
    assert saved.query == {"q": ["soudeur"], "contract": ["cdi", "cdd"]}
    html = candidate_client.get(reverse("jobs_alerts:list")).content.decode()
    assert "Soudeur CDI" in html and "« soudeur » · CDI, CDD" in html
    assert "Chaque semaine" in html
    assert reverse("jobs_search:search") + "?q=soudeur&amp;contract=cdi&amp;contract=cdd" in html


def test_the_search_page_offers_the_candidate_to_save(candidate_client, cast):
    html = candidate_client.get(reverse("jobs_search:search"), {"q": "soudeur"}).content.decode()
    assert "Enregistrer cette recherche et recevoir les nouvelles offres" in html
    assert 'name="q" value="soudeur"' in html.replace('type="hidden" ', "")


def test_the_save_page_proposes_a_name(candidate_client, cast):
    response = candidate_client.get(
        reverse("jobs_alerts:create"), {"q": "soudeur", "remote": "complet"}
    )
    assert response.status_code == 200
    assert response.context["form"].initial["name"] == "« soudeur » · Télétravail complet"


def test_saving_without_a_name_keeps_the_criteria(candidate_client, cast):
    response = candidate_client.post(
        reverse("jobs_alerts:create"), {"q": "soudeur", "name": "", "frequency": "quotidienne"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Donnez un nom à cette recherche." in html
    assert 'name="q" value="soudeur"' in html.replace('type="hidden" ', "")
    assert not SavedSearch.objects.exists()


def test_a_wrong_or_empty_search_is_not_saved(candidate_client, cast):
    response = candidate_client.post(
        reverse("jobs_alerts:create"),
        {"commune": "56121", "radius": "-5", "name": "x", "frequency": "quotidienne"},
        follow=True,
    )
    assert "critères à corriger" in response.content.decode()
    response = candidate_client.post(
        reverse("jobs_alerts:create"), {"name": "x", "frequency": "quotidienne"}, follow=True
    )
    assert "au moins un critère" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_twenty_saved_searches_at_most(candidate_client, cast):
    SavedSearchFactory.create_batch(20, user=cast.candidate)
    response = candidate_client.post(
        reverse("jobs_alerts:create"),
        {"q": "soudeur", "name": "Une de trop", "frequency": "quotidienne"},
        follow=True,
    )
    assert "supprimez-en une" in response.content.decode()
    assert SavedSearch.objects.count() == 20


def test_rename_change_frequency_and_delete(candidate_client, cast):
    saved = SavedSearchFactory(user=cast.candidate, name="Usinage")
    url = reverse("jobs_alerts:edit", args=[saved.pk])
    response = candidate_client.post(url, {"name": "Usinage <b>5 axes</b>", "frequency": "jamais"})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.name == "Usinage <b>5 axes</b>" and saved.frequency == "jamais"
    html = candidate_client.get(reverse("jobs_alerts:list")).content.decode()
    assert "Usinage &lt;b&gt;5 axes&lt;/b&gt;" in html and "<b>5 axes" not in html
    response = candidate_client.post(url, {"name": "", "frequency": "tous les ans"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Donnez un nom" in html and "Choisissez chaque jour" in html
    delete = reverse("jobs_alerts:delete", args=[saved.pk])
    assert "Supprimer la recherche" in candidate_client.get(delete).content.decode()
    assert candidate_client.post(delete).status_code == 302
    assert not SavedSearch.objects.exists()


def test_another_persons_saved_search_answers_404(candidate_client, cast):
    other = SavedSearchFactory()
    for name in ("jobs_alerts:edit", "jobs_alerts:delete"):
        url = reverse(name, args=[other.pk])
        assert candidate_client.get(url).status_code == 404
        assert candidate_client.post(url, {"name": "x", "frequency": "jamais"}).status_code == 404
    assert SavedSearch.objects.get(pk=other.pk).name == "Usinage"


# The alerts.


def test_the_alert_lists_the_new_matching_offers_once(cast, alpha):
    saved = SavedSearchFactory(
        user=cast.candidate, name="Soudage", query={"q": "soudeur"}, last_sent_at=ago(days=1)
    )
    published(cast.cluster_a, alpha, "Soudeur ancien", ago(days=3))
    new = published(cast.cluster_a, alpha, "Soudeurs TIG", ago(hours=5))
    published(cast.cluster_a, alpha, "Comptable", ago(hours=5))
    summary = alerts.run()
    assert summary == "Alertes des recherches enregistrées : 1 courriel envoyé."
    assert len(sent()) == 1
    email = sent()[0]
    assert email.to == cast.candidate.email
    assert email.subject == "1 nouvelle offre : Soudage"
    assert "Soudeurs TIG — Usinage Alpha" in email.body_text
    assert f"/offres/{new.pk}-soudeurs-tig/" in email.body_text
    assert "Soudeur ancien" not in email.body_text and "Comptable" not in email.body_text
    assert reverse("jobs_alerts:edit", args=[saved.pk]) in email.body_text
    saved.refresh_from_db()
    assert saved.last_sent_at > ago(minutes=1)
    # Nothing new: no email, and the same offer is not sent twice.
    assert alerts.run(today=timezone.localdate() + datetime.timedelta(days=1)) == (
        "Alertes des recherches enregistrées : aucune offre nouvelle."
    )
    assert len(sent()) == 1


def test_frequencies(cast, alpha):
    SavedSearchFactory(
        user=cast.candidate, name="Jour", query={"q": "soudeur"}, last_sent_at=ago(days=2)
    )
    weekly = SavedSearchFactory(
        user=cast.candidate,
        name="Semaine",
        query={"q": "soudeur"},
        frequency="hebdomadaire",
        last_sent_at=ago(days=2),
    )
    SavedSearchFactory(
        user=cast.candidate,
        name="Jamais",
        query={"q": "soudeur"},
        frequency="jamais",
        last_sent_at=ago(days=30),
    )
    published(cast.cluster_a, alpha, "Soudeur", ago(hours=1))
    alerts.run()
    assert [email.subject for email in sent()] == ["1 nouvelle offre : Jour"]
    # A week after its last alert, the weekly one is due.
    OutgoingEmail.objects.all().delete()
    last = timezone.localdate(weekly.last_sent_at)
    alerts.run(today=last + datetime.timedelta(days=6))
    assert sent() == []
    assert alerts.run(today=last + datetime.timedelta(days=7))
    assert [email.subject for email in sent()] == ["1 nouvelle offre : Semaine"]


def test_the_alert_lists_twenty_and_counts_the_rest(cast, alpha):
    SavedSearchFactory(
        user=cast.candidate, name="Tout", query={"q": "soudeur"}, last_sent_at=ago(days=1)
    )
    for number in range(23):
        published(cast.cluster_a, alpha, f"Soudeur {number}", ago(hours=2))
    alerts.run()
    body = sent()[0].body_text
    assert sent()[0].subject == "23 nouvelles offres : Tout"
    assert body.count("/offres/") == 21  # 20 offers and the search
    assert "… et 3 autres." in body


def test_inactive_users_and_broken_searches_get_nothing(cast, alpha):
    inactive = SavedSearchFactory(query={"q": "soudeur"}, last_sent_at=ago(days=1))
    inactive.user.is_active = False
    inactive.user.save()
    SavedSearchFactory(user=cast.candidate, query={"cluster": "disparu"}, last_sent_at=ago(days=1))
    published(cast.cluster_a, alpha, "Soudeur", ago(hours=2))
    alerts.run()
    assert sent() == []


def test_one_broken_search_does_not_stop_the_others(cast, alpha, monkeypatch):
    SavedSearchFactory(user=cast.candidate, name="Cassée", last_sent_at=ago(days=1))
    SavedSearchFactory(
        user=cast.candidate, name="Soudage", query={"q": "soudeur"}, last_sent_at=ago(days=1)
    )
    published(cast.cluster_a, alpha, "Soudeurs TIG", ago(hours=5))
    real = alerts.new_offers

    def new_offers(saved, *args, **kwargs):
        if saved.name == "Cassée":
            raise RuntimeError("boom")
        return real(saved, *args, **kwargs)

    monkeypatch.setattr(alerts, "new_offers", new_offers)
    assert alerts.run() == "Alertes des recherches enregistrées : 1 courriel envoyé."
    assert len(sent()) == 1
