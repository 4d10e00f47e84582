"""The benchmark job boards: offers, candidates and applications, at the
scale of the budgets of issue 7. Used by benchmarks/generate.py, or alone on
a national dataset already generated:

    ANCRAGE_VAR_DIR=/tmp/var-bench .venv/bin/python -m benchmarks.generate_jobs

- **Offers**: 50,000 on the job boards (published, unexpired, on the board of
  a cluster their organisation is an active member of, a third of those with
  another membership on a second board too), published over the last 60
  days; and a history of 20,000 filled (some through the platform), closed,
  expired, pending or draft ones over the year. Organisations drawn by
  headcount, a métier of the cluster's vocabulary (the member's matrix
  métier half the time), a ROME job title of it, 1–6 of its ROME skills
  (required first, then wished), a French description made from them,
  contracts, working time, remote work, salaries for half of them, the
  organisation's commune or one of its département drawn by population.
- **Candidates**: 100,000 users (`candidat-000000@bench.ancrage.test`…) with
  a profile: a home cluster drawn by size, a commune of its département (or
  region) by population, 1–3 of its métiers, 3–12 of their skills, a
  mobility of 10–100 km, 1–3 contracts, availability, a few lines of CV text,
  an active consent to the home cluster and, for 30 %, to another of the
  same region (a few withdrawn ones too); saved searches and views of their
  profile by member companies for some.
- **Applications**: 150,000 from candidates to the platform offers of the
  clusters they consented to (their métier's offers first), with the
  statuses of an offer of that age, every step in their history
  (ApplicationEvent), refusal reasons and some notes; a filled-through-the-
  platform offer has its hire.

Rows are written with COPY, their ids taken from their sequences beforehand;
every step is deterministic (seeded) and removes its own rows (offers of the
benchmark organisations, candidates by their email domain)."""

import datetime
import json
import os
from collections import defaultdict
from decimal import Decimal
from itertools import accumulate
from types import SimpleNamespace

import django

# Run alone (`python -m benchmarks.generate_jobs`), Django first.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ancrage.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.generate_matrix import bench_clusters, copy_rows  # noqa: E402
from benchmarks.generate_surveys import next_ids  # noqa: E402

