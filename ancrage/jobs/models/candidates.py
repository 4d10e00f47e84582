"""Candidates: their profile (what they seek, what they know, their CV), the
clusters whose members they allow to see it (consent, dated, with its text),
and each time a member company opened the profile or the CV."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.jobs.models.offers import Contract, Qualification

# A mobility radius beyond this is not a radius.
MAX_RADIUS_KM = 1000


class CandidateProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate_profile"
    )
    headline = models.CharField(_("titre du profil"), max_length=150, blank=True)
    summary = models.TextField(_("présentation"), blank=True)
    occupations = models.ManyToManyField(
        "referentiel.Occupation", blank=True, related_name="+", verbose_name=_("métiers recherchés")
    )
    skills = models.ManyToManyField(
        "referentiel.Skill", blank=True, related_name="+", verbose_name=_("compétences")
    )
    qualification = models.CharField(
        _("niveau de qualification"), max_length=1, choices=Qualification.choices, blank=True
    )
    languages = ArrayField(
        models.CharField(max_length=40), default=list, blank=True, verbose_name=_("langues")
    )
    commune = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    mobility_km = models.PositiveSmallIntegerField(
        _("mobilité (km)"),
        default=30,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_RADIUS_KM)],
    )
    contracts = ArrayField(
        models.CharField(max_length=10, choices=Contract.choices),
        default=list,
        blank=True,
        verbose_name=_("contrats recherchés"),
    )
    available_from = models.DateField(_("disponible à partir du"), null=True, blank=True)
    cv = models.OneToOneField(
        "files.File",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("CV"),
    )
    cv_text = models.TextField(_("texte du CV"), blank=True)
    search_document = models.GeneratedField(
        expression=SearchVector("headline", weight="A", config="french_unaccent")
        + SearchVector("summary", weight="B", config="french_unaccent")
        + SearchVector("cv_text", weight="C", config="french_unaccent"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The CV bank keeps a profile two years after the candidate's last
    # activity; the candidate is warned 30 days before.
    last_activity_at = models.DateTimeField(_("dernière activité"), default=timezone.now)
    expiry_warned_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil de candidat")
        indexes = [
            GinIndex(fields=["search_document"], name="candidate_search"),
            models.Index(fields=["last_activity_at"], name="candidate_activity"),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.email


class ExperienceLine(models.Model):
    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="experiences"
    )
    title = models.CharField(_("poste"), max_length=150)
    employer = models.CharField(_("employeur"), max_length=150, blank=True)
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"), null=True, blank=True)
    description = models.TextField(_("missions"), blank=True)

    class Meta:
        ordering = ["-start", "pk"]

    def __str__(self):
        return self.title


class EducationLine(models.Model):
    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="educations"
    )
    title = models.CharField(_("diplôme ou formation"), max_length=150)
    school = models.CharField(_("établissement"), max_length=150, blank=True)
    year = models.PositiveSmallIntegerField(
        _("année d'obtention"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    qualification = models.CharField(
        _("niveau"), max_length=1, choices=Qualification.choices, blank=True
    )

    class Meta:
        ordering = ["-year", "pk"]

    def __str__(self):
        return self.title


class Consent(models.Model):
    """The candidate lets the members of one cluster see their profile. Kept
    when withdrawn (the date says when), so the record stays whole."""

    profile = models.ForeignKey(CandidateProfile, on_delete=models.CASCADE, related_name="consents")
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="candidate_consents"
    )
    text = models.TextField(_("texte accepté"))
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "cluster"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_active_unique",
            ),
        ]
        indexes = [
            models.Index(
                fields=["cluster", "profile"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_active",
            )
        ]
        ordering = ["-given_at", "-pk"]

    def __str__(self):
        return f"{self.profile} — {self.cluster}"


class ProfileView(models.Model):
    """A member company opened a candidate's full profile or CV."""

    class What(models.TextChoices):
        PROFILE = "profil", _("profil")
        CV = "cv", _("CV")

    profile = models.ForeignKey(CandidateProfile, on_delete=models.CASCADE, related_name="views")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    what = models.CharField(max_length=6, choices=What.choices)
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["profile", "-viewed_at"], name="profile_view_recent")]
        ordering = ["-viewed_at", "-pk"]

    def __str__(self):
        return f"{self.organisation} — {self.profile}"
