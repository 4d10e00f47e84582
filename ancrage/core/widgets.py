"""The combobox: one accessible autocomplete widget for every picker.

A text input asks a suggestions URL for options as the person types (htmx)
and shows them in a listbox under it; `ancrage/combobox.js` lets the person
choose one with the mouse or the keyboard (ARIA combobox pattern).

- `Combobox`, single choice: the chosen option's code goes into a hidden input
  `<name>_code`, its label into the text input.
- `ComboboxMultiple`: each chosen option becomes a chip, a checked checkbox
  `<name>_code` labelled with the option; unchecking it removes the item, with
  or without JavaScript. The text input stays free for the next item.

Without JavaScript the typed text is sent as is and the field resolves it
(for several items: one per line or separated by « ; »). Fields give the
widget a `Typed` value (text, code); for several items a `TypedMany` whose
chips are `Typed` (label, code).

The suggestions view reads what the widget sends with `read_query` and
`listbox_id`, and renders each option with `includes/combobox_option.html`
(an `id` of `<listbox>-<key>`, `data-code` and `data-label`).
"""

import re
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

MAX_TEXT_LENGTH = 1000
MAX_ITEMS = 50
LISTBOX_ID = re.compile(r"[A-Za-z][\w-]{0,99}")
SEPARATORS = re.compile(r"[;\r\n]+")
PRIMARY_KEY = r"[0-9]{1,18}"
OPTIONS_LABEL = _("Propositions")
NONE_TEXT = _("Aucune proposition ne correspond.")
SOME_TEXT = _("%s propositions. Flèches haut et bas pour parcourir, Entrée pour choisir.")


class Typed(NamedTuple):
    """A single choice as the widget holds it: the visible text and the code
    of the option chosen in the list ("" when the text was typed)."""

    text: str
    code: str = ""


class TypedMany(NamedTuple):
    """Several choices: the text still typed, and the chips (label, code)."""

    text: str = ""
    chips: tuple = ()


def split_items(text):
    """The items typed in a multiple combobox: one per line or separated by « ; »."""
    return [item.strip() for item in SEPARATORS.split(text) if item.strip()]


def read_query(request, max_length):
    """The typed text: `q`, or the value of the widget's own input named by `field`."""
    query = request.GET.get("q")
    if query is None:
        query = request.GET.get(request.GET.get("field", "")[:100], "")
    return query[:max_length]


def listbox_id(request, default):
    """The listbox the options go to (their ids start with it), or `default`."""
    listbox = request.GET.get("listbox", "")
    return listbox if LISTBOX_ID.fullmatch(listbox) else default


class Combobox(forms.Widget):
    """Single choice. `source` is the URL name of the suggestions view;
    `params` extra query parameters for it; `code_pattern` the regular
    expression a chosen code matches (a primary key unless told)."""

    template_name = "includes/combobox.html"
    multiple = False

    def __init__(
        self,
        source,
        *,
        params=None,
        code_pattern=PRIMARY_KEY,
        options_label=OPTIONS_LABEL,
        none_text=NONE_TEXT,
        some_text=SOME_TEXT,
        maxlength=100,
        attrs=None,
    ):
        super().__init__(attrs)
        self.source = source
        self.params = dict(params or {})
        self.code_pattern = re.compile(code_pattern)
        self.options_label = options_label
        self.none_text = none_text
        self.some_text = some_text
        self.maxlength = maxlength

    def format_value(self, value):
        if not isinstance(value, Typed):
            value = Typed(str(value or ""))
        return Typed(value.text.replace("\x00", ""), value.code)

    def source_url(self, name, input_id):
        query = {"listbox": f"{input_id}_listbox", "field": name, **self.params}
        return f"{reverse(self.source)}?{urlencode(query)}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        attrs = dict(widget["attrs"])
        classes = ["form-control", *attrs.pop("class", "").split()]
        widget["css_class"] = " ".join(dict.fromkeys(classes))
        widget["input_id"] = attrs.pop("id", None) or f"id_{name}"
        widget["other_attrs"] = attrs
        widget["code_name"] = f"{name}_code"
        widget["source_url"] = self.source_url(name, widget["input_id"])
        widget["multiple"] = self.multiple
        widget["empty_chip"] = Typed("")  # the model of a chip added by the script
        widget["options_label"] = self.options_label
        widget["none_text"] = self.none_text
        widget["some_text"] = self.some_text
        widget["maxlength"] = self.maxlength
        return context

    def _render(self, template_name, context, renderer=None):
        # The project's template engine, so the template lives with the others.
        return render_to_string(template_name, context)

    def clean_code(self, code):
        """Only a code of the expected form is kept: anything else is ignored,
        the text decides."""
        code = str(code or "").strip().upper()
        return code if self.code_pattern.fullmatch(code) else ""

    def value_from_datadict(self, data, files, name):
        text = data.get(name)
        code = data.get(f"{name}_code")
        if text is None and code is None:
            return None
        return Typed(str(text or "")[:MAX_TEXT_LENGTH], self.clean_code(code))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_code" not in data


class ComboboxMultiple(Combobox):
    """Several choices, shown as chips (checked checkboxes) above the input."""

    multiple = True

    def use_required_attribute(self, initial):
        return False  # chips may hold the choice while the input is empty

    def format_value(self, value):
        if not isinstance(value, TypedMany):
            value = TypedMany()
        return TypedMany(value.text.replace("\x00", ""), value.chips)

    def value_from_datadict(self, data, files, name):
        text = data.get(name)
        getlist = getattr(data, "getlist", None)
        codes = getlist(f"{name}_code") if getlist else data.get(f"{name}_code")
        if text is None and not codes:
            return None
        if isinstance(codes, str):
            codes = [codes]
        # One chip more than a field takes, so that it can tell there are too
        # many; the rest is not read (bounded work).
        chips = {}
        for code in codes or []:
            code = self.clean_code(code)
            if code:
                chips.setdefault(code, Typed("", code))
                if len(chips) > MAX_ITEMS:
                    break
        return TypedMany(str(text or "")[:MAX_TEXT_LENGTH], tuple(chips.values()))


class ComboboxChoiceField(forms.ModelChoiceField):
    """A single choice made with a `Combobox`. Subclasses resolve the typed
    text (or the chosen code) to an item in `to_python` and give an item's
    code with `code_of(item)`."""

    def validate(self, value):
        # `to_python` already checked the item against the queryset.
        forms.Field.validate(self, value)

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial = self.prepare_value(initial)
        initial_code = initial.code if isinstance(initial, Typed) else ""
        try:
            item = self.to_python(data)
        except ValidationError:
            return True
        return (self.code_of(item) if item else "") != initial_code
