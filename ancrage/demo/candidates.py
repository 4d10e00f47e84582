"""Fictitious candidates of the demo: about fifteen in each cluster's
territory with their profile (a few with a real PDF CV), their consents,
views by member companies, saved searches and applications to the job
boards' offers in every state, relays by member schools, and the demo
candidate account's full story (candidate@example.org)."""

import datetime
import logging
from collections import defaultdict

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from ancrage.accounts.models import User
from ancrage.clusters.models import Cluster
from ancrage.demo.fictitious import company_name, person
from ancrage.demo.gpec import members
from ancrage.demo.jobs import CONTRACTS, _labels, _pick
from ancrage.demo.names import PLACES
from ancrage.demo.stories import ESTUARY_SIREN
from ancrage.files.factories import FileFactory
from ancrage.jobs import lifecycle
from ancrage.jobs.consent import consent_text
from ancrage.jobs.models import (
    Application,
    ApplicationEvent,
    ApplicationMode,
    ApplicationNote,
    CandidateProfile,
    Consent,
    Contract,
    EducationLine,
    ExperienceLine,
    Offer,
    ProfileView,
    Publication,
    Qualification,
    RefusalReason,
    Relay,
    SavedSearch,
)
from ancrage.organisations.models import Membership, Organisation, OrganisationUser
from ancrage.territory.models import Commune

CANDIDATES_PER_CLUSTER = 15
PDF_CLUSTERS = 12  # one candidate with a real PDF CV in the first clusters (PDFs are slow)
DEMO_CANDIDATE = "candidate@example.org"
SECOND_CLUSTER_SHARE = 0.2
# An application's status and the steps that lead to it.
PATHS = {
    Application.Status.NEW: ("nouvelle",),
    Application.Status.SEEN: ("nouvelle", "vue"),
    Application.Status.SHORTLISTED: ("nouvelle", "vue", "preselection"),
    Application.Status.INTERVIEW: ("nouvelle", "vue", "preselection", "entretien"),
    Application.Status.HIRED: ("nouvelle", "vue", "preselection", "entretien", "embauche"),
    Application.Status.REFUSED: ("nouvelle", "vue", "refusee"),
    Application.Status.WITHDRAWN: ("nouvelle", "retiree"),
}
STATUSES = (
    (Application.Status.NEW, 30),
    (Application.Status.SEEN, 20),
    (Application.Status.SHORTLISTED, 12),
    (Application.Status.INTERVIEW, 10),
    (Application.Status.REFUSED, 20),
    (Application.Status.WITHDRAWN, 5),
)
SUBJECTS = {
    "entretien": "Votre candidature : un entretien vous est proposé",
    "embauche": "Votre candidature : bonne nouvelle",
    "refusee": "Votre candidature n'a pas été retenue",
}
REASONS = (
    (RefusalReason.SKILLS, 3),
    (RefusalReason.EXPERIENCE, 3),
    (RefusalReason.LOCATION, 1),
    (RefusalReason.AVAILABILITY, 1),
)
MESSAGES = (
    "Bonjour, votre offre correspond à mon expérience : je serais ravie d'en parler avec vous.",
    "Madame, Monsieur, je vous propose ma candidature ; je suis disponible rapidement.",
    "Bonjour, j'habite à proximité et ce poste m'intéresse beaucoup. Bien cordialement.",
    "Je souhaite rejoindre votre équipe : mon CV est joint à mon profil.",
)
NOTES = (
    "Bon échange au téléphone, motivation réelle. À recevoir avec le chef d'atelier.",
    "Expérience un peu courte, mais habite à 10 minutes : à garder en tête.",
)
MOBILITIES = (10, 15, 20, 30, 30, 40, 50, 80)
DIPLOMAS = (
    ("CAP", Qualification.LEVEL_3, "Lycée professionnel"),
    ("Bac pro", Qualification.LEVEL_4, "Lycée des métiers"),
    ("BTS", Qualification.LEVEL_5, "Lycée technique"),
    ("BUT", Qualification.LEVEL_6, "IUT"),
    ("Licence professionnelle", Qualification.LEVEL_6, "Université"),
    ("Master", Qualification.LEVEL_7, "Université"),
)
SCHOOL_KINDS = (
    Organisation.Kind.LYCEE,
    Organisation.Kind.TRAINING_BODY,
    Organisation.Kind.HIGHER_EDUCATION,
)
SEARCH_CONTRACTS = (Contract.CDI, Contract.CDD, Contract.WORK_STUDY, Contract.INTERIM)


