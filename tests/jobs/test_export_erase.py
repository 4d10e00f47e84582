"""A candidate downloads all their data (data.json and their files) and
deletes their account (password typed): the user, the profile, every file
and every application go; an account with other roles keeps the rest."""

import html
import io
import json
import zipfile

import pytest
from django.urls import reverse

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry, User
from ancrage.files.factories import FileFactory
from ancrage.files.models import File
from ancrage.jobs.candidate_profile import profile_for
from ancrage.jobs.erase import erase_candidate
from ancrage.jobs.factories import ApplicationFactory, ConsentFactory, SavedSearchFactory
from ancrage.jobs.models import (
    Application,
    ApplicationEvent,
    CandidateProfile,
    Consent,
    ExperienceLine,
    ProfileView,
    SavedSearch,
)
from ancrage.organisations.factories import OrganisationFactory
from tests.cast import login

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def candidate(client, cast):
    return login(client, cast.candidate)


def fill(user, cluster):
    profile = profile_for(user)
    profile.headline = "Usineuse"
    profile.cv = FileFactory(uploaded_by=user, name="cv.pdf", text="Mon CV")
    profile.cv_text = "Mon CV"
    profile.save()
    ExperienceLine.objects.create(profile=profile, title="Usineuse", start="2020-01-01")
    ConsentFactory(profile=profile, cluster=cluster)
    ProfileView.objects.create(profile=profile, organisation=OrganisationFactory(), what="cv")
    application = ApplicationFactory(
        candidate=profile,
        cover_letter=FileFactory(uploaded_by=user, name="lettre.pdf", text="Ma lettre"),
    )
    ApplicationEvent.objects.create(application=application, status="nouvelle")
    SavedSearchFactory(user=user, name="Usinage Lorient")
    return profile


def test_download_everything(candidate, cast):
    fill(cast.candidate, cast.cluster_a)
    response = candidate.get(reverse("jobs_candidate:download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "data.json" in names
    assert "cv/cv.pdf" in names and "lettres/001-lettre.pdf" in names
    assert archive.read("cv/cv.pdf").startswith(b"%PDF-")
    data = json.loads(archive.read("data.json"))
    assert data["compte"]["adresse"] == "candidat@exemple.fr"
    assert data["profil"]["titre"] == "Usineuse"
    assert data["profil"]["cv"]["fichier"] == "cv/cv.pdf"
    assert data["experiences"][0]["poste"] == "Usineuse"
    assert data["consentements"][0]["cluster"] == "Cluster Alpha"
    assert "Cluster Alpha" in data["consentements"][0]["texte"]
    assert data["consultations"][0]["quoi"] == "cv"
    assert data["candidatures"][0]["lettre_de_motivation"]["fichier"] == "lettres/001-lettre.pdf"
    assert data["candidatures"][0]["historique"][0]["etat"] == "nouvelle"
    assert data["recherches_enregistrees"][0]["nom"] == "Usinage Lorient"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT, actor=cast.candidate).exists()


def test_download_without_profile(client):
    from ancrage.accounts.factories import UserFactory

    user = UserFactory(candidate=True)
    login(client, user)
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(client.get(reverse("jobs_candidate:download")).content)).read(
            "data.json"
        )
    )
    assert data["profil"] is None and data["candidatures"] == []


def test_wrong_password_deletes_nothing(candidate, cast):
    fill(cast.candidate, cast.cluster_a)
    response = candidate.post(reverse("jobs_candidate:delete"), {"password": "faux"})
    assert response.status_code == 200
    assert "Mot de passe incorrect : rien n'a été supprimé." in text(response)
    assert User.objects.filter(pk=cast.candidate.pk).exists()
    assert File.objects.count() == 2
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED).exists()


def test_delete_my_account(client, cast, django_capture_on_commit_callbacks):
    user = cast.candidate
    user.set_password("mon mot de passe")
    user.save()
    login(client, user)
    profile = fill(user, cast.cluster_a)
    stored = [profile.cv.file.name, Application.objects.get().cover_letter.file.name]
    storage = profile.cv.file.storage
    other = ApplicationFactory()  # another candidate's, untouched

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs_candidate:delete"), {"password": "mon mot de passe"})
    assert response.status_code == 200
    assert "Votre compte et toutes vos données de candidat" in text(response)
    assert not User.objects.filter(pk=user.pk).exists()
    assert not CandidateProfile.objects.filter(pk=profile.pk).exists()
    assert list(Application.objects.all()) == [other]
    assert not Consent.objects.exists() and not ProfileView.objects.exists()
    assert not SavedSearch.objects.exists() and not ExperienceLine.objects.exists()
    assert not File.objects.exists()
    assert not any(storage.exists(name) for name in stored)
    # Logged out.
    assert client.get(reverse("jobs_candidate:profile")).status_code == 302


def test_an_account_with_other_roles_keeps_them(client, cast):
    user = cast.member_a
    user.is_candidate = True
    user.set_password("mon mot de passe")
    user.save()
    login(client, user)
    session = client.session
    session["ancrage_context"] = "candidate"
    session.save()
    fill(user, cast.cluster_a)
    response = client.post(reverse("jobs_candidate:delete"), {"password": "mon mot de passe"})
    assert response["Location"] == reverse("core:home")
    user.refresh_from_db()
    assert not user.is_candidate
    assert not CandidateProfile.objects.filter(user=user).exists()
    assert not File.objects.exists() and not Application.objects.exists()


def test_erasure_leaves_no_name_in_the_clusters_audit_logs(cast):
    profile = fill(cast.candidate, cast.cluster_a)
    entry = audit.record(None, AuditEntry.Action.VIEW, profile, cluster=cast.cluster_a)
    assert entry.object_repr == str(profile)

    erase_candidate(cast.candidate)

    entry.refresh_from_db()
    assert entry.object_repr == f"profil de candidat n° {profile.pk} (supprimé)"
    assert cast.candidate.last_name not in entry.object_repr
