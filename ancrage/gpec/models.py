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
    # DECLARATION (a form) or IMPORT (a line of the staff's XLSX import).
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.DECLARATION
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


def latest_index(name):
    """Each organisation's facts, the latest first, with what
    `Population.latest_sql` needs to pick its latest source from the index
    alone (an index-only scan, no sort)."""
    return models.Index(
        fields=["organisation", "-observed_on", "-id"], include=["cluster", "source_key"], name=name
    )


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
        indexes = [
            models.Index(fields=["cluster", "occupation", "observed_on"]),
            latest_index("gpec_workforceline_latest"),
        ]


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
        indexes = [
            models.Index(fields=["cluster", "occupation", "observed_on"]),
            latest_index("gpec_forecast_latest"),
        ]


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
        indexes = [
            models.Index(fields=["cluster", "skill", "observed_on"]),
            latest_index("gpec_skillneed_latest"),
        ]


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


class Assumptions(models.Model):
    """A cluster's assumptions for its GPEC figures (`gpec.figures`): the
    share of each of the two oldest age bands expected to retire within 1 and
    3 years, and how old a fact may be to count. Defaults:
    `gpec.assumptions.DEFAULTS`."""

    cluster = models.OneToOneField(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="gpec_assumptions"
    )
    retire_60_plus_1y = models.DecimalField(
        _("part des 60 ans et plus partant en retraite à 1 an"), max_digits=4, decimal_places=3
    )
    retire_55_59_1y = models.DecimalField(
        _("part des 55–59 ans partant en retraite à 1 an"), max_digits=4, decimal_places=3
    )
    retire_60_plus_3y = models.DecimalField(
        _("part des 60 ans et plus partant en retraite à 3 ans"), max_digits=4, decimal_places=3
    )
    retire_55_59_3y = models.DecimalField(
        _("part des 55–59 ans partant en retraite à 3 ans"), max_digits=4, decimal_places=3
    )
    freshness_months = models.PositiveSmallIntegerField(
        _("ancienneté maximale d'une donnée (mois)"),
        help_text=_("Les déclarations plus anciennes ne comptent plus dans les chiffres."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hypothèses GPEC")
        verbose_name_plural = _("hypothèses GPEC")

    def __str__(self):
        return str(self.cluster_id)


class ExternalSupplyImport(models.Model):
    """One CSV of external supply figures a cluster imported (e.g. France
    Travail's job seekers per BMO basin and ROME code). The latest import of a
    cluster is the one used."""

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(_("source"), max_length=200)
    period_end = models.DateField(_("date des chiffres"))
    imported_at = models.DateTimeField(default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("import de chiffres externes")

    def __str__(self):
        return self.label


class ExternalSupply(models.Model):
    """Job seekers (and offers, when given) for an occupation in a territory:
    a BMO basin or a département."""

    batch = models.ForeignKey(ExternalSupplyImport, on_delete=models.CASCADE, related_name="lines")
    occupation = models.ForeignKey(
        "referentiel.Occupation", on_delete=models.PROTECT, related_name="+"
    )
    bmo_basin = models.ForeignKey(
        "territory.BmoBasin", on_delete=models.PROTECT, null=True, related_name="+"
    )
    department = models.ForeignKey(
        "territory.Department", on_delete=models.PROTECT, null=True, related_name="+"
    )
    job_seekers = models.PositiveIntegerField(_("demandeurs d'emploi"))
    offers = models.PositiveIntegerField(_("offres"), null=True)

    class Meta:
        verbose_name = _("chiffre externe")
        indexes = [models.Index(fields=["batch", "occupation"])]

    def __str__(self):
        return f"{self.occupation_id}: {self.job_seekers}"


class Lever(models.TextChoices):
    """What a priority of the strategy calls for (`gpec.levers`)."""

    TRAIN = "train", _("former")
    RECRUIT = "recruit", _("recruter")
    SHARE = "share", _("partager")
    PROMOTE = "promote", _("promouvoir le métier")
    MOBILITY = "mobility", _("mobilité inter-filières")


class Action(models.Model):
    """An action of the cluster's plan, usually born from a priority of the
    strategy page: the occupation or skill (and territory) it answers."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("prévue")
        IN_PROGRESS = "in_progress", _("en cours")
        DONE = "done", _("réalisée")
        DROPPED = "dropped", _("abandonnée")

    cluster = models.ForeignKey("clusters.Cluster", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    lever = models.CharField(_("levier"), max_length=10, choices=Lever.choices)
    occupation = models.ForeignKey(
        "referentiel.Occupation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("métier"),
    )
    skill = models.ForeignKey(
        "referentiel.Skill",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("compétence"),
    )
    department = models.ForeignKey(
        "territory.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département"),
    )
    priority_key = models.CharField(max_length=120, blank=True)
    owner = models.CharField(_("responsable"), max_length=200)
    deadline = models.DateField(_("échéance"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("action")
        indexes = [models.Index(fields=["cluster", "status"])]

    def __str__(self):
        return self.title


class ActionIndicator(models.Model):
    """How an action is followed: a measure, its target and where it stands."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(_("indicateur"), max_length=200)
    target = models.DecimalField(_("cible"), max_digits=12, decimal_places=2, null=True, blank=True)
    current = models.DecimalField(
        _("valeur actuelle"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicateur")

    def __str__(self):
        return self.label


class NetworkFigures(models.Model):
    """Figures of a network's GPEC dashboard, computed in the background
    (`dashboard.cache`): over tens of thousands of organisations they take
    seconds, so the page reads them from here, with their date."""

    network = models.ForeignKey("clusters.Network", on_delete=models.CASCADE, related_name="+")
    # Digest of the figures' name and population, the day apart (`base`), and with it (`key`).
    key = models.CharField(max_length=64, unique=True)
    base = models.CharField(max_length=64)
    as_of = models.DateField()
    # The state of the data the figures were computed from (`cache.data_state`).
    state = models.JSONField()
    computed_at = models.DateTimeField()
    # The pickled figures: written and read by `dashboard.cache` only.
    value = models.BinaryField()

    class Meta:
        indexes = [models.Index(fields=["base", "-as_of"])]
        verbose_name = _("chiffres d'un réseau")

    def __str__(self):
        return f"{self.network_id} {self.as_of} {self.key[:8]}"
