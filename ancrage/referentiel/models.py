"""The shared vocabulary of métiers and compétences.

ROME 4.0 (France Travail) is the backbone: occupations (fiches métier, code
like H2903), their job titles (appellations), skills (savoir-faire,
savoir-être professionnels, savoirs), the links between them, mobilities and
work contexts. ESCO items are linked to ROME items where labels match. Each
cluster curates its own vocabulary on top (`VocabularyEntry`).

ROME items are never deleted by an import: an item that disappears from a
newer publication is marked obsolete, because other data may refer to it.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Release(models.Model):
    """One publication imported (ROME version, ESCO version, starter list)."""

    class Source(models.TextChoices):
        ROME = "rome", _("ROME (France Travail)")
        ESCO = "esco", _("ESCO (Commission européenne)")
        STARTER = "starter", _("vocabulaire de départ")

    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    version = models.CharField(_("version"), max_length=40)
    published_on = models.DateField(_("date de publication"), null=True, blank=True)
    imported_at = models.DateTimeField(_("importé le"), auto_now_add=True)
    summary = models.JSONField(_("résumé"), default=dict, blank=True)

    class Meta:
        verbose_name = _("publication importée")
        verbose_name_plural = _("publications importées")
        ordering = ["-imported_at"]

    def __str__(self):
        return f"{self.get_source_display()} {self.version}"


class Revision(models.Model):
    """A token that changes whenever the searchable vocabulary changes.

    Search indexes kept in memory compare it with the token they were built
    from. A random token (not a counter) stays right when a transaction that
    changed it is rolled back."""

    token = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("révision du référentiel")

    def __str__(self):
        return str(self.token)

    @classmethod
    def current(cls):
        return cls.objects.values_list("token", flat=True).first()

    @classmethod
    def bump(cls):
        if not cls.objects.update(token=uuid.uuid4()):
            cls.objects.create()


class GrandDomain(models.Model):
    code = models.CharField(_("code"), max_length=1, unique=True)
    label = models.CharField(_("libellé"), max_length=200)

    class Meta:
        verbose_name = _("grand domaine")
        verbose_name_plural = _("grands domaines")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.label}"


class Domain(models.Model):
    """Domaine professionnel, e.g. H29 « Mécanique, travail des métaux et outillage »."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    label = models.CharField(_("libellé"), max_length=200)
    grand_domain = models.ForeignKey(
        GrandDomain,
        on_delete=models.PROTECT,
        related_name="domains",
        verbose_name=_("grand domaine"),
    )

    class Meta:
        verbose_name = _("domaine professionnel")
        verbose_name_plural = _("domaines professionnels")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.label}"


class EcologicalTransition(models.TextChoices):
    """ROME's classification of jobs for the ecological transition."""

    WHITE = "blanc", _("emploi blanc")
    GREEN = "vert", _("emploi vert")
    BROWN = "brun", _("emploi brun")
    STRATEGIC = "strategique", _("emploi stratégique pour la transition écologique")


class OccupationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_obsolete=False)


class Occupation(models.Model):
    """A ROME fiche métier."""

    code = models.CharField(_("code ROME"), max_length=5, unique=True)
    ogr_code = models.PositiveIntegerField(_("code OGR"), null=True, blank=True, unique=True)
    label = models.CharField(_("libellé"), max_length=250)
    domain = models.ForeignKey(
        Domain,
        on_delete=models.PROTECT,
        related_name="occupations",
        verbose_name=_("domaine professionnel"),
        null=True,
        blank=True,
    )
    definition = models.TextField(_("définition"), blank=True)
    access = models.TextField(_("accès au métier"), blank=True)
    is_executive = models.BooleanField(_("emploi cadre"), default=False)
    is_regulated = models.BooleanField(_("emploi réglementé"), default=False)
    ecological_transition = models.CharField(
        _("transition écologique"), max_length=12, choices=EcologicalTransition.choices, blank=True
    )
    digital_transition = models.BooleanField(_("transition numérique"), default=False)
    demographic_transition = models.BooleanField(_("transition démographique"), default=False)
    is_obsolete = models.BooleanField(_("obsolète"), default=False)
    skills = models.ManyToManyField(
        "Skill", through="OccupationSkill", related_name="occupations", blank=True
    )
    work_contexts = models.ManyToManyField(
        "WorkContext",
        related_name="occupations",
        blank=True,
        verbose_name=_("contextes de travail"),
    )
    mobilities = models.ManyToManyField(
        "self", through="Mobility", symmetrical=False, related_name="mobility_sources", blank=True
    )

    objects = OccupationQuerySet.as_manager()

    class Meta:
        verbose_name = _("métier")
        verbose_name_plural = _("métiers")
        ordering = ["code"]

    def __str__(self):
        return f"{self.label} ({self.code})"

    def get_absolute_url(self):
        return reverse("referentiel:occupation", args=[self.code])


