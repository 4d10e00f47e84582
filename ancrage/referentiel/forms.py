"""Pickers of the référentiel: occupations, skills and a cluster's vocabulary
entries, one or several, in any form of the product.

    class OfferForm(forms.Form):
        occupation = OccupationField(label=_("Métier"))
        skills = SkillMultipleField(label=_("Compétences"), required=False)

    form = OfferForm(request.POST or None)
    form.set_cluster(request.scope.cluster)  # optional: the cluster's words first

Each field is a combobox (`ancrage.core.widgets`) fed by
`referentiel:suggestions`, the one search service (`search.suggest`): an
occupation is found by its label, a job title, its ROME code or a word of the
cluster's vocabulary linked to it; choosing a job title selects its
occupation. Without JavaScript the typed text is resolved on submit: a ROME
code (« H2903 », « Soudeur (H2913) »), a label (either gender form), or a
single clear best suggestion wins, its words read as complete words; a weak
match is refused; otherwise the field lists, in French, the candidates and
keeps the text. The multiple fields read one item per line or separated by
« ; », plus the chips chosen in the list.

In tests, post the code or the text: ``{"occupation": "H2903"}``,
``{"skills": "Souder; Lire un plan"}`` or ``{"skills_code": [skill.pk]}``.
"""

import copy
import re
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from ancrage.core.widgets import (
    MAX_ITEMS,
    MAX_TEXT_LENGTH,
    PRIMARY_KEY,
    Combobox,
    ComboboxChoiceField,
    ComboboxMultiple,
    Typed,
    TypedMany,
    split_items,
)
from ancrage.referentiel import search
from ancrage.referentiel.models import Occupation, Skill, VocabularyEntry
from ancrage.referentiel.search.text import gender_forms
from ancrage.referentiel.vocabulary import comparable

ROME_CODE = re.compile(r"[A-N][0-9]{4}")
CODE_IN_TEXT = re.compile(r"(?:^|[\s(])([A-Na-n][0-9]{4})\)?\s*$")
MAX_CANDIDATES = 5
MAX_CHOICE_LENGTH = 320  # the longest label shown once chosen, code included
SUGGESTIONS_FOR_TEXT = 12
# The entry picker asks for this many times more suggestions than it shows:
# several of them often stand for the same entry.
ENTRY_SUGGESTIONS_FACTOR = 3
# Typed text: the best suggestion wins when it leads the next item by this
# much, and scores at least MIN_SCORE or is a phrase whose every word is in
# the label. Below, the match is too loose to be taken without the person
# choosing it: one word in the middle of a long label, a typo (« foot »,
# « Food trucker »). Measured on the whole ROME (300 job titles, 300 skills,
# 45 unrelated words): every title and label typed resolves, over 80 % of
# them with a typo do; of the unrelated words, only a typo of a short label still
# does (« rust », « Russe »).
CLEAR_LEAD = 0.15
MIN_SCORE = 0.8
WORD = re.compile(r"\w+")


class Option(NamedTuple):
    """One line of a picker's list."""

    key: str  # unique in the list: the suggestion's kind and id
    code: str  # what the hidden input receives
    choice: str  # what the field shows once chosen
    label: str
    detail: str


