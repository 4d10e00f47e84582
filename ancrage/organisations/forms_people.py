"""Forms about the people of an organisation: contacts without an account,
and invitations to act for it on the platform."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.organisations.models import Contact, OrganisationInvitation, OrganisationUser


class ContactForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["first_name", "last_name", "email", "phone", "role", "job_title"]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("first_name", "last_name", "email")):
            raise ValidationError(
                _("Indiquez au moins un nom ou une adresse électronique."), code="empty"
            )
        return cleaned


class OrganisationInvitationForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = OrganisationInvitation
        fields = ["email", "first_name", "last_name", "role"]
        labels = {
            "email": _("Adresse électronique"),
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "role": _("Rôle"),
        }

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        linked = OrganisationUser.objects.filter(
            organisation=self.organisation, user__email__iexact=email
        )
        if linked.exists():
            raise ValidationError(
                _("Cette personne représente déjà l'organisation sur la plateforme."),
                code="linked",
            )
        existing = OrganisationInvitation.objects.filter(
            organisation=self.organisation, email__iexact=email, accepted_at=None, revoked_at=None
        ).first()
        if existing is not None:
            raise ValidationError(
                _(
                    "Une invitation %(status)s existe déjà pour cette adresse : utilisez "
                    "« Renvoyer » dans la liste des invitations pour envoyer un nouveau lien."
                ),
                params={"status": existing.get_status_display()},
                code="open_invitation",
            )
        return email
