"""Applications to offers, their pipeline on the company's side, and the
relay of internships and work-study offers by member schools."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RefusalReason(models.TextChoices):
    SKILLS = "competences", _("Les compétences demandées ne sont pas réunies")
    EXPERIENCE = "experience", _("L'expérience ne correspond pas au poste")
    FILLED = "pourvu", _("Le poste a été pourvu")
    NO_ANSWER = "sans_reponse", _("Le candidat n'a pas répondu")
    LOCATION = "lieu", _("Le lieu de travail ne convient pas")
    AVAILABILITY = "disponibilite", _("Les disponibilités ne correspondent pas")
    OTHER = "autre", _("Autre motif")


class Application(models.Model):
    class Status(models.TextChoices):
        NEW = "nouvelle", _("nouvelle")
        SEEN = "vue", _("vue")
        SHORTLISTED = "preselection", _("présélectionnée")
        INTERVIEW = "entretien", _("entretien")
        HIRED = "embauche", _("embauché(e)")
        REFUSED = "refusee", _("non retenue")
        WITHDRAWN = "retiree", _("retirée par le candidat")

    offer = models.ForeignKey("jobs.Offer", on_delete=models.CASCADE, related_name="applications")
    candidate = models.ForeignKey(
        "jobs.CandidateProfile", on_delete=models.CASCADE, related_name="applications"
    )
    message = models.TextField(_("message au recruteur"), blank=True)
    cover_letter = models.OneToOneField(
        "files.File",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lettre de motivation"),
    )
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.NEW)
    refusal_reason = models.CharField(
        _("motif"), max_length=13, choices=RefusalReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    # The reminder sent to the company when the application waited 14 days.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "candidate"], name="application_unique"),
        ]
        indexes = [models.Index(fields=["offer", "status"], name="application_offer_status")]
        ordering = ["-created_at", "-pk"]
        verbose_name = _("candidature")

    def __str__(self):
        return f"{self.candidate} — {self.offer}"


class ApplicationEvent(models.Model):
    """One step of an application: its history for the candidate and the
    company, and the data behind the time to fill."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=12, choices=Application.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    # The email sent to the candidate with this step, if any.
    email_subject = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application} — {self.status}"


class ApplicationNote(models.Model):
    """A note of the company on an application, never shown to the candidate."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:50]


class Relay(models.Model):
    """A member school or training body relayed an internship or work-study
    offer to its students."""

    offer = models.ForeignKey("jobs.Offer", on_delete=models.CASCADE, related_name="relays")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="relays"
    )
    relayed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    relayed_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(_("destinataires"))
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-relayed_at", "-pk"]

    def __str__(self):
        return f"{self.organisation} — {self.offer}"
