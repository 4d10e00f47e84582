"""The candidate's CV: a real PDF is kept and its text read, skills are
suggested from it and added in one click; a Word file renamed .pdf, a 50 MB
file or an encrypted PDF is refused in French and the CV in place stays;
replacing or deleting discards the old file; only its owner downloads it."""

import html
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from ancrage.files.factories import pdf_bytes
from ancrage.files.models import File
from ancrage.jobs.candidate_profile import profile_for
from tests.cast import login
from tests.referentiel import machining

pytestmark = pytest.mark.django_db

CV_TEXT = (
    "Nina Martin — usineuse\n"
    "Je règle les paramètres des machines avant chaque série.\n"
    "Je fais preuve de rigueur."
)


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def candidate(client, cast):
    return login(client, cast.candidate)


def upload(client, content, name="cv.pdf"):
    return client.post(
        reverse("jobs_candidate:cv"),
        {"cv": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Secret"))))
    writer.encrypt("motdepasse")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_upload_suggest_skills_add_them_replace_and_delete(
    candidate, cast, django_capture_on_commit_callbacks
):
    rome = machining.build()
    response = upload(candidate, pdf_bytes(CV_TEXT), "Mon CV.pdf")
    assert response["Location"] == reverse("jobs_candidate:cv")
    profile = profile_for(cast.candidate)
    first = profile.cv
    assert first.name == "Mon CV.pdf" and first.uploaded_by == cast.candidate
    assert "paramètres des machines" in profile.cv_text

    page = text(candidate.get(reverse("jobs_candidate:cv")))
    assert "Mon CV.pdf" in page
    assert "Compétences repérées dans votre CV" in page
    assert "Régler les paramètres d'une machine" in page
    assert "Faire preuve de rigueur" in page

    response = candidate.post(
        reverse("jobs_candidate:add_skills"), {"skills": [rome.adjusting.pk, rome.rigour.pk]}
    )
    assert response["Location"] == reverse("jobs_candidate:cv")
    assert set(profile.skills.all()) == {rome.adjusting, rome.rigour}
    # Once added, they are no longer suggested.
    assert "Compétences repérées" not in text(candidate.get(reverse("jobs_candidate:cv")))

    # A skill that is not suggested cannot be slipped in.
    response = candidate.post(reverse("jobs_candidate:add_skills"), {"skills": [rome.cnc.pk]})
    assert response.status_code == 200
    assert rome.cnc not in profile.skills.all()

    upload(candidate, pdf_bytes("Deuxième version"), "cv-2026.pdf")
    profile.refresh_from_db()
    assert profile.cv.name == "cv-2026.pdf"
    assert not File.objects.filter(pk=first.pk).exists()
    assert File.objects.count() == 1

    second = profile.cv
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate.post(reverse("jobs_candidate:cv_delete"))
    assert response["Location"] == reverse("jobs_candidate:cv")
    profile.refresh_from_db()
    assert profile.cv is None and profile.cv_text == ""
    assert not File.objects.filter(pk=second.pk).exists()
    assert not second.file.storage.exists(second.file.name)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (docx_bytes(), "Ce fichier n'est pas un PDF."),
        (b"%PDF-" + b"0" * (50 * 1024 * 1024), "Le fichier pèse 50,0 Mo : 5 Mo au plus."),
        (encrypted_pdf(), "Ce PDF est protégé par un mot de passe"),
        (b"%PDF-1.7\nceci n'est pas un PDF", "Ce PDF est illisible ou endommagé."),
    ],
    ids=["docx-renamed", "50-mb", "encrypted", "corrupted"],
)
def test_bad_files_are_refused_and_the_cv_in_place_stays(candidate, cast, content, message):
    upload(candidate, pdf_bytes("Le bon CV"), "bon.pdf")
    kept = profile_for(cast.candidate).cv
    response = upload(candidate, content, "cv.pdf")
    assert response.status_code == 200
    page = text(response)
    assert message in page
    assert "Le fichier n'est pas enregistré ; votre CV précédent est conservé." in page
    profile = profile_for(cast.candidate)
    assert profile.cv == kept and "Le bon CV" in profile.cv_text
    assert File.objects.count() == 1


def test_no_file_posted(candidate):
    response = candidate.post(reverse("jobs_candidate:cv"))
    assert "Choisissez le fichier PDF de votre CV." in text(response)


def test_download_own_cv_only(candidate, client, cast):
    upload(candidate, pdf_bytes("Mon CV"), "cv.pdf")
    response = candidate.get(reverse("jobs_candidate:cv_download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    login(client, cast.member_a)
    assert client.get(reverse("jobs_candidate:cv_download")).status_code == 403


def test_a_nul_character_in_the_file_name(candidate, cast):
    response = upload(candidate, pdf_bytes("Mon CV"), "mon\x00cv.pdf")
    assert response.status_code == 302
    assert "\x00" not in profile_for(cast.candidate).cv.name
