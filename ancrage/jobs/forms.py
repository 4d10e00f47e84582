"""Forms of the member company's offer screens: the offer itself (every
field but its life: state, dates of publication and closing, filled flags),
the clusters to submit it to, and its closing (filled? through the job
board?)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs.models import (
    TIMED_CONTRACTS,
    ApplicationMode,
    Contract,
    Offer,
    OfferSkill,
)
from ancrage.referentiel.forms import OccupationField, SkillMultipleField
from ancrage.territory.forms import CommuneField

LANGUAGE_SEPARATORS = re.compile(r"[,;\r\n]+")
MAX_LANGUAGES = 10
MAX_LANGUAGE_LENGTH = 40
MIN_WEEKLY_HOURS = 1
MAX_WEEKLY_HOURS = 48
DATE_WIDGET = {"type": "date"}
YES, NO = "oui", "non"
YES_NO = [(YES, _("Oui")), (NO, _("Non"))]


def _date_input():
    return forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d")


class OfferForm(BootstrapForm, forms.ModelForm):
    """An offer as its company writes it. The skills are OfferSkill rows:
    `required_skills` and `wished_skills`, replaced on each save."""

    occupation = OccupationField(
        label=_("Métier (ROME)"),
        required=False,
        help_text=_("Tapez un métier, une appellation ou un code ROME, par exemple « H2903 »."),
    )
    languages_text = forms.CharField(
        label=_("Langues"),
        required=False,
        max_length=400,
        help_text=_("Séparées par des virgules, par exemple « anglais, allemand »."),
    )
    application_url = forms.URLField(
        label=_("Lien de candidature"), required=False, max_length=200, assume_scheme="https"
    )
    required_skills = SkillMultipleField(
        label=_("Compétences exigées"),
        required=False,
        help_text=_("Choisissez dans la liste, ou tapez-en une par ligne ou séparées par « ; »."),
    )
    wished_skills = SkillMultipleField(
        label=_("Compétences souhaitées"),
        required=False,
        help_text=_("Un plus, sans être indispensables."),
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "occupation",
            "description",
            "contract",
            "contract_months",
            "working_time",
            "weekly_hours",
            "commune",
            "remote",
            "salary_min",
            "salary_max",
            "salary_period",
            "qualification",
            "experience",
            "start_date",
            "positions",
            "application_mode",
            "application_email",
            "application_url",
            "period_start",
            "period_end",
            "rhythm",
            "expires_on",
        ]
        field_classes = {"commune": CommuneField}
        # « 35,5 » as French people write it.
        localized_fields = ["weekly_hours", "salary_min", "salary_max"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "start_date": _date_input(),
            "period_start": _date_input(),
            "period_end": _date_input(),
            "expires_on": _date_input(),
        }
        help_texts = {
            "contract_months": _("Obligatoire pour un CDD, une mission d'intérim ou un VIE."),
            "weekly_hours": _("Entre 1 et 48 heures."),
            "salary_min": _("En euros, facultatif : affiché quand il est indiqué."),
            "period_start": _("Stage et alternance : le calendrier de l'école."),
            "rhythm": _("Par exemple « 3 semaines en entreprise, 1 semaine à l'école »."),
            "expires_on": _("Facultatif : l'offre n'est plus affichée après cette date."),
        }

    field_order = [
        "title",
        "occupation",
        "description",
        "required_skills",
        "wished_skills",
        "contract",
        "contract_months",
        "working_time",
        "weekly_hours",
        "commune",
        "remote",
        "salary_min",
        "salary_max",
        "salary_period",
        "qualification",
        "experience",
        "start_date",
        "languages_text",
        "positions",
        "application_mode",
        "application_email",
        "application_url",
        "period_start",
        "period_end",
        "rhythm",
        "expires_on",
    ]

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].choices = [
            ("", _("(non précisé)")),
            *[c for c in self.fields["qualification"].choices if c[0]],
        ]
        for name in ("positions", "contract_months"):
            # clean_<name> says it in French; the upper bound stays.
            field = self.fields[name]
            field.min_value = None
            field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
            field.widget.attrs.pop("min", None)
        for name in ("occupation", "required_skills", "wished_skills"):
            self.fields[name].set_cluster(cluster)
        if self.instance.pk and not self.is_bound:
            self.initial["languages_text"] = ", ".join(self.instance.languages)
            skills = list(self.instance.skills.select_related("skill"))
            self.initial["required_skills"] = [s.skill for s in skills if s.required]
            self.initial["wished_skills"] = [s.skill for s in skills if not s.required]

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

    def clean_positions(self):
        positions = self.cleaned_data["positions"]
        if positions is not None and positions < 1:
            raise ValidationError(_("Indiquez au moins 1 poste à pourvoir."), code="min_positions")
        return positions

    def clean_contract_months(self):
        months = self.cleaned_data["contract_months"]
        if months is not None and months < 1:
            raise ValidationError(
                _("La durée du contrat est d'au moins 1 mois."), code="min_months"
            )
        return months

    def clean_weekly_hours(self):
        hours = self.cleaned_data["weekly_hours"]
        if hours is not None and not MIN_WEEKLY_HOURS <= hours <= MAX_WEEKLY_HOURS:
            raise ValidationError(
                _("La durée hebdomadaire doit être comprise entre 1 et 48 heures."),
                code="weekly_hours",
            )
        return hours

    def _non_negative(self, name):
        amount = self.cleaned_data[name]
        if amount is not None and amount < 0:
            raise ValidationError(_("Le salaire ne peut pas être négatif."), code="negative")
        return amount

    def clean_salary_min(self):
        return self._non_negative("salary_min")

    def clean_salary_max(self):
        return self._non_negative("salary_max")

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        # An expiry date already saved may stay as it is; a new one must be ahead.
        unchanged = self.instance.pk and expires_on == self.instance.expires_on
        if expires_on is not None and not unchanged and expires_on < timezone.localdate():
            raise ValidationError(
                _("La date d'expiration est passée : choisissez aujourd'hui ou une date à venir."),
                code="past",
            )
        return expires_on

    def clean(self):
        cleaned = super().clean()
        get = cleaned.get
        low, high = get("salary_min"), get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "salary_max",
                ValidationError(
                    _(
                        "Le salaire maximum (%(high)s) est inférieur au salaire minimum "
                        "(%(low)s) : corrigez l'un ou l'autre."
                    ),
                    params={
                        "low": number_format(low, force_grouping=True),
                        "high": number_format(high, force_grouping=True),
                    },
                    code="salary_range",
                ),
            )
        contract, months = get("contract"), get("contract_months")
        if contract in TIMED_CONTRACTS and months is None and "contract_months" not in self.errors:
            self.add_error(
                "contract_months",
                ValidationError(
                    _("Indiquez la durée du contrat en mois pour un %(contract)s."),
                    params={"contract": Contract(contract).label},
                    code="months_required",
                ),
            )
        if contract == Contract.CDI and months is not None:
            self.add_error(
                "contract_months",
                ValidationError(
                    _("Un CDI n'a pas de durée : laissez ce champ vide."), code="months_cdi"
                ),
            )
        mode = get("application_mode")
        if (
            mode == ApplicationMode.EMAIL
            and not get("application_email")
            and "application_email" not in self.errors
        ):
            self.add_error(
                "application_email",
                ValidationError(
                    _("Indiquez le courriel où les candidatures doivent arriver."),
                    code="email_required",
                ),
            )
        if (
            mode == ApplicationMode.URL
            and not get("application_url")
            and "application_url" not in self.errors
        ):
            self.add_error(
                "application_url",
                ValidationError(
                    _("Indiquez le lien du site où les candidats postulent."),
                    code="url_required",
                ),
            )
        start, end = get("period_start"), get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end",
                ValidationError(_("La fin de la période précède son début."), code="period_order"),
            )
        required, wished = get("required_skills") or [], get("wished_skills") or []
        both = {skill.pk for skill in required} & {skill.pk for skill in wished}
        if both:
            names = [str(skill) for skill in wished if skill.pk in both]
            self.add_error(
                "wished_skills",
                ValidationError(
                    _("« %(skill)s » est déjà exigée : retirez-la des compétences souhaitées."),
                    params={"skill": names[0]},
                    code="skill_twice",
                ),
            )
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        offer = super().save(commit=False)
        offer.languages = self.cleaned_data["languages_text"]
        if commit:
            offer.save()
            self.save_skills(offer)
        return offer

    def save_skills(self, offer):
        offer.skills.all().delete()
        rows = [
            OfferSkill(offer=offer, skill=skill, required=True)
            for skill in self.cleaned_data["required_skills"]
        ] + [
            OfferSkill(offer=offer, skill=skill, required=False)
            for skill in self.cleaned_data["wished_skills"]
        ]
        OfferSkill.objects.bulk_create(rows)


class SubmitForm(forms.Form):
    """The clusters to submit the offer to: the organisation's clusters the
    offer is not on yet (checked at first) or was refused by (unchecked)."""

    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters où publier l'offre"),
        queryset=None,
        required=False,  # lifecycle.submit says it when none is chosen
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Ce cluster n'est pas l'un des vôtres.")},
    )

    def __init__(self, *args, clusters, checked=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clusters"].queryset = clusters
        self.fields["clusters"].widget.attrs["class"] = "form-check-input"
        if not self.is_bound:
            self.initial["clusters"] = list(clusters if checked is None else checked)


class CloseForm(forms.Form):
    filled = forms.ChoiceField(
        label=_("Le poste est-il pourvu ?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Répondez par oui ou par non.")},
    )
    through_platform = forms.ChoiceField(
        label=_("Grâce à la bourse d'emploi du cluster ?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Seulement si le poste est pourvu : cela compte dans le bilan du cluster."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-check-input"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("filled") == YES and not cleaned.get("through_platform"):
            self.add_error(
                "through_platform",
                ValidationError(
                    _("Dites si le poste a été pourvu grâce à la bourse d'emploi du cluster."),
                    code="required",
                ),
            )
        return cleaned

    @property
    def is_filled(self):
        return self.cleaned_data["filled"] == YES

    @property
    def is_through_platform(self):
        return self.is_filled and self.cleaned_data.get("through_platform") == YES
