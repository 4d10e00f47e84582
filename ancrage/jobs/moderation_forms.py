"""Forms of the staff's moderation screens: the list's state filter, the
reason of a refusal or withdrawal, the job board's moderation setting."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs.models import JobBoard, Publication

REASON_MAX_LENGTH = 2000


class StateFilterForm(forms.Form):
    etat = forms.ChoiceField(
        label=_("État"), choices=[("", _("Toutes")), *Publication.Status.choices], required=False
    )

    def state(self):
        """The state asked for, or "" (all) when none or an unknown one."""
        return self.cleaned_data["etat"] if self.is_valid() else ""


class RefuseForm(BootstrapForm, forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("L'entreprise le lira dans le courriel qui la prévient."),
        error_messages={
            "required": _("Indiquez le motif : l'entreprise le lira."),
            "max_length": _("Le motif tient en %(limit_value)d caractères au plus."),
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].replace("\x00", "").strip()
        if not reason:
            raise forms.ValidationError(_("Indiquez le motif : l'entreprise le lira."))
        return reason


class JobBoardForm(forms.ModelForm):
    class Meta:
        model = JobBoard
        fields = ["moderation"]
        widgets = {"moderation": forms.RadioSelect}
        labels = {"moderation": _("Modération des offres des adhérents")}
        error_messages = {
            "moderation": {
                "required": _("Choisissez quand l'équipe modère les offres."),
                "invalid_choice": _("Choisissez quand l'équipe modère les offres."),
            }
        }