CANDIDATE_PREFIX = "candidat-"
HISTORY_DAYS = 365
ACTIVE_DAYS = 60
SECOND_BOARD_SHARE = 0.33
SECOND_CONSENT_SHARE = 0.3
WITHDRAWN_CONSENT_SHARE = 0.04
SAVED_SEARCH_SHARE = 0.2
VIEWED_SHARE = 0.25
NOTE_SHARE = 0.08
CONTRACTS = (
    ("cdi", 45),
    ("cdd", 18),
    ("interim", 12),
    ("alternance", 11),
    ("stage", 7),
    ("freelance", 5),
    ("vie", 1),
)
QUALIFICATIONS = (("", 20), ("3", 22), ("4", 22), ("5", 18), ("6", 10), ("7", 7), ("8", 1))
EXPERIENCES = (("debutant", 35), ("1-2", 30), ("3-5", 25), ("5+", 10))
REMOTE = (("site", 72), ("hybride", 24), ("complet", 4))
MODES = (("plateforme", 80), ("courriel", 12), ("lien", 8))
HISTORY = (
    ("pourvue", 35),
    ("close", 22),
    ("expiree", 33),
    ("soumise", 6),
    ("brouillon", 4),
)
# Application statuses by the offer's state; weights.
OPEN_STATUSES = (
    ("nouvelle", 30),
    ("vue", 22),
    ("preselection", 10),
    ("entretien", 8),
    ("embauche", 2),
    ("refusee", 23),
    ("retiree", 5),
)
CLOSED_STATUSES = (("vue", 10), ("refusee", 75), ("retiree", 10), ("preselection", 5))
REASONS = (
    ("competences", 30),
    ("experience", 25),
    ("pourvu", 20),
    ("sans_reponse", 5),
    ("lieu", 8),
    ("disponibilite", 7),
    ("autre", 5),
)
# The steps an application goes through to reach a status (optional ones in
# brackets are taken half the time).
PATHS = {
    "nouvelle": ("nouvelle",),
    "vue": ("nouvelle", "vue"),
    "preselection": ("nouvelle", "vue", "preselection"),
    "entretien": ("nouvelle", "vue", "preselection", "entretien"),
    "embauche": ("nouvelle", "vue", "preselection", "entretien", "embauche"),
    "refusee": ("nouvelle", "vue", "[preselection]", "[entretien]", "refusee"),
    "retiree": ("nouvelle", "[vue]", "retiree"),
}
SUBJECTS = {
    "entretien": "Votre candidature : un entretien vous est proposé",
    "embauche": "Votre candidature : bonne nouvelle",
    "refusee": "Votre candidature n'a pas été retenue",
}
MESSAGES = (
    "Bonjour, votre offre correspond à mon expérience : je serais ravi(e) d'en parler.",
    "Madame, Monsieur, je vous adresse ma candidature pour ce poste, disponible rapidement.",
    "Bonjour, je suis intéressé(e) par ce poste près de chez moi. Bien cordialement.",
    "",
    "Je souhaite rejoindre votre équipe : vous trouverez mon CV sur mon profil.",
)
NOTES = (
    "Profil intéressant, à rappeler.",
    "Bon échange téléphonique, motivé(e).",
    "Manque d'expérience sur le poste, à garder pour une alternance.",
    "Disponible dans un mois, à voir avec l'atelier.",
)
INTROS = (
    "{org}, implantée à {town}, renforce ses équipes et recrute un(e) {title}.",
    "Entreprise de la filière {filiere}, {org} recherche pour son site de {town} un(e) {title}.",
    "Dans le cadre de son développement, {org} ({town}) recrute un(e) {title}.",
    "Rejoignez {org} à {town} : nous recherchons un(e) {title} pour accompagner notre croissance.",
)
PROFILES = (
    "Vous êtes rigoureux(se), autonome et aimez le travail en équipe.",
    "Une première expérience sur un poste similaire est appréciée ; débutant(e)s motivé(e)s "
    "bienvenu(e)s.",
    "Vous justifiez d'une expérience réussie dans le métier et d'un bon sens du contact.",
    "Curieux(se) et organisé(e), vous avez le goût du travail bien fait.",
)
BENEFITS = (
    "Nous offrons : mutuelle, tickets restaurant, prime d'intéressement.",
    "Horaires de journée, comité d'entreprise, formation interne au poste.",
    "Parcours d'intégration, participation aux transports, treizième mois.",
    "Équipe soudée, outils modernes, possibilité d'évolution.",
)
DIPLOMAS = (
    ("CAP", "3"),
    ("Bac pro", "4"),
    ("BTS", "5"),
    ("BUT", "6"),
    ("Licence professionnelle", "6"),
    ("Master", "7"),
    ("Diplôme d'ingénieur", "7"),
)
LANGUAGES = (("anglais", 10), ("espagnol", 2), ("allemand", 2), ("italien", 1))
MOBILITIES = ((10, 2), (15, 2), (20, 4), (30, 5), (40, 3), (50, 3), (80, 1), (100, 1))
RHYTHMS = (
    "3 semaines en entreprise, 1 semaine à l'école",
    "2 jours à l'école, 3 jours en entreprise",
    "Une semaine sur deux",
)


def weighted(rng, pairs):
    from ancrage.demo.fictitious import weighted as draw

    return draw(rng, pairs)


def bench_offers():
    from ancrage.jobs.models import Offer
    from benchmarks.generate import bench_organisations

    return Offer.objects.filter(organisation__in=bench_organisations())


def bench_candidates():
    from ancrage.jobs.models import CandidateProfile
    from benchmarks.generate import EMAIL_DOMAIN

    return CandidateProfile.objects.filter(
        user__email__startswith=CANDIDATE_PREFIX, user__email__endswith=f"@{EMAIL_DOMAIN}"
    )


