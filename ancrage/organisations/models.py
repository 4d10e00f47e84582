"""Organisations (companies, schools, training bodies…) and their memberships
in clusters. This first version holds what accounts and tenancy need; the
members issue adds the full profile and the skills matrix."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", _("entreprise")
        TRAINING_BODY = "training", _("organisme de formation")
        HIGHER_EDUCATION = "higher_ed", _("établissement d'enseignement supérieur")
        LYCEE = "lycee", _("lycée")
        LAB = "lab", _("laboratoire / centre de recherche")
        LOCAL_AUTHORITY = "local_authority", _("collectivité")
        EMPLOYMENT_OPERATOR = "employment_operator", _("opérateur de l'emploi")
        EMPLOYER_GROUP = "employer_group", _("groupement d'employeurs")
        ASSOCIATION = "association", _("association / fédération")
        OTHER = "other", _("autre")

    name = models.CharField(_("nom usuel"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    commune = models.ForeignKey(
        "territory.Commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("adhérent")
        FORMER = "former", _("ancien adhérent")

    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    since = models.DateField(_("adhérent depuis"), null=True, blank=True)

    class Meta:
        ordering = ["cluster__name", "organisation__name"]
        verbose_name = _("adhésion")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.organisation} @ {self.cluster}"


class OrganisationUser(models.Model):
    """A person who acts for an organisation (dirigeant, RH, contact)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="users")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_links"
    )
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("utilisateur d'une organisation")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="orguser_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation}"
