"""`NafField`: pick a NAF sub-class with the project's combobox, or type it.

The list (`members:naf_options`) proposes sub-classes by the start of their
code or words of their label; the chosen code goes into `<name>_code`.
Without JavaScript the typed text is resolved on submit: a code in any usual
form (« 25.62A », « 2562a », « 25.62A — Décolletage ») or words of a label
that only one sub-class has. The cleaned value is the code (« 25.62A »)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ancrage.core.widgets import Combobox, Typed
from ancrage.organisations.identifiers import clean_naf, naf_label, search_naf

NAF_CODE = r"[0-9]{2}\.[0-9]{2}[A-Z]"
MAX_CANDIDATES = 5


def naf_widget():
    return Combobox(
        "members:naf_options",
        code_pattern=NAF_CODE,
        options_label=_("Codes NAF proposés"),
        none_text=_("Aucun code NAF ne correspond."),
        some_text=_(
            "Codes NAF proposés : %s. Flèches haut et bas pour parcourir, Entrée pour choisir."
        ),
        maxlength=200,
    )


def naf_choice(code):
    """What the field shows for `code`: « 25.62A — Décolletage »."""
    label = naf_label(code)
    return f"{code} — {label}" if label else code


class NafField(forms.Field):
    default_error_messages = {
        "ambiguous": _(
            "Plusieurs codes NAF correspondent à « %(value)s » : %(candidates)s. "
            "Choisissez-en un dans la liste ou saisissez le code."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", naf_widget())
        kwargs.setdefault("help_text", _("Code (ex. 25.62A) ou mots du libellé."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Typed) or value in self.empty_values:
            return value
        return Typed(naf_choice(value), value)

    def to_python(self, value):
        if not isinstance(value, Typed):
            value = Typed(str(value) if value not in self.empty_values else "")
        text = value.text.replace("\x00", "").strip()
        if not text:
            return ""
        if value.code and text == naf_choice(value.code):
            return clean_naf(value.code)
        typed_code = text.split("—")[0].split(" - ")[0].strip()
        try:
            return clean_naf(typed_code)
        except ValidationError as error:
            found = search_naf(text, limit=MAX_CANDIDATES + 1)
            if len(found) == 1:
                return found[0][0]
            if not found:
                raise error from None
            labels = [naf_choice(code) for code, _label in found[:MAX_CANDIDATES]]
            if len(found) > MAX_CANDIDATES:
                labels.append("…")
            raise ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={"value": text[:100], "candidates": " ; ".join(labels)},
            ) from None

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (initial or "")
        except ValidationError:
            return True
