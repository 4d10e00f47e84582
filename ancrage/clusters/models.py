"""Clusters (the tenants), their networks and their staff."""

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.accounts.models import Invitation


class Network(models.Model):
    """A federation of clusters (e.g. France Clusters)."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    website = models.URLField(_("site web"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("réseau de clusters")

    def __str__(self):
        return self.name


class ClusterQuerySet(models.QuerySet):
    def matching(self, kind="", region_code=""):
        """Clusters of `kind` whose seat is in the région `region_code`; an
        empty criterion matches every cluster. Used by the public directory
        and the API."""
        clusters = self
        if kind:
            clusters = clusters.filter(kind=kind)
        if region_code:
            clusters = clusters.filter(seat__region__code=region_code)
        return clusters


class Cluster(models.Model):
    class Kind(models.TextChoices):
        POLE = "pole", _("pôle de compétitivité")
        GRAPPE = "grappe", _("grappe d'entreprises")
        REGIONAL = "regional", _("cluster régional")
        PTCE = "ptce", _("PTCE")

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    filiere = models.CharField(_("filière"), max_length=300)
    description = models.TextField(_("présentation"), blank=True)
    seat = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        verbose_name=_("commune du siège"),
        related_name="clusters",
    )
    founded_year = models.PositiveSmallIntegerField(_("année de création"), null=True, blank=True)
    website = models.URLField(_("site web"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="clusters/logos/", blank=True)
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clusters",
        verbose_name=_("réseau"),
    )
    matrix_max_skills = models.PositiveSmallIntegerField(
        _("compétences clés par adhérent (au plus)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Dans la matrice, seules les compétences remarquables comptent."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cluster")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:public_detail", args=[self.slug])

    @property
    def logo_version(self):
        """A short hash of the logo's file name, which changes on every upload."""
        return hashlib.sha256(self.logo.name.encode()).hexdigest()[:10] if self.logo else ""

    @property
    def logo_url(self):
        """The logo's public URL, versioned so a browser never keeps an old logo."""
        if not self.logo:
            return ""
        return f"{reverse('clusters:logo', args=[self.slug])}?v={self.logo_version}"


class ClusterStaff(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("administrateur du cluster")
        OFFICER = "officer", _("chargé(e) de mission")

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cluster_staff"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.OFFICER)
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cluster__name", "user__last_name", "user__email"]
        verbose_name = _("membre de l'équipe du cluster")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "user"], name="clusterstaff_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.cluster} ({self.get_role_display()})"

    @property
    def is_admin(self):
        return self.role == self.Role.ADMIN


class StaffInvitation(Invitation):
    """Invitation to join a cluster's team."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(
        _("rôle"),
        max_length=10,
        choices=ClusterStaff.Role.choices,
        default=ClusterStaff.Role.OFFICER,
    )

    class Meta(Invitation.Meta):
        verbose_name = _("invitation dans l'équipe d'un cluster")

    def __str__(self):
        return f"{self.email} → {self.cluster}"

    def grant(self, user):
        """Add `user` to the team with the invited role. Someone already in the
        team keeps their role (an old officer invitation must not demote an
        administrator). The other open invitations of this cluster for the same
        address are revoked: their links must not change anything later."""
        ClusterStaff.objects.get_or_create(
            cluster=self.cluster, user=user, defaults={"role": self.role}
        )
        self.sibling_invitations().update(revoked_at=timezone.now())

    def sibling_invitations(self):
        """The other open (neither accepted nor revoked) invitations of this
        cluster for the same address."""
        return StaffInvitation.objects.filter(
            cluster_id=self.cluster_id,
            email__iexact=self.email,
            accepted_at=None,
            revoked_at=None,
        ).exclude(pk=self.pk)

    def space_key(self):
        return f"staff:{self.cluster_id}"

    def describe(self):
        return _("rejoindre l'équipe de %(cluster)s comme %(role)s") % {
            "cluster": self.cluster.name,
            "role": self.get_role_display(),
        }
