"""The skills matrix: for each membership, the organisation's principal
métier, key skills, value-chain activities, markets and certifications, in the
cluster's own words (its vocabulary), with a validation workflow.

The profile hangs on the membership, not on the organisation: each cluster
describes its members with its own vocabulary (Neopolia's « usineur
mécanique » is not another cluster's word), and validates it with them."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    SUBMITTED = "submitted", _("soumis à validation")
    VALIDATED = "validated", _("validé")
    TO_REVIEW = "to_review", _("à revoir")


# The allowed transitions, in one place: {from: {to, …}}. Staff fill in and
# submit; the organisation's users validate (or send back to draft with a
# comment); a staff change to a validated profile puts it « to review ».
# validated → validated: a validated profile validated again with new content
# (a proposal of the organisation accepted by staff).
TRANSITIONS = {
    State.DRAFT: {State.SUBMITTED, State.VALIDATED},
    State.SUBMITTED: {State.VALIDATED, State.DRAFT},
    State.VALIDATED: {State.TO_REVIEW, State.VALIDATED},
    State.TO_REVIEW: {State.VALIDATED, State.SUBMITTED, State.DRAFT},
}
# The states in which the organisation's users are asked to validate.
AWAITING_ORGANISATION = {State.SUBMITTED, State.TO_REVIEW}


class MatrixProfile(models.Model):
    membership = models.OneToOneField(
        "organisations.Membership", on_delete=models.CASCADE, related_name="matrix"
    )
    # Named reverse relations (not "+"): the vocabulary's merge and remove
    # find every row pointing to an entry through them.
    occupation = models.ForeignKey(
        "referentiel.VocabularyEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matrix_profiles",
        limit_choices_to={"kind": "occupation"},
        verbose_name=_("métier principal"),
    )
    occupation_comment = models.CharField(_("commentaire"), max_length=300, blank=True)
    certifications = ArrayField(
        models.CharField(max_length=60),
        default=list,
        blank=True,
        verbose_name=_("certifications"),
        help_text=_("EN 9100, ISO 9001, ASME…"),
    )
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.DRAFT)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("profil de la matrice")
        verbose_name_plural = _("profils de la matrice")
        indexes = [models.Index(fields=["state"], name="matrixprofile_state")]

    def __str__(self):
        return str(self.membership)

    def can_become(self, state):
        return state in TRANSITIONS[self.state]


class ProfileItem(models.Model):
    """One value of an axis of a profile, with an optional free comment."""

    comment = models.CharField(_("commentaire"), max_length=300, blank=True)

    class Meta:
        abstract = True


class ProfileSkill(ProfileItem):
    profile = models.ForeignKey(MatrixProfile, on_delete=models.CASCADE, related_name="skills")
    entry = models.ForeignKey(
        "referentiel.VocabularyEntry",
        on_delete=models.PROTECT,
        related_name="profile_skills",
        limit_choices_to={"kind": "skill"},
        verbose_name=_("compétence clé"),
    )

    class Meta:
        ordering = ["entry__position"]
        verbose_name = _("compétence clé")
        constraints = [
            models.UniqueConstraint(fields=["profile", "entry"], name="profileskill_unique")
        ]
        indexes = [models.Index(fields=["entry", "profile"], name="profileskill_entry")]

    def __str__(self):
        return self.entry.display_label


class ProfileActivity(ProfileItem):
    profile = models.ForeignKey(MatrixProfile, on_delete=models.CASCADE, related_name="activities")
    activity = models.ForeignKey(
        "referentiel.Activity",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("activité"),
    )

    class Meta:
        ordering = ["activity__position"]
        verbose_name = _("activité")
        constraints = [
            models.UniqueConstraint(fields=["profile", "activity"], name="profileactivity_unique")
        ]
        indexes = [models.Index(fields=["activity", "profile"], name="profileactivity_activity")]

    def __str__(self):
        return str(self.activity)


class ProfileMarket(ProfileItem):
    profile = models.ForeignKey(MatrixProfile, on_delete=models.CASCADE, related_name="markets")
    market = models.ForeignKey(
        "referentiel.Market", on_delete=models.PROTECT, related_name="+", verbose_name=_("marché")
    )

    class Meta:
        ordering = ["market__position"]
        verbose_name = _("marché")
        constraints = [
            models.UniqueConstraint(fields=["profile", "market"], name="profilemarket_unique")
        ]
        indexes = [models.Index(fields=["market", "profile"], name="profilemarket_market")]

    def __str__(self):
        return str(self.market)


class Transition(models.Model):
    """One change of state of a profile: who, when, why."""

    profile = models.ForeignKey(MatrixProfile, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=10, choices=State.choices)
    to_state = models.CharField(max_length=10, choices=State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("commentaire"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("changement d'état")

    def __str__(self):
        return f"{self.profile}: {self.from_state} → {self.to_state}"


class Proposal(models.Model):
    """Changes proposed by an organisation's user, which staff accept or refuse.

    `content` holds the whole proposed profile in the shape of
    `matrix.profiles.snapshot()`, so that accepting it writes exactly what the
    member saw and refusing it changes nothing."""

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        ACCEPTED = "accepted", _("acceptée")
        REFUSED = "refused", _("refusée")

    profile = models.ForeignKey(MatrixProfile, on_delete=models.CASCADE, related_name="proposals")
    content = models.JSONField()
    message = models.TextField(_("message à l'équipe du cluster"), blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("réponse"), blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("proposition de modification")

    def __str__(self):
        return f"{self.profile} ({self.get_status_display()})"
