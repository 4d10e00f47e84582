"""The form of a candidate's saved search: its name and how often its
alert is sent (the search itself is the query string it was saved with)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs.models import SavedSearch


class SavedSearchForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        widgets = {"frequency": forms.RadioSelect}
        labels = {"frequency": _("Alerte par courriel")}
        help_texts = {
            "name": _(
                "Pour la reconnaître dans vos recherches, par exemple « Soudeur à Lorient »."
            ),
            "frequency": _("Les nouvelles offres de cette recherche, par courriel."),
        }
        error_messages = {
            "name": {
                "required": _("Donnez un nom à cette recherche."),
                "max_length": _("Le nom tient en 100 caractères au plus."),
            },
            "frequency": {
                "required": _("Choisissez la fréquence de l'alerte."),
                "invalid_choice": _("Choisissez chaque jour, chaque semaine ou pas d'alerte."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["frequency"].widget.attrs["class"] = "form-check-input"

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].replace("\x00", "").split())
