"""The search form of the CV bank (/organisation/cvtheque/), read from the
query string, and the search itself over `cvbank.visible_profiles`.

    form = ProfileSearchForm(request.GET or None, cluster=cluster)
    profiles = form.search(cvbank.visible_profiles(organisation))

Parameters: q (words, French full text of the headline, presentation and
CV), occupation (ROME code or a label), skills (one per line or « ; », or
skills_code: profiles with all of them), commune (INSEE code, postal code or
name) and radius (km, 1 to 200; 30 when only the commune is given),
available (a date: profiles available on or before it, or without a date),
contract (several: profiles seeking one of them). Each wrong value gets a
French message on its own field; what was typed stays in the form."""

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs.models import Contract
from ancrage.referentiel.forms import OccupationField, SkillMultipleField
from ancrage.territory.distance import within
from ancrage.territory.forms import AroundCommuneForm

MAX_TEXT = 200
SEARCH_CONFIG = "french_unaccent"


class ProfileSearchForm(BootstrapForm, AroundCommuneForm):
    field_order = ["q", "occupation", "skills", "contract", "commune", "radius", "available"]

    q = forms.CharField(
        label=_("Mots-clés"),
        required=False,
        max_length=MAX_TEXT,
        help_text=_("Cherchés dans le titre, la présentation et le CV, par exemple « soudeur »."),
        error_messages={"max_length": _("Tapez 200 caractères au plus.")},
    )
    occupation = OccupationField(
        label=_("Métier (ROME)"),
        required=False,
        help_text=_("Un métier, une appellation ou un code ROME, par exemple « H2913 »."),
    )
    skills = SkillMultipleField(
        label=_("Compétences"),
        required=False,
        help_text=_("Les profils qui ont toutes ces compétences."),
    )
    contract = forms.MultipleChoiceField(
        label=_("Contrat recherché"),
        required=False,
        choices=Contract.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Contrat inconnu « %(value)s » : cdi, cdd, interim, alternance, stage, vie "
                "ou freelance."
            )
        },
    )
    available = forms.DateField(
        label=_("Disponible avant le"),
        required=False,
        help_text=_("Les profils disponibles à cette date (ou sans date indiquée)."),
        error_messages={"invalid": _("Indiquez une date, par exemple 01/09/2027.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, cluster=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].widget.attrs["class"] = "form-check-input"
        for name in ("occupation", "skills"):
            self.fields[name].set_cluster(cluster)

    def clean_q(self):
        return self.cleaned_data["q"].replace("\x00", "").strip()

    @property
    def near(self):
        """The commune searched around, once the form is valid (or None)."""
        return self.cleaned_data.get("commune") if self.is_bound and self.is_valid() else None

    def search(self, profiles):
        """`profiles` filtered by the criteria, best first: by relevance of
        the words, else by distance, else the most recently active."""
        data = self.cleaned_data
        order = ["-last_activity_at", "-pk"]
        if data.get("occupation"):
            profiles = profiles.filter(occupations=data["occupation"])
        for skill in data.get("skills") or []:
            profiles = profiles.filter(skills=skill)
        if data.get("contract"):
            profiles = profiles.filter(contracts__overlap=data["contract"])
        if data.get("available"):
            profiles = profiles.filter(
                Q(available_from__isnull=True) | Q(available_from__lte=data["available"])
            )
        commune = data.get("commune")
        if commune is not None:
            profiles = within(profiles, commune.latitude, commune.longitude, data["radius"])
            order = ["distance_km", *order]
        if data.get("q"):
            query = SearchQuery(data["q"], config=SEARCH_CONFIG, search_type="websearch")
            profiles = profiles.filter(search_document=query).annotate(
                rank=SearchRank(F("search_document"), query)
            )
            order = ["-rank", *order]
        return profiles.order_by(*order)
