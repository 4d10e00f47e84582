"""Organisations (companies, schools, training bodies…), their establishments
and contacts, the people who act for them, and their memberships in clusters.

An organisation is shared by every cluster it belongs to (Neopolia and
Bretagne Pôle Naval see the same SIREN, name and address); what is a
cluster's own (membership fee, internal notes, the skills matrix) hangs on the
`Membership`."""

import hashlib

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.accounts.models import Invitation
from ancrage.organisations.identifiers import validate_naf, validate_siren, validate_siret
from ancrage.territory.search import Normalized


class SizeClass(models.TextChoices):
    """Size classes of the 2008 LME decree (n° 2008-1354), by headcount."""

    TPE = "tpe", _("TPE")
    PME = "pme", _("PME")
    ETI = "eti", _("ETI")
    GE = "ge", _("grande entreprise")

    @classmethod
    def for_headcount(cls, headcount):
        if headcount is None:
            return ""
        if headcount < 10:
            return cls.TPE
        if headcount < 250:
            return cls.PME
        if headcount < 5000:
            return cls.ETI
        return cls.GE


class TurnoverBand(models.TextChoices):
    UNDER_2M = "lt2", _("moins de 2 M€")
    FROM_2M = "2-10", _("de 2 à 10 M€")
    FROM_10M = "10-50", _("de 10 à 50 M€")
    FROM_50M = "50-1500", _("de 50 M€ à 1,5 Md€")
    OVER_1500M = "gt1500", _("plus de 1,5 Md€")


class PublicField(models.TextChoices):
    """What an organisation may show on its clusters' public member directories
    (its name always shows once it is listed)."""

    DESCRIPTION = "description", _("présentation")
    WEBSITE = "website", _("site web")
    LOGO = "logo", _("logo")
    COMMUNE = "commune", _("commune")
    SIZE = "size", _("taille")
    NAF = "naf", _("activité principale (NAF)")
    MATRIX = "matrix", _("métier, compétences, activités et marchés")
    CERTIFICATIONS = "certifications", _("certifications")


def default_public_fields():
    return [PublicField.DESCRIPTION, PublicField.WEBSITE, PublicField.LOGO, PublicField.COMMUNE]


