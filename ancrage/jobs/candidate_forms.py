"""Forms of the candidate's screens: signing up, the profile (what they
seek and know), its experience and education lines, the CV file, the
clusters allowed to see the profile, and the password typed to delete the
account."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ancrage.accounts.forms import BootstrapMixin, PasswordPairMixin, normalize_email
from ancrage.accounts.models import User
from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs.forms import LANGUAGE_SEPARATORS, MAX_LANGUAGE_LENGTH, MAX_LANGUAGES
from ancrage.jobs.models import (
    MAX_RADIUS_KM,
    CandidateProfile,
    Contract,
    EducationLine,
    ExperienceLine,
)
from ancrage.referentiel.forms import OccupationMultipleField, SkillMultipleField
from ancrage.territory.forms import CommuneField

DATE_WIDGET = {"type": "date"}


def _date_input():
    return forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d")


class SignupForm(BootstrapMixin, PasswordPairMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Mot de passe (confirmation)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accept_terms = forms.BooleanField(
        label=_(
            "J'ai lu la page « Données personnelles » et j'accepte les conditions "
            "d'utilisation de la plateforme."
        ),
        error_messages={"required": _("Cochez cette case pour créer votre compte.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].widget.attrs["class"] = "form-check-input"

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def password_user(self):
        return User(
            email=self.cleaned_data.get("email", ""),
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )


class ProfileForm(BootstrapForm, forms.ModelForm):
    """What the candidate seeks and knows. Occupations and skills are picked
    in the référentiel (typed text is resolved on submit)."""

    occupations = OccupationMultipleField(
        label=_("Métiers recherchés"),
        required=False,
        help_text=_(
            "Choisissez dans la liste, ou tapez un métier ou un code ROME par ligne "
            "ou séparés par « ; »."
        ),
    )
    skills = SkillMultipleField(
        label=_("Compétences"),
        required=False,
        help_text=_("Choisissez dans la liste, ou tapez-en une par ligne ou séparées par « ; »."),
    )
    languages_text = forms.CharField(
        label=_("Langues"),
        required=False,
        max_length=400,
        help_text=_("Séparées par des virgules, par exemple « anglais, allemand »."),
    )
    mobility_km = forms.IntegerField(
        label=_("Mobilité (km)"),
        help_text=_("La distance que vous acceptez de parcourir, de 0 à 1 000 km."),
        error_messages={
            "required": _(
                "Indiquez votre rayon de mobilité en km (0 si vous ne vous déplacez pas)."
            ),
            "invalid": _("Indiquez un nombre entier de kilomètres, par exemple 30."),
        },
    )
    contracts = forms.MultipleChoiceField(
        label=_("Contrats recherchés"),
        choices=Contract.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Ce type de contrat n'existe pas.")},
    )

    class Meta:
        model = CandidateProfile
        fields = [
            "headline",
            "summary",
            "occupations",
            "skills",
            "qualification",
            "commune",
            "mobility_km",
            "contracts",
            "available_from",
        ]
        field_classes = {"commune": CommuneField}
        labels = {"headline": _("Titre du profil")}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "available_from": _date_input(),
        }
        help_texts = {
            "headline": _("Par exemple « Usineur sur commande numérique, 5 ans d'expérience »."),
            "summary": _("Ce que vous savez faire et ce que vous cherchez, en quelques lignes."),
            "available_from": _("Laissez vide si vous êtes disponible dès maintenant."),
        }

    field_order = [
        "headline",
        "summary",
        "occupations",
        "skills",
        "qualification",
        "languages_text",
        "commune",
        "mobility_km",
        "contracts",
        "available_from",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].choices = [
            ("", _("(non précisé)")),
            *[c for c in self.fields["qualification"].choices if c[0]],
        ]
        self.fields["contracts"].widget.attrs["class"] = "form-check-input"
        self.fields["mobility_km"].widget.attrs.update({"inputmode": "numeric"})
        if self.instance.pk and not self.is_bound:
            self.initial["languages_text"] = ", ".join(self.instance.languages)

    def clean_mobility_km(self):
        km = self.cleaned_data["mobility_km"]
        if km is not None and not 0 <= km <= MAX_RADIUS_KM:
            raise ValidationError(
                _(
                    "Le rayon de mobilité doit être compris entre 0 et 1 000 km "
                    "(vous avez saisi %(km)s)."
                ),
                params={"km": km},
                code="radius",
            )
        return km

    def clean_languages_text(self):
        text = self.cleaned_data["languages_text"].replace("\x00", "")
        values = [" ".join(v.split()) for v in LANGUAGE_SEPARATORS.split(text)]
        values = list({v.casefold(): v for v in values if v}.values())
        if len(values) > MAX_LANGUAGES:
            raise ValidationError(
                _("%(max)s langues au plus."), params={"max": MAX_LANGUAGES}, code="too_many"
            )
        too_long = [v for v in values if len(v) > MAX_LANGUAGE_LENGTH]
        if too_long:
            raise ValidationError(
                _("« %(value)s… » est trop long : %(max)s caractères au plus par langue."),
                params={"value": too_long[0][:20], "max": MAX_LANGUAGE_LENGTH},
                code="too_long",
            )
        return values

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.languages = self.cleaned_data["languages_text"]
        if commit:
            profile.save()
            self.save_m2m()
        return profile


class ExperienceForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = ExperienceLine
        fields = ["title", "employer", "start", "end", "description"]
        widgets = {
            "start": _date_input(),
            "end": _date_input(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"end": _("Laissez vide si c'est votre poste actuel.")}
        error_messages = {
            "start": {"required": _("Indiquez la date de début.")},
            "title": {"required": _("Indiquez l'intitulé du poste.")},
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error(
                "end",
                ValidationError(
                    _("La fin précède le début : corrigez l'une des deux dates."), code="order"
                ),
            )
        return cleaned


class EducationForm(BootstrapForm, forms.ModelForm):
    year = forms.IntegerField(
        label=_("Année d'obtention"),
        required=False,
        error_messages={"invalid": _("Indiquez une année en chiffres, par exemple 2019.")},
    )

    class Meta:
        model = EducationLine
        fields = ["title", "school", "year", "qualification"]
        error_messages = {"title": {"required": _("Indiquez le diplôme ou la formation.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].choices = [
            ("", _("(non précisé)")),
            *[c for c in self.fields["qualification"].choices if c[0]],
        ]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and not 1950 <= year <= 2100:
            raise ValidationError(_("Indiquez une année entre 1950 et 2100."), code="year")
        return year


class CVForm(forms.Form):
    cv = forms.FileField(
        label=_("Votre CV (PDF, 5 Mo au plus)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,.pdf", "class": "form-control"}
        ),
        error_messages={
            "required": _("Choisissez le fichier PDF de votre CV."),
            "empty": _("Ce fichier est vide."),
        },
    )


class SuggestedSkillsForm(forms.Form):
    """The skills suggested from the CV that the candidate adds, all at once."""

    skills = forms.ModelMultipleChoiceField(
        queryset=None,
        required=True,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Cochez au moins une compétence à ajouter."),
            "invalid_choice": _("Cette compétence n'est plus proposée."),
        },
    )

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills
        if not self.is_bound:
            self.initial["skills"] = list(skills)


class VisibilityForm(forms.Form):
    """The clusters whose member companies may see the profile; none is an
    answer too."""

    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters dont les adhérents peuvent voir votre profil"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": _("Ce cluster n'existe pas.")},
    )

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clusters"].queryset = clusters


class DeleteAccountForm(BootstrapMixin, forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Tapez votre mot de passe pour confirmer.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("Mot de passe incorrect : rien n'a été supprimé."), code="wrong_password"
            )
        return password