class Picker:
    """What a field picks, and how: its model, the code that identifies an
    item in the hidden input, the text that shows it, and how suggestions
    map to items. The suggestions view and the fields share it. Subclasses
    give `default_queryset`, `item_id` (the id a suggestion stands for) and
    `options_label`."""

    target = "occupation"
    select = "rome"
    code_pattern = PRIMARY_KEY

    def __init__(self, queryset=None, cluster=None):
        self.queryset = self.default_queryset() if queryset is None else queryset
        self.cluster = cluster

    def code_of(self, item):
        return str(item.pk)

    def choice_of(self, item):
        return item.label

    def get(self, code):
        if not re.fullmatch(self.code_pattern, code or ""):
            return None
        return self.queryset.filter(pk=code).first()

    def in_text(self, text):
        """The item `text` names without doubt (a code…), if any."""
        return None

    def items_for(self, suggestions):
        """(suggestion, item) pairs, in order, for the suggestions that stand
        for an item of the queryset."""
        ids = {self.item_id(s) for s in suggestions} - {None}
        items = self.queryset.in_bulk(ids) if ids else {}
        return [(s, items[self.item_id(s)]) for s in suggestions if self.item_id(s) in items]

    def suggest(self, text, limit, whole_words=False):
        return search.suggest(
            text, target=self.target, cluster=self.cluster, limit=limit, whole_words=whole_words
        )

    def options(self, text, limit=10):
        return [
            Option(
                key=f"{suggestion.kind}-{suggestion.pk}",
                code=self.code_of(item),
                choice=self.choice_of(item),
                label=suggestion.label,
                detail=self.detail(suggestion, item),
            )
            for suggestion, item in self.items_for(self.suggest(text, limit))
        ]

    def detail(self, suggestion, item):
        return suggestion.detail

    def candidates(self, text):
        """(item, best score, labels it was suggested under) for the items
        `text` may designate, best first. Submitted text is complete: its
        last word is not the start of a longer one."""
        best = {}
        suggestions = self.suggest(text, SUGGESTIONS_FOR_TEXT, whole_words=True)
        for suggestion, item in self.items_for(suggestions):
            if item.pk not in best:
                best[item.pk] = (item, suggestion.score, [])
            best[item.pk][2].append(suggestion.label)
        return list(best.values())

    def resolve(self, text):
        """The one item `text` designates, or a French ValidationError."""
        item = self.in_text(text)
        if item is not None:
            return item
        candidates = self.candidates(text)
        wanted = comparable(text)
        exact = [
            item
            for item, _score, labels in candidates
            if wanted in {comparable(name) for name in self._names(labels, item)}
        ]
        if len(exact) == 1:
            return exact[0]
        clear = len(candidates) == 1 or (
            len(candidates) > 1 and candidates[0][1] - candidates[1][1] >= CLEAR_LEAD
        )
        if clear and self._close_enough(text, *candidates[0][1:]):
            return candidates[0][0]
        shown = text[:100]
        if not candidates or clear:
            raise ValidationError(
                _("Aucun élément ne correspond à « %(value)s ». Vérifiez l'orthographe."),
                code="invalid_choice",
                params={"value": shown},
            )
        labels = [self.choice_of(item) for item, _score, _labels in candidates[:MAX_CANDIDATES]]
        if len(candidates) > MAX_CANDIDATES:
            labels.append("…")
        raise ValidationError(
            _(
                "Plusieurs éléments correspondent à « %(value)s » : %(candidates)s. "
                "Choisissez-en un dans la liste ou précisez, par exemple « %(example)s »."
            ),
            code="ambiguous",
            params={"value": shown, "candidates": " ; ".join(labels), "example": labels[0]},
        )

    @staticmethod
    def _close_enough(text, score, labels):
        """Whether the best candidate may be taken without being chosen."""
        if score >= MIN_SCORE:
            return True
        typed = set(WORD.findall(comparable(text)))
        return len(typed) > 1 and any(
            typed <= set(WORD.findall(comparable(label))) for label in labels
        )

    def _names(self, labels, item):
        """The names `item` goes by: the labels it was suggested under, each
        gender form of them (« Boulanger / Boulangère »: « Boulanger »), and
        its name once chosen."""
        forms_of_labels = [form for label in labels for form in gender_forms(label)]
        return [*labels, *forms_of_labels, self.choice_of(item)]

    def typed(self, item):
        return Typed(self.choice_of(item), self.code_of(item))

    def widget(self, multiple=False):
        widget_class = ComboboxMultiple if multiple else Combobox
        return widget_class(
            "referentiel:suggestions",
            params={"target": self.target, "select": self.select},
            code_pattern=self.code_pattern,
            options_label=self.options_label,
            maxlength=MAX_TEXT_LENGTH if multiple else MAX_CHOICE_LENGTH,
        )


class OccupationPicker(Picker):
    code_pattern = ROME_CODE
    options_label = _("Métiers proposés")

    def default_queryset(self):
        return Occupation.objects.current()

    def code_of(self, item):
        return item.code

    def choice_of(self, item):
        return f"{item.label} ({item.code})"

    def get(self, code):
        return self.queryset.filter(code=code).first() if ROME_CODE.fullmatch(code or "") else None

    def in_text(self, text):
        found = CODE_IN_TEXT.search(text)
        return self.get(found.group(1).upper()) if found else None

    def item_id(self, suggestion):
        return suggestion.occupation_id

    def detail(self, suggestion, item):
        parts = [suggestion.detail] if suggestion.kind != "occupation" else []
        return " · ".join([*parts, item.code])


