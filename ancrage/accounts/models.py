"""Users (email login), authority scopes, invitations and the audit log."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core import signing
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Roles come from related rows and combine on one account:
    platform administrator (is_superuser), cluster staff (clusters.ClusterStaff),
    organisation user (organisations.OrganisationUser), candidate
    (is_candidate), authority (AuthorityScope)."""

    email = models.EmailField(_("adresse électronique"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    is_active = models.BooleanField(_("actif"), default=True)
    is_staff = models.BooleanField(_("accès à l'administration technique"), default=False)
    is_candidate = models.BooleanField(_("candidat"), default=False)
    email_verified_at = models.DateTimeField(_("adresse vérifiée le"), null=True, blank=True)
    # A new address asked for on the account page; it replaces `email` once
    # the link sent to it is followed.
    pending_email = models.EmailField(_("nouvelle adresse à vérifier"), blank=True)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("utilisateur")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email

    @property
    def is_authority(self):
        return self.authority_scopes.exists()

    @cached_property
    def is_privileged(self):
        """Privileged users must use MFA and have a shorter idle timeout.
        `is_staff` opens Django's admin: privileged too."""
        if self.is_superuser or self.is_staff:
            return True
        return (
            User.objects.filter(pk=self.pk)
            .filter(Q(cluster_staff__isnull=False) | Q(authority_scopes__isnull=False))
            .exists()
        )


class AuthorityScope(models.Model):
    """What a public-authority account may read: régions and/or départements."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="authority_scopes"
    )
    name = models.CharField(
        _("autorité"),
        max_length=200,
        help_text=_("Par exemple : Région Bretagne, DREETS Pays de la Loire"),
    )
    regions = models.ManyToManyField("territory.Region", blank=True, verbose_name=_("régions"))
    departments = models.ManyToManyField(
        "territory.Department", blank=True, verbose_name=_("départements")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("périmètre d'autorité")

    def __str__(self):
        return self.name


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at=None, revoked_at=None, expires_at__gt=timezone.now())


def default_invitation_expiry():
    return timezone.now() + timezone.timedelta(days=settings.ANCRAGE_INVITATION_DAYS)


class Invitation(models.Model):
    """An invitation sent by email. The link carries a signed token; it expires
    and can be used once. Concrete invitations (to a cluster's staff, to an
    organisation) subclass it and define `grant(user)` (what accepting gives),
    `describe()` (that, in one French sentence) and `space_key()` (the key of
    the acting context it opens, see core/context.py)."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("adresse électronique"))
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    SALT = "ancrage.invitation"

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def token(self):
        return signing.dumps(f"{self._meta.label_lower}:{self.key}", salt=self.SALT)

    @staticmethod
    def parse_token(token):
        """Return (model label, key) or None for a token that was not signed by us."""
        try:
            value = signing.loads(token, salt=Invitation.SALT)
            label, key = value.rsplit(":", 1)
            return label, uuid.UUID(key)
        except (signing.BadSignature, ValueError):
            return None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def status(self):
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.is_expired:
            return "expired"
        return "pending"

    def get_status_display(self):
        return {
            "accepted": _("acceptée"),
            "revoked": _("annulée"),
            "expired": _("expirée"),
            "pending": _("en attente"),
        }[self.status]


class AuditEntry(models.Model):
    """Who did what to which object, when and from where. Kept one year."""

    class Action(models.TextChoices):
        LOGIN = "login", _("connexion")
        LOGIN_FAILED = "login_failed", _("échec de connexion")
        LOGOUT = "logout", _("déconnexion")
        MFA_ENROLLED = "mfa_enrolled", _("double authentification activée")
        MFA_FAILED = "mfa_failed", _("code de double authentification refusé")
        MFA_BACKUP_USED = "mfa_backup_used", _("code de secours utilisé")
        MFA_CODES_REGENERATED = "mfa_codes_regenerated", _("codes de secours régénérés")
        PASSWORD_CHANGED = "password_changed", _("mot de passe modifié")
        PASSWORD_RESET = "password_reset", _("mot de passe réinitialisé")
        EMAIL_CHANGE_REQUESTED = "email_change_requested", _("changement d'adresse demandé")
        EMAIL_VERIFIED = "email_verified", _("adresse vérifiée")
        INVITATION_SENT = "invitation_sent", _("invitation envoyée")
        INVITATION_ACCEPTED = "invitation_accepted", _("invitation acceptée")
        INVITATION_REVOKED = "invitation_revoked", _("invitation annulée")
        STAFF_REMOVED = "staff_removed", _("membre de l'équipe retiré")
        STAFF_ROLE_CHANGED = "staff_role_changed", _("rôle dans l'équipe modifié")
        CLUSTER_UPDATED = "cluster_updated", _("profil du cluster modifié")
        VOCABULARY_ADD = "vocabulary.add", _("ajout au vocabulaire")
        VOCABULARY_RENAME = "vocabulary.rename", _("nom local modifié dans le vocabulaire")
        VOCABULARY_MERGE = "vocabulary.merge", _("doublons fusionnés dans le vocabulaire")
        VOCABULARY_MOVE = "vocabulary.move", _("ordre du vocabulaire modifié")
        VOCABULARY_REMOVE = "vocabulary.remove", _("retrait du vocabulaire")
        MEMBER_ADDED = "member.add", _("adhérent ajouté")
        MEMBER_UPDATED = "member.update", _("adhésion modifiée")
        ORGANISATION_UPDATED = "organisation.update", _("fiche d'une organisation modifiée")
        MEMBERS_IMPORTED = "member.import", _("adhérents importés")
        MATRIX_UPDATED = "matrix.update", _("profil de la matrice modifié")
        MATRIX_STATE_CHANGED = "matrix.state", _("état d'un profil de la matrice changé")
        MATRIX_PROPOSAL = "matrix.proposal", _("proposition de modification de la matrice")
        MAILING_SENT = "mailing.sent", _("message ciblé envoyé")
        TENDER_UPDATED = "tender.update", _("appel d'offres modifié")
        QUESTIONNAIRE_UPDATED = "questionnaire.update", _("questionnaire modifié")
        CAMPAIGN_UPDATED = "campaign.update", _("campagne d'enquête modifiée")
        CAMPAIGN_INVITEES = "campaign.invitees", _("destinataires d'une enquête modifiés")
        VIEW = "view", _("consultation")
        EXPORT = "export", _("export")
        UPDATE = "update", _("modification")

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as text so the entry survives the deletion of the account.
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40, choices=Action.choices)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    # A plain id, not a foreign key: the entry outlives the cluster.
    cluster_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("entrée du journal d'audit")
        verbose_name_plural = _("journal d'audit")
        indexes = [
            models.Index(fields=["action", "actor_email", "created_at"]),
            models.Index(fields=["action", "ip_address", "created_at"]),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_email} {self.action}"
