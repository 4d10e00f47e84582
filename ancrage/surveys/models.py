"""Surveys and barometers: questionnaires (versioned), campaigns (waves of a
series), the organisations invited, and their responses.

A questionnaire's content lives in versions. A version is frozen once a
campaign that uses it has a response; changing a frozen questionnaire makes a
new version (`surveys.versions`). A question's `key` stays the same across
versions (and across waves of a series), so answers can be compared.

Answers are stored per response as JSON, keyed by question key, in the
formats of `surveys.answers` (the one place that reads and writes them):

    number            "12" / "1250.5" (a decimal, as text)
    short/long text   "…"
    single choice     "value"
    multiple choice   ["value", …]
    scale             3
    yes/no            true / false
    date              "2026-09-30"
    occupation        <referentiel.Occupation id>
    skill             [<referentiel.Skill id>, …]
    commune           "<INSEE code>"
    table             [{"<column key>": value, …}, …]   one row per occupation

`Response.draft` keeps what the respondent typed, as posted, valid or not;
`Response.answers` holds the cleaned answers of the last submission."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Questionnaire(models.Model):
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="questionnaires"
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation aux répondants"), blank=True, max_length=5000)
    # The shipped template it was made from (`surveys.shipped`), if any.
    template_key = models.CharField(max_length=40, blank=True)
    archived = models.BooleanField(_("archivé"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("questionnaire")

    def __str__(self):
        return self.title

    @property
    def current_version(self):
        return self.versions.order_by("-number").first()


class QuestionnaireVersion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    # Bumped on every change, so a form shown before a change is recognised.
    revision = models.PositiveIntegerField(default=1)
    frozen_at = models.DateTimeField(_("figée le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["questionnaire", "number"]
        verbose_name = _("version de questionnaire")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="questionnaire_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.questionnaire} (v{self.number})"

    @property
    def is_frozen(self):
        return self.frozen_at is not None


class Section(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("texte d'introduction"), blank=True, max_length=2000)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("section")

    def __str__(self):
        return self.title


class Kind(models.TextChoices):
    NUMBER = "number", _("nombre")
    SHORT_TEXT = "short_text", _("texte court")
    LONG_TEXT = "long_text", _("texte long")
    SINGLE_CHOICE = "single_choice", _("choix unique")
    MULTIPLE_CHOICE = "multiple_choice", _("choix multiple")
    SCALE = "scale", _("échelle")
    YES_NO = "yes_no", _("oui / non")
    DATE = "date", _("date")
    OCCUPATION = "occupation", _("métier")
    SKILL = "skill", _("compétences")
    COMMUNE = "commune", _("commune")
    TABLE = "table", _("tableau « une ligne par métier »")


# What a column of a table question can be; the first column is the occupation.
COLUMN_KINDS = {
    Kind.OCCUPATION,
    Kind.NUMBER,
    Kind.SHORT_TEXT,
    Kind.SINGLE_CHOICE,
    Kind.SCALE,
    Kind.YES_NO,
}


class GpecFact(models.TextChoices):
    """The GPEC facts a question (or a table column) can feed (`surveys.gpec_feed`)."""

    HEADCOUNT = "headcount", _("effectif total")
    TURNOVER = "turnover", _("chiffre d'affaires (k€)")
    CONFIDENCE = "confidence", _("confiance dans les perspectives (1 à 5)")
    SKILLS_SOUGHT = "skills_sought", _("compétences recherchées aujourd'hui")
    SKILLS_3Y = "skills_3y", _("compétences à acquérir d'ici 3 ans")
    # Columns of a « one row per occupation » table:
    OCCUPATION = "occupation", _("métier de la ligne")
    OPEN_UNFILLED = "open_unfilled", _("postes ouverts non pourvus")
    POSITIONS_FILLED = "positions_filled", _("postes pourvus")
    TIME_TO_FILL = "time_to_fill", _("délai de recrutement (jours)")
    CREATIONS_1Y = "creations_1y", _("créations de postes à 1 an")
    CREATIONS_3Y = "creations_3y", _("créations de postes à 3 ans")
    RECRUITMENTS_1Y = "recruitments_1y", _("recrutements prévus à 1 an")
    RECRUITMENTS_3Y = "recruitments_3y", _("recrutements prévus à 3 ans")
    DIFFICULTY = "difficulty", _("difficulté à recruter (1 à 4)")
    DIFFICULTY_REASON = "difficulty_reason", _("raison de la difficulté")


# What a question asks beyond its kind and label: the settings a copy of the
# question (a new version, a shipped template) takes as they are.
QUESTION_SETTINGS = (
    "help_text",
    "required",
    "choices",
    "scale_min",
    "scale_max",
    "min_value",
    "max_value",
    "unit",
    "max_items",
    "gpec_fact",
)


class Question(models.Model):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    # A column of a table question has the table as parent.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="columns"
    )
    position = models.PositiveIntegerField(default=0)
    key = models.SlugField(max_length=40)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("aide"), max_length=1000, blank=True)
    required = models.BooleanField(_("réponse obligatoire"), default=False)
    # Choices: [{"value": "…", "label": "…"}, …]
    choices = models.JSONField(_("choix proposés"), default=list, blank=True)
    scale_min = models.SmallIntegerField(null=True, blank=True)
    scale_max = models.SmallIntegerField(null=True, blank=True)
    min_value = models.DecimalField(
        _("valeur minimale"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("valeur maximale"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unité"), max_length=20, blank=True)
    max_items = models.PositiveSmallIntegerField(null=True, blank=True)
    # Shown only when the answer to `condition_question` is one of `condition_values`.
    condition_question = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="dependents"
    )
    condition_values = models.JSONField(default=list, blank=True)
    gpec_fact = models.CharField(
        _("alimente la GPEC"), max_length=20, choices=GpecFact.choices, blank=True
    )

    class Meta:
        ordering = ["version", "section__position", "section_id", "position", "pk"]
        verbose_name = _("question")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="question_key_unique"),
        ]

    def __str__(self):
        return self.label


class Status(models.TextChoices):
    DRAFT = "draft", _("en préparation")
    SCHEDULED = "scheduled", _("programmée")
    OPEN = "open", _("ouverte")
    CLOSED = "closed", _("clôturée")


class Recurrence(models.TextChoices):
    NONE = "", _("campagne unique")
    QUARTERLY = "quarterly", _("tous les trimestres")
    SEMIANNUAL = "semiannual", _("tous les semestres")
    YEARLY = "yearly", _("tous les ans")


class Campaign(models.Model):
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="campaigns"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="campaigns"
    )
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="campaigns"
    )
    title = models.CharField(_("titre"), max_length=200)
    period_label = models.CharField(
        _("période"), max_length=40, help_text=_("Par exemple « T3 2026 » ou « 2026 ».")
    )
    opens_on = models.DateField(_("ouverture le"))
    closes_on = models.DateField(_("clôture le"))
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Audience: every active member, or those the matrix cross-filter keeps
    # (its query string, `matrix.query`), plus the invitees added by hand.
    audience_filter = models.CharField(_("filtre des adhérents"), max_length=4000, blank=True)
    audience_members = models.BooleanField(_("inviter les adhérents"), default=True)
    reminder_days = ArrayField(
        models.PositiveSmallIntegerField(),
        default=list,
        blank=True,
        verbose_name=_("relances (jours après l'ouverture)"),
    )
    recurrence = models.CharField(
        _("récurrence"), max_length=12, choices=Recurrence.choices, blank=True
    )
    share_results = models.BooleanField(
        _("partager la synthèse avec les répondants"),
        default=False,
        help_text=_("Une synthèse protégée par le secret statistique, sans réponse individuelle."),
    )
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_wave"
    )
    wave = models.PositiveIntegerField(_("vague"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    launched_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("campagne")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="campaign_closes_after_opening",
            )
        ]

    def __str__(self):
        return f"{self.title} — {self.period_label}"

    @property
    def is_accepting(self):
        """Answers are taken until the end of the closing day (Paris time)."""
        return self.status == Status.OPEN and timezone.localdate() <= self.closes_on

    @property
    def ends_on(self):
        """The last day answers were (or will be) taken: the planned closing
        day, or the day staff closed the campaign early. `closes_on` keeps
        the planned day, from which the next wave is dated."""
        if self.status == Status.CLOSED and self.closed_at:
            return min(timezone.localdate(self.closed_at), self.closes_on)
        return self.closes_on


class Invitee(models.Model):
    """An organisation asked to answer a campaign: a member (or another
    organisation of the platform), or a non-member of the filière known by
    its email. Segment fields are copied when invited, so that results by
    size and territory stay as they were at the time."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitees")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_invitations",
    )
    name = models.CharField(_("organisation"), max_length=250)
    email = models.EmailField(_("adresse"), blank=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    is_member = models.BooleanField(_("adhérent"), default=False)
    size_class = models.CharField(_("taille"), max_length=3, blank=True)
    commune = models.ForeignKey(
        "territory.Commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["campaign", "name", "pk"]
        verbose_name = _("organisation invitée")
        verbose_name_plural = _("organisations invitées")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="invitee_organisation_unique",
            ),
            models.UniqueConstraint(
                fields=["campaign", "email"],
                condition=models.Q(organisation__isnull=True),
                name="invitee_email_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(email=""),
                name="invitee_organisation_or_email",
            ),
        ]

    def __str__(self):
        return self.name


class Response(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("en cours")
        SUBMITTED = "submitted", _("envoyée")

    invitee = models.OneToOneField(Invitee, on_delete=models.CASCADE, related_name="response")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    draft = models.JSONField(default=dict, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    # The version revision the draft was typed against.
    revision = models.PositiveIntegerField(default=0)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("réponse")
        indexes = [models.Index(fields=["campaign", "state"], name="response_campaign_state")]

    def __str__(self):
        return str(self.invitee)


class ReminderRun(models.Model):
    """One scheduled reminder of a campaign, once sent (so it is sent once)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminder_runs")
    day = models.PositiveSmallIntegerField()
    ran_at = models.DateTimeField(default=timezone.now)
    sent = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "day"], name="reminder_run_unique")
        ]

    def __str__(self):
        return f"{self.campaign_id} J+{self.day}"
