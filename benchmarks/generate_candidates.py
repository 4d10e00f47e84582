"""The benchmark's candidates and applications (issue 7), the steps after
the offers of benchmarks/generate_jobs.py, whose module docstring describes
them; run with it (`python -m benchmarks.generate_jobs`) or by
benchmarks/generate.py."""

import datetime
import json
import os
from collections import defaultdict
from itertools import accumulate
from types import SimpleNamespace

import django

# Run alone (`python -m benchmarks.generate_jobs`), Django first.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
django.setup()

from django.utils import timezone  # noqa: E402

from benchmarks.generate_jobs import (  # noqa: E402
    CANDIDATE_PREFIX,
    CLOSED_STATUSES,
    CONTRACTS,
    DIPLOMAS,
    LANGUAGES,
    MESSAGES,
    MOBILITIES,
    NOTE_SHARE,
    NOTES,
    OPEN_STATUSES,
    PATHS,
    REASONS,
    SAVED_SEARCH_SHARE,
    SECOND_CONSENT_SHARE,
    SUBJECTS,
    VIEWED_SHARE,
    WITHDRAWN_CONSENT_SHARE,
    Referentiel,
    analyze,
    bench_candidates,
    bench_offers,
    delete_applications,
    draw_place,
    lower_first,
    places,
    weighted,
)
from benchmarks.generate_matrix import bench_clusters, copy_rows  # noqa: E402
from benchmarks.generate_surveys import next_ids  # noqa: E402

# Candidates -----------------------------------------------------------------


def candidates_done(scale):
    return scale.candidates == 0 or bench_candidates().count() == scale.candidates


def clear_candidates():
    from ancrage.accounts.models import User
    from ancrage.jobs.models import CandidateProfile, Consent, ProfileView, SavedSearch
    from benchmarks.generate import EMAIL_DOMAIN, sql_delete

    profiles = list(bench_candidates().values_list("pk", flat=True))
    users = list(
        User.objects.filter(
            email__startswith=CANDIDATE_PREFIX, email__endswith=f"@{EMAIL_DOMAIN}"
        ).values_list("pk", flat=True)
    )
    delete_applications("candidate_id", profiles)
    for model in (Consent, ProfileView):
        sql_delete(model, "profile_id", profiles)
    for through in (CandidateProfile.occupations.through, CandidateProfile.skills.through):
        sql_delete(through, "candidateprofile_id", profiles)
    sql_delete(SavedSearch, "user_id", users)
    sql_delete(CandidateProfile, "id", profiles)
    sql_delete(User, "id", users)


def consent_text(cluster_name):
    """The sentence the candidate accepted, as the consent page records it."""
    from ancrage.jobs.consent import consent_text as text

    return text(SimpleNamespace(name=cluster_name))


def cluster_rows():
    """[(pk, name, seat département, seat region, active members)] by slug."""
    from django.db.models import Count, Q

    return list(
        bench_clusters()
        .order_by("slug")
        .annotate(members=Count("memberships", filter=Q(memberships__status="active")))
        .values_list("pk", "name", "seat__department_id", "seat__region_id", "members")
    )


def cv_text(rng, first, last, headline, town, skills, refs, diploma, years, employer):
    lines = [
        f"{first} {last} — {town}",
        headline,
        f"Expérience : {years} an{'s' if years > 1 else ''} chez {employer}.",
        "Compétences : " + ", ".join(lower_first(refs.skill_label[s]) for s in skills[:6]) + ".",
        f"Formation : {diploma}.",
    ]
    if rng.random() < 0.3:
        lines.append("Permis B, véhicule personnel.")
    return "\n".join(lines)


