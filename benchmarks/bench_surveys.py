"""Server time of the survey results, of their PDF report and of the draft
autosave, on the national dataset with its survey waves.

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.bench_surveys

Takes the campaign with the most responses (the last wave of the largest
cluster's barometer: 800 responses to ~30 questions) and times, through
Django (middleware, view, template) with the test client:

- its results page, as a staff member of its cluster (budget: median
  ≤ 500 ms), then the same page filtered on a segment;
- its PDF report (budget: median ≤ 10 s);
- the htmx autosave of a draft through personal links, on a fifth wave
  opened for the occasion: each invitee saves twice (the first save inserts
  the draft, the second updates it), from its own address (budget: p95
  ≤ 100 ms over all the saves of a run).

Prints p50 / p95 / max per run and the median across runs; exits with status
1 when over a budget. Only reads the data: the staff member, the open wave
and the drafts are written in a transaction rolled back at the end.
"""

import argparse
import datetime
import logging
import os
import random
import statistics
import time

BUDGETS = {"results": 500.0, "pdf": 10_000.0, "draft": 100.0}  # ms
SEED = 20260105


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def figures(timings):
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
    }


def show(label, values):
    load = os.getloadavg()[0]  # the machine is shared: say how busy it was
    print(
        f"  {label}: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in values.items())
        + f" (load average {load:.1f})"
    )


def time_get(client, url, params, expected_type):
    started = time.perf_counter()
    response = client.get(url, params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200 or expected_type not in response["Content-Type"]:
        raise SystemExit(f"{url}: HTTP {response.status_code} {response['Content-Type']}")
    return elapsed


def time_pages(label, client, url, params, runs, expected_type="text/html"):
    """One request per run (after a warm-up); the median of the runs."""
    time_get(client, url, params, expected_type)
    timings = []
    for run in range(1, runs + 1):
        timings.append(time_get(client, url, params, expected_type))
        show(f"{label} run {run}", {"time": timings[-1]})
    result = figures(timings)
    show(f"{label} — {runs} runs", result)
    return result


def open_wave(campaign, count):
    """A fifth wave of `campaign`'s series, open, with `count` members invited."""
    from django.utils import timezone

    from ancrage.organisations.models import Membership
    from ancrage.surveys.models import Campaign, Invitee, Status

    today = timezone.localdate()
    wave = Campaign.objects.create(
        cluster=campaign.cluster,
        questionnaire=campaign.questionnaire,
        version=campaign.version,
        title=campaign.title,
        period_label="Vague de mesure",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=30),
        status=Status.OPEN,
        previous=campaign,
        wave=campaign.wave + 1,
        launched_at=timezone.now(),
    )
    memberships = (
        Membership.objects.filter(cluster=campaign.cluster)
        .active()
        .select_related("organisation")
        .order_by("organisation")[:count]
    )
    return Invitee.objects.bulk_create(
        Invitee(
            campaign=wave,
            organisation=m.organisation,
            name=m.organisation.name,
            is_member=True,
            invited_at=wave.launched_at,
        )
        for m in memberships
    )


def draft_posts(campaign, invitees, rng):
    """[(draft URL, posted data)]: a realistic half-filled form per invitee."""
    from django.urls import reverse

    from ancrage.demo.surveys_answers import AnswerDraws, Respondent
    from ancrage.referentiel.models import VocabularyEntry
    from ancrage.surveys import tokens
    from ancrage.surveys.answers import AnswerForm

    version = campaign.version
    entries = VocabularyEntry.objects.filter(cluster=campaign.cluster).order_by("position")
    occupations = [
        (pk, 1 / (rank + 3))
        for rank, pk in enumerate(
            entries.exclude(occupation=None).values_list("occupation_id", flat=True)
        )
    ]
    skills = list(entries.exclude(skill=None).values_list("skill_id", flat=True)[:80])
    draws = AnswerDraws(version, occupations, skills)
    questions = list(version.questions.all())
    keys = " ".join(q.key for q in questions if q.parent_id is None)
    posts = []
    for invitee in invitees:
        answers = draws.answers(rng, Respondent(rng.randint(5, 300)), campaign.opens_on, 0.6)
        data = AnswerForm.data_from_answers(version, answers, questions)
        posted = dict(data.lists())
        posted.update(version=str(version.pk), revision=str(version.revision), keys=keys)
        url = reverse("respond:draft", args=[tokens.answer_token(invitee)])
        posts.append((url, posted))
    return posts


