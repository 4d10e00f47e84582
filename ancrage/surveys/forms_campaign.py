"""Campaign forms: the campaign itself (questionnaire, period, dates,
reminders, recurrence, audience with the matrix cross-filter's main axes),
a non-member invitee, and a new closing date (extend, reopen)."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.clusters.forms import BootstrapForm
from ancrage.matrix import query
from ancrage.organisations.identifiers import validate_siren
from ancrage.organisations.models import SizeClass
from ancrage.referentiel.models import Activity, Market, VocabularyEntry
from ancrage.surveys import audience
from ancrage.surveys.campaign_periods import MAX_AHEAD, MAX_LENGTH
from ancrage.surveys.models import Campaign, Questionnaire, Status
from ancrage.territory.forms import CommuneField
from ancrage.territory.models import Department

ALL, SELECTION, NONE = "all", "selection", "none"
FILTER_AXES = ("metier", "skill", "activity", "market", "departement", "size")
MAX_REMINDER_DAY = 365
DAY_LIST = re.compile(r"^[0-9 ,;]*$")
# Fields still editable once a campaign is open, or closed.
OPEN_FIELDS = ("title", "reminder_days", "recurrence", "share_results")
CLOSED_FIELDS = ("title", "share_results")


class EntryChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_label


def filter_fields(cluster):
    """The cross-filter axes offered for the audience, named as in the matrix's query string."""
    entries = VocabularyEntry.objects.filter(cluster=cluster).select_related("occupation", "skill")
    multiple = {"required": False, "widget": forms.SelectMultiple(attrs={"size": 6})}
    checkboxes = {"required": False, "widget": forms.CheckboxSelectMultiple}
    return {
        "metier": EntryChoice(
            entries.filter(kind=VocabularyEntry.Kind.OCCUPATION),
            label=gettext_lazy("Métier principal"),
            **multiple,
        ),
        "skill": EntryChoice(
            entries.filter(kind=VocabularyEntry.Kind.SKILL),
            label=gettext_lazy("Compétences clés (toutes)"),
            **multiple,
        ),
        "activity": forms.ModelMultipleChoiceField(
            Activity.objects.all(),
            to_field_name="slug",
            label=gettext_lazy("Activités"),
            **checkboxes,
        ),
        "market": forms.ModelMultipleChoiceField(
            Market.objects.all(), to_field_name="slug", label=gettext_lazy("Marchés"), **checkboxes
        ),
        "departement": forms.ModelMultipleChoiceField(
            Department.objects.all(),
            to_field_name="code",
            label=gettext_lazy("Département"),
            **multiple,
        ),
        "size": forms.MultipleChoiceField(
            choices=SizeClass.choices, label=gettext_lazy("Taille"), **checkboxes
        ),
    }


def filter_string(cluster, data):
    """The cross-filter query string of the axes chosen in `data` (cleaned)."""
    params = {}
    for axis in FILTER_AXES:
        values = data.get(axis) or []
        if axis in ("metier", "skill"):
            params[axis] = [str(value.pk) for value in values]
        elif axis in ("activity", "market"):
            params[axis] = [value.slug for value in values]
        elif axis == "departement":
            params[axis] = [value.code for value in values]
        else:
            params[axis] = list(values)
    return query.parse(query.Scope.of_cluster(cluster), params).query_string()


def parse_days(text):
    """« 7, 14 » → [7, 14]; ValidationError otherwise."""
    if not DAY_LIST.match(text or ""):
        raise ValidationError(
            _("Indiquez des nombres de jours séparés par des virgules, par exemple « 7, 14 ».")
        )
    days = sorted({int(part) for part in re.split(r"[ ,;]+", text) if part})
    if any(day < 1 or day > MAX_REMINDER_DAY for day in days):
        raise ValidationError(
            _("Une relance a lieu entre 1 et %(max)s jours après l'ouverture.")
            % {"max": MAX_REMINDER_DAY}
        )
    return days


