"""The staff member directory: filters, sort and the exported table.

It lists the acting cluster's memberships (one row per member organisation,
with this cluster's status, date and fee), never another cluster's."""

import re

from django import forms
from django.db.models import F, Q, Value
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.organisations.identifiers import naf_label, naf_section_codes, naf_sections
from ancrage.organisations.models import Membership, Organisation, SizeClass, TurnoverBand
from ancrage.territory.forms import CommuneField
from ancrage.territory.models import Commune, Department, EmploymentZone
from ancrage.territory.search import Normalized, clean_query

MIN_FUZZY_LENGTH = 3
NAF_PREFIX = re.compile(r"(\d{2})\.?(\d{0,2})([A-Za-z]?)")
SORTS = {
    "nom": (_("Nom (A → Z)"), ["organisation__search_name", "organisation__name", "pk"]),
    "-nom": (_("Nom (Z → A)"), ["-organisation__search_name", "-organisation__name", "-pk"]),
    "commune": (
        _("Commune"),
        [
            F("organisation__commune__name").asc(nulls_last=True),
            "organisation__search_name",
            "organisation__name",
            "pk",
        ],
    ),
    "-effectif": (
        _("Effectif (décroissant)"),
        [
            F("organisation__headcount").desc(nulls_last=True),
            "organisation__search_name",
            "organisation__name",
            "pk",
        ],
    ),
    "effectif": (
        _("Effectif (croissant)"),
        [
            F("organisation__headcount").asc(nulls_last=True),
            "organisation__search_name",
            "organisation__name",
            "pk",
        ],
    ),
    "-depuis": (
        _("Adhésion (plus récente)"),
        [F("since").desc(nulls_last=True), "organisation__search_name", "organisation__name", "pk"],
    ),
    "depuis": (
        _("Adhésion (plus ancienne)"),
        [F("since").asc(nulls_last=True), "organisation__search_name", "organisation__name", "pk"],
    ),
}


def search_organisations(organisations, text, prefix="", public=False):
    """`organisations` whose name, legal name or SIREN matches `text`
    (accents and case ignored, small typos forgiven on the name). `prefix` is
    the path to the organisation (« organisation__ » from a membership).
    `public`: the usual name only, what a public directory shows."""
    digits = re.sub(r"[\s.]", "", text)
    if digits.isdigit() and not public:
        return organisations.filter(**{f"{prefix}siren__startswith": digits[:9]})
    query = clean_query(text)
    if not query:
        return organisations
    organisations = organisations.annotate(wanted=Normalized(Value(query)))
    matches = Q(**{f"{prefix}search_name__contains": F("wanted")})
    if len(query) >= MIN_FUZZY_LENGTH:
        matches |= Q(**{f"{prefix}search_name__trigram_word_similar": F("wanted")})
    if not public:
        organisations = organisations.annotate(legal_name_search=Normalized(f"{prefix}legal_name"))
        matches |= Q(legal_name_search__contains=F("wanted"))
    return organisations.filter(matches)


