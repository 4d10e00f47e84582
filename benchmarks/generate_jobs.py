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
import os
from collections import defaultdict
from decimal import Decimal
from itertools import accumulate

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