def _at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _lower_first(text):
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _places(cluster):
    """[(commune, population)] of the département of the cluster's seat (its
    members' communes when it has none)."""
    if cluster.seat_id:
        rows = Commune.objects.current().filter(department_id=cluster.seat.department_id)
    else:
        rows = Commune.objects.filter(
            pk__in=Organisation.objects.filter(memberships__cluster=cluster).values("commune")
        )
    return [(c, c.population or 1) for c in rows.order_by("code")]


def _cv_text(user, profile, skills, town, experience, education):
    lines = [
        f"{user.first_name} {user.last_name}",
        f"{profile.headline} — {town}",
        "",
        "Expérience",
        f"{experience.title}, {experience.employer} (depuis {experience.start:%Y})",
        experience.description,
        "",
        "Compétences",
        *(f"- {skill.label[0].upper()}{skill.label[1:]}" for skill in skills[:6]),
        "",
        "Formation",
        f"{education.title}, {education.school} ({education.year})",
    ]
    if profile.languages:
        lines += ["", "Langues : " + ", ".join(profile.languages)]
    return "\n".join(lines)


class CandidateDraw:
    """What a cluster's candidates are drawn from: its members' métiers with
    the skills they hold, its communes, its member companies."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.profiles = [(o, s) for _m, o, s in members(cluster) if o is not None and s]
        self.companies = list(
            Organisation.objects.filter(
                memberships__cluster=cluster,
                memberships__status=Membership.Status.ACTIVE,
                kind=Organisation.Kind.COMPANY,
            ).order_by("name", "pk")
        )
        self.places = _places(cluster)
        self.labels = _labels(cluster)


def _new_profile(rng, user, draw, today, headline=None):
    """An unsaved profile, its occupations, skills, experience and education."""
    occupation, held = rng.choice(draw.profiles)
    occupations = [occupation]
    if rng.random() < 0.3:
        other, more = rng.choice(draw.profiles)
        if other != occupation:
            occupations.append(other)
            held = held + [s for s in more if s not in held]
    skills = rng.sample(held, min(len(held), rng.randint(3, 8)))
    label = draw.labels.get(occupation.pk, occupation.label)
    years = rng.randint(0, 15)
    commune = _pick(rng, draw.places)
    diploma, qualification, school = rng.choice(DIPLOMAS)
    experience = ExperienceLine(
        title=label,
        employer=company_name(rng, ("Ateliers", "Industries", "Mécanique", "Services")),
        start=today - datetime.timedelta(days=365 * max(1, years) + rng.randint(0, 200)),
        end=None if rng.random() < 0.4 else today - datetime.timedelta(days=rng.randint(20, 300)),
        description=f"{skills[0].label[0].upper()}{skills[0].label[1:]} ; travail en équipe.",
    )
    education = EducationLine(
        title=f"{diploma} — {label}"[:150],
        school=f"{school} {rng.choice(PLACES)}",
        year=today.year - max(1, years) - rng.randint(0, 2),
        qualification=qualification,
    )
    profile = CandidateProfile(
        user=user,
        headline=headline or (f"{label} confirmé(e)" if years >= 8 else label)[:150],
        summary=(
            f"{years} ans d'expérience comme {_lower_first(label)}, je cherche un poste "
            f"autour de {commune.name}."
            if years >= 2
            else f"Jeune diplômé(e) ({diploma}), je cherche un premier poste de "
            f"{_lower_first(label)} autour de {commune.name}."
        ),
        qualification=qualification,
        languages=["anglais"] if rng.random() < 0.35 else [],
        commune=commune,
        mobility_km=rng.choice(MOBILITIES),
        contracts=sorted({_pick(rng, CONTRACTS) for _ in range(rng.randint(1, 3))}),
        available_from=today + datetime.timedelta(days=rng.randint(-20, 90)),
        last_activity_at=timezone.now() - datetime.timedelta(days=rng.randint(0, 120)),
    )
    return profile, occupations, skills, experience, education


def _save_profiles(drawn, pdf_for):
    """Save the drawn profiles with their lines and texts; a PDF CV for the
    users in `pdf_for`."""
    for profile, _occupations, skills, experience, education in drawn:
        profile.cv_text = _cv_text(
            profile.user, profile, skills, profile.commune.name, experience, education
        )
        if profile.user_id in pdf_for:
            # WeasyPrint logs each step at INFO: not on the demo's console.
            logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
            profile.cv = FileFactory(
                text=profile.cv_text,
                name=f"CV {profile.user.first_name} {profile.user.last_name}.pdf",
                uploaded_by=profile.user,
            )
    CandidateProfile.objects.bulk_create([row[0] for row in drawn])
    occupations = CandidateProfile.occupations.through
    skills = CandidateProfile.skills.through
    occupations.objects.bulk_create(
        occupations(candidateprofile=row[0], occupation=o) for row in drawn for o in row[1]
    )
    skills.objects.bulk_create(
        skills(candidateprofile=row[0], skill=s) for row in drawn for s in row[2]
    )
    for profile, _o, _s, experience, education in drawn:
        experience.profile = education.profile = profile
    ExperienceLine.objects.bulk_create(row[3] for row in drawn)
    EducationLine.objects.bulk_create(row[4] for row in drawn)


def _events(rng, application, status, start, end, company_user):
    """The application's history up to `status`, between `start` and `end`."""
    steps = PATHS[status]
    moments = sorted(start + (end - start) * rng.random() for _ in steps[1:])
    events = []
    for step, moment in zip(steps, [start, *moments], strict=True):
        by = application.candidate.user if step in ("nouvelle", "retiree") else company_user
        events.append(
            ApplicationEvent(
                application=application,
                status=step,
                by=by,
                at=moment,
                email_subject=SUBJECTS.get(step, ""),
            )
        )
    application.status_changed_at = events[-1].at
    return events


