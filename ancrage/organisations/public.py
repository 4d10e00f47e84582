"""What a cluster's public member directory shows of a member: only the
fields the organisation publishes. Templates read a `PublicMember`, never the
organisation itself, so an unpublished field cannot slip into a page."""

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.matrix.models import State
from ancrage.organisations.directory import search_organisations
from ancrage.organisations.identifiers import naf_label
from ancrage.organisations.models import Membership, PublicField
from ancrage.territory.models import Commune, Department


class PublicMember:
    """The published face of one membership's organisation. `full` adds the
    matrix's skills, activities and markets (prefetched by the caller)."""

    def __init__(self, membership, full=False):
        organisation = membership.organisation
        shows = organisation.publishes
        cluster = membership.cluster
        self.pk = organisation.pk
        self.name = organisation.name
        self.url = reverse("member_directory:detail", args=[cluster.slug, organisation.pk])
        self.description = organisation.description if shows(PublicField.DESCRIPTION) else ""
        self.website = organisation.website if shows(PublicField.WEBSITE) else ""
        self.logo_url = ""
        if shows(PublicField.LOGO) and organisation.logo:
            url = reverse("member_directory:logo", args=[cluster.slug, organisation.pk])
            self.logo_url = f"{url}?v={organisation.logo_version}"
        self.commune = organisation.commune if shows(PublicField.COMMUNE) else None
        self.size = organisation.get_size_class_display() if shows(PublicField.SIZE) else ""
        self.naf_code = organisation.naf_code if shows(PublicField.NAF) else ""
        self.naf_label = naf_label(self.naf_code)
        profile = _validated_profile(membership)
        self.occupation = None
        self.skills = self.activities = self.markets = self.certifications = []
        if profile is not None and shows(PublicField.MATRIX):
            self.occupation = profile.occupation
            if full:
                self.skills = [item.entry for item in profile.skills.all()]
                self.activities = [item.activity for item in profile.activities.all()]
                self.markets = [item.market for item in profile.markets.all()]
        if profile is not None and shows(PublicField.CERTIFICATIONS):
            self.certifications = list(profile.certifications)

    @property
    def has_matrix(self):
        return bool(self.occupation or self.skills or self.activities or self.markets)


def _validated_profile(membership):
    """The membership's matrix profile if the organisation validated it."""
    try:
        profile = membership.matrix
    except ObjectDoesNotExist:
        return None
    return profile if profile.state == State.VALIDATED else None


class PublicFilterForm(BootstrapForm, forms.Form):
    q = forms.CharField(label=_("Nom"), required=False, max_length=100, strip=True)
    commune = forms.ModelChoiceField(
        label=_("Commune"),
        required=False,
        queryset=Commune.objects.none(),
        to_field_name="code",
        empty_label=_("Toutes"),
        error_messages={"invalid_choice": _("Aucun adhérent publié dans cette commune.")},
    )
    department = forms.ModelChoiceField(
        label=_("Département"),
        required=False,
        queryset=Department.objects.none(),
        to_field_name="code",
        empty_label=_("Tous"),
        error_messages={"invalid_choice": _("Aucun adhérent publié dans ce département.")},
    )

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        # Only places some member publishes: the lists reveal nothing unpublished.
        shown = Membership.objects.active().filter(
            cluster=cluster,
            organisation__listed_publicly=True,
            organisation__public_fields__contains=[PublicField.COMMUNE],
        )
        ids = set(shown.values_list("organisation__commune", flat=True)) - {None}
        communes = Commune.objects.filter(pk__in=ids)
        self.fields["commune"].queryset = communes.select_related("department").order_by(
            "name", "code"
        )
        self.fields["department"].queryset = Department.objects.filter(
            pk__in=set(communes.values_list("department", flat=True))
        ).order_by("code")

    def filter(self, memberships):
        data = self.cleaned_data
        if data.get("q"):
            memberships = search_organisations(
                memberships, data["q"], prefix="organisation__", public=True
            )
        published = {"organisation__public_fields__contains": [PublicField.COMMUNE]}
        if data.get("commune"):
            memberships = memberships.filter(organisation__commune=data["commune"], **published)
        if data.get("department"):
            memberships = memberships.filter(
                organisation__commune__department=data["department"], **published
            )
        return memberships
