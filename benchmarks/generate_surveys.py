"""The benchmark clusters' surveys: every cluster runs a quarterly barometer
of ~30 questions (the shipped barometer, extended with the questions of the
shipped annual HR survey: 21 questions, 2 of them tables « one row per
occupation » of 7 columns each), over 4 closed waves answered by 70 % of
the invitees. The largest cluster (`bench-000`) also invites non-members of
its filière, so that its last wave has as many responses as it has members
(800). Used by benchmarks/generate.py.

Answers are drawn by `ancrage.demo.surveys_answers` (the demo's), with a
rising tension on five of each cluster's occupations; invitees and responses
are written with COPY, their ids taken from their sequences beforehand.
GPEC facts are not fed (the results, the PDF and the autosave do not read
them)."""

import datetime
import json

from django.db import connection
from django.db.models import Count
from django.utils import timezone

from benchmarks.generate_matrix import bench_clusters, copy_rows

WAVES = 4
RESPONSE_SHARE = 0.7
QUARTER_DAYS = 91
BAROMETER = "barometre-metiers-en-tension"
HR_SURVEY = "enquete-rh-annuelle"
TENSE_OCCUPATIONS = 5
NON_MEMBER_DOMAIN = "filiere.bench.ancrage.test"


def surveys_done(scale):
    from ancrage.surveys.models import Campaign, Response

    campaigns = Campaign.objects.filter(cluster__in=bench_clusters(), status="closed")
    largest = (
        Response.objects.filter(campaign__in=campaigns, state="submitted")
        .values("campaign")
        .order_by()
        .annotate(count=Count("pk"))
        .order_by("-count")
        .values_list("count", flat=True)
        .first()
    )
    return campaigns.count() == WAVES * scale.clusters and largest == scale.largest_cluster


def clear_surveys():
    from ancrage.surveys.models import (
        Campaign,
        Invitee,
        Question,
        Questionnaire,
        QuestionnaireVersion,
        ReminderRun,
        Response,
        Section,
    )
    from benchmarks.generate import sql_delete

    clusters = list(bench_clusters().values_list("pk", flat=True))
    campaigns = list(Campaign.objects.filter(cluster__in=clusters).values_list("pk", flat=True))
    for model in (Response, Invitee, ReminderRun):
        sql_delete(model, "campaign_id", campaigns)
    with connection.cursor() as cursor:  # waves point to the previous one
        cursor.execute(
            f"UPDATE {Campaign._meta.db_table} SET previous_id = NULL WHERE id = ANY(%s)",  # noqa: S608
            [campaigns],
        )
    sql_delete(Campaign, "id", campaigns)
    questionnaires = list(
        Questionnaire.objects.filter(cluster__in=clusters).values_list("pk", flat=True)
    )
    versions = list(
        QuestionnaireVersion.objects.filter(questionnaire__in=questionnaires).values_list(
            "pk", flat=True
        )
    )
    with connection.cursor() as cursor:  # columns and conditions point to questions
        cursor.execute(
            f"UPDATE {Question._meta.db_table} SET parent_id = NULL, "  # noqa: S608
            "condition_question_id = NULL WHERE version_id = ANY(%s)",
            [versions],
        )
    sql_delete(Question, "version_id", versions)
    sql_delete(Section, "version_id", versions)
    sql_delete(QuestionnaireVersion, "id", versions)
    sql_delete(Questionnaire, "id", questionnaires)


def create_surveys(scale, rng):
    from ancrage.clusters.models import ClusterStaff

    admins = dict(
        ClusterStaff.objects.filter(cluster__in=bench_clusters(), role=ClusterStaff.Role.ADMIN)
        .order_by("cluster", "pk")
        .values_list("cluster_id", "user_id")
    )
    members = members_by_cluster()
    vocabularies = vocabulary_by_cluster()
    today = timezone.localdate()
    for position, cluster in enumerate(bench_clusters().order_by("slug")):
        version = barometer(cluster, admins.get(cluster.pk))
        invited = members.get(cluster.pk, [])
        non_members = []
        if position == 0:
            # Enough non-members for the last wave to reach the figure.
            missing = round(scale.largest_cluster / RESPONSE_SHARE) - len(invited)
            non_members = [
                (f"Entreprise de la filière {number:04d}", number) for number in range(missing)
            ]
        occupations, skills = vocabularies.get(cluster.pk, ([], []))
        run_waves(rng, cluster, version, invited, non_members, occupations, skills, today, scale)


def barometer(cluster, user_id):
    """The cluster's barometer: the shipped barometer, with the questions of
    the shipped HR survey appended."""
    from ancrage.surveys.models import Question
    from ancrage.surveys.shipped import instantiate

    questionnaire = instantiate(cluster, BAROMETER)
    questionnaire.created_by_id = user_id
    questionnaire.save(update_fields=["created_by"])
    version = questionnaire.current_version
    extra = instantiate(cluster, HR_SURVEY)
    taken = set(version.questions.values_list("key", flat=True))
    moved = extra.current_version
    # Keys are unique in a version: the HR survey's own headcount and
    # comments go, its table's columns get a key of their own.
    clashing = Question.objects.filter(version=moved, key__in=taken)
    clashing.filter(parent=None).delete()
    for column in clashing:
        column.key = f"rh_{column.key}"
        column.save(update_fields=["key"])
    offset = version.sections.count()
    for section in moved.sections.all():
        section.version = version
        section.position += offset
        section.save(update_fields=["version", "position"])
    Question.objects.filter(version=moved).update(version=version)
    extra.delete()
    version.frozen_at = timezone.now()
    version.save(update_fields=["frozen_at"])
    return version