def create_candidates(scale, rng):
    from django.contrib.auth.hashers import make_password

    from ancrage.demo.fictitious import company_name
    from ancrage.demo.names import FIRST_NAMES, LAST_NAMES
    from ancrage.organisations.models import Membership
    from ancrage.referentiel.models import Occupation
    from benchmarks.generate import EMAIL_DOMAIN

    refs = Referentiel()
    names, by_department, by_region = places()
    clusters = cluster_rows()
    by_pk = {row[0]: row for row in clusters}
    same_region = defaultdict(list)
    for pk, _name, _department, region, _members in clusters:
        same_region[region].append(pk)
    members = defaultdict(list)
    for cluster, organisation in (
        Membership.objects.filter(cluster__in=by_pk, status="active")
        .order_by("cluster_id", "organisation_id")
        .values_list("cluster_id", "organisation_id")
    ):
        members[cluster].append(organisation)
    labels = dict(
        Occupation.objects.filter(
            pk__in={pk for pks in refs.occupations.values() for pk in pks}
        ).values_list("pk", "label")
    )
    homes = rng.choices(
        [row[0] for row in clusters], weights=[row[4] for row in clusters], k=scale.candidates
    )
    user_ids = next_ids("accounts_user", scale.candidates)
    profile_ids = next_ids("jobs_candidateprofile", scale.candidates)
    password = make_password(None)
    now = timezone.now()
    today = timezone.localdate()
    users, profiles, occupations, skills, consents, searches, views = [], [], [], [], [], [], []
    for number, (user, profile, home) in enumerate(zip(user_ids, profile_ids, homes, strict=True)):
        _pk, cluster_name, department, region, _members = by_pk[home]
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        joined = now - datetime.timedelta(
            days=int(rng.random() ** 1.5 * 720), hours=rng.randint(0, 23)
        )
        users.append(
            (
                user,
                password,
                False,
                f"{CANDIDATE_PREFIX}{number:06d}@{EMAIL_DOMAIN}",
                first,
                last,
                True,
                False,
                True,
                joined,
                joined,
                "",
            )
        )
        places_ = by_department[department] if rng.random() < 0.75 else by_region[region]
        commune = draw_place(rng, places_)
        wanted = []
        for _ in range(weighted(rng, ((1, 5), (2, 3), (3, 2)))):
            occupation = refs.occupation(rng, home)
            if occupation not in wanted:
                wanted.append(occupation)
        pool = []
        for occupation in wanted:
            pool += [s for s in refs.skills.get(occupation, []) if s not in pool]
        count = min(len(pool), rng.randint(3, 12))
        held = rng.sample(pool, count)
        occupations += [(profile, o) for o in wanted]
        skills += [(profile, s) for s in held]
        title = refs.title(rng, wanted[0], labels.get(wanted[0], "Technicien(ne)"))
        diploma, qualification = rng.choice(DIPLOMAS)
        years = rng.randint(0, 20)
        headline = title
        if years >= 8 or years < 2:
            headline = f"{title} {'confirmé(e)' if years >= 8 else 'junior'}"
        headline = headline[:150]
        employer = company_name(rng, ("Ateliers", "Industries", "Services", "Usinage"))
        active = joined + (now - joined) * rng.random()
        available = (
            today + datetime.timedelta(days=rng.randint(-30, 120)) if rng.random() < 0.7 else None
        )
        languages = [weighted(rng, LANGUAGES)] if rng.random() < 0.35 else []
        contracts = sorted(
            {weighted(rng, CONTRACTS) for _ in range(weighted(rng, ((1, 5), (2, 3), (3, 1))))}
        )
        profiles.append(
            (
                profile,
                headline,
                f"{years} ans d'expérience, je cherche un poste de {lower_first(title)} "
                f"autour de {names[commune][0]}."
                if years
                else f"Jeune diplômé(e) ({diploma}), je cherche un premier poste autour de "
                f"{names[commune][0]}.",
                qualification,
                languages,
                weighted(rng, MOBILITIES),
                contracts,
                available,
                cv_text(
                    rng,
                    first,
                    last,
                    headline,
                    names[commune][0],
                    held,
                    refs,
                    diploma,
                    max(1, years),
                    employer,
                ),
                active,
                None,
                joined,
                active,
                commune,
                None,
                user,
            )
        )
        given = joined + datetime.timedelta(minutes=rng.randint(5, 600))
        consents.append((profile, home, consent_text(cluster_name), given, None))
        chosen = {home}
        if rng.random() < SECOND_CONSENT_SHARE:
            others = [c for c in same_region[region] if c != home] or [
                c for c in by_pk if c != home
            ]
            if others:
                second = rng.choice(others)
                chosen.add(second)
                consents.append((profile, second, consent_text(by_pk[second][1]), given, None))
        if rng.random() < WITHDRAWN_CONSENT_SHARE:
            withdrawn = rng.choice(list(by_pk))
            if withdrawn not in chosen:
                consents.append(
                    (
                        profile,
                        withdrawn,
                        consent_text(by_pk[withdrawn][1]),
                        given,
                        given + (now - given) * rng.random(),
                    )
                )
        if rng.random() < SAVED_SEARCH_SHARE:
            # The search page's parameters, as SavedSearch keeps them: {name: [values]}.
            words = labels.get(wanted[0], headline).split(" / ")[0].split(",")[0]
            query = {"q": [words]}
            if rng.random() < 0.5:
                query["contract"] = [contracts[0]]
            if rng.random() < 0.6:
                query["commune"] = [names[commune][2]]
                query["radius"] = [str(rng.choice((10, 20, 30, 50)))]
            searches.append(
                (
                    user,
                    words[:100],
                    json.dumps(query, ensure_ascii=False),
                    rng.choice(("quotidienne", "hebdomadaire", "hebdomadaire", "jamais")),
                    given,
                    now - datetime.timedelta(days=rng.randint(0, 7)),
                )
            )
        if rng.random() < VIEWED_SHARE:
            for _ in range(rng.randint(1, 4)):
                cluster = rng.choice(sorted(chosen))
                if members[cluster]:
                    views.append(
                        (
                            profile,
                            rng.choice(members[cluster]),
                            None,
                            rng.choice(("profil", "profil", "cv")),
                            given + (now - given) * rng.random(),
                        )
                    )
    copy_rows(
        "accounts_user (id, password, is_superuser, email, first_name, last_name, is_active, "
        "is_staff, is_candidate, email_verified_at, date_joined, pending_email)",
        users,
    )
    copy_rows(
        "jobs_candidateprofile (id, headline, summary, qualification, languages, mobility_km, "
        "contracts, available_from, cv_text, last_activity_at, expiry_warned_on, created_at, "
        "updated_at, commune_id, cv_id, user_id)",
        profiles,
    )
    copy_rows("jobs_candidateprofile_occupations (candidateprofile_id, occupation_id)", occupations)
    copy_rows("jobs_candidateprofile_skills (candidateprofile_id, skill_id)", skills)
    copy_rows("jobs_consent (profile_id, cluster_id, text, given_at, withdrawn_at)", consents)
    copy_rows(
        "jobs_savedsearch (user_id, name, query, frequency, created_at, last_sent_at)", searches
    )
    copy_rows("jobs_profileview (profile_id, organisation_id, user_id, what, viewed_at)", views)
    analyze()