class OrganisationQuerySet(models.QuerySet):
    def members_of(self, cluster):
        """Organisations with a membership (active or former) in `cluster`."""
        return self.filter(memberships__cluster=cluster)


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
    legal_name = models.CharField(_("raison sociale"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    siren = models.CharField(
        _("SIREN"), max_length=9, blank=True, validators=[validate_siren], db_index=True
    )
    naf_code = models.CharField(
        _("code NAF"), max_length=6, blank=True, validators=[validate_naf], db_index=True
    )
    headcount = models.PositiveIntegerField(_("effectif salarié"), null=True, blank=True)
    size_class = models.CharField(
        _("taille"),
        max_length=3,
        choices=SizeClass.choices,
        blank=True,
        help_text=_("Calculée à partir de l'effectif quand il est connu."),
    )
    turnover_band = models.CharField(
        _("chiffre d'affaires"), max_length=8, choices=TurnoverBand.choices, blank=True
    )
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    commune = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    website = models.URLField(_("site web"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    description = models.TextField(_("présentation courte"), max_length=1000, blank=True)
    # Off until the organisation says so: staff and imports create
    # organisations nobody there has agreed to show yet.
    listed_publicly = models.BooleanField(
        _("figurer dans l'annuaire public des clusters"), default=False
    )
    public_fields = ArrayField(
        models.CharField(max_length=20, choices=PublicField.choices),
        default=default_public_fields,
        blank=True,
        verbose_name=_("informations publiées"),
    )
    # The names without accents or case, kept by the database for search.
    search_name = models.GeneratedField(
        expression=Normalized("name"),
        output_field=models.CharField(max_length=200),
        db_persist=True,
    )
    search_document = models.GeneratedField(
        expression=SearchVector("name", "legal_name", "description", config="french_unaccent"),
        output_field=models.TextField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        indexes = [
            GinIndex(OpClass("search_name", name="gin_trgm_ops"), name="organisation_name_trgm"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.headcount is not None:
            self.size_class = SizeClass.for_headcount(self.headcount)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "size_class"}
        super().save(*args, **kwargs)

    @property
    def naf_label(self):
        from ancrage.organisations.identifiers import naf_label

        return naf_label(self.naf_code)

    def publishes(self, field):
        return self.listed_publicly and field in self.public_fields

    @property
    def logo_version(self):
        """A short hash of the logo's file name, which changes on every upload:
        logo URLs carry it, so that a browser never keeps an old logo."""
        return hashlib.sha256(self.logo.name.encode()).hexdigest()[:10] if self.logo else ""

    @property
    def public_field_labels(self):
        return [PublicField(field).label for field in self.public_fields if field in PublicField]


class Establishment(models.Model):
    """An establishment (SIRET) of an organisation: head office, plant, agency."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="establishments"
    )
    siret = models.CharField(_("SIRET"), max_length=14, unique=True, validators=[validate_siret])
    name = models.CharField(_("nom de l'établissement"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    commune = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    is_head_office = models.BooleanField(_("siège"), default=False)

    class Meta:
        ordering = ["-is_head_office", "siret"]
        verbose_name = _("établissement")

    def __str__(self):
        return f"{self.siret} {self.name}".strip()


class Role(models.TextChoices):
    """What a person does for an organisation, as far as the cluster cares."""

    DIRECTOR = "director", _("dirigeant(e)")
    HR = "hr", _("ressources humaines")
    CONTACT = "contact", _("contact")


class ContactQuerySet(models.QuerySet):
    def seen_by(self, membership):
        """The contacts the staff of `membership`'s cluster see: their own
        records and, while the membership is active, the organisation's."""
        own = models.Q(cluster_id=membership.cluster_id)
        if membership.status == Membership.Status.ACTIVE:
            own |= models.Q(cluster=None)
        return self.filter(own)


class Contact(models.Model):
    """A person of an organisation, without an account (people with an
    account are `OrganisationUser`s). `cluster` says whose record it is:
    empty, the organisation's own (recorded in its space, seen by every
    cluster it is an active member of); set, that cluster's (recorded by its
    staff, seen and changed only by them and by the organisation)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("enregistré par le cluster"),
        on_delete=models.CASCADE,
        related_name="contacts",
        null=True,
        blank=True,
    )
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    email = models.EmailField(_("adresse électronique"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.CONTACT)
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("contact")

    def __str__(self):
        return " ".join(filter(None, [self.first_name, self.last_name])) or self.email


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)


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
    fee_paid = models.BooleanField(_("cotisation payée"), default=False)
    fee_year = models.PositiveSmallIntegerField(_("année de cotisation"), null=True, blank=True)
    notes = models.TextField(_("notes internes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["cluster__name", "organisation__name"]
        verbose_name = _("adhésion")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.organisation} @ {self.cluster}"


class OrganisationUser(models.Model):
    """A person with an account who acts for an organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="users")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_links"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.CONTACT)
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("utilisateur d'une organisation")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="orguser_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation}"


class OrganisationInvitation(Invitation):
    """Invitation, sent by a cluster's staff, to act for a member organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    cluster = models.ForeignKey(
        "clusters.Cluster", on_delete=models.CASCADE, related_name="organisation_invitations"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.CONTACT)

    class Meta(Invitation.Meta):
        verbose_name = _("invitation à rejoindre une organisation")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def grant(self, user):
        """Link `user` to the organisation (someone already linked keeps their
        role); the other open invitations to it for the same address are revoked."""
        OrganisationUser.objects.get_or_create(
            organisation=self.organisation, user=user, defaults={"role": self.role}
        )
        OrganisationInvitation.objects.filter(
            organisation_id=self.organisation_id,
            email__iexact=self.email,
            accepted_at=None,
            revoked_at=None,
        ).exclude(pk=self.pk).update(revoked_at=timezone.now())

    def space_key(self):
        return f"member:{self.organisation_id}"

    def describe(self):
        return _("représenter %(organisation)s (%(role)s)") % {
            "organisation": self.organisation.name,
            "role": self.get_role_display(),
        }