def _apply(rng, offer, profile, status, company_user, now, applications, events):
    published = _at(offer.published_on, 9)
    end = _at(offer.closed_on, 17) if offer.closed_on else now
    end = max(published + datetime.timedelta(hours=2), min(end, now))
    start = published + (end - published) * rng.random() * 0.6
    application = Application(
        offer=offer,
        candidate=profile,
        message=rng.choice(MESSAGES),
        status=status,
        created_at=start,
    )
    if status == Application.Status.REFUSED:
        filled = offer.status == Offer.Status.FILLED
        application.refusal_reason = RefusalReason.FILLED if filled else _pick(rng, REASONS)
    events.extend(_events(rng, application, status, start, end, company_user))
    applications.append(application)
    return application


def _company_users():
    """{organisation id: its first user} (the person who handles applications)."""
    found = {}
    for link in OrganisationUser.objects.select_related("user").order_by("pk"):
        found.setdefault(link.organisation_id, link.user)
    return found


def load_candidates(rng, today):
    """Fictitious candidates in every cluster's territory, their consents,
    views by member companies, saved searches and applications; the demo
    candidate account's full story. How many candidates were made."""
    now = timezone.now()
    clusters = list(Cluster.objects.order_by("slug").select_related("seat"))
    draws = {c.pk: CandidateDraw(c) for c in clusters}
    draws = {pk: d for pk, d in draws.items() if d.profiles and d.places}
    password = make_password(None)
    users, homes = [], []
    for position, cluster in enumerate(clusters):
        if cluster.pk not in draws:
            continue
        for number in range(CANDIDATES_PER_CLUSTER):
            first, last = person(rng)
            users.append(
                User(
                    email=f"{slugify(first)}.{slugify(last)}.{cluster.slug}.{number}@example.org",
                    first_name=first,
                    last_name=last,
                    is_candidate=True,
                    password=password,
                    email_verified_at=now - datetime.timedelta(days=rng.randint(10, 300)),
                )
            )
            homes.append((cluster, number == 0 and position < PDF_CLUSTERS))
    User.objects.bulk_create(users)
    drawn = [
        _new_profile(rng, user, draws[cluster.pk], today)
        for user, (cluster, _pdf) in zip(users, homes, strict=True)
    ]
    pdf_for = {user.pk for user, (_c, pdf) in zip(users, homes, strict=True) if pdf}
    _save_profiles(drawn, pdf_for)
    profiles = [row[0] for row in drawn]
    by_region = defaultdict(list)
    for cluster in clusters:
        if cluster.seat_id and cluster.pk in draws:
            by_region[cluster.seat.region_id].append(cluster)
    consents, views, searches = [], [], []
    consented = defaultdict(list)  # cluster: [profiles]
    for profile, (cluster, _pdf) in zip(profiles, homes, strict=True):
        given = now - datetime.timedelta(days=rng.randint(5, 200))
        chosen = [cluster]
        neighbours = [c for c in by_region.get(cluster.seat.region_id, []) if c != cluster]
        if neighbours and rng.random() < SECOND_CLUSTER_SHARE:
            chosen.append(rng.choice(neighbours))
        for target in chosen:
            consents.append(
                Consent(profile=profile, cluster=target, text=consent_text(target), given_at=given)
            )
            consented[target.pk].append(profile)
        companies = draws[cluster.pk].companies
        if companies and rng.random() < 0.6:
            for company in rng.sample(companies, min(len(companies), rng.randint(1, 3))):
                views.append(
                    ProfileView(
                        profile=profile,
                        organisation=company,
                        what=rng.choice((ProfileView.What.PROFILE, ProfileView.What.CV))
                        if profile.cv_id
                        else ProfileView.What.PROFILE,
                        viewed_at=given + (now - given) * rng.random(),
                    )
                )
        if rng.random() < 0.3:
            label = profile.headline.split(" / ")[0]
            searches.append(
                SavedSearch(
                    user=profile.user,
                    name=label[:100],
                    query={"q": label, "contrat": profile.contracts[0]},
                    frequency=rng.choice(list(SavedSearch.Frequency.values)),
                    created_at=given,
                )
            )
    Consent.objects.bulk_create(consents)
    ProfileView.objects.bulk_create(views)
    SavedSearch.objects.bulk_create(searches)
    _applications(rng, clusters, consented, now, today)
    _relays(rng, clusters, now)
    _demo_candidate(rng, today, now)
    return len(profiles)


