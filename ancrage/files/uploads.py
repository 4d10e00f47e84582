"""Checking and keeping an uploaded PDF: the size first (≤ 5 MB), then the
content — a file is a PDF only if pypdf can parse it, it is not encrypted
and it has at least one page. Its text is extracted once, on upload."""

import hashlib
import io
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ancrage.files.models import File

MAX_PDF_BYTES = 5 * 1024 * 1024
# Enough text to suggest skills; a CV longer than this is not a CV.
MAX_TEXT_CHARS = 50_000

logger = logging.getLogger(__name__)


def read_pdf(upload):
    """The bytes and the text of an uploaded PDF; raises ValidationError with
    a French message saying what is wrong."""
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("Le fichier pèse %(size)s Mo : 5 Mo au plus.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")},
            code="too_big",
        )
    upload.seek(0)
    content = upload.read(MAX_PDF_BYTES + 1)
    if not content.startswith(b"%PDF-"):
        raise ValidationError(
            _("Ce fichier n'est pas un PDF. Enregistrez votre document au format PDF."),
            code="not_pdf",
        )
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                _("Ce PDF est protégé par un mot de passe : déposez une version sans protection."),
                code="encrypted",
            )
        pages = reader.pages
        if not len(pages):
            raise ValidationError(_("Ce PDF n'a aucune page."), code="empty")
        text = []
        length = 0
        for page in pages:
            chunk = page.extract_text() or ""
            text.append(chunk)
            length += len(chunk)
            if length >= MAX_TEXT_CHARS:
                break
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        logger.info("Unreadable PDF upload: %s", error)
        raise ValidationError(
            _("Ce PDF est illisible ou endommagé. Enregistrez-le de nouveau et réessayez."),
            code="corrupted",
        ) from None
    return content, "\n".join(text)[:MAX_TEXT_CHARS].replace("\x00", "")


def store_pdf(upload, user):
    """Check `upload` (read_pdf) and keep it: the File and the text it says."""
    content, text = read_pdf(upload)
    stored = File(
        name=(upload.name or "document.pdf")[-255:],
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
    )
    stored.file.save("document.pdf", ContentFile(content), save=False)
    stored.save()
    return stored, text


def discard(stored):
    """Delete a File, and what the storage holds for it once the transaction
    commits (a rollback keeps both)."""
    if stored is None or stored.pk is None:
        return
    storage, name = stored.file.storage, stored.file.name
    stored.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
