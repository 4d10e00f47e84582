"""Forms of the applications' screens: applying (message, cover letter), the
company's moves (one application or several), notes, the pipeline's
filters, and a school's relay of an offer to its students."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs import applications, relays
from ancrage.jobs.models import Application, RefusalReason

Status = Application.Status

REASON_CHOICES = [("", _("— choisir le motif —")), *RefusalReason.choices]


class ApplyForm(BootstrapForm, forms.Form):
    message = forms.CharField(
        label=_("Message au recruteur"),
        required=False,
        max_length=applications.MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Facultatif. Pourquoi ce poste vous intéresse, vos disponibilités…"),
        error_messages={"max_length": _("Le message compte 5 000 caractères au plus.")},
    )
    cover_letter = forms.FileField(
        label=_("Lettre de motivation (PDF, 5 Mo au plus)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"invalid": _("Le fichier envoyé est illisible : déposez-le de nouveau.")},
    )


class MoveForm(BootstrapForm, forms.Form):
    """One application to a new step; refused needs a reason."""

    status = forms.ChoiceField(
        label=_("Nouvel état"),
        choices=[(s.value, s.label) for s in Status if s != Status.WITHDRAWN],
        error_messages={
            "required": _("Choisissez le nouvel état."),
            "invalid_choice": _("Cet état n'existe pas."),
        },
    )
    reason = forms.ChoiceField(
        label=_("Motif du refus"),
        required=False,
        choices=REASON_CHOICES,
        error_messages={"invalid_choice": _("Ce motif n'existe pas.")},
    )
    email = forms.BooleanField(
        label=_("Prévenir le candidat par courriel"), required=False, initial=True
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.REFUSED and not cleaned.get("reason"):
            self.add_error(
                "reason",
                ValidationError(_("Choisissez le motif du refus : le candidat le lira.")),
            )
        return cleaned


class BulkForm(MoveForm):
    """Several applications of one offer to one step."""

    applications = forms.ModelMultipleChoiceField(
        queryset=Application.objects.none(),
        error_messages={
            "required": _("Cochez au moins une candidature."),
            "invalid_choice": _("Une candidature cochée n'existe plus."),
            "invalid_pk_value": _("Une candidature cochée n'existe plus."),
        },
    )

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = offer.applications.select_related(
            "candidate__user", "offer__organisation"
        )


class NoteForm(BootstrapForm, forms.Form):
    text = forms.CharField(
        label=_("Nouvelle note"),
        max_length=applications.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Visible de votre organisation seulement, jamais du candidat."),
        error_messages={
            "required": _("La note est vide."),
            "max_length": _("Une note compte 5 000 caractères au plus."),
        },
    )


class PipelineFilterForm(BootstrapForm, forms.Form):
    """The pipeline's filters, in the query string."""

    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Toutes")), *Status.choices],
        error_messages={"invalid_choice": _("Cet état n'existe pas.")},
    )
    q = forms.CharField(label=_("Nom ou titre du candidat"), required=False, max_length=100)
    lettre = forms.BooleanField(label=_("Avec une lettre de motivation"), required=False)

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("etat"):
            queryset = queryset.filter(status=data["etat"])
        text = (data.get("q") or "").strip()
        if text:
            for word in text.split()[:5]:
                queryset = queryset.filter(
                    Q(candidate__user__first_name__unaccent__icontains=word)
                    | Q(candidate__user__last_name__unaccent__icontains=word)
                    | Q(candidate__user__email__icontains=word)
                    | Q(candidate__headline__unaccent__icontains=word)
                )
        if data.get("lettre"):
            queryset = queryset.filter(cover_letter__isnull=False)
        return queryset


class RelayForm(BootstrapForm, forms.Form):
    addresses = forms.CharField(
        label=_("Adresses de courriel des étudiants"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Une adresse par ligne, ou séparées par des virgules ou des points-virgules ; "
            "500 adresses au plus."
        ),
        error_messages={"required": _("Indiquez au moins une adresse.")},
    )
    message = forms.CharField(
        label=_("Votre message"),
        required=False,
        max_length=relays.MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Le message compte 5 000 caractères au plus.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_addresses(self):
        emails, errors = relays.parse_addresses(self.cleaned_data["addresses"])
        if errors:
            raise ValidationError(
                [
                    _("Ligne %(line)s : « %(value)s » : %(message)s.")
                    % {"line": line, "value": value, "message": message}
                    for line, value, message in errors
                ]
            )
        if not emails:
            raise ValidationError(_("Indiquez au moins une adresse."))
        if len(emails) > relays.MAX_RECIPIENTS:
            raise ValidationError(
                _("%(count)s adresses : 500 au plus par envoi.") % {"count": len(emails)}
            )
        already = relays.recipients_today(self.organisation)
        if already + len(emails) > relays.MAX_RECIPIENTS_PER_DAY:
            raise ValidationError(
                _(
                    "Votre établissement a déjà relayé des offres à %(already)s adresses "
                    "aujourd'hui : %(limit)s au plus par jour. Reprenez demain."
                )
                % {"already": already, "limit": "1 500"}
            )
        return emails