class JobTitle(models.Model):
    """A ROME appellation: a job title under an occupation."""

    ogr_code = models.PositiveIntegerField(_("code OGR"), null=True, blank=True, unique=True)
    occupation = models.ForeignKey(
        Occupation, on_delete=models.PROTECT, related_name="job_titles", verbose_name=_("métier")
    )
    label = models.CharField(_("libellé"), max_length=250)
    short_label = models.CharField(_("libellé court"), max_length=250, blank=True)
    masculine = models.CharField(_("forme masculine"), max_length=250, blank=True)
    feminine = models.CharField(_("forme féminine"), max_length=250, blank=True)
    is_principal = models.BooleanField(_("appellation principale"), default=False)
    is_rare = models.BooleanField(_("peu usité"), default=False)
    is_obsolete = models.BooleanField(_("obsolète"), default=False)

    class Meta:
        verbose_name = _("appellation")
        verbose_name_plural = _("appellations")
        ordering = ["label"]

    def __str__(self):
        return self.label


class Skill(models.Model):
    class Kind(models.TextChoices):
        KNOW_HOW = "savoir_faire", _("savoir-faire")
        SOFT = "savoir_etre", _("savoir-être professionnel")
        KNOWLEDGE = "savoir", _("savoir")

    kind = models.CharField(_("nature"), max_length=12, choices=Kind.choices)
    ogr_code = models.PositiveIntegerField(_("code OGR"), null=True, blank=True, unique=True)
    label = models.CharField(_("libellé"), max_length=300)
    definition = models.TextField(_("définition"), blank=True)
    is_macro = models.BooleanField(_("macro-compétence"), default=False)
    category = models.CharField(_("catégorie"), max_length=150, blank=True)
    subcategory = models.CharField(_("sous-catégorie"), max_length=150, blank=True)
    ecological_transition = models.BooleanField(_("transition écologique"), default=False)
    digital_transition = models.BooleanField(_("transition numérique"), default=False)
    is_obsolete = models.BooleanField(_("obsolète"), default=False)

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["label"]

    def __str__(self):
        return self.label


class OccupationSkill(models.Model):
    """A skill listed on an occupation's fiche, with ROME's « cœur de métier » mark."""

    class Importance(models.TextChoices):
        CORE = "core", _("cœur de métier")
        EMERGING = "emerging", _("émergente")
        OTHER = "other", _("autre")

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="occupation_links")
    importance = models.CharField(
        _("importance"), max_length=10, choices=Importance.choices, default=Importance.OTHER
    )

    class Meta:
        verbose_name = _("compétence d'un métier")
        verbose_name_plural = _("compétences des métiers")
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="occupation_skill_unique")
        ]

    def __str__(self):
        return f"{self.occupation.code} → {self.skill}"


class Mobility(models.Model):
    """ROME « mobilité professionnelle »: from one occupation to another, ordered."""

    source = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="mobility_links")
    target = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("mobilité")
        verbose_name_plural = _("mobilités")
        ordering = ["source", "order"]
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="mobility_unique")]

    def __str__(self):
        return f"{self.source.code} → {self.target.code}"


class WorkContext(models.Model):
    """Contexte de travail, e.g. « Travail posté (2x8, 3x8…) »."""

    ogr_code = models.PositiveIntegerField(_("code OGR"), unique=True)
    label = models.CharField(_("libellé"), max_length=250)
    category = models.CharField(_("type de contexte"), max_length=150, blank=True)
    is_obsolete = models.BooleanField(_("obsolète"), default=False)

    class Meta:
        verbose_name = _("contexte de travail")
        verbose_name_plural = _("contextes de travail")
        ordering = ["category", "label"]

    def __str__(self):
        return self.label