class CampaignForm(BootstrapForm, forms.ModelForm):
    audience = forms.ChoiceField(
        label=gettext_lazy("Adhérents invités"),
        choices=[
            (ALL, gettext_lazy("tous les adhérents")),
            (SELECTION, gettext_lazy("une sélection de la matrice")),
            (NONE, gettext_lazy("aucun (seulement les destinataires ajoutés par adresse)")),
        ],
        widget=forms.RadioSelect,
        initial=ALL,
    )
    reminder_text = forms.CharField(
        label=gettext_lazy("Relances (jours après l'ouverture)"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "Par exemple « 7, 14 » : une relance 7 jours puis 14 jours après l'ouverture, "
            "à ceux qui n'ont pas encore répondu. Laissez vide pour aucune relance."
        ),
    )

    class Meta:
        model = Campaign
        fields = [
            "questionnaire",
            "title",
            "period_label",
            "opens_on",
            "closes_on",
            "recurrence",
            "share_results",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.cluster = cluster
        for name, field in filter_fields(cluster).items():
            if isinstance(field.widget, forms.SelectMultiple) and not isinstance(
                field.widget, forms.CheckboxSelectMultiple
            ):
                field.widget.attrs["class"] = "form-select"
            self.fields[name] = field
        questionnaires = Questionnaire.objects.filter(cluster=cluster, archived=False)
        if self.instance.pk:
            questionnaires = questionnaires | Questionnaire.objects.filter(
                pk=self.instance.questionnaire_id
            )
            self._initial_audience()
        self.fields["questionnaire"].queryset = questionnaires.order_by("title", "pk")
        self.fields["recurrence"].required = False
        for name in list(self.fields):
            if name not in self.editable_fields():
                self.fields[name].disabled = True

    def _initial_audience(self):
        campaign = self.instance
        self.initial["reminder_text"] = ", ".join(str(day) for day in campaign.reminder_days)
        if not campaign.audience_members:
            self.initial["audience"] = NONE
            return
        spec = audience.spec_of(self.cluster, campaign.audience_filter)
        self.initial["audience"] = ALL if spec.is_empty else SELECTION
        for axis in FILTER_AXES:
            self.initial[axis] = list(spec.values[axis])

    def editable_fields(self):
        status = self.instance.status if self.instance.pk else Status.DRAFT
        if status == Status.OPEN:
            return (*OPEN_FIELDS, "reminder_text")
        if status == Status.CLOSED:
            return CLOSED_FIELDS
        return tuple(self.fields)

    @property
    def filter_locked(self):
        return "audience" not in self.editable_fields()

    def clean_opens_on(self):
        opens_on = self.cleaned_data["opens_on"]
        changed = not self.instance.pk or opens_on != self.instance.opens_on
        if changed and opens_on < timezone.localdate():
            raise ValidationError(_("L'ouverture ne peut pas être dans le passé."))
        if opens_on > timezone.localdate() + MAX_AHEAD:
            raise ValidationError(_("L'ouverture ne peut pas être à plus de deux ans."))
        return opens_on

    def clean_reminder_text(self):
        return parse_days(self.cleaned_data.get("reminder_text", ""))

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("La clôture ne peut pas précéder l'ouverture."))
        elif opens_on and closes_on and closes_on > opens_on + MAX_LENGTH:
            self.add_error(
                "closes_on",
                _("Une campagne dure un an au plus : choisissez une clôture avant le %(date)s.")
                % {"date": (opens_on + MAX_LENGTH).strftime("%d/%m/%Y")},
            )
        elif opens_on and closes_on:
            for day in cleaned.get("reminder_text") or []:
                if opens_on + datetime.timedelta(days=day) > closes_on:
                    self.add_error(
                        "reminder_text",
                        _("La relance à J+%(day)s tomberait après la clôture du %(date)s.")
                        % {"day": day, "date": closes_on.strftime("%d/%m/%Y")},
                    )
                    break
        questionnaire = cleaned.get("questionnaire")
        if questionnaire is not None and questionnaire.current_version is None:
            self.add_error("questionnaire", _("Ce questionnaire n'a encore aucune version."))
        if cleaned.get("audience") == SELECTION and not self.filter_locked:
            self.filter = filter_string(self.cluster, cleaned)
            if not self.filter:
                self.add_error(
                    "audience",
                    _("Choisissez au moins un critère, ou invitez tous les adhérents."),
                )
        return cleaned

    @property
    def audience_changed(self):
        """Whether the members the campaign invites may differ after saving."""
        return not self.filter_locked and bool(set(self.changed_data) & {"audience", *FILTER_AXES})

    def save(self, commit=True):
        campaign = super().save(commit=False)
        campaign.cluster = self.cluster
        data = self.cleaned_data
        if "reminder_text" in self.editable_fields():
            campaign.reminder_days = data["reminder_text"]
        if not self.filter_locked:
            campaign.audience_members = data["audience"] != NONE
            campaign.audience_filter = self.filter if data["audience"] == SELECTION else ""
            campaign.version = campaign.questionnaire.current_version
        if commit:
            campaign.save()
        return campaign


class NonMemberForm(BootstrapForm, forms.Form):
    name = forms.CharField(label=gettext_lazy("Organisation"), max_length=250)
    email = forms.EmailField(
        label=gettext_lazy("Adresse électronique"),
        error_messages={"invalid": gettext_lazy("Saisissez une adresse électronique valide.")},
    )
    siren = forms.CharField(
        label=gettext_lazy("SIREN"), max_length=9, required=False, validators=[validate_siren]
    )
    commune = CommuneField(label=gettext_lazy("Commune"), required=False)
    size_class = forms.ChoiceField(
        label=gettext_lazy("Taille"),
        choices=[("", "—"), *SizeClass.choices],
        required=False,
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        taken = self.campaign.invitees.filter(organisation=None, email__iexact=email)
        if taken.exists():
            raise ValidationError(_("Cette adresse est déjà invitée à cette campagne."))
        return email


class ClosingDateForm(BootstrapForm, forms.Form):
    closes_on = forms.DateField(
        label=gettext_lazy("Nouvelle date de clôture"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on > timezone.localdate() + MAX_LENGTH:
            raise ValidationError(
                _("La nouvelle clôture ne peut pas être à plus d'un an : avant le %(date)s.")
                % {"date": (timezone.localdate() + MAX_LENGTH).strftime("%d/%m/%Y")}
            )
        if closes_on <= timezone.localdate():
            raise ValidationError(
                _("La nouvelle date de clôture doit être postérieure à aujourd'hui.")
            )
        return closes_on
