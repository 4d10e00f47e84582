"""The nightly command runs every step of the job board and says what each
did; a failing step does not stop the others."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ancrage.jobs.factories import PublicationFactory
from ancrage.jobs.management.commands import jobs_daily
from ancrage.jobs.models import Offer

pytestmark = pytest.mark.django_db


def test_every_step_runs_and_reports(dummy_tasks):
    old = PublicationFactory(offer__expires_on="2020-01-01").offer
    out = io.StringIO()

    call_command("jobs_daily", stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split(" : ")[0] for line in lines] == [label for label, _path in jobs_daily.STEPS]
    old.refresh_from_db()
    assert old.status == Offer.Status.EXPIRED


def test_a_failing_step_does_not_stop_the_others(monkeypatch, dummy_tasks):
    monkeypatch.setattr(
        jobs_daily,
        "STEPS",
        [("Cassée", "tests.jobs.test_jobs_daily.broken"), *jobs_daily.STEPS[1:]],
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="Cassée"):
        call_command("jobs_daily", stdout=out, stderr=err)
    assert "Cassée : échec" in err.getvalue()
    assert len(out.getvalue().splitlines()) == len(jobs_daily.STEPS) - 1


def broken(today):
    raise RuntimeError("boom")