# Applications ---------------------------------------------------------------


def applications_done(scale):
    from ancrage.jobs.models import Application

    return (
        scale.applications == 0
        or Application.objects.filter(offer__in=bench_offers()).count() == scale.applications
    )


def clear_applications():
    delete_applications("offer_id", list(bench_offers().values_list("pk", flat=True)))


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def create_applications(scale, rng):
    from ancrage.jobs.models import Consent, Publication

    now = timezone.now()
    today = timezone.localdate()
    offers = {}
    for pk, occupation, status, published, closed, expires, through in (
        bench_offers()
        .filter(application_mode="plateforme", published_on__isnull=False)
        .order_by("pk")
        .values_list(
            "pk",
            "occupation_id",
            "status",
            "published_on",
            "closed_on",
            "expires_on",
            "filled_through_platform",
        )
    ):
        end = closed or (expires if status == "expiree" else today)
        offers[pk] = (occupation, status, published, min(end, today), through)
    by_cluster, by_match = defaultdict(list), defaultdict(list)
    for offer, cluster in (
        Publication.objects.filter(offer__in=offers, status="publiee")
        .order_by("offer_id", "cluster_id")
        .values_list("offer_id", "cluster_id")
    ):
        by_cluster[cluster].append(offer)
        by_match[cluster, offers[offer][0]].append(offer)
    candidates = bench_candidates()
    consented = defaultdict(list)
    for profile, cluster in (
        Consent.objects.filter(profile__in=candidates, withdrawn_at=None)
        .order_by("profile_id", "cluster_id")
        .values_list("profile_id", "cluster_id")
    ):
        consented[profile].append(cluster)
    wanted = defaultdict(list)
    through = candidates.model.occupations.through
    for profile, occupation in (
        through.objects.filter(candidateprofile__in=candidates)
        .order_by("pk")
        .values_list("candidateprofile_id", "occupation_id")
    ):
        wanted[profile].append(occupation)
    users = dict(candidates.values_list("pk", "user_id"))
    profiles = sorted(consented)
    # Half of the candidates apply, a few of them a lot.
    applicants = rng.sample(profiles, len(profiles) // 2)
    activity = list(accumulate(rng.paretovariate(1.5) for _ in applicants))
    by_cluster_candidates = defaultdict(list)
    for profile in profiles:
        for cluster in consented[profile]:
            by_cluster_candidates[cluster].append(profile)
    taken, chosen = set(), []
    # Every offer filled through the platform has its hire.
    hires = [o for o, row in offers.items() if row[1] == "pourvue" and row[4]]
    offer_clusters = defaultdict(list)
    for cluster, pks in by_cluster.items():
        for pk in pks:
            offer_clusters[pk].append(cluster)
    for offer in hires:
        pool = by_cluster_candidates.get(offer_clusters[offer][0], [])
        if pool:
            profile = rng.choice(pool)
            taken.add((offer, profile))
            chosen.append((offer, profile, "embauche"))
    tries = 0
    while len(chosen) < scale.applications and tries < scale.applications * 20:
        tries += 1
        profile = rng.choices(applicants, cum_weights=activity)[0]
        cluster = rng.choice(consented[profile])
        pool = []
        if rng.random() < 0.7:
            pool = by_match.get((cluster, rng.choice(wanted[profile] or [None])), [])
        pool = pool or by_cluster.get(cluster, [])
        if not pool:
            continue
        offer = rng.choice(pool)
        if (offer, profile) in taken:
            continue
        taken.add((offer, profile))
        chosen.append((offer, profile, None))
    ids = next_ids("jobs_application", len(chosen))
    applications, events, notes = [], [], []
    for pk, (offer, profile, status) in zip(ids, chosen, strict=True):
        _occupation, offer_status, published, end, _filled = offers[offer]
        span = max(0, (end - published).days)
        created = at(
            published + datetime.timedelta(days=int(span * rng.random() ** 1.3)), rng.randint(7, 22)
        )
        created = min(created, now - datetime.timedelta(minutes=rng.randint(5, 600)))
        if status is None:
            if offer_status == "publiee":
                status = weighted(rng, OPEN_STATUSES)
                if status == "embauche" and rng.random() < 0.5:
                    status = "entretien"
                if (now - created).days < 3 and rng.random() < 0.7:
                    status = "nouvelle"
            else:
                status = weighted(rng, CLOSED_STATUSES)
        reason = ""
        if status == "refusee":
            reason = (
                "pourvu"
                if offer_status == "pourvue" and rng.random() < 0.6
                else weighted(rng, REASONS)
            )
        limit = now if offer_status == "publiee" else max(created, at(end, 18))
        moment = created
        last = created
        for step in PATHS[status]:
            optional = step.startswith("[")
            step = step.strip("[]")
            if optional and rng.random() < 0.5:
                continue
            if step != "nouvelle":
                moment = min(limit, moment + datetime.timedelta(hours=rng.randint(4, 24 * 6)))
            by = users[profile] if step in ("nouvelle", "retiree") else None
            events.append((pk, step, by, moment, SUBJECTS.get(step, "")))
            last = moment
        reminded = (
            created + datetime.timedelta(days=14)
            if status == "nouvelle" and (now - created).days > 14 and rng.random() < 0.8
            else None
        )
        applications.append(
            (pk, offer, profile, rng.choice(MESSAGES), status, reason, created, last, reminded)
        )
        if status != "nouvelle" and rng.random() < NOTE_SHARE:
            notes.append((pk, rng.choice(NOTES), None, last))
    copy_rows(
        "jobs_application (id, offer_id, candidate_id, message, status, refusal_reason, "
        "created_at, status_changed_at, reminded_at)",
        applications,
    )
    copy_rows("jobs_applicationevent (application_id, status, by_id, at, email_subject)", events)
    copy_rows("jobs_applicationnote (application_id, text, author_id, created_at)", notes)
    analyze()