def delete_applications(column, ids):
    """The applications whose `column` is in `ids`, with their history and notes."""
    from ancrage.jobs.models import Application, ApplicationEvent, ApplicationNote
    from benchmarks.generate import sql_delete

    applications = list(
        Application.objects.filter(**{f"{column.removesuffix('_id')}__in": ids}).values_list(
            "pk", flat=True
        )
    )
    for model in (ApplicationEvent, ApplicationNote):
        sql_delete(model, "application_id", applications)
    sql_delete(Application, "id", applications)


# Offers ---------------------------------------------------------------------


def offers_done(scale):
    return scale.offers == 0 or bench_offers().count() == scale.offers + scale.closed_offers


def clear_offers():
    from ancrage.jobs.models import JobBoard, Offer, OfferSkill, Publication, Relay
    from benchmarks.generate import sql_delete

    ids = list(bench_offers().values_list("pk", flat=True))
    delete_applications("offer_id", ids)
    for model in (OfferSkill, Publication, Relay):
        sql_delete(model, "offer_id", ids)
    sql_delete(Offer, "id", ids)
    sql_delete(JobBoard, "cluster_id", list(bench_clusters().values_list("pk", flat=True)))


class Referentiel:
    """The clusters' métiers (by popularity), and each métier's job titles and
    ROME skills (core ones first), as primary keys and labels."""

    def __init__(self):
        from ancrage.referentiel.models import JobTitle, OccupationSkill, VocabularyEntry

        self.occupations = defaultdict(list)
        for cluster, occupation in (
            VocabularyEntry.objects.filter(cluster__in=bench_clusters(), kind="occupation")
            .order_by("cluster_id", "position")
            .values_list("cluster_id", "occupation_id")
        ):
            self.occupations[cluster].append(occupation)
        used = {pk for pks in self.occupations.values() for pk in pks}
        self.titles = defaultdict(list)
        for occupation, label in (
            JobTitle.objects.filter(occupation__in=used, is_rare=False, is_obsolete=False)
            .order_by("occupation_id", "label")
            .values_list("occupation_id", "label")
        ):
            self.titles[occupation].append(label)
        self.skills = defaultdict(list)
        self.skill_label = {}
        for occupation, skill, label, _importance in (
            OccupationSkill.objects.filter(occupation__in=used, skill__is_obsolete=False)
            .order_by("occupation_id", "-importance", "skill_id")
            .values_list("occupation_id", "skill_id", "skill__label", "importance")
        ):
            self.skills[occupation].append(skill)
            self.skill_label[skill] = label
        self.weights = {
            cluster: list(accumulate(1 / (rank + 3) for rank in range(len(pks))))
            for cluster, pks in self.occupations.items()
        }

    def occupation(self, rng, cluster):
        return rng.choices(self.occupations[cluster], cum_weights=self.weights[cluster])[0]

    def title(self, rng, occupation, fallback):
        titles = self.titles.get(occupation)
        return rng.choice(titles) if titles else fallback

    def skills_of(self, rng, occupation, count):
        """`count` of the métier's skills, the first half of its list likelier."""
        skills = self.skills.get(occupation, [])
        if len(skills) <= count:
            return list(skills)
        weights = [2 if rank < len(skills) // 2 else 1 for rank in range(len(skills))]
        from ancrage.demo.fictitious import sample_weighted

        return sample_weighted(rng, list(zip(skills, weights, strict=True)), count)


def members_for_offers():
    """[(organisation, cluster, commune, name, weight)] of the active
    memberships of the benchmark clusters, the larger organisations
    publishing more; {organisation: [clusters]}; {(organisation, cluster):
    matrix métier}."""
    from ancrage.matrix.models import MatrixProfile
    from ancrage.organisations.models import Membership

    memberships = Membership.objects.filter(cluster__in=bench_clusters(), status="active")
    rows, clusters_of = [], defaultdict(list)
    for organisation, cluster, commune, name, headcount, kind in memberships.order_by(
        "organisation_id", "cluster_id"
    ).values_list(
        "organisation_id",
        "cluster_id",
        "organisation__commune_id",
        "organisation__name",
        "organisation__headcount",
        "organisation__kind",
    ):
        weight = (headcount or 10) ** 0.5 * (1 if kind == "company" else 0.3)
        rows.append((organisation, cluster, commune, name, weight))
        clusters_of[organisation].append(cluster)
    metiers = {
        (organisation, cluster): occupation
        for organisation, cluster, occupation in MatrixProfile.objects.filter(
            membership__in=memberships
        ).values_list(
            "membership__organisation_id", "membership__cluster_id", "occupation__occupation_id"
        )
    }
    return rows, clusters_of, metiers


def places():
    """{commune: (name, département, INSEE code)}, and the communes of each département
    and of each region ready to be drawn by population (`draw_place`)."""
    from ancrage.territory.models import Commune

    names, by_department, by_region = {}, defaultdict(list), defaultdict(list)
    for pk, name, department, region, population, code in (
        Commune.objects.current()
        .order_by("code")
        .values_list("pk", "name", "department_id", "region_id", "population", "code")
    ):
        names[pk] = (name, department, code)
        by_department[department].append((pk, population or 1))
        by_region[region].append((pk, population or 1))
    return names, drawable(by_department), drawable(by_region)


def drawable(groups):
    """{key: (pks, cumulative weights)} of {key: [(pk, weight)]}: drawing
    from cumulative weights does not add them up again at each draw."""
    ready = {}
    for key, pairs in groups.items():
        pks, weights = zip(*pairs, strict=True)
        ready[key] = (pks, list(accumulate(weights)))
    return ready


def draw_place(rng, place):
    pks, cumulative = place
    return rng.choices(pks, cum_weights=cumulative)[0]


def salary(rng, contract, qualification):
    """(min, max, period) or (None, None, "an")."""
    if rng.random() < 0.48:
        return None, None, "an"
    level = int(qualification or "3")
    if contract in ("interim",) or rng.random() < 0.1:
        low = Decimal("11.88") + Decimal(rng.randint(0, 40)) / 10
        return low, low + Decimal(rng.choice((0, 1, 2))), "heure"
    if contract in ("alternance", "stage") or rng.random() < 0.2:
        low = rng.randrange(1000 if contract == "stage" else 1400, 2800, 50)
        return Decimal(low), Decimal(low + rng.choice((0, 200, 400))), "mois"
    low = rng.randrange(21000 + 3500 * max(0, level - 3), 30000 + 6000 * max(0, level - 3), 500)
    return Decimal(low), Decimal(low + rng.choice((0, 3000, 5000, 8000))), "an"


def lower_first(text):
    """« Souder… » → « souder… », but « BP électricien » stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def offer_description(rng, org, town, title, skills, filiere, contract, refs):
    labels = [lower_first(refs.skill_label[s]) for s in skills]
    missions = "Vos missions : " + " ; ".join(labels) + "." if labels else ""
    return "\n\n".join(
        part
        for part in (
            rng.choice(INTROS).format(org=org, town=town, title=title, filiere=filiere.lower()),
            missions,
            rng.choice(PROFILES),
            f"Poste en {dict(CONTRACTS_LABELS)[contract]}. {rng.choice(BENEFITS)}",
        )
        if part
    )


CONTRACTS_LABELS = (
    ("cdi", "CDI"),
    ("cdd", "CDD"),
    ("interim", "intérim"),
    ("alternance", "alternance"),
    ("stage", "stage"),
    ("freelance", "freelance"),
    ("vie", "VIE"),
)


def create_offers(scale, rng):
    from ancrage.clusters.models import ClusterStaff
    from ancrage.jobs.models import JobBoard
    from ancrage.referentiel.models import Occupation

    refs = Referentiel()
    rows, clusters_of, metiers = members_for_offers()
    names, by_department, _by_region = places()
    clusters = dict(bench_clusters().values_list("pk", "filiere"))
    seats = dict(bench_clusters().values_list("pk", "seat__department_id"))
    staff = dict(
        ClusterStaff.objects.filter(cluster__in=clusters, role=ClusterStaff.Role.ADMIN)
        .order_by("cluster_id", "pk")
        .values_list("cluster_id", "user_id")
    )
    # A third of the boards moderate after publication.
    after = {pk for pk in sorted(clusters) if rng.random() < 0.33}
    JobBoard.objects.bulk_create(
        JobBoard(cluster_id=pk, moderation="apres" if pk in after else "avant")
        for pk in sorted(clusters)
    )
    labels = dict(
        Occupation.objects.filter(
            pk__in={pk for pks in refs.occupations.values() for pk in pks}
        ).values_list("pk", "label")
    )
    total = scale.offers + scale.closed_offers
    ids = next_ids("jobs_offer", total)
    weights = [row[4] for row in rows]
    picks = rng.choices(range(len(rows)), weights=weights, k=total)
    today = timezone.localdate()
    offers, skills, publications = [], [], []
    for index, (pk, pick) in enumerate(zip(ids, picks, strict=True)):
        organisation, cluster, home, org_name, _weight = rows[pick]
        active = index < scale.offers
        status = "publiee" if active else weighted(rng, HISTORY)
        metier = metiers.get((organisation, cluster))
        occupation = (
            metier
            if metier and rng.random() < 0.5 and metier in refs.skills
            else refs.occupation(rng, cluster)
        )
        title = refs.title(rng, occupation, labels.get(occupation, "Opérateur / opératrice"))
        if rng.random() < 0.25:
            title = f"{title} H/F"
        title = title[:150]
        required = rng.randint(1, 4)
        offer_skills = refs.skills_of(rng, occupation, rng.randint(1, 6))
        skills += [(pk, skill, rank < required) for rank, skill in enumerate(offer_skills)]
        commune = home
        if commune is None or rng.random() < 0.3:
            department = names[home][1] if home else seats[cluster]
            commune = draw_place(rng, by_department[department])
        contract = weighted(rng, CONTRACTS)
        qualification = weighted(rng, QUALIFICATIONS)
        low, high, period = salary(rng, contract, qualification)
        months = rng.choice((3, 6, 6, 12, 18)) if contract in ("cdd", "interim", "vie") else None
        part_time = rng.random() < 0.12
        if active:
            published = today - datetime.timedelta(days=rng.randint(0, ACTIVE_DAYS - 1))
            expires = (
                published + datetime.timedelta(days=rng.choice((60, 90, 90, 120)))
                if rng.random() < 0.85
                else None
            )
            closed, filled, through = None, None, None
        else:
            published = today - datetime.timedelta(days=rng.randint(ACTIVE_DAYS, HISTORY_DAYS))
            expires = published + datetime.timedelta(days=60)
            closed = filled = through = None
            if status in ("pourvue", "close"):
                closed = published + datetime.timedelta(days=rng.randint(7, 55))
                filled = status == "pourvue"
                through = rng.random() < 0.55 if filled else None
            elif status in ("soumise", "brouillon"):
                published = expires = None
        created_on = (published or today - datetime.timedelta(days=rng.randint(0, 30))) - (
            datetime.timedelta(days=rng.randint(0, 5))
        )
        created = timezone.make_aware(
            datetime.datetime.combine(created_on, datetime.time(8 + rng.randint(0, 9)))
        )
        school = contract in ("alternance", "stage")
        period_start = (
            datetime.date(today.year if today.month < 9 else today.year + 1, 9, 1)
            if school
            else None
        )
        mode = weighted(rng, MODES)
        offers.append(
            (
                pk,
                title,
                offer_description(
                    rng,
                    org_name,
                    names[commune][0],
                    title,
                    offer_skills,
                    clusters[cluster],
                    contract,
                    refs,
                ),
                contract,
                months,
                "partiel" if part_time else "plein",
                Decimal(rng.choice((24, 28, 30))) if part_time else None,
                weighted(rng, REMOTE),
                low,
                high,
                period,
                qualification,
                weighted(rng, EXPERIENCES),
                today + datetime.timedelta(days=rng.randint(7, 90)) if rng.random() < 0.4 else None,
                ["anglais"] if rng.random() < 0.15 else [],
                1 if rng.random() < 0.85 else rng.randint(2, 5),
                mode,
                f"recrutement-{organisation}@example.org" if mode == "courriel" else "",
                f"https://recrutement-{organisation}.example.org/offres/{pk}"
                if mode == "lien"
                else "",
                period_start,
                period_start.replace(
                    year=period_start.year + (2 if contract == "alternance" else 0),
                    month=6 if contract == "alternance" else 12,
                )
                if school
                else None,
                rng.choice(RHYTHMS) if contract == "alternance" else "",
                status,
                published,
                expires,
                closed,
                filled,
                through,
                created,
                created,
                commune,
                None,
                occupation,
                organisation,
            )
        )
        boards = [cluster]
        others = [c for c in clusters_of[organisation] if c != cluster]
        if others and rng.random() < SECOND_BOARD_SHARE:
            boards.append(rng.choice(others))
        if status == "brouillon":
            boards = []
        for board in boards:
            if status == "soumise":
                publications.append((pk, "attente", created, None, "", board, None))
                continue
            decided = (
                None
                if board in after
                else timezone.make_aware(datetime.datetime.combine(published, datetime.time(9)))
            )
            publications.append(
                (
                    pk,
                    "publiee",
                    created,
                    decided,
                    "",
                    board,
                    None if board in after else staff.get(board),
                )
            )
    copy_rows(
        "jobs_offer (id, title, description, contract, contract_months, working_time, "
        "weekly_hours, remote, salary_min, salary_max, salary_period, qualification, experience, "
        "start_date, languages, positions, application_mode, application_email, "
        "application_url, period_start, period_end, rhythm, status, published_on, expires_on, "
        "closed_on, filled, filled_through_platform, created_at, updated_at, commune_id, "
        "created_by_id, occupation_id, organisation_id)",
        offers,
    )
    copy_rows("jobs_offerskill (offer_id, skill_id, required)", skills)
    copy_rows(
        "jobs_publication (offer_id, status, submitted_at, decided_at, reason, cluster_id, "
        "decided_by_id)",
        publications,
    )
    analyze()  # the next steps read these rows: the planner must know them


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


TABLES = (
    "accounts_user",
    "jobs_jobboard",
    "jobs_offer",
    "jobs_offerskill",
    "jobs_publication",
    "jobs_candidateprofile",
    "jobs_candidateprofile_occupations",
    "jobs_candidateprofile_skills",
    "jobs_consent",
    "jobs_profileview",
    "jobs_savedsearch",
    "jobs_application",
    "jobs_applicationevent",
    "jobs_applicationnote",
)


def analyze():
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"ANALYZE {table}")


def counts():
    """{label: rows} of what the steps made, for the report."""
    from ancrage.jobs.lifecycle import visible
    from ancrage.jobs.models import Application, ApplicationEvent, Consent

    offers = bench_offers()
    candidates = bench_candidates()
    applications = Application.objects.filter(offer__in=offers)
    return {
        "offres visibles": visible(offers).count(),
        "offres en tout": offers.count(),
        "candidats": candidates.count(),
        "consentements actifs": Consent.objects.filter(
            profile__in=candidates, withdrawn_at=None
        ).count(),
        "candidatures": applications.count(),
        "étapes de candidature": ApplicationEvent.objects.filter(
            application__in=applications
        ).count(),
    }


def main(argv=None):
    """Run the job steps alone on a dataset whose earlier steps are done."""
    import argparse
    import time

    from benchmarks import generate

    parser = argparse.ArgumentParser(description="Offres, candidats et candidatures du benchmark.")
    parser.add_argument("--scale", choices=sorted(generate.SCALES), default="national")
    arguments = parser.parse_args(argv)
    generate.refuse_default_var_dir(parser)
    started = time.perf_counter()
    generate.generate(generate.SCALES[arguments.scale], only=generate.JOB_STEPS)
    for label, count in counts().items():
        print(f"{label} : {count:,}".replace(",", "\u202f"))
    print(f"en tout : {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
