"""The form of a cluster's GPEC assumptions: retirement shares typed as
percentages (0 to 100, one decimal), stored as shares (0 to 1, three
decimals); how old a fact may be, in months."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.gpec.assumptions import DEFAULTS

HUNDRED = Decimal(100)
SHARES = (
    ("retire_60_plus_1y", _("60 ans et plus : part partant en retraite d'ici 1 an (%)")),
    ("retire_55_59_1y", _("55 à 59 ans : part partant en retraite d'ici 1 an (%)")),
    ("retire_60_plus_3y", _("60 ans et plus : part partant en retraite d'ici 3 ans (%)")),
    ("retire_55_59_3y", _("55 à 59 ans : part partant en retraite d'ici 3 ans (%)")),
)
MIN_MONTHS, MAX_MONTHS = 6, 120


def percent(share):
    """A share (Decimal 0–1) as a percentage, one decimal when needed: 0.3 → 30, 0.025 → 2.5."""
    return _plain((share * HUNDRED).quantize(Decimal("0.1")))


def _plain(value):
    """A Decimal without a useless decimal: 30.0 → 30 (not 3E+1)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _share(label):
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_value=100,
        decimal_places=1,
        error_messages={
            "min_value": _("Un pourcentage ne peut pas être négatif."),
            "max_value": _("Un pourcentage ne dépasse pas 100."),
            "max_decimal_places": _("Un chiffre après la virgule au plus."),
            "invalid": _("Saisissez un pourcentage, par exemple 30 ou 2,5."),
            "required": _("Indiquez un pourcentage."),
        },
    )


class AssumptionsForm(forms.Form):
    retire_60_plus_1y = _share(SHARES[0][1])
    retire_55_59_1y = _share(SHARES[1][1])
    retire_60_plus_3y = _share(SHARES[2][1])
    retire_55_59_3y = _share(SHARES[3][1])
    freshness_months = forms.IntegerField(
        label=_("Ancienneté maximale d'une donnée (mois)"),
        min_value=MIN_MONTHS,
        max_value=MAX_MONTHS,
        error_messages={
            "min_value": _("Au moins %(limit_value)s mois."),
            "max_value": _("Au plus %(limit_value)s mois (10 ans)."),
            "invalid": _("Saisissez un nombre entier de mois."),
            "required": _("Indiquez une durée en mois."),
        },
    )

    def __init__(self, *args, assumptions, read_only=False, **kwargs):
        initial = {name: percent(getattr(assumptions, name)) for name, _label in SHARES}
        initial["freshness_months"] = assumptions.freshness_months
        super().__init__(*args, initial=initial, **kwargs)
        for name, _label in SHARES:
            self.fields[name].help_text = _("Valeur par défaut : %(value)s %%") % {
                "value": percent(DEFAULTS[name])
            }
        self.fields["freshness_months"].help_text = _(
            "Les déclarations plus anciennes ne comptent plus dans les chiffres. "
            "Valeur par défaut : %(value)s mois."
        ) % {"value": DEFAULTS["freshness_months"]}
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"
            field.disabled = read_only

    def clean(self):
        cleaned = super().clean()
        for band in ("60_plus", "55_59"):
            one, three = cleaned.get(f"retire_{band}_1y"), cleaned.get(f"retire_{band}_3y")
            if one is not None and three is not None and three < one:
                self.add_error(
                    f"retire_{band}_3y",
                    _(
                        "La part à 3 ans compte aussi les départs de la première année : "
                        "elle ne peut pas être inférieure à la part à 1 an (%(one)s %%)."
                    )
                    % {"one": _plain(one)},
                )
        return cleaned

    def save(self, assumptions, user):
        """Copy the values into `assumptions` (saved or not) and save it."""
        for name, _label in SHARES:
            setattr(assumptions, name, self.cleaned_data[name] / HUNDRED)
        assumptions.freshness_months = self.cleaned_data["freshness_months"]
        assumptions.updated_by = user
        assumptions.save()
        return assumptions