def run_waves(rng, cluster, version, invited, non_members, occupations, skills, today, scale):
    from ancrage.demo.surveys_answers import AnswerDraws, Respondent
    from ancrage.surveys.models import Campaign, Recurrence, Status

    tense = [pk for pk, _weight in occupations[:TENSE_OCCUPATIONS]]
    previous = None
    for wave in range(1, WAVES + 1):
        opens = today - datetime.timedelta(days=14 + QUARTER_DAYS * (WAVES + 1 - wave))
        closes = opens + datetime.timedelta(days=35)
        launched = timezone.make_aware(datetime.datetime.combine(opens, datetime.time(9)))
        previous = Campaign.objects.create(
            cluster=cluster,
            questionnaire=version.questionnaire,
            version=version,
            title=version.questionnaire.title,
            period_label=f"T{(opens.month - 1) // 3 + 1} {opens.year}",
            opens_on=opens,
            closes_on=closes,
            status=Status.CLOSED,
            reminder_days=[7, 14],
            recurrence=Recurrence.QUARTERLY,
            previous=previous,
            wave=wave,
            created_by=version.questionnaire.created_by,
            launched_at=launched,
            closed_at=launched + datetime.timedelta(days=35),
        )
        progress = (wave - 1) / (WAVES - 1)
        draws = AnswerDraws(
            version,
            occupations,
            skills,
            tension=dict.fromkeys(tense, 2.6 + 0.9 * progress),
            confidence=3.5 - 0.4 * progress,
        )
        guests = non_members if wave == WAVES else []
        rows = [(m, Respondent(headcount, code)) for m, headcount, code in invited]
        rows += [(None, Respondent(rng.randint(3, 120))) for _guest in guests]
        answering = sorted(rng.sample(range(len(rows)), round(RESPONSE_SHARE * len(rows))))
        if wave == WAVES and guests:
            answering = answering[: scale.largest_cluster]
        invitee_ids = next_ids("surveys_invitee", len(rows))
        copy_invitees(previous, invited, guests, invitee_ids, set(answering))
        response_ids = next_ids("surveys_response", len(answering))
        copy_rows(
            "surveys_response (id, invitee_id, campaign_id, state, draft, answers, revision, "
            "started_at, updated_at, submitted_at)",
            response_rows(rng, previous, draws, rows, answering, invitee_ids, response_ids),
        )


def response_rows(rng, campaign, draws, rows, answering, invitee_ids, response_ids):
    launched = campaign.launched_at
    for index, response_id in zip(answering, response_ids, strict=True):
        answered = launched + datetime.timedelta(days=rng.uniform(0, 30))
        answers = draws.answers(rng, rows[index][1], answered.date())
        yield (
            response_id,
            invitee_ids[index],
            campaign.pk,
            "submitted",
            "{}",
            json.dumps(answers, ensure_ascii=False),
            campaign.version.revision,
            answered - datetime.timedelta(minutes=12),
            answered,
            answered,
        )


def copy_invitees(campaign, invited, guests, ids, answering):
    """COPY the members, then the non-members, invited; those who do not
    answer were reminded twice."""
    launched = campaign.launched_at
    rows = [member for member, _headcount, _code in invited] + [
        (None, name, "", "pme", None) for name, _number in guests
    ]
    emails = [""] * len(invited) + [f"contact{n}@{NON_MEMBER_DOMAIN}" for _name, n in guests]
    copy_rows(
        "surveys_invitee (id, campaign_id, organisation_id, name, email, siren, is_member, "
        "size_class, commune_id, invited_at, reminders_sent, created_at)",
        (
            (
                pk,
                campaign.pk,
                organisation,
                name,
                email,
                siren,
                organisation is not None,
                size,
                commune,
                launched,
                0 if index in answering else 2,
                launched,
            )
            for index, (pk, (organisation, name, siren, size, commune), email) in enumerate(
                zip(ids, rows, emails, strict=True)
            )
        ),
    )


def next_ids(table, count):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def members_by_cluster():
    """{cluster pk: [((organisation, name, siren, size, commune), headcount,
    commune code)]} of the active members."""
    from ancrage.organisations.models import Membership

    found = {}
    for cluster, organisation, name, siren, size, commune, code, headcount in (
        Membership.objects.filter(cluster__in=bench_clusters(), status=Membership.Status.ACTIVE)
        .order_by("cluster", "organisation")
        .values_list(
            "cluster_id",
            "organisation_id",
            "organisation__name",
            "organisation__siren",
            "organisation__size_class",
            "organisation__commune_id",
            "organisation__commune__code",
            "organisation__headcount",
        )
    ):
        found.setdefault(cluster, []).append(
            ((organisation, name, siren, size, commune), headcount or 20, code or "")
        )
    return found


def vocabulary_by_cluster():
    """{cluster pk: ([(Occupation id, weight)], [Skill ids])}, most used first."""
    from ancrage.referentiel.models import VocabularyEntry

    found = {}
    for cluster, occupation, skill in (
        VocabularyEntry.objects.filter(cluster__in=bench_clusters())
        .order_by("cluster", "position", "pk")
        .values_list("cluster_id", "occupation_id", "skill_id")
    ):
        occupations, skills = found.setdefault(cluster, ([], []))
        if occupation:
            occupations.append((occupation, 1 / (len(occupations) + 3)))
        elif skill and len(skills) < 80:
            skills.append(skill)
    return found
