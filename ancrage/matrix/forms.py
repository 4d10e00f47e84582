"""The matrix profile form: staff fill it in, members propose changes with
it. Principal métier and key skills are picked in the cluster's vocabulary
(comboboxes); activities and markets are checkboxes; each chosen item may
carry a free comment, posted as `<axis>_comment_<id>`.

Key skills are chips (`SkillChips`), each with its comment field beside it;
`matrix/profile.js` names the comment field of a chip added in the browser.
Without JavaScript, skills are typed separated by « ; » and the « Ajouter à la
liste » button turns them into chips (with their comment field) without
saving anything."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ancrage.core.widgets import MAX_TEXT_LENGTH, Combobox, ComboboxMultiple
from ancrage.matrix.models import ProfileItem
from ancrage.matrix.profiles import Content
from ancrage.referentiel.forms import (
    MAX_CHOICE_LENGTH,
    EntryPicker,
    PickerMultipleField,
    VocabularyEntryField,
)
from ancrage.referentiel.models import Activity, Market, VocabularyEntry

COMMENT_MAX_LENGTH = ProfileItem._meta.get_field("comment").max_length
CERTIFICATION_MAX_LENGTH = 60
MAX_CERTIFICATIONS = 30
CERTIFICATION_SEPARATORS = re.compile(r"[,;\r\n]+")


class LocalSuggestions:
    """A combobox asking `suggestions_url` (a cluster's own suggestions view)
    instead of the shared one, when it is set."""

    suggestions_url = None

    def source_url(self, name, input_id):
        if self.suggestions_url is None:
            return super().source_url(name, input_id)
        query = {"listbox": f"{input_id}_listbox", "field": name, **self.params}
        return f"{self.suggestions_url}?{urlencode(query)}"


class EntryCombobox(LocalSuggestions, Combobox):
    pass


class SkillChips(LocalSuggestions, ComboboxMultiple):
    """The chosen skills as chips, each with its comment field."""

    template_name = "matrix/profile_skills_widget.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.comments = {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["rows"] = [
            (chip, self.comments.get(chip.code, "")) for chip in widget["value"].chips
        ]
        widget["comment_prefix"] = f"{name}_comment_"
        widget["comment_max"] = COMMENT_MAX_LENGTH
        return context


class SkillsField(PickerMultipleField):
    """Key skills: entries of the cluster's skill vocabulary. A chip whose
    entry is not (or no longer) in the vocabulary is refused, not dropped."""

    default_error_messages = {
        "unknown": _(
            "Certaines compétences choisies ne font pas partie du vocabulaire du cluster "
            "(retirées entre-temps ?) : vérifiez la liste."
        ),
    }

    def __init__(self, *, cluster, **kwargs):
        picker = EntryPicker(cluster=cluster, kind=VocabularyEntry.Kind.SKILL)
        kwargs["widget"] = SkillChips(
            "referentiel:suggestions",
            params={"target": "skill", "select": "entry"},
            options_label=picker.options_label,
            maxlength=MAX_TEXT_LENGTH,
        )
        super().__init__(picker.queryset, cluster=cluster, **kwargs)

    def make_picker(self, queryset, cluster):
        return EntryPicker(queryset=queryset, cluster=cluster, kind=VocabularyEntry.Kind.SKILL)

    def to_python(self, value):
        if hasattr(value, "chips"):
            codes = {chip.code for chip in value.chips}
            if len(self._by_code(codes)) != len(codes):
                raise ValidationError(self.error_messages["unknown"], code="unknown")
        return super().to_python(value)


def _comment(value, label):
    value = " ".join(str(value or "").split())
    if "\x00" in value:
        raise ValidationError(_("Le caractère nul n’est pas autorisé."))
    if len(value) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("Le commentaire de « %(item)s » compte %(length)s caractères : %(max)s au plus.")
            % {"item": label, "length": len(value), "max": COMMENT_MAX_LENGTH}
        )
    return value


def split_certifications(text):
    return [" ".join(part.split()) for part in CERTIFICATION_SEPARATORS.split(text or "")]


class ProfileForm(forms.Form):
    """A matrix profile of a member of `cluster`. `ProfileForm.of(cluster,
    content, version)` shows a content; `form.content()` reads the cleaned one."""

    occupation = VocabularyEntryField(
        label=_("Métier principal (« l'accroche en 2 mots »)"),
        help_text=_(
            "Choisissez dans le vocabulaire du cluster, par exemple « usineur mécanique »."
        ),
        error_messages={"required": _("Indiquez le métier principal de l'organisation.")},
        widget=EntryCombobox(
            "referentiel:suggestions",
            params={"target": "occupation", "select": "entry"},
            options_label=EntryPicker.options_label,
            maxlength=MAX_CHOICE_LENGTH,
        ),
    )
    occupation_comment = forms.CharField(
        label=_("Commentaire sur le métier (facultatif)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Activités"), queryset=Activity.objects.all(), required=False
    )
    markets = forms.ModelMultipleChoiceField(
        label=_("Marchés"), queryset=Market.objects.all(), required=False
    )
    certifications = forms.CharField(
        label=_("Certifications (facultatif)"),
        help_text=_("Séparées par des virgules ou des points-virgules : EN 9100, ISO 9001, ASME."),
        max_length=2000,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    COMMENTED = ("skills", "activities", "markets")

    def __init__(self, cluster, *args, comments=None, suggestions_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cluster = cluster
        self.fields["occupation"].set_cluster(cluster)
        self.fields["skills"] = SkillsField(
            cluster=cluster,
            label=_("Compétences clés"),
            help_text=_(
                "Les compétences remarquables seulement : %(max)s au plus. Sans JavaScript, "
                "tapez-les séparées par « ; » puis « Ajouter à la liste »."
            )
            % {"max": cluster.matrix_max_skills},
            required=False,
        )
        self.order_fields(["occupation", "occupation_comment", "skills"])
        for name in ("occupation", "skills"):
            self.fields[name].widget.suggestions_url = suggestions_url
        self.comments = comments or {axis: {} for axis in self.COMMENTED}
        if self.is_bound:
            self.comments = {axis: self._posted_comments(axis) for axis in self.COMMENTED}
        self.fields["skills"].widget.comments = self.comments["skills"]

    @classmethod
    def of(cls, cluster, content, version, **kwargs):
        """An unbound form showing `content`."""
        initial = {
            "occupation": content.occupation,
            "occupation_comment": content.occupation_comment,
            "skills": [entry for entry, _c in content.skills],
            "activities": [activity.pk for activity, _c in content.activities],
            "markets": [market.pk for market, _c in content.markets],
            "certifications": ", ".join(content.certifications),
            "version": version,
        }
        comments = {
            axis: {str(item.pk): comment for item, comment in getattr(content, axis)}
            for axis in cls.COMMENTED
        }
        return cls(cluster, initial=initial, comments=comments, **kwargs)

    def _posted_comments(self, axis):
        prefix = f"{self.add_prefix(axis)}_comment_"
        return {
            key.removeprefix(prefix): str(value)[: COMMENT_MAX_LENGTH * 2]
            for key, value in self.data.items()
            if key.startswith(prefix)
        }

    def clean_skills(self):
        skills = self.cleaned_data["skills"]
        limit = self.cluster.matrix_max_skills
        if len(skills) > limit:
            raise ValidationError(
                _(
                    "Au plus %(limit)s compétences clés (%(count)s choisies) : ne gardez que "
                    "les compétences remarquables."
                ),
                params={"limit": limit, "count": len(skills)},
            )
        return skills

    def clean_certifications(self):
        values = [
            value for value in split_certifications(self.cleaned_data["certifications"]) if value
        ]
        if "\x00" in "".join(values):
            raise ValidationError(_("Le caractère nul n’est pas autorisé."))
        too_long = [value for value in values if len(value) > CERTIFICATION_MAX_LENGTH]
        if too_long:
            raise ValidationError(
                _(
                    "« %(value)s » est trop long pour une certification "
                    "(%(max)s caractères au plus)."
                )
                % {"value": too_long[0][:80], "max": CERTIFICATION_MAX_LENGTH}
            )
        if len(values) > MAX_CERTIFICATIONS:
            raise ValidationError(
                _("Au plus %(max)s certifications.") % {"max": MAX_CERTIFICATIONS}
            )
        return values

    def clean(self):
        cleaned = super().clean()
        self.commented = {}
        for axis in self.COMMENTED:
            items = cleaned.get(axis)
            if items is None:
                continue
            pairs = []
            for item in items:
                label = item.display_label if axis == "skills" else str(item)
                try:
                    pairs.append((item, _comment(self.comments[axis].get(str(item.pk)), label)))
                except ValidationError as error:
                    self.add_error(axis, error)
            self.commented[axis] = pairs
        return cleaned

    def content(self):
        data = self.cleaned_data
        return Content(
            occupation=data["occupation"],
            occupation_comment=" ".join(data["occupation_comment"].split()),
            skills=self.commented["skills"],
            activities=self.commented["activities"],
            markets=self.commented["markets"],
            certifications=data["certifications"],
        )

    def rows(self, axis):
        """(item, checked, comment) for each activity or market, as shown."""
        field = self[axis]
        chosen = {str(value) for value in (field.value() or [])}
        comments = self.comments[axis]
        return [
            (item, str(item.pk) in chosen, comments.get(str(item.pk), ""))
            for item in self.fields[axis].queryset
        ]

    def activity_rows(self):
        return self.rows("activities")

    def market_rows(self):
        return self.rows("markets")


class ProposalForm(ProfileForm):
    message = forms.CharField(
        label=_("Message à l'équipe du cluster (facultatif)"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        max_length=2000,
        required=False,
    )


class NoteForm(forms.Form):
    """A note with a decision: required to send back or refuse, optional to accept."""

    note = forms.CharField(
        label=_("Commentaire"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        max_length=2000,
        required=False,
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, note_required=False, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["note"].label = label
        if note_required:
            self.fields["note"].required = True
            self.fields["note"].error_messages["required"] = _(
                "Expliquez en quelques mots ce qui doit changer."
            )