class SkillPicker(Picker):
    target = "skill"
    options_label = _("Compétences proposées")

    def default_queryset(self):
        return Skill.objects.filter(is_obsolete=False)

    def item_id(self, suggestion):
        return suggestion.skill_id


class EntryPicker(Picker):
    """Entries of one list of a cluster's vocabulary. Suggestions of ROME
    items stand for the cluster's entry linked to them."""

    select = "entry"
    options_label = _("Éléments du vocabulaire proposés")

    def __init__(self, queryset=None, cluster=None, kind=VocabularyEntry.Kind.OCCUPATION):
        self.kind = self.target = kind
        self.cluster = cluster  # the default queryset needs it
        super().__init__(queryset, cluster)

    def default_queryset(self):
        if self.cluster is None:
            return VocabularyEntry.objects.none()
        return VocabularyEntry.objects.filter(cluster=self.cluster, kind=self.kind).select_related(
            "occupation", "skill"
        )

    def choice_of(self, item):
        if item.occupation_id:
            return f"{item.display_label} ({item.occupation.code})"
        return item.display_label

    def in_text(self, text):
        """The entry whose name (as shown once chosen, or alone) is `text`."""
        wanted = comparable(text)
        found = [
            entry
            for entry in self.queryset
            if wanted in (comparable(entry.display_label), comparable(self.choice_of(entry)))
        ]
        return found[0] if len(found) == 1 else None

    def options(self, text, limit=10):
        """One line per entry, under its best suggestion: an entry linked to
        an occupation is found through each of its job titles."""
        unique = {}
        for option in super().options(text, limit * ENTRY_SUGGESTIONS_FACTOR):
            unique.setdefault(option.code, option)
        return list(unique.values())[:limit]

    def items_for(self, suggestions):
        entries = list(self.queryset)
        by_pk = {entry.pk: entry for entry in entries}
        linked = {}
        for entry in entries:
            linked.setdefault(("occupation", entry.occupation_id), entry)
            linked.setdefault(("skill", entry.skill_id), entry)
        pairs = []
        for s in suggestions:
            entry = by_pk.get(s.entry_id) or linked.get(
                ("occupation", s.occupation_id) if s.occupation_id else ("skill", s.skill_id)
            )
            if entry is not None:
                pairs.append((s, entry))
        return pairs


PICKERS = {
    ("occupation", "rome"): OccupationPicker,
    ("skill", "rome"): SkillPicker,
    ("occupation", "entry"): EntryPicker,
    ("skill", "entry"): EntryPicker,
}


def picker_for(target, select, cluster=None):
    """The picker a suggestions request asks for, or None."""
    picker_class = PICKERS.get((target, select or "rome"))
    if picker_class is EntryPicker:
        return EntryPicker(cluster=cluster, kind=target)
    return picker_class(cluster=cluster) if picker_class else None


class PickerMixin:
    """The picker a field works with, kept in step with its queryset."""

    picker_class = OccupationPicker

    def __init__(self, queryset=None, *, cluster=None, multiple=False, **kwargs):
        self.picker = self.make_picker(queryset, cluster)
        kwargs.pop("to_field_name", None)
        kwargs.setdefault("widget", self.picker.widget(multiple=multiple))
        super().__init__(queryset=self.picker.queryset, **kwargs)

    def make_picker(self, queryset, cluster):
        return self.picker_class(queryset=queryset, cluster=cluster)

    def set_cluster(self, cluster):
        """Let the cluster's vocabulary help resolve what is typed."""
        self.picker.cluster = cluster

    def _set_queryset(self, queryset):
        super()._set_queryset(queryset)
        self.picker.queryset = self._queryset

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.picker = copy.copy(self.picker)
        result.picker.queryset = result.queryset
        return result

    def _item(self, value):
        """`value` (an item or its primary key) as an item of the queryset, or None."""
        if isinstance(value, self.queryset.model):
            return value
        try:
            return self.queryset.filter(pk=value).first()
        except (ValueError, TypeError, ValidationError):
            return None


