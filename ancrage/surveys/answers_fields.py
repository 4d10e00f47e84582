"""The form field of each kind of question (`surveys.answers.AnswerForm`),
and how a cleaned value is stored (`to_json`) and shown back to be edited
(`to_data`)."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ancrage.referentiel.forms import OccupationField, SkillMultipleField
from ancrage.surveys.answers_display import number_text
from ancrage.surveys.models import Kind
from ancrage.territory.forms import CommuneField

MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 5000
# More choices than this: a drop-down list rather than radio buttons.
MAX_RADIOS = 8
MAX_DIGITS = 14
REQUIRED = _("Répondez à cette question : elle est obligatoire.")
NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f']")
NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class NumberField(forms.CharField):
    """A decimal typed the French or the English way (« 12,5 », « 12.5 »,
    « 1 250 »); the cleaned value is a Decimal."""

    def __init__(self, *, min_value=None, max_value=None, unit="", **kwargs):
        self.min_value, self.max_value, self.unit = min_value, max_value, unit
        attrs = {"inputmode": "decimal", "autocomplete": "off", "class": "form-control"}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(max_length=None, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        compact = NUMBER_SPACES.sub("", text).replace(",", ".")
        digits = len(re.sub(r"[^0-9]", "", compact))
        if not NUMBER.fullmatch(compact) or digits > MAX_DIGITS:
            raise ValidationError(
                _("Saisissez un nombre, par exemple 12 ou 12,5 (« %(value)s » n'en est pas un)."),
                code="invalid",
                params={"value": text[:40]},
            )
        try:
            return Decimal(compact)
        except InvalidOperation as error:  # the pattern above leaves none
            raise ValidationError(_("Saisissez un nombre."), code="invalid") from error

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(
                _("Saisissez un nombre supérieur ou égal à %(min)s."),
                code="min_value",
                params={"min": _plain(self.min_value)},
            )
        if self.max_value is not None and value > self.max_value:
            raise ValidationError(
                _("Saisissez un nombre inférieur ou égal à %(max)s."),
                code="max_value",
                params={"max": _plain(self.max_value)},
            )


def _plain(number):
    return number_text(number).replace(".", ",")


class TextField(forms.CharField):
    """Text with a limit that says how long the text is (nothing is cut:
    the browser keeps the whole text and the person shortens it)."""

    def __init__(self, *, limit, **kwargs):
        self.limit = limit
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and len(value) > self.limit:
            raise ValidationError(
                _(
                    "Ce texte fait %(length)s caractères, pour %(limit)s au plus : "
                    "raccourcissez-le (il est conservé ci-dessous)."
                ),
                code="too_long",
                params={"length": len(value), "limit": self.limit},
            )


class LimitedSkillField(SkillMultipleField):
    def __init__(self, *, max_items=None, **kwargs):
        self.max_items = max_items
        super().__init__(**kwargs)

    def clean(self, value):
        items = super().clean(value)
        if self.max_items and len(items) > self.max_items:
            raise ValidationError(
                ngettext(
                    "Choisissez au plus une compétence (vous en avez indiqué %(count)s).",
                    "Choisissez au plus %(max)s compétences (vous en avez indiqué %(count)s).",
                    self.max_items,
                ),
                code="too_many",
                params={"max": self.max_items, "count": len(items)},
            )
        return items


class LimitedMultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, *, max_items=None, **kwargs):
        self.max_items = max_items
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if self.max_items and len(value) > self.max_items:
            raise ValidationError(
                ngettext(
                    "Cochez au plus une réponse (vous en avez coché %(count)s).",
                    "Cochez au plus %(max)s réponses (vous en avez coché %(count)s).",
                    self.max_items,
                ),
                code="too_many",
                params={"max": self.max_items, "count": len(value)},
            )


def _yes_no(value):
    return value == "true"


def scale_range(question):
    low = question.scale_min if question.scale_min is not None else 1
    high = question.scale_max if question.scale_max is not None else 5
    return range(low, max(low, high) + 1)


def _choice_widget(choices, compact):
    if compact or len(choices) > MAX_RADIOS:
        return forms.Select(attrs={"class": "form-select"})
    return forms.RadioSelect(attrs={"class": "form-check-input"})


def make_field(question, *, cluster=None, compact=False, required=False):
    """The field of `question` (a cell of a table when `compact`)."""
    common = {
        "label": question.label,
        "required": required,
        "help_text": "" if compact else question.help_text,
        "error_messages": {"required": REQUIRED},
    }
    kind = question.kind
    if kind == Kind.NUMBER:
        return NumberField(
            min_value=question.min_value,
            max_value=question.max_value,
            unit=question.unit,
            **common,
        )
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        long = kind == Kind.LONG_TEXT
        if long:
            widget = forms.Textarea(attrs={"class": "form-control", "rows": 4})
        else:
            widget = forms.TextInput(attrs={"class": "form-control"})
        limit = MAX_LONG_TEXT if long else MAX_SHORT_TEXT
        return TextField(limit=limit, widget=widget, **common)
    if kind == Kind.SINGLE_CHOICE:
        choices = [(str(c.get("value")), c.get("label")) for c in question.choices or []]
        widget = _choice_widget(choices, compact)
        if isinstance(widget, forms.Select):
            choices = [("", "—"), *choices]
        return forms.ChoiceField(choices=choices, widget=widget, **common)
    if kind == Kind.MULTIPLE_CHOICE:
        choices = [(str(c.get("value")), c.get("label")) for c in question.choices or []]
        widget = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})
        return LimitedMultipleChoiceField(
            choices=choices, widget=widget, max_items=question.max_items, **common
        )
    if kind == Kind.SCALE:
        choices = [(str(n), str(n)) for n in scale_range(question)]
        if compact:
            choices = [("", "—"), *choices]
            widget = forms.Select(attrs={"class": "form-select"})
        else:
            widget = forms.RadioSelect(attrs={"class": "form-check-input"})
        return forms.TypedChoiceField(
            choices=choices, coerce=int, empty_value=None, widget=widget, **common
        )
    if kind == Kind.YES_NO:
        choices = [("true", _("Oui")), ("false", _("Non"))]
        if compact:
            choices = [("", "—"), *choices]
            widget = forms.Select(attrs={"class": "form-select"})
        else:
            widget = forms.RadioSelect(attrs={"class": "form-check-input"})
        return forms.TypedChoiceField(
            choices=choices, coerce=_yes_no, empty_value=None, widget=widget, **common
        )
    if kind == Kind.DATE:
        widget = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
        return forms.DateField(
            widget=widget, input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"], **common
        )
    if kind == Kind.OCCUPATION:
        field = OccupationField(**common)
    elif kind == Kind.SKILL:
        field = LimitedSkillField(max_items=question.max_items, **common)
    elif kind == Kind.COMMUNE:
        help_text = common.pop("help_text") or None
        field = CommuneField(help_text=help_text, **common)
        return field
    else:
        raise ValueError(f"no field for the kind {kind!r}")
    if cluster is not None:
        field.set_cluster(cluster)
    return field


def to_json(kind, value):
    """The stored form of a cleaned value (`surveys.models` docstring), or
    None when there is no answer."""
    if value in (None, "", [], ()):
        return None
    if kind == Kind.NUMBER:
        return number_text(value)
    if kind == Kind.DATE:
        return value.isoformat()
    if kind == Kind.OCCUPATION:
        return value.pk
    if kind == Kind.SKILL:
        return [item.pk for item in value]
    if kind == Kind.COMMUNE:
        return value.code
    if kind == Kind.MULTIPLE_CHOICE:
        return list(value)
    return value


def to_data(kind, name, value, labels):
    """{posted name: value} that shows the stored `value` in the field `name`."""
    if value in (None, "", []):
        return {}
    if kind == Kind.NUMBER:
        return {name: str(value).replace(".", ",")}
    if kind == Kind.YES_NO:
        return {name: "true" if value is True else "false" if value is False else ""}
    if kind == Kind.MULTIPLE_CHOICE:
        return {name: [str(each) for each in (value if isinstance(value, list) else [value])]}
    if kind == Kind.OCCUPATION:
        text = labels.occupation(value)
        code = text.rsplit("(", 1)[-1].rstrip(")") if text.endswith(")") else ""
        return {name: text, f"{name}_code": code}
    if kind == Kind.SKILL:
        values = value if isinstance(value, list) else [value]
        return {name: "", f"{name}_code": [str(each) for each in values]}
    if kind == Kind.COMMUNE:
        return {name: labels.commune(value), f"{name}_code": str(value)}
    return {name: str(value)}