def time_drafts(client, posts, runs):
    """Every invitee saves twice per run; p50 / p95 / max of a run's saves."""
    results = []
    for run in range(1, runs + 1):
        timings = []
        for attempt in range(2):
            for number, (url, data) in enumerate(posts):
                address = f"10.{run}.{attempt}.{number % 250}"
                started = time.perf_counter()
                response = client.post(url, data, HTTP_HX_REQUEST="true", REMOTE_ADDR=address)
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200 or b"text-danger" in response.content:
                    raise SystemExit(f"{url}: HTTP {response.status_code} {response.content!r}")
        results.append(figures(timings))
        show(f"draft autosave run {run} ({len(timings)} saves)", results[-1])
    median = {k: statistics.median(r[k] for r in results) for k in ("p50", "p95", "max")}
    show(f"draft autosave — median of {runs} runs", median)
    return median


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument("--drafts", type=int, default=150, help="invitees saving a draft")
    parser.add_argument("--only", choices=sorted(BUDGETS), help="one measure only")
    arguments = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, transaction
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from ancrage.clusters.factories import ClusterStaffFactory
    from ancrage.surveys.models import Campaign, Response
    from tests.cast import login

    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # no progress lines
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    os.makedirs(settings.STATIC_ROOT, exist_ok=True)  # whitenoise warns otherwise
    setup_test_environment()
    # The pages run inside this script's transaction: keep its connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    submitted = Q(responses__state="submitted")
    campaign = (
        Campaign.objects.annotate(answered=Count("responses", filter=submitted))
        .select_related("cluster", "version")
        .order_by("-answered", "pk")
        .first()
    )
    if campaign is None or campaign.answered == 0:
        raise SystemExit("Générez d'abord les données : python -m benchmarks.generate")
    questions = campaign.version.questions.count()
    print(
        f"{campaign.cluster.name} — {campaign} : {campaign.answered} réponses, "
        f"{questions} questions et colonnes"
    )
    rng = random.Random(SEED)  # noqa: S311 (a reproducible sample, not a secret)
    verdicts = {}
    with transaction.atomic():
        staff = ClusterStaffFactory(
            cluster=campaign.cluster,
            user__with_mfa=True,
            user__email="bench-surveys@bench.ancrage.test",
        ).user
        client = login(Client(), staff)
        wanted = [arguments.only] if arguments.only else list(BUDGETS)
        if "results" in wanted:
            url = reverse("survey_results:campaign", args=[campaign.pk])
            verdicts["results"] = time_pages("results page", client, url, {}, arguments.runs)["p50"]
            time_pages("results page, PME only", client, url, {"taille": "pme"}, arguments.runs)
        if "pdf" in wanted:
            pdf = reverse("survey_results:pdf", args=[campaign.pk])
            verdicts["pdf"] = time_pages(
                "PDF report", client, pdf, {}, arguments.pdf_runs, "application/pdf"
            )["p50"]
        if "draft" in wanted:
            invitees = open_wave(campaign, arguments.drafts)
            posts = draft_posts(campaign, invitees, rng)
            verdicts["draft"] = time_drafts(Client(), posts, arguments.runs)["p95"]
            saved = Response.objects.filter(invitee__in=invitees).exclude(draft={}).count()
            if saved != len(invitees):
                raise SystemExit(f"{saved} brouillons enregistrés sur {len(invitees)}")
        transaction.set_rollback(True)
    over = [name for name, value in verdicts.items() if value > BUDGETS[name]]
    for name, value in verdicts.items():
        state = "DÉPASSÉ" if name in over else "OK"
        print(f"budget {name} ≤ {BUDGETS[name]:.0f} ms: {value:.1f} ms — {state}")
    raise SystemExit(1 if over else 0)


if __name__ == "__main__":
    main()
