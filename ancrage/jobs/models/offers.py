"""The members' job offers and each cluster's job board: an offer belongs to
its organisation and is published on the job board of each cluster it is
submitted to, after that cluster's moderation (before or after publication,
the cluster's choice). `lifecycle` moves offers and publications between
their states."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Contract(models.TextChoices):
    CDI = "cdi", _("CDI")
    CDD = "cdd", _("CDD")
    INTERIM = "interim", _("Intérim")
    WORK_STUDY = "alternance", _("Alternance ou apprentissage")
    INTERNSHIP = "stage", _("Stage")
    VIE = "vie", _("VIE")
    FREELANCE = "freelance", _("Freelance")


# The contracts with a duration in months, and those with a school calendar.
TIMED_CONTRACTS = (Contract.CDD, Contract.INTERIM, Contract.VIE)
SCHOOL_CONTRACTS = (Contract.WORK_STUDY, Contract.INTERNSHIP)


class WorkingTime(models.TextChoices):
    FULL = "plein", _("Temps plein")
    PART = "partiel", _("Temps partiel")


class Remote(models.TextChoices):
    ON_SITE = "site", _("Sur site")
    HYBRID = "hybride", _("Télétravail partiel")
    FULL = "complet", _("Télétravail complet")


class SalaryPeriod(models.TextChoices):
    YEAR = "an", _("brut annuel")
    MONTH = "mois", _("brut mensuel")
    HOUR = "heure", _("brut horaire")


class Qualification(models.TextChoices):
    """The levels of the French national nomenclature of qualifications (2019)."""

    NONE = "0", _("Sans diplôme")
    LEVEL_3 = "3", _("CAP, BEP (niveau 3)")
    LEVEL_4 = "4", _("Baccalauréat (niveau 4)")
    LEVEL_5 = "5", _("Bac + 2 : BTS, DEUST… (niveau 5)")
    LEVEL_6 = "6", _("Bac + 3 : licence, BUT (niveau 6)")
    LEVEL_7 = "7", _("Bac + 5 : master, ingénieur (niveau 7)")
    LEVEL_8 = "8", _("Doctorat (niveau 8)")


class Experience(models.TextChoices):
    BEGINNER = "debutant", _("Débutant(e) accepté(e)")
    SHORT = "1-2", _("1 à 2 ans")
    MEDIUM = "3-5", _("3 à 5 ans")
    LONG = "5+", _("Plus de 5 ans")


class ApplicationMode(models.TextChoices):
    PLATFORM = "plateforme", _("Sur Ancrage")
    EMAIL = "courriel", _("Par courriel")
    URL = "lien", _("Sur un autre site")


class Moderation(models.TextChoices):
    BEFORE = "avant", _("Avant publication : l'équipe valide chaque offre")
    AFTER = "apres", _("Après publication : l'offre paraît aussitôt, l'équipe peut la retirer")


class JobBoard(models.Model):
    """A cluster's job board settings (a cluster without one moderates
    before publication)."""

    cluster = models.OneToOneField(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="job_board"
    )
    moderation = models.CharField(
        _("modération des offres"),
        max_length=5,
        choices=Moderation.choices,
        default=Moderation.BEFORE,
    )

    class Meta:
        verbose_name = _("réglages de la bourse d'emploi")

    def __str__(self):
        return str(self.cluster)


class Offer(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", _("brouillon")
        SUBMITTED = "soumise", _("en attente de modération")
        PUBLISHED = "publiee", _("publiée")
        FILLED = "pourvue", _("pourvue")
        CLOSED = "close", _("close")
        EXPIRED = "expiree", _("expirée")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="offers"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("intitulé du poste"), max_length=150)
    occupation = models.ForeignKey(
        "referentiel.Occupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("métier (ROME)"),
    )
    description = models.TextField(_("description du poste et du profil"))
    contract = models.CharField(_("contrat"), max_length=10, choices=Contract.choices)
    contract_months = models.PositiveSmallIntegerField(
        _("durée du contrat (mois)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    working_time = models.CharField(
        _("temps de travail"), max_length=7, choices=WorkingTime.choices, default=WorkingTime.FULL
    )
    weekly_hours = models.DecimalField(
        _("heures par semaine"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    commune = models.ForeignKey(
        "territory.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    remote = models.CharField(
        _("télétravail"), max_length=7, choices=Remote.choices, default=Remote.ON_SITE
    )
    salary_min = models.DecimalField(
        _("salaire minimum"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    salary_max = models.DecimalField(
        _("salaire maximum"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    salary_period = models.CharField(
        _("salaire"), max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.YEAR
    )
    qualification = models.CharField(
        _("niveau de qualification"), max_length=1, choices=Qualification.choices, blank=True
    )
    experience = models.CharField(
        _("expérience"), max_length=8, choices=Experience.choices, default=Experience.BEGINNER
    )
    start_date = models.DateField(_("date de prise de poste"), null=True, blank=True)
    languages = ArrayField(
        models.CharField(max_length=40), default=list, blank=True, verbose_name=_("langues")
    )
    positions = models.PositiveSmallIntegerField(
        _("nombre de postes"), default=1, validators=[MinValueValidator(1)]
    )
    application_mode = models.CharField(
        _("candidature"),
        max_length=10,
        choices=ApplicationMode.choices,
        default=ApplicationMode.PLATFORM,
    )
    application_email = models.EmailField(_("courriel de candidature"), blank=True)
    application_url = models.URLField(_("lien de candidature"), blank=True)
    # Internships and work-study: the school calendar.
    period_start = models.DateField(_("début de la période"), null=True, blank=True)
    period_end = models.DateField(_("fin de la période"), null=True, blank=True)
    rhythm = models.CharField(_("rythme école / entreprise"), max_length=200, blank=True)

    status = models.CharField(_("état"), max_length=9, choices=Status.choices, default=Status.DRAFT)
    published_on = models.DateField(_("publiée le"), null=True, blank=True)
    expires_on = models.DateField(_("expire le"), null=True, blank=True)
    closed_on = models.DateField(_("close le"), null=True, blank=True)
    # When closing: was the position filled, and through the platform?
    filled = models.BooleanField(_("poste pourvu"), null=True, blank=True)
    filled_through_platform = models.BooleanField(
        _("pourvu grâce à la bourse d'emploi"), null=True, blank=True
    )
    # Offers not updated for 60 days ask their owner to confirm them.
    confirmation_asked_on = models.DateField(null=True, blank=True)
    # French full text: title first, then the description.
    search_document = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="french_unaccent")
        + SearchVector("description", weight="B", config="french_unaccent"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_on", "-created_at", "-pk"]
        verbose_name = _("offre d'emploi")
        indexes = [
            models.Index(fields=["status", "-published_on"]),
            GinIndex(fields=["search_document"], name="offer_search"),
        ]

    def __str__(self):
        return self.title

    @property
    def has_duration(self):
        return self.contract in TIMED_CONTRACTS

    @property
    def has_school_calendar(self):
        return self.contract in SCHOOL_CONTRACTS

    @property
    def required_skills(self):
        return [item.skill for item in self.skills.all() if item.required]

    @property
    def wished_skills(self):
        return [item.skill for item in self.skills.all() if not item.required]


class OfferSkill(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("referentiel.Skill", on_delete=models.PROTECT, related_name="+")
    required = models.BooleanField(_("exigée"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "skill"], name="offer_skill_unique"),
        ]
        ordering = ["-required", "pk"]

    def __str__(self):
        return f"{self.offer} — {self.skill}"


class Publication(models.Model):
    """An offer on one cluster's job board."""

    class Status(models.TextChoices):
        PENDING = "attente", _("en attente de modération")
        PUBLISHED = "publiee", _("publiée")
        REFUSED = "refusee", _("refusée")

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="publications")
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="offer_publications"
    )
    status = models.CharField(
        _("état"), max_length=7, choices=Status.choices, default=Status.PENDING
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("motif"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "cluster"], name="publication_unique"),
        ]
        indexes = [models.Index(fields=["cluster", "status"])]
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.offer} — {self.cluster}"
