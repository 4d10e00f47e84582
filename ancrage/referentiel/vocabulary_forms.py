"""Forms of the vocabulary screen: add a ROME item, add an item of the
cluster's own, rename, merge two entries. One set per list (métiers,
compétences); the form's prefix keeps the two sets apart on the page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.referentiel.forms import OccupationField, SkillField
from ancrage.referentiel.models import VocabularyEntry
from ancrage.referentiel.vocabulary import (
    LABEL_MAX_LENGTH,
    NAMELESS,
    entries,
    is_nameless,
    visible,
)

Kind = VocabularyEntry.Kind
ROME_FIELDS = {Kind.OCCUPATION: OccupationField, Kind.SKILL: SkillField}
ROME_LABELS = {Kind.OCCUPATION: _("Métier du ROME"), Kind.SKILL: _("Compétence du ROME")}
ROME_HELP = {
    Kind.OCCUPATION: _("Libellé, intitulé de poste ou code ROME (par exemple « H2903 »)."),
    Kind.SKILL: _("Libellé de la compétence, par exemple « souder »."),
}
LINK_LABELS = {
    Kind.OCCUPATION: _("Métier du ROME le plus proche (facultatif)"),
    Kind.SKILL: _("Compétence du ROME la plus proche (facultatif)"),
}
LABEL_ERRORS = {
    "max_length": _("Le nom compte %(show_value)s caractères : %(limit_value)s au plus."),
}


class NameField(forms.CharField):
    """A name as the vocabulary keeps it: invisible characters removed, at
    least one letter or digit; its length counts what shows."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", LABEL_MAX_LENGTH)
        kwargs.setdefault("error_messages", LABEL_ERRORS)
        super().__init__(**kwargs)

    def to_python(self, value):
        cleaned = visible(super().to_python(value))
        if "\x00" not in cleaned and is_nameless(value, cleaned):  # NUL: its own message
            raise forms.ValidationError(NAMELESS, code="nameless")
        return cleaned


class AddRomeItemForm(BootstrapForm, forms.Form):
    def __init__(self, *args, cluster, kind, **kwargs):
        super().__init__(*args, prefix=f"{kind}-add", **kwargs)
        self.kind = kind
        self.fields["item"] = ROME_FIELDS[kind](
            label=ROME_LABELS[kind], help_text=ROME_HELP[kind], cluster=cluster
        )


class OwnItemForm(BootstrapForm, forms.Form):
    label = NameField(label=_("Nom"))

    def __init__(self, *args, cluster, kind, **kwargs):
        super().__init__(*args, prefix=f"{kind}-own", **kwargs)
        self.kind = kind
        self.fields["link"] = ROME_FIELDS[kind](
            label=LINK_LABELS[kind], required=False, cluster=cluster
        )


class RenameForm(BootstrapForm, forms.Form):
    label = NameField(label=_("Nom local"), required=False)


class EntryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, entry):
        item = entry.rome_item
        if entry.occupation_id:
            return f"{entry.display_label} ({entry.occupation.code})"
        if item is None:
            return f"{entry.display_label} ({_('propre au cluster')})"
        return entry.display_label


class MergeForm(BootstrapForm, forms.Form):
    keep = EntryChoiceField(
        label=_("Élément à garder"),
        queryset=VocabularyEntry.objects.none(),
        empty_label=_("— choisir —"),
    )
    remove = EntryChoiceField(
        label=_("Doublon à fusionner dans le premier (il disparaît de la liste)"),
        queryset=VocabularyEntry.objects.none(),
        empty_label=_("— choisir —"),
    )

    def __init__(self, *args, cluster, kind, **kwargs):
        super().__init__(*args, prefix=f"{kind}-merge", **kwargs)
        self.kind = kind
        choices = entries(cluster, kind)
        self.fields["keep"].queryset = choices
        self.fields["remove"].queryset = choices

    def clean(self):
        data = super().clean()
        if data.get("keep") and data.get("keep") == data.get("remove"):
            self.add_error("remove", _("Choisissez deux éléments différents."))
        return data
