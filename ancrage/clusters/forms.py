"""Forms of the cluster screens: profile, team, audit log filters, directory."""

import posixpath
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Cluster, ClusterStaff, StaffInvitation
from ancrage.territory.forms import CommuneField
from ancrage.territory.models import Region

LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_SIDE = 4000  # pixels: a larger image is refused before it is decoded
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
FIRST_FOUNDED_YEAR = 1900


class BootstrapForm:
    """Mixin: Bootstrap 5 classes on the widgets, `is-invalid` on fields in error.
    Render each field with `{% include "clusters/_field.html" %}`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                css_class = "form-select"
            elif isinstance(widget, forms.CheckboxInput):
                css_class = "form-check-input"
            else:
                css_class = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css_class}".strip()

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs.get("class", ""):
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()


def validate_logo(upload):
    """A real PNG, JPEG, GIF or WebP image of at most 1 MB, checked by content."""
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("Le logo pèse %(size)s Ko : 1 024 Ko (1 Mo) au plus."),
            params={"size": upload.size // 1024},
            code="too_large",
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width <= LOGO_MAX_SIDE and height <= LOGO_MAX_SIDE:
                    image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Le logo est bien trop grand : 4 000 × 4 000 pixels au plus."),
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _(
                "Ce fichier n'est pas une image lisible : "
                "envoyez un PNG, un JPEG, un GIF ou un WebP."
            ),
            code="invalid_image",
        ) from None
    finally:
        upload.seek(0)
    if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
        raise ValidationError(
            _("Le logo mesure %(width)s × %(height)s pixels : 4 000 × 4 000 pixels au plus."),
            params={"width": width, "height": height},
            code="too_many_pixels",
        )
    if image_format not in LOGO_FORMATS:
        raise ValidationError(
            _("Format %(format)s refusé : envoyez un PNG, un JPEG, un GIF ou un WebP."),
            params={"format": image_format},
            code="bad_format",
        )


class CurrentLogo:
    """What LogoInput shows as the current logo: its name, linked to the URL
    that serves it (the storage's own URL, /media/…, is served by nothing)."""

    def __init__(self, name, url):
        self.name = posixpath.basename(name)
        self.url = url

    def __str__(self):
        return self.name


class LogoInput(forms.ClearableFileInput):
    """A file input whose « Actuellement » link points to `logo_url`."""

    logo_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = CurrentLogo(value.name, self.logo_url)
        return context


class KeptIfEmptyIntegerField(forms.IntegerField):
    """A number that stays as it is when the field is left empty."""

    def has_changed(self, initial, data):
        return data not in self.empty_values and super().has_changed(initial, data)


class ClusterProfileForm(BootstrapForm, forms.ModelForm):
    website = forms.URLField(
        label=_("Site web"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Par exemple https://www.mon-cluster.fr"),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        validators=[validate_logo],
        help_text=_("PNG, JPEG, GIF ou WebP, 1 Mo et 4 000 × 4 000 pixels au plus."),
        widget=LogoInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )

    class Meta:
        model = Cluster
        fields = [
            "name",
            "kind",
            "filiere",
            "description",
            "seat",
            "founded_year",
            "website",
            "logo",
            "matrix_max_skills",
        ]
        field_classes = {"seat": CommuneField}
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["founded_year"] = forms.IntegerField(
            label=_("Année de création"),
            required=False,
            min_value=FIRST_FOUNDED_YEAR,
            max_value=this_year,
            widget=forms.NumberInput(attrs={"class": "form-control"}),
        )
        self.fields["logo"].widget.logo_url = self.instance.logo_url
        self.fields["matrix_max_skills"] = KeptIfEmptyIntegerField(
            label=_("Compétences clés par adhérent (au plus)"),
            required=False,
            min_value=1,
            max_value=50,
            help_text=self.fields["matrix_max_skills"].help_text,
            widget=forms.NumberInput(attrs={"class": "form-control"}),
        )

    def clean_matrix_max_skills(self):
        value = self.cleaned_data.get("matrix_max_skills")
        return self.instance.matrix_max_skills if value is None else value

    def clean_logo(self):
        """A new upload gets a name of ours, with the extension of its real format,
        so the file is always served with an image content type."""
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            with Image.open(logo) as image:
                extension = LOGO_FORMATS[image.format]
            logo.seek(0)
            logo.name = f"{self.instance.slug}-{uuid.uuid4().hex[:12]}.{extension}"
        return logo


class InvitationForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = StaffInvitation
        fields = ["email", "first_name", "last_name", "role"]
        labels = {
            "email": _("Adresse électronique"),
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "role": _("Rôle"),
        }

    def __init__(self, *args, cluster, **kwargs):
        self.cluster = cluster
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if ClusterStaff.objects.filter(cluster=self.cluster, user__email__iexact=email).exists():
            raise ValidationError(
                _("Cette personne fait déjà partie de l'équipe du cluster."), code="in_team"
            )
        existing = self.cluster.invitations.filter(
            email__iexact=email, accepted_at=None, revoked_at=None
        ).first()
        if existing is not None:
            raise ValidationError(
                _(
                    "Une invitation %(status)s existe déjà pour cette adresse : "
                    "utilisez « Renvoyer » dans la liste des invitations pour "
                    "envoyer un nouveau lien."
                ),
                params={"status": existing.get_status_display()},
                code="open_invitation",
            )
        return email


class RoleForm(BootstrapForm, forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=ClusterStaff.Role.choices)


class AuditFilterForm(BootstrapForm, forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Toutes les actions")), *AuditEntry.Action.choices],
    )
    person = forms.CharField(
        label=_("Personne concernée ou auteur"),
        required=False,
        max_length=254,
        strip=True,
        help_text=_("Une partie d'une adresse électronique ou d'un nom."),
    )
    start = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("La date de fin précède la date de début."))
        return cleaned

    def filter(self, entries):
        """`entries` narrowed by the valid filters."""
        data = self.cleaned_data
        if data.get("action"):
            entries = entries.filter(action=data["action"])
        if data.get("person"):
            # Who acted, or whom the entry concerns: its object (a member, an
            # invitation) or an address in its details (a removed person…).
            text = data["person"]
            entries = entries.annotate(details_text=Cast("details", TextField())).filter(
                Q(actor_email__icontains=text)
                | Q(object_repr__icontains=text)
                | Q(details_text__icontains=text)
            )
        if data.get("start"):
            entries = entries.filter(created_at__date__gte=data["start"])
        if data.get("end"):
            entries = entries.filter(created_at__date__lte=data["end"])
        return entries


class DirectoryFilterForm(BootstrapForm, forms.Form):
    kind = forms.ChoiceField(
        label=_("Type de cluster"),
        required=False,
        choices=[("", _("Tous les types")), *Cluster.Kind.choices],
    )
    region = forms.ModelChoiceField(
        label=_("Région"),
        required=False,
        queryset=Region.objects.none(),
        to_field_name="code",
        empty_label=_("Toutes les régions"),
        error_messages={"invalid_choice": _("Cette région n'a pas de cluster sur la plateforme.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(
            pk__in=Cluster.objects.values("seat__region")
        ).order_by("name")

    def filter(self, clusters):
        data = self.cleaned_data
        region = data.get("region")
        return clusters.matching(data.get("kind"), region.code if region else "")
