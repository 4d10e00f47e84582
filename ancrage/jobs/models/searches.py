"""Searches of offers saved by candidates, with their email alerts."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "quotidienne", _("chaque jour")
        WEEKLY = "hebdomadaire", _("chaque semaine")
        NEVER = "jamais", _("pas d'alerte")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("nom de la recherche"), max_length=100)
    # The search form's parameters, as in the search page's query string.
    query = models.JSONField(default=dict)
    frequency = models.CharField(
        _("alerte par courriel"), max_length=12, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Offers published after this were not sent yet.
    last_sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("recherche enregistrée")

    def __str__(self):
        return self.name
