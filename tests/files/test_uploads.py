"""Uploaded PDFs are checked by content: size, real PDF, not encrypted, not
corrupted; their text is extracted; a stored file is served only as a
download."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter

from ancrage.accounts.factories import UserFactory
from ancrage.files.factories import pdf_bytes
from ancrage.files.models import File
from ancrage.files.serving import file_response
from ancrage.files.uploads import MAX_PDF_BYTES, discard, read_pdf, store_pdf

pytestmark = pytest.mark.django_db


def upload(content, name="cv.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def error_code(content):
    with pytest.raises(ValidationError) as caught:
        read_pdf(upload(content))
    return caught.value.code, caught.value.messages[0]


def test_a_real_pdf_is_read_with_its_text():
    content, text = read_pdf(upload(pdf_bytes("Soudure TIG\nLecture de plans")))
    assert content.startswith(b"%PDF-")
    assert "Soudure TIG" in text
    assert "Lecture de plans" in text


def test_a_word_file_renamed_pdf_is_refused():
    code, message = error_code(b"PK\x03\x04 this is a docx")
    assert code == "not_pdf"
    assert message == "Ce fichier n'est pas un PDF. Enregistrez votre document au format PDF."


def test_a_file_over_5_mb_is_refused_before_being_read():
    big = upload(b"%PDF-1.7\n" + b"0" * (MAX_PDF_BYTES + 10))
    with pytest.raises(ValidationError) as caught:
        read_pdf(big)
    assert caught.value.code == "too_big"
    assert "5 Mo au plus" in caught.value.messages[0]


def test_a_corrupted_pdf_is_refused():
    code, message = error_code(pdf_bytes()[:400])
    assert code == "corrupted"
    assert "illisible ou endommagé" in message


def test_an_encrypted_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    code, message = error_code(buffer.getvalue())
    assert code == "encrypted"
    assert "mot de passe" in message


def test_store_and_discard_keep_the_storage_clean(django_capture_on_commit_callbacks):
    user = UserFactory()
    stored, text = store_pdf(upload(pdf_bytes("Chaudronnerie"), name="Mon CV.pdf"), user)
    assert stored.name == "Mon CV.pdf"
    assert stored.uploaded_by == user
    assert stored.file.name.endswith(".pdf")
    assert "Mon CV" not in stored.file.name  # a random name, not the user's
    assert "Chaudronnerie" in text
    storage, name = stored.file.storage, stored.file.name
    assert storage.exists(name)

    response = file_response(stored)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    response.file_to_stream.close()

    with django_capture_on_commit_callbacks(execute=True):
        discard(stored)
    assert not storage.exists(name)
    assert not File.objects.exists()


def test_a_rollback_keeps_the_stored_file(django_capture_on_commit_callbacks):
    stored, _text = store_pdf(upload(pdf_bytes()), UserFactory())
    storage, name = stored.file.storage, stored.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        discard(stored)
    assert len(callbacks) == 1  # the storage is emptied only after the commit
    assert storage.exists(name)
