"""Uploaded files (CVs, cover letters): stored through Django's storage API
under a random name, checked by content before they are kept, and served
only by views that decide who may read them — never from a public URL."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def stored_name(instance, filename):
    """A name nobody can guess, in a folder per month."""
    today = timezone.localdate()
    return f"fichiers/{today:%Y/%m}/{uuid.uuid4().hex}.pdf"


class File(models.Model):
    file = models.FileField(_("fichier"), upload_to=stored_name, max_length=200)
    name = models.CharField(_("nom du fichier"), max_length=255)
    content_type = models.CharField(max_length=100, default="application/pdf")
    size = models.PositiveBigIntegerField(_("taille (octets)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("fichier")

    def __str__(self):
        return self.name
