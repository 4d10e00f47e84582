"""The form of the public search of offers (/offres/), read from the query
string: the page, its Atom feed, the API and the saved searches' alerts all
clean their parameters with it, then hand `cleaned_data` to `search.offers`.

    form = OfferSearchForm(request.GET or None)
    if form.is_valid(): offers = search.offers(form.cleaned_data)

Parameters: q (words, French full text), occupation (ROME code or a label,
as the offer form's picker), skills (one per line or « ; », or skills_code),
contract (several), commune (INSEE code, postal code or name, as the
commune picker) and radius (km, 1 to 200), remote, since (days), cluster
(slug), sort (relevance or date). Each wrong value gets a French message on
its own field; what was typed stays in the form."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.clusters.models import Cluster
from ancrage.core.widgets import Typed
from ancrage.jobs.models import Contract, Remote
from ancrage.referentiel.forms import ROME_CODE, OccupationField, SkillMultipleField
from ancrage.territory.forms import AroundCommuneForm

MAX_SINCE_DAYS = 365
MAX_TEXT = 200
SINCE_MESSAGE = _("Indiquez un nombre de jours, de 1 à 365.")
SINCE_CHOICES = [
    ("", _("Peu importe")),
    ("1", _("Depuis hier")),
    ("3", _("Depuis 3 jours")),
    ("7", _("Depuis une semaine")),
    ("14", _("Depuis deux semaines")),
    ("30", _("Depuis un mois")),
]


class Sort:
    RELEVANCE = "pertinence"
    DATE = "date"
    choices = [(RELEVANCE, _("Pertinence")), (DATE, _("Date de publication"))]


# The query string's parameters the search reads (the rest is ignored).
PARAMETERS = (
    "q",
    "occupation",
    "occupation_code",
    "skills",
    "skills_code",
    "contract",
    "commune",
    "commune_code",
    "radius",
    "remote",
    "since",
    "cluster",
    "sort",
)


class SearchOccupationField(OccupationField):
    """The offer form's occupation picker; a well-formed ROME code that
    names no occupation says so plainly."""

    def to_python(self, value):
        text = value.text.strip() if isinstance(value, Typed) else str(value or "").strip()
        if ROME_CODE.fullmatch(text.upper()) and self.picker.get(text.upper()) is None:
            raise ValidationError(
                _("Aucun métier du ROME n'a le code « %(code)s »."),
                code="invalid_choice",
                params={"code": text.upper()},
            )
        return super().to_python(value)


class OfferSearchForm(BootstrapForm, AroundCommuneForm):
    field_order = [
        "q",
        "occupation",
        "skills",
        "contract",
        "commune",
        "radius",
        "remote",
        "since",
        "cluster",
        "sort",
    ]

    q = forms.CharField(
        label=_("Mots-clés"),
        required=False,
        max_length=MAX_TEXT,
        help_text=_('Par exemple « soudeur », « électricien -nuit », « "chef d\'équipe" ».'),
        error_messages={"max_length": _("Tapez 200 caractères au plus.")},
    )
    occupation = SearchOccupationField(
        label=_("Métier (ROME)"),
        required=False,
        help_text=_("Un métier, une appellation ou un code ROME, par exemple « H2913 »."),
    )
    skills = SkillMultipleField(
        label=_("Compétences"),
        required=False,
        help_text=_("Les offres qui demandent au moins l'une d'elles."),
    )
    contract = forms.MultipleChoiceField(
        label=_("Contrat"),
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
    remote = forms.ChoiceField(
        label=_("Télétravail"),
        required=False,
        choices=[("", _("Indifférent")), *Remote.choices],
        error_messages={
            "invalid_choice": _("Télétravail inconnu « %(value)s » : site, hybride ou complet.")
        },
    )
    since = forms.IntegerField(
        label=_("Publiée"),
        required=False,
        widget=forms.Select(choices=SINCE_CHOICES),
        error_messages={"invalid": SINCE_MESSAGE},
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        required=False,
        queryset=Cluster.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Tous les clusters"),
        error_messages={"invalid_choice": _("Aucun cluster n'a l'identifiant « %(value)s ».")},
    )
    sort = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=Sort.choices,
        error_messages={"invalid_choice": _("Tri inconnu « %(value)s » : pertinence ou date.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].widget.attrs["class"] = "form-check-input"

    def clean_since(self):
        since = self.cleaned_data.get("since")
        if since is not None and not 1 <= since <= MAX_SINCE_DAYS:
            raise ValidationError(SINCE_MESSAGE, code="since")
        return since


def query_of(data):
    """The search's parameters from a QueryDict (or a dict of strings or
    lists, as a saved search keeps them): {name: [values]}, empty ones left out."""
    getlist = getattr(data, "getlist", None)
    query = {}
    for name in PARAMETERS:
        if getlist is not None:
            values = getlist(name)
        else:
            values = data.get(name, [])
            values = values if isinstance(values, list) else [values]
        values = [str(value) for value in values if str(value).strip()]
        if values:
            query[name] = values
    return query


def as_querydict(query):
    """A saved search's `query` as a QueryDict the form reads."""
    result = QueryDict(mutable=True)
    for name, values in query_of(query or {}).items():
        result.setlist(name, values)
    return result
