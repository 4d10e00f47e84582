"""Tenders (an appel d'offres, or a principal's request such as « more
machining capacity soon»), the members matched to them, the consortia
proposed, and what came of it."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Tender(models.Model):
    class Kind(models.TextChoices):
        CALL = "call", _("appel d'offres")
        REQUEST = "request", _("demande d'un donneur d'ordres")

    class Outcome(models.TextChoices):
        OPEN = "open", _("en cours")
        ANSWERED = "answered", _("réponse déposée")
        WON = "won", _("gagné")
        LOST = "lost", _("perdu")
        ABANDONED = "abandoned", _("abandonné")

    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="tenders"
    )
    kind = models.CharField(_("nature"), max_length=10, choices=Kind.choices, default=Kind.CALL)
    title = models.CharField(_("intitulé"), max_length=250)
    client = models.CharField(_("donneur d'ordres"), max_length=200, blank=True)
    reference = models.CharField(_("référence"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    market = models.ForeignKey(
        "referentiel.Market",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marché"),
    )
    deadline = models.DateField(_("date limite de réponse"), null=True, blank=True)
    departments = models.ManyToManyField(
        "territory.Department",
        blank=True,
        related_name="+",
        verbose_name=_("départements"),
        help_text=_("Laissez vide pour chercher parmi tous les adhérents."),
    )
    certifications = ArrayField(
        models.CharField(max_length=60),
        default=list,
        blank=True,
        verbose_name=_("certifications exigées"),
    )
    outcome = models.CharField(
        _("issue"), max_length=10, choices=Outcome.choices, default=Outcome.OPEN
    )
    amount = models.DecimalField(
        _("montant (€ HT)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("appel d'offres")
        verbose_name_plural = _("appels d'offres")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("tenders:detail", args=[self.pk])


class Requirement(models.Model):
    """A skill or an activity the tender needs, weighted, or a must-have."""

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="requirements")
    skill = models.ForeignKey(
        "referentiel.VocabularyEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "skill"},
        verbose_name=_("compétence"),
    )
    activity = models.ForeignKey(
        "referentiel.Activity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activité"),
    )
    weight = models.PositiveSmallIntegerField(
        _("poids"), default=1, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    must_have = models.BooleanField(_("indispensable"), default=False)

    class Meta:
        ordering = ["-must_have", "-weight", "pk"]
        verbose_name = _("exigence")
        constraints = [
            models.CheckConstraint(
                condition=Q(skill__isnull=False, activity__isnull=True)
                | Q(skill__isnull=True, activity__isnull=False),
                name="requirement_skill_xor_activity",
            ),
            models.UniqueConstraint(fields=["tender", "skill"], name="requirement_skill_once"),
            models.UniqueConstraint(
                fields=["tender", "activity"], name="requirement_activity_once"
            ),
        ]

    def __str__(self):
        return str(self.skill.display_label if self.skill_id else self.activity)


class Candidate(models.Model):
    """A member considered for a tender: follow-up (contacted, interested…) and
    the staff's constraint for the consortium builder (locked in, excluded)."""

    class Status(models.TextChoices):
        SHORTLISTED = "shortlisted", _("repéré")
        CONTACTED = "contacted", _("contacté")
        INTERESTED = "interested", _("intéressé")
        DECLINED = "declined", _("pas intéressé")

    class Constraint(models.TextChoices):
        NONE = "", _("aucune")
        LOCKED = "locked", _("imposé")
        EXCLUDED = "excluded", _("exclu")

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="candidates")
    membership = models.ForeignKey(
        "organisations.Membership", on_delete=models.CASCADE, related_name="tender_candidacies"
    )
    status = models.CharField(
        _("suivi"), max_length=12, choices=Status.choices, default=Status.SHORTLISTED
    )
    constraint = models.CharField(
        _("pour le consortium"), max_length=10, choices=Constraint.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["membership__organisation__name"]
        verbose_name = _("adhérent sollicité")
        constraints = [
            models.UniqueConstraint(fields=["tender", "membership"], name="candidate_unique")
        ]

    def __str__(self):
        return f"{self.membership.organisation} — {self.tender}"


class Consortium(models.Model):
    """A consortium proposed for a tender, with who covers what at the time."""

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="consortia")
    members = models.ManyToManyField(
        "organisations.Membership", related_name="consortia", verbose_name=_("membres")
    )
    lead = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mandataire"),
    )
    # {requirement id: [membership ids]} when the consortium was proposed.
    coverage = models.JSONField(default=dict)
    note = models.TextField(_("commentaire"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("consortium proposé")
        verbose_name_plural = _("consortiums proposés")

    def __str__(self):
        return f"{self.tender} ({self.proposed_at:%d/%m/%Y})"
