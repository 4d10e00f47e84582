"""The declaration form: its date, one block per occupation (workforce and
forecasts) and one row per skill need. Blocks and rows are formsets: a block
or a row left empty is ignored, « Ajouter un métier » / « Ajouter une
compétence » post the form back with one more, everything typed kept.

    form = DeclarationForm(cluster, data=request.POST or None, initial=…)
    if form.is_valid():
        form.cleaned_blocks(), form.cleaned_skills()
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.gpec import validation
from ancrage.gpec.declarations import FORECAST_FIELDS
from ancrage.gpec.figures import HORIZONS, horizon_label
from ancrage.gpec.models import Difficulty, DifficultyReason, SkillNeed
from ancrage.referentiel.forms import OccupationField, SkillField

MAX_BLOCKS = 60
MAX_SKILLS = 60
ADD_OCCUPATION = "add_occupation"
ADD_SKILL = "add_skill"


class CountField(forms.Field):
    """A number of people: empty, or a whole number from 0 (`validation.parse_count`)."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "class": "form-control"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        number, error = validation.parse_count(value)
        if error:
            raise forms.ValidationError(error, code="invalid")
        return number


def _select(choices):
    return forms.TypedChoiceField(
        choices=[("", "—"), *choices],
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class OccupationBlockForm(forms.Form):
    occupation = OccupationField(label=_("Métier"), required=False)
    headcount = CountField(label=_("Effectif"))
    age_under_25 = CountField(label=_("< 25 ans"))
    age_25_34 = CountField(label=_("25–34 ans"))
    age_35_44 = CountField(label=_("35–44 ans"))
    age_45_54 = CountField(label=_("45–54 ans"))
    age_55_59 = CountField(label=_("55–59 ans"))
    age_60_plus = CountField(label=_("≥ 60 ans"))
    women = CountField(label=_("Femmes"))
    cadres = CountField(label=_("Cadres"))
    cdi = CountField(label=_("CDI"))
    cdd = CountField(label=_("CDD"))
    alternance = CountField(label=_("Alternance"))
    interim = CountField(label=_("Intérim"))
    open_unfilled = CountField(label=_("Postes ouverts non pourvus"))
    creations_1y = CountField(label=_("Créations à 1 an"))
    creations_3y = CountField(label=_("Créations à 3 ans"))
    recruitments_1y = CountField(label=_("Recrutements à 1 an"))
    recruitments_3y = CountField(label=_("Recrutements à 3 ans"))
    retirements_1y = CountField(label=_("Départs en retraite à 1 an"))
    retirements_3y = CountField(label=_("Départs en retraite à 3 ans"))
    other_departures_1y = CountField(label=_("Autres départs à 1 an"))
    other_departures_3y = CountField(label=_("Autres départs à 3 ans"))
    difficulty = _select(Difficulty.choices)
    difficulty_reason = forms.ChoiceField(
        label=_("Raison de la difficulté"),
        choices=[("", "—"), *DifficultyReason.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    AGE_FIELDS = validation.AGE_BANDS
    STAFF_FIELDS = ("women", "cadres", *validation.CONTRACTS)
    FORECAST_FIELDS = FORECAST_FIELDS

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["difficulty"].label = _("Difficulté à recruter")
        self.fields["occupation"].set_cluster(cluster)
        self.is_blank = False

    def clean(self):
        data = super().clean()
        values = {name: data.get(name) for name in self.fields if name != "occupation"}
        typed = any(value not in (None, "") for value in values.values())
        if data.get("occupation") is None and "occupation" not in self.errors:
            if typed:
                self.add_error("occupation", _("Choisissez le métier de ces chiffres."))
            else:
                self.is_blank = True
            return data
        if data.get("headcount") is None and "headcount" not in self.errors:
            self.add_error("headcount", _("Indiquez l'effectif du métier (0 s'il n'y a personne)."))
        if self.errors:
            return data
        errors = validation.workforce_errors(values)
        errors.update(validation.forecast_errors(values, values["headcount"]))
        for field, message in errors.items():
            self.add_error(field, message)
        return data


class SkillNeedForm(forms.Form):
    skill = SkillField(label=_("Compétence"), required=False)
    horizon_years = _select([(years, horizon_label(years)) for years in HORIZONS])
    kind = forms.ChoiceField(
        label=_("Nature du besoin"),
        choices=[("", "—"), *SkillNeed.Kind.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    people = CountField(label=_("Personnes concernées"))
    preferred_answer = forms.ChoiceField(
        label=_("Réponse envisagée"),
        choices=[("", "—"), *SkillNeed.Answer.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    priority = _select(SkillNeed._meta.get_field("priority").choices)

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["horizon_years"].label = _("Horizon")
        self.fields["priority"].label = _("Priorité")
        self.fields["skill"].set_cluster(cluster)
        self.is_blank = False

    def clean(self):
        data = super().clean()
        typed = any(data.get(name) not in (None, "") for name in self.fields if name != "skill")
        if data.get("skill") is None and "skill" not in self.errors:
            if typed:
                self.add_error("skill", _("Choisissez la compétence de ce besoin."))
            else:
                self.is_blank = True
        return data


class _Blocks(forms.BaseFormSet):
    duplicate_field = "occupation"

    def key(self, form):
        return form.cleaned_data.get(self.duplicate_field)

    def message(self, item):
        return validation.duplicate_occupation_message(item)

    def clean(self):
        if any(self.errors):
            return
        keys = [None if form.is_blank else self.key(form) for form in self.forms]
        for index in validation.duplicate_indexes(keys):
            self.forms[index].add_error(self.duplicate_field, self.message(keys[index]))


class _Skills(_Blocks):
    duplicate_field = "skill"

    def key(self, form):
        skill = form.cleaned_data.get("skill")
        return None if skill is None else (skill, form.cleaned_data.get("horizon_years"))

    def message(self, item):
        return _("La compétence « %(skill)s » est déjà demandée plus haut à cet horizon.") % {
            "skill": item[0]
        }


BlockFormSet = forms.formset_factory(
    OccupationBlockForm, formset=_Blocks, extra=0, max_num=MAX_BLOCKS, absolute_max=MAX_BLOCKS
)
SkillFormSet = forms.formset_factory(
    SkillNeedForm, formset=_Skills, extra=0, max_num=MAX_SKILLS, absolute_max=MAX_SKILLS
)


class DateForm(forms.Form):
    declared_on = forms.DateField(
        label=_("Date de la déclaration"),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Saisissez une date valide (jj/mm/aaaa).")},
    )

    def clean_declared_on(self):
        value = self.cleaned_data["declared_on"]
        error = validation.declared_on_error(value)
        if error:
            raise forms.ValidationError(error)
        return value


def _with_one_more(data, prefix):
    """A copy of `data` with one more form in the formset `prefix`."""
    data = data.copy()
    total, _error = validation.parse_count(data.get(f"{prefix}-TOTAL_FORMS"))
    data[f"{prefix}-TOTAL_FORMS"] = str(min((total or 0) + 1, MAX_BLOCKS))
    return data


class DeclarationForm:
    """The date, the occupation blocks and the skill rows together."""

    def __init__(self, cluster, data=None, blocks=(), skills=()):
        if data is not None and ADD_OCCUPATION in data:
            data = _with_one_more(data, "metiers")
        if data is not None and ADD_SKILL in data:
            data = _with_one_more(data, "competences")
        self.adding = data is not None and (ADD_OCCUPATION in data or ADD_SKILL in data)
        # Every block is cleaned, even an untouched one: its `clean` tells blank ones.
        extra = {"cluster": cluster, "empty_permitted": False}
        if data is None:
            blocks = [_initial_block(block) for block in blocks] + [{}]
            skills = [_initial_skill(row) for row in skills] + [{}]
        self.date = DateForm(data, initial={"declared_on": timezone.localdate()})
        self.blocks = BlockFormSet(
            data,
            prefix="metiers",
            initial=None if data is not None else blocks,
            form_kwargs=extra,
        )
        self.skills = SkillFormSet(
            data,
            prefix="competences",
            initial=None if data is not None else skills,
            form_kwargs=extra,
        )

    def is_valid(self):
        if self.adding:
            return False
        valid = [self.date.is_valid(), self.blocks.is_valid(), self.skills.is_valid()]
        return all(valid)

    @property
    def error_count(self):
        if not self.date.is_bound:
            return 0
        count = len(self.date.errors)
        for formset in (self.blocks, self.skills):
            count += len(formset.non_form_errors())
            count += sum(len(errors) for errors in formset.errors)
        return count

    def cleaned_blocks(self):
        return [form.cleaned_data for form in self.blocks.forms if not form.is_blank]

    def cleaned_skills(self):
        return [form.cleaned_data for form in self.skills.forms if not form.is_blank]


def _initial_block(block):
    return {**block, "occupation": block["occupation"].pk}


def _initial_skill(row):
    return {**row, "skill": row["skill"].pk}
