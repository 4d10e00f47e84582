"""French geography: régions, départements, EPCI, communes, employment zones."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.utils.translation import gettext_lazy as _

from ancrage.territory.search import CommuneQuerySet, Normalized


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("région")

    def __str__(self):
        return self.name


class Department(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departments")

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    siren = models.CharField(_("SIREN"), max_length=9, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("nature juridique"), max_length=10, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("EPCI")

    def __str__(self):
        return self.name


class EmploymentZone(models.Model):
    """Zone d'emploi INSEE (zonage 2020)."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("zone d'emploi")

    def __str__(self):
        return self.name


class BmoBasin(models.Model):
    """Bassin d'emploi used by France Travail's BMO survey."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("bassin d'emploi BMO")

    def __str__(self):
        return self.name


class Commune(models.Model):
    code = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    postal_codes = ArrayField(models.CharField(max_length=5), default=list, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="communes")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="communes")
    epci = models.ForeignKey(
        Epci, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes"
    )
    employment_zone = models.ForeignKey(
        EmploymentZone, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes"
    )
    bmo_basin = models.ForeignKey(
        BmoBasin, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # A commune that disappeared from the official file (merged) is kept, not deleted.
    is_current = models.BooleanField(_("commune actuelle"), default=True)
    # The name without accents, case, hyphens or apostrophes, kept by the database.
    search_name = models.GeneratedField(
        expression=Normalized("name"),
        output_field=models.CharField(max_length=100),
        db_persist=True,
    )

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("commune")
        indexes = [
            GinIndex(OpClass("search_name", name="gin_trgm_ops"), name="commune_search_trgm"),
            GinIndex(fields=["postal_codes"], name="commune_postal_codes"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """« Lorient (56100) »; the département's code when there is no postal code
        (load `department` with the commune: `select_related("department")`)."""
        postal = self.postal_codes[0] if self.postal_codes else self.department.code
        return f"{self.name} ({postal})"
