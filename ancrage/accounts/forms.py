from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.accounts.models import User
from ancrage.outbox.models import OutgoingEmail
from ancrage.outbox.services import queue_email


def normalize_email(value):
    """What was typed as an address, comparable and storable (no NUL byte)."""
    return value.replace("\x00", "").strip().lower()[:254]


class BootstrapMixin:
    """Bootstrap's class on every input; labels and errors come from _field.html."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")


class LoginForm(BootstrapMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        "invalid_login": _(
            "Adresse électronique ou mot de passe incorrect. Vérifiez votre saisie "
            "(majuscules comprises) et réessayez."
        ),
        "inactive": _("Ce compte est désactivé."),
    }


class CodeForm(BootstrapMixin, forms.Form):
    """A 6-digit code from the authenticator app (or, at login, a backup code)."""

    code = forms.CharField(
        label=_("Code à 6 chiffres"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, allow_backup=False, autofocus=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not autofocus:  # e.g. one form among others on the account page
            self.fields["code"].widget.attrs.pop("autofocus")
        if allow_backup:
            self.fields["code"].label = _("Code à 6 chiffres ou code de secours")
            self.fields["code"].widget.attrs["inputmode"] = "text"


class PasswordPairMixin:
    """Two password fields checked against Django's validators."""

    def clean_password2(self):
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            raise forms.ValidationError(_("Les deux mots de passe ne sont pas identiques."))
        if password2:
            password_validation.validate_password(password2, self.password_user())
        return password2


class InvitationSignupForm(BootstrapMixin, PasswordPairMixin, forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
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

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def password_user(self):
        return User(
            email=self.email,
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )


class ProfileForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Prénom"), "last_name": _("Nom")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class EmailChangeForm(BootstrapMixin, forms.Form):
    email = forms.EmailField(
        label=_("Nouvelle adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Mot de passe actuel"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = normalize_email(self.cleaned_data["email"])
        if email == self.user.email:
            raise forms.ValidationError(_("C'est déjà l'adresse de votre compte."))
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Cette adresse est déjà utilisée par un autre compte."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mot de passe incorrect."), code="wrong_password")
        return password


class PasswordChangeForm(BootstrapMixin, auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": _("Mot de passe actuel incorrect."),
        "password_mismatch": _("Les deux mots de passe ne sont pas identiques."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One form among four on the account page: focus stays at the top.
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


class PasswordResetForm(BootstrapMixin, auth_forms.PasswordResetForm):
    """Django's reset form, but the email goes through the outbox, and an
    address gets at most RESETS_PER_HOUR of them (a stranger cannot flood a
    mailbox; the page answers the same either way)."""

    RESETS_PER_HOUR = 3

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        recent = OutgoingEmail.objects.filter(
            template="password_reset",
            to=to_email,
            created_at__gte=timezone.now() - timedelta(hours=1),
        )
        if recent.count() >= self.RESETS_PER_HOUR:
            return
        path = reverse("accounts:password_reset_confirm", args=[context["uid"], context["token"]])
        queue_email(
            "password_reset",
            to_email,
            {"user": context["user"], "url": settings.SITE_URL + path},
        )


class SetPasswordForm(BootstrapMixin, auth_forms.SetPasswordForm):
    error_messages = {"password_mismatch": _("Les deux mots de passe ne sont pas identiques.")}