class EscoItem(models.Model):
    """An ESCO concept: its URI, preferred and alternative labels."""

    uri = models.URLField(_("URI ESCO"), max_length=200, unique=True)
    label = models.CharField(_("libellé"), max_length=300)
    alt_labels = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        abstract = True
        ordering = ["label"]

    def __str__(self):
        return self.label


class EscoOccupation(EscoItem):
    isco_group = models.CharField(_("groupe CITP"), max_length=10, blank=True)
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="esco_occupations",
        verbose_name=_("métier ROME lié"),
    )

    class Meta(EscoItem.Meta):
        verbose_name = _("métier ESCO")
        verbose_name_plural = _("métiers ESCO")


class EscoSkill(EscoItem):
    skill_type = models.CharField(_("type"), max_length=40, blank=True)
    reuse_level = models.CharField(_("niveau de réutilisation"), max_length=40, blank=True)
    skill = models.ForeignKey(
        Skill,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="esco_skills",
        verbose_name=_("compétence ROME liée"),
    )

    class Meta(EscoItem.Meta):
        verbose_name = _("compétence ESCO")
        verbose_name_plural = _("compétences ESCO")


class ListItem(models.Model):
    """An item of a short list that platform admins keep: a slug, a label, a place."""

    slug = models.SlugField(_("identifiant"), unique=True)
    label = models.CharField(_("libellé"), max_length=150, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "label"]

    def __str__(self):
        return self.label


class Activity(ListItem):
    """A value-chain stage a company works at (études, usinage, maintenance…)."""

    class Meta(ListItem.Meta):
        verbose_name = _("activité")
        verbose_name_plural = _("activités")


class Market(ListItem):
    """A client sector a company sells to (aéronautique, naval…)."""

    class Meta(ListItem.Meta):
        verbose_name = _("marché")
        verbose_name_plural = _("marchés")


class VocabularyEntry(models.Model):
    """An occupation or a skill in a cluster's own vocabulary.

    Either a ROME item the cluster works with (`occupation` or `skill` set,
    `label` empty or a local name), or an item of the cluster's own (`label`
    set, e.g. « Shaper » for the surf industry), linked to a ROME item when
    one is close. Labels of merged duplicates are kept in `aliases`, so that
    search still finds them."""

    class Kind(models.TextChoices):
        OCCUPATION = "occupation", _("métier")
        SKILL = "skill", _("compétence")

    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="vocabulary"
    )
    kind = models.CharField(_("nature"), max_length=10, choices=Kind.choices)
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vocabulary_entries",
        verbose_name=_("métier ROME"),
    )
    skill = models.ForeignKey(
        Skill,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vocabulary_entries",
        verbose_name=_("compétence ROME"),
    )
    label = models.CharField(_("libellé local"), max_length=250, blank=True)
    aliases = ArrayField(
        models.CharField(max_length=250), default=list, blank=True, verbose_name=_("autres noms")
    )
    position = models.PositiveIntegerField(_("ordre"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entrée du vocabulaire")
        verbose_name_plural = _("vocabulaire du cluster")
        ordering = ["cluster", "kind", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="occupation", skill__isnull=True)
                    | models.Q(kind="skill", occupation__isnull=True)
                ),
                name="vocabulary_entry_kind_matches_link",
            ),
            models.CheckConstraint(
                condition=(
                    ~models.Q(label="")
                    | models.Q(occupation__isnull=False)
                    | models.Q(skill__isnull=False)
                ),
                name="vocabulary_entry_has_label_or_link",
            ),
            # A ROME item under its official name appears once per cluster.
            models.UniqueConstraint(
                fields=["cluster", "occupation"],
                condition=models.Q(label="", occupation__isnull=False),
                name="vocabulary_entry_official_occupation_once",
            ),
            models.UniqueConstraint(
                fields=["cluster", "skill"],
                condition=models.Q(label="", skill__isnull=False),
                name="vocabulary_entry_official_skill_once",
            ),
        ]
        indexes = [models.Index(fields=["cluster", "kind", "position"])]

    def __str__(self):
        return self.display_label

    @property
    def rome_item(self):
        return self.occupation if self.kind == self.Kind.OCCUPATION else self.skill

    @property
    def display_label(self):
        if self.label:
            return self.label
        item = self.rome_item
        return item.label if item is not None else ""

    @property
    def is_cluster_specific(self):
        return self.rome_item is None
