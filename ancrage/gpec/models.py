"""GPEC facts: what organisations say about their jobs, always dated and with
their source (a declaration, a survey campaign, an import).

A fact belongs to the cluster that collected it and to the organisation it
describes. Facts from one source are replaced together: `source_key` names
the source (``survey-response:<id>`` for an answer to a campaign), so that a
response submitted again replaces its facts instead of adding new ones."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    DECLARATION = "declaration", _("déclaration")
    SURVEY = "survey", _("enquête")
    IMPORT = "import", _("import")


class Difficulty(models.IntegerChoices):
    """Difficulty to recruit, on the 1–4 scale of France Travail's BMO survey."""

    NONE = 1, _("aucune difficulté")
    SOME = 2, _("quelques difficultés")
    HIGH = 3, _("difficile")
    VERY_HIGH = 4, _("très difficile")


class DifficultyReason(models.TextChoices):
    FEW_CANDIDATES = "few_candidates", _("peu de candidats")
    SKILLS_MISSING = "skills_missing", _("compétences manquantes")
    ATTRACTIVENESS = "attractiveness", _("manque d'attractivité du métier")
    LOCATION = "location", _("localisation")
    PAY = "pay", _("rémunération")
    CONDITIONS = "conditions", _("conditions de travail")


class Declaration(models.Model):
    """What an organisation declared to one of its clusters on a day: its
    workforce, forecasts per occupation and skill needs. Its facts carry
    ``source_key`` ``declaration:<id>`` and are replaced together."""

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="gpec_declarations"
    )
    declared_on = models.DateField(_("date de la déclaration"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on_behalf = models.BooleanField(_("saisie par l'équipe du cluster"), default=False)
    unchanged_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reprise sans changement de"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-declared_on", "-pk"]
        verbose_name = _("déclaration GPEC")
        verbose_name_plural = _("déclarations GPEC")
        indexes = [models.Index(fields=["cluster", "organisation", "declared_on"])]

    def __str__(self):
        return f"{self.organisation_id} — {self.declared_on}"

    @property
    def source_key(self):
        return f"declaration:{self.pk}"


class Fact(models.Model):
    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    observed_on = models.DateField(_("date d'observation"))
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    source_key = models.CharField(max_length=60, db_index=True)
    source_label = models.CharField(_("origine"), max_length=200)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    on_behalf = models.BooleanField(_("saisi pour le compte de l'organisation"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.organisation_id} — {self.source_label} ({self.observed_on})"


class WorkforceLine(Fact):
    """An organisation's workforce in one occupation (ROME) on a day."""

    occupation = models.ForeignKey(
        "referentiel.Occupation", on_delete=models.PROTECT, related_name="+"
    )
    headcount = models.PositiveIntegerField(_("effectif"))
    # Age bands: all given (adding up to the headcount) or none.
    age_under_25 = models.PositiveIntegerField(_("moins de 25 ans"), null=True)
    age_25_34 = models.PositiveIntegerField(_("25 à 34 ans"), null=True)
    age_35_44 = models.PositiveIntegerField(_("35 à 44 ans"), null=True)
    age_45_54 = models.PositiveIntegerField(_("45 à 54 ans"), null=True)
    age_55_59 = models.PositiveIntegerField(_("55 à 59 ans"), null=True)
    age_60_plus = models.PositiveIntegerField(_("60 ans et plus"), null=True)
    women = models.PositiveIntegerField(_("femmes"), null=True)
    cdi = models.PositiveIntegerField(_("CDI"), null=True)
    cdd = models.PositiveIntegerField(_("CDD"), null=True)
    alternance = models.PositiveIntegerField(_("alternance"), null=True)
    interim = models.PositiveIntegerField(_("intérim"), null=True)
    cadres = models.PositiveIntegerField(_("cadres"), null=True)

    AGE_BANDS = (
        "age_under_25",
        "age_25_34",
        "age_35_44",
        "age_45_54",
        "age_55_59",
        "age_60_plus",
    )

    class Meta:
        verbose_name = _("effectif par métier")
        verbose_name_plural = _("effectifs par métier")
        indexes = [models.Index(fields=["cluster", "occupation", "observed_on"])]


class OccupationForecast(Fact):
    """An organisation's situation and plans for one occupation (ROME)."""

    occupation = models.ForeignKey(
        "referentiel.Occupation", on_delete=models.PROTECT, related_name="+"
    )
    open_unfilled = models.PositiveIntegerField(_("postes ouverts non pourvus"), null=True)
    positions_filled = models.PositiveIntegerField(_("postes pourvus sur la période"), null=True)
    time_to_fill_days = models.PositiveIntegerField(_("délai de recrutement (jours)"), null=True)
    creations_1y = models.PositiveIntegerField(_("créations à 1 an"), null=True)
    creations_3y = models.PositiveIntegerField(_("créations à 3 ans"), null=True)
    recruitments_1y = models.PositiveIntegerField(_("recrutements prévus à 1 an"), null=True)
    recruitments_3y = models.PositiveIntegerField(_("recrutements prévus à 3 ans"), null=True)
    retirements_1y = models.PositiveIntegerField(_("départs en retraite à 1 an"), null=True)
    retirements_3y = models.PositiveIntegerField(_("départs en retraite à 3 ans"), null=True)
    other_departures_1y = models.PositiveIntegerField(_("autres départs à 1 an"), null=True)
    other_departures_3y = models.PositiveIntegerField(_("autres départs à 3 ans"), null=True)
    difficulty = models.PositiveSmallIntegerField(
        _("difficulté à recruter"), choices=Difficulty.choices, null=True
    )
    difficulty_reason = models.CharField(
        _("raison de la difficulté"), max_length=20, choices=DifficultyReason.choices, blank=True
    )

    class Meta:
        verbose_name = _("prévision par métier")
        verbose_name_plural = _("prévisions par métier")
        indexes = [models.Index(fields=["cluster", "occupation", "observed_on"])]


class SkillNeed(Fact):
    """A skill an organisation looks for."""

    class Kind(models.TextChoices):
        NEW = "new", _("nouvelle compétence à acquérir")
        SHORTAGE = "shortage", _("pénurie d'une compétence existante")

    class Answer(models.TextChoices):
        RECRUIT = "recruit", _("recruter")
        TRAIN = "train", _("former des salariés")
        SHARE = "share", _("partager une personne")
        SUBCONTRACT = "subcontract", _("sous-traiter")

    skill = models.ForeignKey("referentiel.Skill", on_delete=models.PROTECT, related_name="+")
    horizon_years = models.PositiveSmallIntegerField(_("horizon (années)"), null=True)
    kind = models.CharField(_("nature du besoin"), max_length=10, choices=Kind.choices, blank=True)
    people = models.PositiveIntegerField(_("personnes concernées"), null=True)
    preferred_answer = models.CharField(
        _("réponse envisagée"), max_length=12, choices=Answer.choices, blank=True
    )
    priority = models.PositiveSmallIntegerField(
        _("priorité"),
        null=True,
        choices=[(1, _("haute")), (2, _("moyenne")), (3, _("basse"))],
    )

    class Meta:
        verbose_name = _("besoin en compétence")
        verbose_name_plural = _("besoins en compétences")
        indexes = [models.Index(fields=["cluster", "skill", "observed_on"])]


class OrganisationFigures(Fact):
    """Whole-organisation figures: headcount, turnover, confidence."""

    headcount = models.PositiveIntegerField(_("effectif"), null=True)
    turnover_keur = models.DecimalField(
        _("chiffre d'affaires (k€)"), max_digits=12, decimal_places=1, null=True
    )
    confidence = models.PositiveSmallIntegerField(
        _("confiance dans les perspectives"),
        null=True,
        help_text=_("Note de 1 (très pessimiste) à 5 (très confiant)."),
    )

    class Meta:
        verbose_name = _("chiffres clés d'une organisation")
        verbose_name_plural = _("chiffres clés des organisations")
