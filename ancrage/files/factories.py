import hashlib

import factory
from django.core.files.base import ContentFile

from ancrage.files.models import File


def pdf_bytes(text="Curriculum vitae"):
    """A real PDF whose text is `text` (one paragraph per line), drawn by
    WeasyPrint so that parsing and text extraction see a genuine file."""
    from django.utils.html import escape
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    return HTML(string=f"<html lang='fr'><body>{paragraphs}</body></html>").write_pdf()


class FileFactory(factory.django.DjangoModelFactory):
    """A stored PDF; `FileFactory(text="…")` chooses what it says."""

    class Meta:
        model = File
        exclude = ["text", "content"]

    text = "Curriculum vitae"
    content = factory.LazyAttribute(lambda o: pdf_bytes(o.text))
    name = "cv.pdf"
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.name))
    size = factory.LazyAttribute(lambda o: len(o.content))
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
