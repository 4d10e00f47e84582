"""A candidate's data, all of it, in one ZIP (RGPD right of access and
portability): `data.json` (account, profile, experience and education
lines, consents with their text, the views of the profile, applications
with their history, saved searches) and the files themselves (the CV, the
cover letters)."""

import io
import json
import zipfile

from django.db.models import Prefetch
from django.utils import timezone

from ancrage.jobs.models import (
    Application,
    ApplicationEvent,
    CandidateProfile,
    Consent,
    ProfileView,
    SavedSearch,
)

DATE_FORMAT = "%Y-%m-%d"


def _iso(value):
    return value.isoformat() if value is not None else None


def _file_entry(stored, folder, number=None):
    """(name in the ZIP, metadata) of a stored file."""
    prefix = f"{number:03d}-" if number is not None else ""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stored.name)[-100:]
    path = f"{folder}/{prefix}{safe or 'document.pdf'}"
    return path, {
        "fichier": path,
        "nom": stored.name,
        "taille": stored.size,
        "sha256": stored.sha256,
    }


def _profile(user):
    return (
        CandidateProfile.objects.filter(user=user)
        .select_related("commune", "cv")
        .prefetch_related("occupations", "skills", "experiences", "educations")
        .first()
    )


def collect(user):
    """(data for data.json, [(name in the ZIP, File)])."""
    profile = _profile(user)
    files = []
    data = {
        "exporte_le": timezone.now().isoformat(),
        "compte": {
            "adresse": user.email,
            "prenom": user.first_name,
            "nom": user.last_name,
            "inscrit_le": _iso(user.date_joined),
            "adresse_verifiee_le": _iso(user.email_verified_at),
        },
        "profil": None,
        "experiences": [],
        "formations": [],
        "consentements": [],
        "consultations": [],
        "candidatures": [],
        "recherches_enregistrees": [
            {
                "nom": search.name,
                "criteres": search.query,
                "alerte": search.frequency,
                "creee_le": _iso(search.created_at),
            }
            for search in SavedSearch.objects.filter(user=user).order_by("pk")
        ],
    }
    if profile is None:
        return data, files
    cv = None
    if profile.cv is not None:
        path, cv = _file_entry(profile.cv, "cv")
        files.append((path, profile.cv))
    data["profil"] = {
        "titre": profile.headline,
        "presentation": profile.summary,
        "metiers_recherches": [
            {"code_rome": o.code, "libelle": o.label} for o in profile.occupations.all()
        ],
        "competences": [{"id": s.pk, "libelle": s.label} for s in profile.skills.all()],
        "niveau_de_qualification": profile.get_qualification_display()
        if profile.qualification
        else "",
        "langues": profile.languages,
        "commune": (
            {"code_insee": profile.commune.code, "nom": profile.commune.name}
            if profile.commune
            else None
        ),
        "mobilite_km": profile.mobility_km,
        "contrats_recherches": profile.contracts,
        "disponible_le": _iso(profile.available_from),
        "cv": cv,
        "texte_du_cv": profile.cv_text,
        "derniere_activite": _iso(profile.last_activity_at),
        "cree_le": _iso(profile.created_at),
    }
    data["experiences"] = [
        {
            "poste": line.title,
            "employeur": line.employer,
            "debut": _iso(line.start),
            "fin": _iso(line.end),
            "missions": line.description,
        }
        for line in profile.experiences.all()
    ]
    data["formations"] = [
        {
            "intitule": line.title,
            "etablissement": line.school,
            "annee": line.year,
            "niveau": line.get_qualification_display() if line.qualification else "",
        }
        for line in profile.educations.all()
    ]
    data["consentements"] = [
        {
            "cluster": consent.cluster.name,
            "texte": consent.text,
            "donne_le": _iso(consent.given_at),
            "retire_le": _iso(consent.withdrawn_at),
        }
        for consent in Consent.objects.filter(profile=profile).select_related("cluster")
    ]
    data["consultations"] = [
        {"organisation": view.organisation.name, "quoi": view.what, "le": _iso(view.viewed_at)}
        for view in ProfileView.objects.filter(profile=profile).select_related("organisation")
    ]
    applications = (
        Application.objects.filter(candidate=profile)
        .select_related("offer__organisation", "cover_letter")
        .prefetch_related(Prefetch("events", ApplicationEvent.objects.order_by("at", "pk")))
        .order_by("created_at", "pk")
    )
    for number, application in enumerate(applications, start=1):
        letter = None
        if application.cover_letter is not None:
            path, letter = _file_entry(application.cover_letter, "lettres", number)
            files.append((path, application.cover_letter))
        data["candidatures"].append(
            {
                "offre": application.offer.title,
                "organisation": application.offer.organisation.name,
                "envoyee_le": _iso(application.created_at),
                "etat": application.get_status_display(),
                "message": application.message,
                "lettre_de_motivation": letter,
                "historique": [
                    {"etat": event.get_status_display(), "le": _iso(event.at)}
                    for event in application.events.all()
                ],
            }
        )
    return data, files


def build_zip(user):
    """The ZIP's bytes."""
    data, files = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        for path, stored in files:
            try:
                with stored.file.open("rb") as handle:
                    archive.writestr(path, handle.read())
            except (OSError, ValueError):
                # The storage lost the file: the JSON still says what it was.
                continue
    return buffer.getvalue()


def filename(user, today=None):
    today = today or timezone.localdate()
    return f"mes-donnees-ancrage-{today:{DATE_FORMAT}}.zip"