class MemberFilterForm(BootstrapForm, forms.Form):
    q = forms.CharField(
        label=_("Nom, raison sociale ou SIREN"), required=False, max_length=100, strip=True
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *Organisation.Kind.choices],
    )
    size = forms.ChoiceField(
        label=_("Taille"), required=False, choices=[("", _("Toutes")), *SizeClass.choices]
    )
    commune = CommuneField(label=_("Commune"), required=False, help_text="")
    department = forms.ModelChoiceField(
        label=_("Département"),
        required=False,
        queryset=Department.objects.none(),
        to_field_name="code",
        empty_label=_("Tous"),
        error_messages={"invalid_choice": _("Aucun adhérent dans ce département.")},
    )
    zone = forms.ModelChoiceField(
        label=_("Zone d'emploi"),
        required=False,
        queryset=EmploymentZone.objects.none(),
        to_field_name="code",
        empty_label=_("Toutes"),
        error_messages={"invalid_choice": _("Aucun adhérent dans cette zone d'emploi.")},
    )
    naf_section = forms.ChoiceField(label=_("Section NAF"), required=False)
    naf = forms.CharField(
        label=_("Code NAF"),
        required=False,
        max_length=10,
        help_text=_("Début du code : 25, 25.6 ou 25.62A."),
    )
    status = forms.ChoiceField(
        label=_("Adhésion"),
        required=False,
        choices=[("", _("Toutes")), *Membership.Status.choices],
    )
    fee = forms.ChoiceField(
        label=_("Cotisation"),
        required=False,
        choices=[("", _("Toutes")), ("paid", _("payée")), ("unpaid", _("non payée"))],
    )
    sort = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
    )

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        members = Organisation.objects.members_of(cluster)
        ids = set(members.values_list("commune", flat=True)) - {None}
        places = Commune.objects.filter(pk__in=ids)
        self.fields["department"].queryset = Department.objects.filter(
            pk__in=set(places.values_list("department", flat=True))
        )
        self.fields["zone"].queryset = EmploymentZone.objects.filter(
            pk__in=set(places.values_list("employment_zone", flat=True)) - {None}
        )
        self.fields["naf_section"].choices = [
            ("", _("Toutes")),
            *((code, f"{code} — {label}") for code, label in naf_sections().items()),
        ]

    def clean_naf(self):
        typed = self.cleaned_data["naf"].replace(" ", "")
        if not typed:
            return ""
        match = NAF_PREFIX.fullmatch(typed)
        if not match or (match[3] and len(match[2]) != 2):
            raise forms.ValidationError(_("Tapez le début d'un code NAF : 25, 25.6 ou 25.62A."))
        return match[1] + (f".{match[2]}" if match[2] else "") + match[3].upper()

    def filter(self, memberships):
        """`memberships` narrowed by the valid filters, in the chosen order."""
        data = self.cleaned_data
        if data.get("q"):
            memberships = search_organisations(memberships, data["q"], prefix="organisation__")
        exact = {
            "organisation__kind": data.get("kind"),
            "organisation__size_class": data.get("size"),
            "organisation__commune": data.get("commune"),
            "organisation__commune__department": data.get("department"),
            "organisation__commune__employment_zone": data.get("zone"),
            "status": data.get("status"),
        }
        memberships = memberships.filter(**{key: value for key, value in exact.items() if value})
        if data.get("naf_section"):
            memberships = memberships.filter(
                organisation__naf_code__in=naf_section_codes(data["naf_section"])
            )
        if data.get("naf"):
            memberships = memberships.filter(organisation__naf_code__startswith=data["naf"])
        if data.get("fee"):
            memberships = memberships.filter(fee_paid=data["fee"] == "paid")
        return memberships.order_by(*SORTS[data.get("sort") or "nom"][1])


def base_memberships(cluster):
    return Membership.objects.filter(cluster=cluster).select_related(
        "organisation__commune__department"
    )


EXPORT_HEADERS = [
    _("Nom"),
    _("Raison sociale"),
    _("SIREN"),
    _("Type"),
    _("Code NAF"),
    _("Activité (NAF)"),
    _("Taille"),
    _("Effectif"),
    _("Chiffre d'affaires"),
    _("Adresse"),
    _("Code postal"),
    _("Commune"),
    _("Code INSEE"),
    _("Département"),
    _("Site web"),
    _("Statut"),
    _("Adhérent depuis"),
    _("Cotisation payée"),
    _("Année de cotisation"),
]


def export_rows(memberships):
    # Labels translated once, not once per row (get_FOO_display hashes lazy labels).
    kinds = {value: str(label) for value, label in Organisation.Kind.choices}
    sizes = {value: str(label) for value, label in SizeClass.choices}
    turnovers = {value: str(label) for value, label in TurnoverBand.choices}
    statuses = {value: str(label) for value, label in Membership.Status.choices}
    yes, no = str(_("oui")), str(_("non"))
    for membership in memberships.iterator(chunk_size=500):
        organisation = membership.organisation
        commune = organisation.commune
        yield [
            organisation.name,
            organisation.legal_name,
            organisation.siren,
            kinds.get(organisation.kind, organisation.kind),
            organisation.naf_code,
            naf_label(organisation.naf_code),
            sizes.get(organisation.size_class, ""),
            organisation.headcount,
            turnovers.get(organisation.turnover_band, ""),
            organisation.address,
            organisation.postal_code,
            commune.name if commune else "",
            commune.code if commune else "",
            commune.department.name if commune else "",
            organisation.website,
            statuses.get(membership.status, membership.status),
            membership.since,
            yes if membership.fee_paid else no,
            membership.fee_year,
        ]