def _platform_offers(cluster):
    return list(
        Offer.objects.filter(
            publications__cluster=cluster,
            publications__status=Publication.Status.PUBLISHED,
            application_mode=ApplicationMode.PLATFORM,
        )
        .exclude(organisation__siren=ESTUARY_SIREN)
        .order_by("pk")
    )


def _fill_one(rng, offers, today):
    """Close one of the cluster's open offers as filled through the job board,
    unless one is already, so that every cluster's impact shows a hire."""
    if any(o.status == Offer.Status.FILLED and o.filled_through_platform for o in offers):
        return
    open_offers = [o for o in offers if o.status == Offer.Status.PUBLISHED]
    if len(open_offers) < 2:
        return
    offer = open_offers[-1]
    offer.status = Offer.Status.FILLED
    offer.filled = offer.filled_through_platform = True
    offer.closed_on = today
    offer.save(update_fields=["status", "filled", "filled_through_platform", "closed_on"])


def _applications(rng, clusters, consented, now, today):
    """Applications of each cluster's consenting candidates to its platform
    offers: every status in every cluster, the hire of each offer filled
    through the job board (one per cluster at least), a couple of notes."""
    company_users = _company_users()
    for cluster in clusters:
        if consented.get(cluster.pk):
            _fill_one(rng, _platform_offers(cluster), today)
    applications, events = [], []
    for cluster in clusters:
        candidates = consented.get(cluster.pk, [])
        offers = _platform_offers(cluster)
        if not candidates or not offers:
            continue
        taken = {(a.offer_id, a.candidate_id) for a in applications}
        open_offers = [o for o in offers if o.status == Offer.Status.PUBLISHED]
        statuses = [s for s, _w in STATUSES]
        for index, profile in enumerate(candidates):
            for _ in range(rng.randint(1, 3)):
                offer = rng.choice(open_offers or offers)
                if (offer.pk, profile.pk) in taken:
                    continue
                taken.add((offer.pk, profile.pk))
                # The first ones in every status, then as they come.
                status = statuses[index] if index < len(statuses) else _pick(rng, STATUSES)
                if offer.status != Offer.Status.PUBLISHED:
                    status = Application.Status.REFUSED
                user = company_users.get(offer.organisation_id)
                _apply(rng, offer, profile, status, user, now, applications, events)
        for offer in offers:
            if offer.status == Offer.Status.FILLED and offer.filled_through_platform:
                free = [p for p in candidates if (offer.pk, p.pk) not in taken]
                if free:
                    hired = rng.choice(free)
                    taken.add((offer.pk, hired.pk))
                    user = company_users.get(offer.organisation_id)
                    _apply(
                        rng,
                        offer,
                        hired,
                        Application.Status.HIRED,
                        user,
                        now,
                        applications,
                        events,
                    )
    Application.objects.bulk_create(applications)
    ApplicationEvent.objects.bulk_create(events)
    noted = [a for a in applications if a.status == Application.Status.INTERVIEW][:2]
    ApplicationNote.objects.bulk_create(
        ApplicationNote(
            application=a,
            author=company_users.get(a.offer.organisation_id),
            text=text,
            created_at=a.status_changed_at,
        )
        for a, text in zip(noted, NOTES, strict=False)
    )


