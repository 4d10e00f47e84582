"""Forms of the tender screens: the tender, one requirement, the follow-up of
a candidate, the outcome, the list's filters."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.referentiel.forms import VocabularyEntryField
from ancrage.referentiel.models import Activity, Market, VocabularyEntry
from ancrage.tenders.models import Candidate, Tender
from ancrage.territory.models import Department

SEPARATORS = re.compile(r"[;,\s]+")
CERTIFICATION_SEPARATORS = re.compile(r"[;,\r\n]+")
MAX_CERTIFICATIONS = 20
MUST_HAVE = "must"
IMPORTANCE_CHOICES = [
    (MUST_HAVE, _("indispensable")),
    *[(str(weight), _("poids %(weight)s") % {"weight": weight}) for weight in range(5, 0, -1)],
]


class TenderForm(BootstrapForm, forms.ModelForm):
    departments_text = forms.CharField(
        label=_("Territoire (départements)"),
        required=False,
        max_length=400,
        help_text=_(
            "Codes des départements séparés par des espaces ou des virgules, par exemple "
            "« 44 56 85 ». Laissez vide pour chercher parmi tous les adhérents."
        ),
    )
    certifications_text = forms.CharField(
        label=_("Certifications exigées"),
        required=False,
        max_length=1000,
        help_text=_("Séparées par des « ; » ou des virgules, par exemple « EN 9100 ; ISO 14001 »."),
    )

    class Meta:
        model = Tender
        fields = ["title", "kind", "client", "reference", "market", "deadline", "amount"]
        fields += ["description"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    field_order = [
        "title",
        "kind",
        "client",
        "reference",
        "market",
        "deadline",
        "amount",
        "departments_text",
        "certifications_text",
        "description",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].queryset = Market.objects.all()
        self.fields["market"].empty_label = _("(aucun en particulier)")
        self.fields["amount"].help_text = _("Montant estimé du marché, en euros hors taxes.")
        if self.instance.pk and not self.is_bound:
            codes = self.instance.departments.order_by("code").values_list("code", flat=True)
            self.initial["departments_text"] = " ".join(codes)
            self.initial["certifications_text"] = " ; ".join(self.instance.certifications)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise ValidationError(_("Le montant ne peut pas être négatif."), code="negative")
        return amount

    def clean_departments_text(self):
        codes = [code.upper() for code in SEPARATORS.split(self.cleaned_data["departments_text"])]
        codes = list(dict.fromkeys(code.zfill(2) for code in codes if code))
        found = {d.code: d for d in Department.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(
                _("Département inconnu : %(codes)s. Saisissez des codes comme « 44 » ou « 2A »."),
                params={"codes": ", ".join(unknown[:10])},
                code="unknown",
            )
        return [found[code] for code in codes]

    def clean_certifications_text(self):
        text = self.cleaned_data["certifications_text"].replace("\x00", "")
        values = [" ".join(v.split()) for v in CERTIFICATION_SEPARATORS.split(text)]
        values = list({v.casefold(): v for v in values if v}.values())
        if len(values) > MAX_CERTIFICATIONS:
            raise ValidationError(
                _("%(max)s certifications au plus."), params={"max": MAX_CERTIFICATIONS}
            )
        too_long = [v for v in values if len(v) > 60]
        if too_long:
            raise ValidationError(
                _("« %(value)s… » est trop long : 60 caractères au plus par certification."),
                params={"value": too_long[0][:30]},
            )
        return values

    def save(self, commit=True):
        tender = super().save(commit=False)
        tender.certifications = self.cleaned_data["certifications_text"]
        if commit:
            tender.save()
            tender.departments.set(self.cleaned_data["departments_text"])
        return tender


class RequirementForm(BootstrapForm, forms.Form):
    """A skill of the cluster's vocabulary or an activity, and its importance."""

    activity = forms.ModelChoiceField(
        label=_("ou une activité"),
        queryset=Activity.objects.all(),
        required=False,
        empty_label=_("(aucune)"),
    )
    importance = forms.ChoiceField(
        label=_("Importance"), choices=IMPORTANCE_CHOICES, initial=MUST_HAVE
    )

    field_order = ["skill", "activity", "importance"]

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"] = VocabularyEntryField(
            label=_("Compétence du cluster"),
            required=False,
            cluster=cluster,
            kind=VocabularyEntry.Kind.SKILL,
            help_text=_("Une compétence du vocabulaire du cluster, par exemple « usinage »."),
        )
        self.fields["skill"].widget.attrs["class"] = "form-control"
        self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        skill, activity = cleaned.get("skill"), cleaned.get("activity")
        if not self.errors and bool(skill) == bool(activity):
            raise ValidationError(
                _("Choisissez une compétence ou une activité (l'une ou l'autre)."),
                code="one_of",
            )
        return cleaned

    @property
    def must_have(self):
        return self.cleaned_data["importance"] == MUST_HAVE

    @property
    def weight(self):
        return 5 if self.must_have else int(self.cleaned_data["importance"])


class CandidateForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Candidate
        fields = ["status", "note"]


class OutcomeForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Tender
        fields = ["outcome"]


class ListFilterForm(BootstrapForm, forms.Form):
    DEADLINES = [
        ("", _("toutes")),
        ("upcoming", _("à venir")),
        ("soon", _("dans les 30 jours")),
        ("past", _("dépassée")),
    ]

    outcome = forms.ChoiceField(
        label=_("Issue"), required=False, choices=[("", _("toutes")), *Tender.Outcome.choices]
    )
    deadline = forms.ChoiceField(label=_("Date limite"), required=False, choices=DEADLINES)
    q = forms.CharField(label=_("Recherche"), required=False, max_length=100)
