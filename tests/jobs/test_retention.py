"""CNIL retention, run each night: a warning 30 days before a CV bank
profile expires (two years without activity), then the profile leaves the
CV bank; applications to a recruitment ended 3 months ago are deleted
unless the candidate is in the CV bank."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from ancrage.files.factories import FileFactory
from ancrage.files.models import File
from ancrage.jobs import retention
from ancrage.jobs.candidate_profile import touch
from ancrage.jobs.factories import (
    ApplicationFactory,
    CandidateProfileFactory,
    ConsentFactory,
    OfferFactory,
)
from ancrage.jobs.models import Application, CandidateProfile, Consent, ExperienceLine, Offer
from ancrage.outbox.models import OutgoingEmail
from ancrage.referentiel.factories import OccupationFactory, SkillFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)


def at(day):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def profile_inactive_since(day, **kwargs):
    profile = CandidateProfileFactory(cv=FileFactory(), cv_text="Usinage", **kwargs)
    profile.skills.add(SkillFactory())
    profile.occupations.add(OccupationFactory())
    ExperienceLine.objects.create(profile=profile, title="Usineur", start="2018-01-01")
    ConsentFactory(profile=profile)
    CandidateProfile.objects.filter(pk=profile.pk).update(last_activity_at=at(day))
    return profile


def test_months_before():
    assert retention.months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert retention.months_before(date(2026, 1, 15), 3) == date(2025, 10, 15)


def test_warning_then_expiry():
    # Inactive for 2 years minus 29 days: warned once.
    due = profile_inactive_since(TODAY - timedelta(days=701))
    # Inactive for 2 years minus 31 days: not yet.
    early = profile_inactive_since(TODAY - timedelta(days=699))
    summary = retention.run(TODAY)
    assert "1 avertissement(s)" in summary and "0 profil(s)" in summary
    email = OutgoingEmail.objects.get()
    assert email.to == due.user.email
    assert email.template == "jobs_candidate_expiry_warning"
    assert "quittera la CVthèque le 15 juillet 2026" in email.body_text
    due.refresh_from_db()
    assert due.expiry_warned_on == TODAY
    # The next night: no second email.
    retention.run(TODAY + timedelta(days=1))
    assert OutgoingEmail.objects.filter(to=due.user.email).count() == 1

    # 30 days later, two years have passed: the profile leaves the CV bank.
    cv = due.cv
    summary = retention.run(TODAY + timedelta(days=30))
    assert "1 profil(s) retiré(s) de la CVthèque" in summary
    due.refresh_from_db()
    assert due.cv is None and due.cv_text == ""
    assert not due.skills.exists() and not due.occupations.exists()
    assert not due.experiences.exists()
    assert not Consent.objects.filter(profile=due, withdrawn_at__isnull=True).exists()
    assert Consent.objects.filter(profile=due).exists()  # the record stays
    assert not File.objects.filter(pk=cv.pk).exists()
    assert due.user.is_active and due.headline  # the account and its wishes stay
    early.refresh_from_db()
    assert early.cv is not None  # warned meanwhile, not yet expired
    assert early.expiry_warned_on == TODAY + timedelta(days=30)


def test_activity_after_the_warning_keeps_the_profile():
    profile = profile_inactive_since(TODAY - timedelta(days=710))
    retention.run(TODAY)
    profile.refresh_from_db()
    touch(profile)  # logged in or edited
    retention.run(TODAY + timedelta(days=40))
    profile.refresh_from_db()
    assert profile.cv is not None and profile.expiry_warned_on is None


def test_a_profile_never_warned_is_warned_before_it_expires():
    profile = profile_inactive_since(TODAY - timedelta(days=900))
    retention.run(TODAY)
    profile.refresh_from_db()
    assert profile.cv is not None and profile.expiry_warned_on == TODAY
    assert "1 profil(s)" in retention.run(TODAY + timedelta(days=30))


def test_an_empty_profile_is_not_warned():
    profile = CandidateProfileFactory()
    CandidateProfile.objects.filter(pk=profile.pk).update(last_activity_at=at(date(2020, 1, 1)))
    retention.run(TODAY)
    assert not OutgoingEmail.objects.exists()


def closed_offer(on, status=Offer.Status.CLOSED):
    return OfferFactory(status=status, closed_on=on)


def test_applications_of_ended_recruitments_are_deleted_after_3_months():
    ended = closed_offer(date(2026, 3, 15))
    recent = closed_offer(date(2026, 3, 16), status=Offer.Status.FILLED)
    letter = FileFactory()
    gone = ApplicationFactory(offer=ended, cover_letter=letter)
    kept_recent = ApplicationFactory(offer=recent)
    in_bank = ApplicationFactory(offer=ended)
    ConsentFactory(profile=in_bank.candidate)
    withdrawn = ApplicationFactory(offer=ended)
    ConsentFactory(profile=withdrawn.candidate, withdrawn_at=timezone.now())
    expired = ApplicationFactory(
        offer=OfferFactory(status=Offer.Status.PUBLISHED, expires_on=date(2026, 3, 1))
    )
    open_offer = ApplicationFactory(offer=OfferFactory(status=Offer.Status.PUBLISHED))

    summary = retention.run(TODAY)
    assert "3 candidature(s) supprimée(s)" in summary
    remaining = set(Application.objects.values_list("pk", flat=True))
    assert remaining == {kept_recent.pk, in_bank.pk, open_offer.pk}
    assert gone.pk not in remaining and withdrawn.pk not in remaining
    assert expired.pk not in remaining
    assert not File.objects.filter(pk=letter.pk).exists()
    # The candidates' accounts and profiles stay.
    assert CandidateProfile.objects.filter(pk=gone.candidate_id).exists()


def test_a_deactivated_account_is_emptied_without_a_warning():
    gone = profile_inactive_since(TODAY - timedelta(days=731))
    type(gone.user).objects.filter(pk=gone.user_id).update(is_active=False)
    retention.run(TODAY)
    gone.refresh_from_db()
    assert gone.cv is None and gone.cv_text == ""
    assert not Consent.objects.filter(profile=gone, withdrawn_at__isnull=True).exists()
    assert not OutgoingEmail.objects.exists()