def _relays(rng, clusters, now):
    """A member school relays a work-study or internship offer of its cluster."""
    relays = []
    for cluster in clusters:
        school = (
            Organisation.objects.filter(
                memberships__cluster=cluster,
                memberships__status=Membership.Status.ACTIVE,
                kind__in=SCHOOL_KINDS,
            )
            .order_by("name", "pk")
            .first()
        )
        offer = (
            lifecycle.visible(cluster=cluster)
            .filter(contract__in=(Contract.WORK_STUDY, Contract.INTERNSHIP))
            .order_by("pk")
            .first()
        )
        if school and offer:
            relays.append(
                Relay(
                    offer=offer,
                    organisation=school,
                    relayed_at=now - datetime.timedelta(days=rng.randint(1, 10)),
                    recipients=rng.randint(12, 80),
                    message="Offre d'une entreprise adhérente du cluster, à saisir pour la "
                    "rentrée : n'hésitez pas à postuler.",
                )
            )
    Relay.objects.bulk_create(relays)


def _demo_candidate(rng, today, now):
    """The demo candidate account (Léa Dumas): a full profile near
    Saint-Nazaire with a PDF CV, consent to Neopolia, three applications in
    different statuses (one to the demo member account's offer), a saved
    search and views by three companies. The demo member account's offer
    also gets applications from other candidates in several statuses."""
    user = User.objects.filter(email=DEMO_CANDIDATE).first()
    neopolia = Cluster.objects.filter(slug="neopolia").select_related("seat").first()
    if user is None or neopolia is None:
        return
    draw = CandidateDraw(neopolia)
    if not draw.profiles or not draw.places:
        return
    estuary_offer = (
        Offer.objects.filter(organisation__siren=ESTUARY_SIREN, status=Offer.Status.PUBLISHED)
        .select_related("occupation")
        .first()
    )
    profile, occupations, skills, experience, education = _new_profile(
        rng, user, draw, today, headline="Chaudronnière — soudure TIG et MIG, lecture de plans"
    )
    if estuary_offer is not None and estuary_offer.occupation_id:
        occupations = [estuary_offer.occupation]
        skills = [item.skill for item in estuary_offer.skills.all()] + [
            s for s in skills if s not in {item.skill for item in estuary_offer.skills.all()}
        ]
        skills = skills[:8]
    home = Commune.objects.current().filter(code="44184").first()  # Saint-Nazaire
    profile.commune = home or profile.commune
    profile.summary = (
        "Six ans en atelier de chaudronnerie navale : traçage, découpe, mise en forme et "
        "soudure d'ensembles en acier et en inox. Je cherche un CDI près de Saint-Nazaire, "
        "dans une équipe qui fabrique de A à Z."
    )
    profile.qualification = Qualification.LEVEL_4
    profile.languages = ["anglais"]
    profile.mobility_km = 40
    profile.contracts = [Contract.CDI, Contract.CDD]
    profile.available_from = today + datetime.timedelta(days=30)
    profile.last_activity_at = now - datetime.timedelta(days=1)
    experience.title, experience.employer = "Chaudronnière", "Ateliers Navals de Penhoët"
    experience.start, experience.end = datetime.date(today.year - 6, 3, 1), None
    experience.description = (
        "Fabrication d'ensembles chaudronnés pour la navale ; soudure TIG et MIG ; "
        "contrôle dimensionnel."
    )
    education.title, education.school = (
        "Bac pro Technicien en chaudronnerie industrielle",
        ("Lycée professionnel de l'Estuaire"),
    )
    education.year, education.qualification = today.year - 7, Qualification.LEVEL_4
    second = ExperienceLine(
        title="Soudeuse (intérim)",
        employer="Métallerie du Brivet",
        start=datetime.date(today.year - 8, 9, 1),
        end=datetime.date(today.year - 6, 2, 28),
        description="Soudure de structures métalliques, préparation des pièces.",
    )
    CandidateProfile.objects.filter(user=user).delete()
    _save_profiles([(profile, occupations, skills, experience, education)], {user.pk})
    second.profile = profile
    second.save()
    Consent.objects.create(
        profile=profile,
        cluster=neopolia,
        text=consent_text(neopolia),
        given_at=now - datetime.timedelta(days=20),
    )
    SavedSearch.objects.create(
        user=user,
        name="Chaudronnerie autour de Saint-Nazaire",
        query={"q": ["chaudronnier"], "commune": ["44184"], "radius": ["40"]},
        frequency=SavedSearch.Frequency.DAILY,
        created_at=now - datetime.timedelta(days=15),
    )
    viewers = draw.companies[:3]
    if estuary_offer is not None:
        neighbours = [c for c in draw.companies if c != estuary_offer.organisation]
        viewers = [estuary_offer.organisation, *neighbours[:2]]
    ProfileView.objects.bulk_create(
        ProfileView(
            profile=profile,
            organisation=company,
            what=what,
            viewed_at=now - datetime.timedelta(days=days),
        )
        for company, what, days in zip(
            viewers,
            (ProfileView.What.CV, ProfileView.What.PROFILE, ProfileView.What.PROFILE),
            (2, 5, 9),
            strict=False,
        )
    )
    company_users = _company_users()
    others = list(
        lifecycle.visible(cluster=neopolia)
        .filter(application_mode=ApplicationMode.PLATFORM)
        .exclude(organisation__siren=ESTUARY_SIREN)
        .exclude(applications__candidate=profile)
        .order_by("pk")[:2]
    )
    # Refused on a filled or closed offer when there is one (« poste pourvu »).
    refused = [
        o
        for o in _platform_offers(neopolia)
        if o not in others and o.status != Offer.Status.DRAFT and o.published_on
    ]
    refused.sort(key=lambda o: o.status == Offer.Status.PUBLISHED)
    applications, events = [], []
    targets = [*([estuary_offer] if estuary_offer else []), *others[:1], *refused[:1]]
    for offer, status in zip(
        targets,
        (Application.Status.INTERVIEW, Application.Status.SEEN, Application.Status.REFUSED),
        strict=False,
    ):
        user_ = company_users.get(offer.organisation_id)
        _apply(rng, offer, profile, status, user_, now, applications, events)
    if estuary_offer is not None:
        # The demo member account's offer: applications in several statuses.
        taken = set(estuary_offer.applications.values_list("candidate", flat=True))
        others = [
            c.profile
            for c in Consent.objects.filter(cluster=neopolia, withdrawn_at=None)
            .exclude(profile=profile)
            .exclude(profile__in=taken)
            .select_related("profile__user")
            .order_by("pk")
        ]
        for candidate, status in zip(
            others,
            (
                Application.Status.NEW,
                Application.Status.NEW,
                Application.Status.SEEN,
                Application.Status.SHORTLISTED,
                Application.Status.REFUSED,
            ),
            strict=False,
        ):
            user_ = company_users.get(estuary_offer.organisation_id)
            _apply(rng, estuary_offer, candidate, status, user_, now, applications, events)
    Application.objects.bulk_create(applications)
    ApplicationEvent.objects.bulk_create(events)
    interview = next((a for a in applications if a.offer == estuary_offer), None)
    if interview is not None:
        ApplicationNote.objects.create(
            application=interview,
            author=company_users.get(estuary_offer.organisation_id),
            text="Profil solide en TIG. Entretien prévu avec le chef d'atelier.",
            created_at=interview.status_changed_at,
        )
