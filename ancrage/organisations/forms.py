"""Forms of an organisation's shared profile, its membership in a cluster and
what it publishes. Staff and the organisation's own users fill in the same
profile form; only staff set the SIREN once it is known."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from ancrage.clusters.forms import LOGO_FORMATS, BootstrapForm, LogoInput, validate_logo
from ancrage.organisations.fields import NafField
from ancrage.organisations.identifiers import clean_siren, clean_siret
from ancrage.organisations.models import Establishment, Membership, Organisation, PublicField
from ancrage.territory.forms import CommuneField

FIRST_FEE_YEAR = 1950


def _clean_postal_code(value):
    value = value.strip()
    if value and not (value.isdigit() and len(value) == 5):
        raise ValidationError(_("Un code postal compte 5 chiffres."), code="postal_code")
    return value


def organisation_with_siren(siren, exclude=None):
    found = Organisation.objects.filter(siren=siren)
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found.first()


class SirenForm(BootstrapForm, forms.Form):
    """First step of adding a member: is the organisation already known?"""

    siren = forms.CharField(
        label=_("SIREN"),
        required=False,
        max_length=20,
        help_text=_("9 chiffres, espaces permis. Laissez vide si l'organisation n'a pas de SIREN."),
    )

    def clean_siren(self):
        return clean_siren(self.cleaned_data["siren"])


class OrganisationForm(BootstrapForm, forms.ModelForm):
    siren = forms.CharField(label=_("SIREN"), required=False, max_length=20)
    naf_code = NafField(label=_("Code NAF"), required=False)
    website = forms.URLField(
        label=_("Site web"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Par exemple https://www.mon-entreprise.fr"),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        validators=[validate_logo],
        help_text=_("PNG, JPEG, GIF ou WebP, 1 Mo et 4 000 × 4 000 pixels au plus."),
        widget=LogoInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "legal_name",
            "kind",
            "siren",
            "naf_code",
            "headcount",
            "size_class",
            "turnover_band",
            "address",
            "postal_code",
            "commune",
            "website",
            "description",
            "logo",
        ]
        field_classes = {"commune": CommuneField}
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "size_class": _("Calculée à partir de l'effectif quand il est renseigné."),
        }

    def __init__(self, *args, siren_locked=False, logo_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].widget.logo_url = logo_url
        self.fields["postal_code"].widget.attrs["inputmode"] = "numeric"
        if siren_locked and self.instance.siren:
            self.fields["siren"].disabled = True
            self.fields["siren"].help_text = _(
                "Seule l'équipe d'un cluster peut modifier le SIREN."
            )

    def clean_siren(self):
        siren = clean_siren(self.cleaned_data["siren"])
        if siren:
            other = organisation_with_siren(siren, exclude=self.instance)
            if other is not None:
                raise ValidationError(
                    _("Le SIREN %(siren)s est déjà celui de « %(name)s » sur la plateforme."),
                    params={"siren": siren, "name": other.name},
                    code="duplicate",
                )
        return siren

    def clean_postal_code(self):
        return _clean_postal_code(self.cleaned_data["postal_code"])

    def clean_logo(self):
        """A new upload gets a name of ours with the extension of its real
        format, so it is always served with an image content type."""
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            with Image.open(logo) as image:
                extension = LOGO_FORMATS[image.format]
            logo.seek(0)
            logo.name = f"{uuid.uuid4().hex[:16]}.{extension}"
        return logo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("headcount") is not None:
            cleaned.pop("size_class", None)  # derived from the headcount on save
        return cleaned


class MembershipForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["status", "since", "fee_paid", "fee_year", "notes"]
        widgets = {
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "notes": _(
                "Visibles de l'équipe du cluster seulement, jamais de l'organisation "
                "ni d'un autre cluster."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        next_year = timezone.localdate().year + 1
        self.fields["fee_year"] = forms.IntegerField(
            label=_("Année de cotisation"),
            required=False,
            min_value=FIRST_FEE_YEAR,
            max_value=next_year,
            widget=forms.NumberInput(attrs={"class": "form-control"}),
        )

    def clean_since(self):
        since = self.cleaned_data.get("since")
        if since and since > timezone.localdate():
            raise ValidationError(_("La date d'adhésion ne peut pas être dans le futur."))
        return since


class PublicationForm(BootstrapForm, forms.ModelForm):
    public_fields = forms.MultipleChoiceField(
        label=_("Informations publiées"),
        required=False,
        choices=PublicField.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Le nom de l'organisation est toujours publié quand elle figure à l'annuaire."),
    )

    class Meta:
        model = Organisation
        fields = ["listed_publicly", "public_fields"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["public_fields"].widget.attrs["class"] = "form-check-input"

    def clean_public_fields(self):
        chosen = set(self.cleaned_data["public_fields"])
        return [value for value, _label in PublicField.choices if value in chosen]


class EstablishmentForm(BootstrapForm, forms.ModelForm):
    siret = forms.CharField(label=_("SIRET"), max_length=30)

    class Meta:
        model = Establishment
        fields = ["siret", "name", "address", "postal_code", "commune", "is_head_office"]
        field_classes = {"commune": CommuneField}

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_siret(self):
        siret = clean_siret(self.cleaned_data["siret"])
        siren = self.organisation.siren
        if not siren:
            raise ValidationError(
                _("Renseignez d'abord le SIREN de l'organisation : un SIRET en dépend."),
                code="no_siren",
            )
        if siret[:9] != siren:
            raise ValidationError(
                _(
                    "Le SIRET %(siret)s n'appartient pas à cette organisation : il doit "
                    "commencer par son SIREN %(siren)s."
                ),
                params={"siret": siret, "siren": siren},
                code="other_siren",
            )
        others = Establishment.objects.filter(siret=siret).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(
                _("L'établissement %(siret)s est déjà enregistré."),
                params={"siret": siret},
                code="duplicate",
            )
        return siret

    def clean_postal_code(self):
        return _clean_postal_code(self.cleaned_data["postal_code"])
