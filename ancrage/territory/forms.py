"""`CommuneField`: pick a current French commune in any form.

Usage, in a ModelForm with a ForeignKey to `Commune`::

    class ClusterForm(forms.ModelForm):
        class Meta:
            model = Cluster
            fields = ["name", "seat"]
            field_classes = {"seat": CommuneField}

or in a plain form: ``seat = CommuneField(label=_("Commune"))``. The cleaned
value is a `Commune`.

The widget is the project's combobox (`ancrage.core.widgets.Combobox`): a
text input that asks `territory:commune_autocomplete` for suggestions as the
person types (htmx), a listbox under it, and a hidden input `<name>_code`
that receives the INSEE code of the commune chosen in the list. Without
JavaScript the typed text is resolved on submit: an INSEE code, a postal code
of a single commune, a label such as « Lorient (56100) » or a name only one
commune matches. Otherwise the field says, in French, which communes match
and asks to choose; the typed text is kept.

The form's initial commune stays valid even when it is no longer current
(merged after a yearly import): the form can be saved unchanged, and the help
text suggests choosing the new commune. Any other choice must be current.

In tests, post the INSEE code or the label as the field's value:
``{"seat": commune.code}``.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from ancrage.core.widgets import Combobox, ComboboxChoiceField, Typed
from ancrage.territory.models import Commune

MAX_CANDIDATES = 5
INSEE_CODE = re.compile(r"[0-9][0-9AB][0-9]{3}")

# What the picker holds: the visible text and the chosen INSEE code.
TypedCommune = Typed


def commune_widget():
    return Combobox(
        "territory:commune_autocomplete",
        code_pattern=INSEE_CODE,
        options_label=_("Communes proposées"),
        none_text=_("Aucune commune ne correspond."),
        some_text=_(
            "Communes proposées : %s. Flèches haut et bas pour parcourir, Entrée pour choisir."
        ),
    )


class CommuneField(ComboboxChoiceField):
    default_error_messages = {
        "invalid_choice": _(
            "Aucune commune ne correspond à « %(value)s ». Vérifiez l'orthographe "
            "ou saisissez le code postal."
        ),
        "ambiguous": _(
            "Plusieurs communes correspondent à « %(value)s » : %(candidates)s. "
            "Choisissez-en une dans la liste ou précisez le code postal, "
            "par exemple « %(example)s »."
        ),
    }

    def __init__(self, queryset=None, **kwargs):
        kwargs.pop("to_field_name", None)
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault("widget", commune_widget())
        if queryset is None:
            queryset = Commune.objects.all()
        super().__init__(queryset=queryset, **kwargs)
        if not self.help_text:
            self.help_text = _("Nom, code postal ou code INSEE.")
        self.initial_commune = None

    def get_bound_field(self, form, field_name):
        """Remember the form's initial commune: it stays valid even if it is no
        longer current. Each form has its own deep copy of the field; the bound
        field copies the help text, hence the order."""
        self._keep_initial(form.get_initial_for_field(self, field_name))
        return super().get_bound_field(form, field_name)

    def _keep_initial(self, value):
        if isinstance(value, Commune):
            commune = value
        elif value in self.empty_values:
            commune = None
        elif self.initial_commune is not None and str(self.initial_commune.pk) == str(value):
            return
        else:
            commune = self._initial_commune(value)
        self.initial_commune = commune
        if commune is not None and not commune.is_current:
            self.help_text = _(
                "« %(label)s » n'est plus une commune actuelle : elle a fusionné avec "
                "une autre. Vous pouvez garder cette valeur, mais choisissez de "
                "préférence la nouvelle commune."
            ) % {"label": commune.label}

    def prepare_value(self, value):
        if isinstance(value, TypedCommune) or value in self.empty_values:
            return value
        if isinstance(value, Commune):
            commune = value
        elif self.initial_commune is not None and str(self.initial_commune.pk) == str(value):
            commune = self.initial_commune
        else:
            commune = self._initial_commune(value)
        if commune is None:
            return TypedCommune(str(value))
        return TypedCommune(commune.label, commune.code)

    def _initial_commune(self, pk):
        try:
            return Commune.objects.select_related("department").get(pk=pk)
        except (Commune.DoesNotExist, ValueError, TypeError):
            return None

    def to_python(self, value):
        if not isinstance(value, TypedCommune):
            value = TypedCommune(str(value) if value not in self.empty_values else "")
        ProhibitNullCharactersValidator()(value.text)
        text = value.text.strip()
        if not text:
            # An emptied field is empty, whatever code stayed in the hidden
            # input (without JavaScript nothing clears it).
            return None
        kept = self.initial_commune
        if kept is not None and value.code in ("", kept.code) and text in (kept.label, kept.code):
            return kept  # unchanged, even if no longer current
        if value.code:
            chosen = self.queryset.filter(is_current=True, code=value.code).first()
            # The code counts only if the text still shows that commune.
            if chosen is not None and text in (chosen.label, chosen.code):
                return chosen
        candidates = self.queryset.resolve(text, limit=MAX_CANDIDATES)
        if len(candidates) == 1:
            return candidates[0]
        shown = text[:100]
        if not candidates:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": shown},
            )
        labels = [commune.label for commune in candidates[:MAX_CANDIDATES]]
        if len(candidates) > MAX_CANDIDATES:
            labels.append("…")
        raise ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"value": shown, "candidates": ", ".join(labels), "example": labels[0]},
        )

    def code_of(self, commune):
        return commune.code


MIN_RADIUS_KM = 1
MAX_RADIUS_KM = 200
DEFAULT_RADIUS_KM = 30
RADIUS_MESSAGE = _("Le rayon se donne en kilomètres, de 1 à 200 : par exemple 30.")


class AroundCommuneForm(forms.Form):
    """A commune and a radius around it, for the searches (offers, CV bank):
    a radius alone asks for the commune, a commune alone means 30 km around
    it, a commune whose position is unknown says so."""

    commune = CommuneField(label=_("Commune"), required=False)
    radius = forms.IntegerField(
        label=_("Rayon (km)"),
        required=False,
        help_text=_("Autour de la commune, de 1 à 200 km (30 km si vide)."),
        error_messages={"invalid": RADIUS_MESSAGE},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean_radius(self):
        radius = self.cleaned_data.get("radius")
        if radius is not None and not MIN_RADIUS_KM <= radius <= MAX_RADIUS_KM:
            raise ValidationError(RADIUS_MESSAGE, code="radius")
        return radius

    def clean(self):
        data = super().clean()
        commune = data.get("commune")
        if commune is not None and (commune.latitude is None or commune.longitude is None):
            self.add_error(
                "commune",
                ValidationError(
                    _(
                        "La position de « %(commune)s » n'est pas connue : "
                        "choisissez une commune voisine."
                    ),
                    params={"commune": commune.label},
                    code="no_location",
                ),
            )
        elif commune is None and data.get("radius") is not None and "commune" not in self.errors:
            self.add_error(
                "commune",
                ValidationError(
                    _("Indiquez la commune autour de laquelle chercher."), code="no_commune"
                ),
            )
        if commune is not None and data.get("radius") is None and "radius" not in self.errors:
            data["radius"] = DEFAULT_RADIUS_KM
        return data
