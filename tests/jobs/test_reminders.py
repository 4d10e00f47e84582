"""The reminder of applications left unanswered 14 days: one email per user
of the company, listing its waiting applications, sent once."""

import datetime

import pytest
from django.utils import timezone

from ancrage.jobs import reminders
from ancrage.jobs.factories import ApplicationFactory, CandidateProfileFactory, OfferFactory
from ancrage.jobs.models import Application, Offer
from ancrage.organisations.factories import OrganisationUserFactory
from ancrage.outbox.models import OutgoingEmail
from tests.jobs.applications_setup import alpha, alpha_offer

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 20)
Status = Application.Status


def received(offer, days_ago, **fields):
    at = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10)))
    at -= datetime.timedelta(days=days_ago)
    profile = CandidateProfileFactory(
        user__first_name="Léa", user__last_name=f"Candidate {days_ago}"
    )
    return ApplicationFactory(offer=offer, candidate=profile, created_at=at, **fields)


def test_applications_waiting_14_days_are_recalled_once_per_user(cast):
    OrganisationUserFactory(organisation=alpha(), user__email="rh@exemple.fr")
    offer = alpha_offer(cast)
    due = received(offer, 14)
    seen = received(offer, 30, status=Status.SEEN)
    recent = received(offer, 13)
    answered = received(offer, 20, status=Status.SHORTLISTED)
    closed = received(alpha_offer(cast, status=Offer.Status.FILLED), 20)
    elsewhere = received(OfferFactory(status=Offer.Status.PUBLISHED), 15)
    OrganisationUserFactory(organisation=elsewhere.offer.organisation, user__email="b@x.fr")

    summary = reminders.run(today=TODAY)
    assert summary == (
        "Relance des candidatures : 3 candidatures en attente, 3 courriel(s) à 2 organisation(s)."
    )
    emails = list(OutgoingEmail.objects.filter(template="jobs_application_reminder"))
    assert sorted(email.to for email in emails) == [
        "b@x.fr",
        "membre-a@exemple.fr",
        "rh@exemple.fr",
    ]
    alpha_email = next(email for email in emails if email.to == "rh@exemple.fr")
    assert alpha_email.subject == "2 candidatures attendent votre réponse — Usinage Alpha"
    assert "Léa Candidate 14" in alpha_email.body_text
    assert "Léa Candidate 30" in alpha_email.body_text
    assert "Léa Candidate 13" not in alpha_email.body_text
    assert f"/organisation/candidatures/{due.pk}/" in alpha_email.body_text
    for item in (due, seen, elsewhere):
        item.refresh_from_db()
        assert item.reminded_at is not None
    for item in (recent, answered, closed):
        item.refresh_from_db()
        assert item.reminded_at is None

    # Sent once: the next night, only the one that became due.
    summary = reminders.run(today=TODAY + datetime.timedelta(days=1))
    assert summary.startswith("Relance des candidatures : 1 candidature en attente, 2 courriel(s)")
    (last, _other) = OutgoingEmail.objects.filter(template="jobs_application_reminder").order_by(
        "-pk"
    )[:2]
    assert "Léa Candidate 13" in last.body_text
    assert "Léa Candidate 14" not in last.body_text


def test_nothing_to_recall(cast):
    assert reminders.run(today=TODAY) == (
        "Relance des candidatures : aucune candidature en attente depuis 14 jours."
    )
    assert not OutgoingEmail.objects.exists()