class PickerField(PickerMixin, ComboboxChoiceField):
    """One item of the référentiel, through a combobox."""

    def __init__(self, queryset=None, *, cluster=None, **kwargs):
        kwargs.setdefault("empty_label", None)
        super().__init__(queryset, cluster=cluster, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Typed) or value in self.empty_values:
            return value
        item = self._item(value)
        return Typed(str(value)) if item is None else self.picker.typed(item)

    def to_python(self, value):
        if not isinstance(value, Typed):
            value = Typed(str(value) if value not in self.empty_values else "")
        ProhibitNullCharactersValidator()(value.text)
        text = value.text.strip()
        if not text:
            return None  # an emptied field is empty, whatever code stayed behind
        if value.code:
            item = self.picker.get(value.code)
            # The code counts only if the text still shows that item.
            if item is not None and text in (self.picker.choice_of(item), value.code):
                return item
        return self.picker.resolve(text)

    def code_of(self, item):
        return self.picker.code_of(item)


class PickerMultipleField(PickerMixin, forms.ModelMultipleChoiceField):
    """Several items of the référentiel: chips chosen in the list, plus the
    items typed (one per line or separated by « ; »). The cleaned value is a
    list, in the order given, without duplicates."""

    default_error_messages = {
        "too_many": _("Trop d'éléments : %(max)s au plus, retirez-en quelques-uns."),
    }

    def __init__(self, queryset=None, *, cluster=None, **kwargs):
        super().__init__(queryset, cluster=cluster, multiple=True, **kwargs)

    def _chips(self, items):
        return tuple(self.picker.typed(item) for item in items)

    def prepare_value(self, value):
        if isinstance(value, TypedMany):
            # Chips posted back: show each code still valid with its label.
            found = self._by_code(chip.code for chip in value.chips)
            return TypedMany(value.text, self._chips(found.values()))
        if value in self.empty_values:
            return TypedMany()
        items = [self._item(each) for each in value]
        return TypedMany("", self._chips(item for item in items if item is not None))

    def _by_code(self, codes):
        """{code: item} for the codes that designate an item, in order."""
        found = {}
        for code in codes:
            item = self.picker.get(code)
            if item is not None:
                found[code] = item
        return found

    def to_python(self, value):
        if not isinstance(value, TypedMany):
            value = TypedMany()
        ProhibitNullCharactersValidator()(value.text)
        typed = list({comparable(text): text for text in split_items(value.text)}.values())
        # Counted before anything is resolved: nothing is dropped silently, and
        # the work stays bounded (the widget keeps MAX_ITEMS + 1 chips at most).
        if len({chip.code for chip in value.chips}) + len(typed) > MAX_ITEMS:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"max": MAX_ITEMS},
            )
        items = list(self._by_code(chip.code for chip in value.chips).values())
        errors = []
        for text in typed:
            try:
                items.append(self.picker.resolve(text))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return list({item.pk: item for item in items}.values())

    def clean(self, value):
        items = self.to_python(value)
        if self.required and not items:
            raise ValidationError(self.error_messages["required"], code="required")
        self.run_validators(items)
        return items

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        before = {chip.code for chip in self.prepare_value(initial).chips}
        try:
            after = {self.picker.code_of(item) for item in self.to_python(data)}
        except ValidationError:
            return True
        return before != after


class OccupationField(PickerField):
    """A ROME occupation (métier); the cleaned value is an `Occupation`."""


class OccupationMultipleField(PickerMultipleField):
    """Several ROME occupations; the cleaned value is a list of `Occupation`."""


class SkillField(PickerField):
    """A ROME skill (compétence); the cleaned value is a `Skill`."""

    picker_class = SkillPicker


class SkillMultipleField(PickerMultipleField):
    """Several ROME skills; the cleaned value is a list of `Skill`."""

    picker_class = SkillPicker


class VocabularyEntryField(PickerField):
    """An entry of a cluster's vocabulary: ``VocabularyEntryField(cluster=c,
    kind=VocabularyEntry.Kind.SKILL)``. Typing a ROME item the cluster has
    (or a name of it) selects the cluster's entry."""

    def __init__(
        self, queryset=None, *, cluster=None, kind=VocabularyEntry.Kind.OCCUPATION, **kwargs
    ):
        self.kind = kind
        super().__init__(queryset, cluster=cluster, **kwargs)

    def make_picker(self, queryset, cluster):
        return EntryPicker(queryset=queryset, cluster=cluster, kind=self.kind)

    def set_cluster(self, cluster):
        """Entries of `cluster` only."""
        self.picker = EntryPicker(cluster=cluster, kind=self.kind)
        self.queryset = self.picker.queryset
