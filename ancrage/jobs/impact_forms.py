"""The period of the impact page: a calendar year, or the last 12 months."""

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs import impact

# Years offered before the first offer published on the board, at least.
MIN_YEARS = 3


def years(offers, today):
    """This year back to the first year an offer was published (3 at least)."""
    first = offers.aggregate(first=Min("published_on"))["first"]
    first = min(first.year if first else today.year, today.year - MIN_YEARS + 1)
    return list(range(today.year, first - 1, -1))


class PeriodForm(BootstrapForm, forms.Form):
    annee = forms.TypedChoiceField(
        label=_("Période"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Choisissez une période de la liste.")},
    )

    def __init__(self, data, *, offers, today=None):
        self.today = today or timezone.localdate()
        super().__init__(data if data else None)
        self.fields["annee"].choices = [("", _("Les 12 derniers mois"))] + [
            (year, str(year)) for year in years(offers, self.today)
        ]
        if self.is_bound:
            self.is_valid()

    def period(self):
        """The period asked for; the last 12 months when none, or a wrong one."""
        year = self.cleaned_data.get("annee") if self.is_bound and self.is_valid() else None
        return impact.of_year(year) if year else impact.last_twelve_months(self.today)
