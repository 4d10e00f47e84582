"""Query parameters of the API's lists, validated like a form: a bad value
answers 400 with, for each parameter, why (in French)."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from ancrage.clusters.models import Cluster
from ancrage.referentiel import search
from ancrage.referentiel.models import Domain, GrandDomain
from ancrage.territory.models import Region


class ClusterFilter(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=Cluster.Kind.choices,
        required=False,
        allow_blank=True,
        error_messages={
            "invalid_choice": _(
                "Type inconnu « {input} » : valeurs possibles pole, grappe, regional, ptce."
            )
        },
    )
    region = serializers.RegexField(
        r"^[0-9]{2,3}$",
        required=False,
        allow_blank=True,
        max_length=3,
        error_messages={
            "invalid": _(
                "Le code INSEE d'une région s'écrit avec 2 ou 3 chiffres, par exemple 53."
            ),
            "max_length": _(
                "Le code INSEE d'une région s'écrit avec 2 ou 3 chiffres, par exemple 53."
            ),
        },
    )

    def validate_region(self, value):
        if value and not Region.objects.filter(code=value).exists():
            raise serializers.ValidationError(
                _("Aucune région n'a le code INSEE « %(code)s ».") % {"code": value}
            )
        return value

    def filter(self, clusters):
        data = self.validated_data
        return clusters.matching(data.get("kind"), data.get("region"))


CLUSTER_FILTER_PARAMETERS = [
    OpenApiParameter(
        "kind",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        enum=Cluster.Kind.values,
        description=_(
            "Type de cluster : pole (pôle de compétitivité), grappe (grappe d'entreprises), "
            "regional (cluster régional), ptce (PTCE)."
        ),
    ),
    OpenApiParameter(
        "region",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        pattern=r"^[0-9]{2,3}$",
        description=_("Code INSEE de la région du siège, par exemple 53 pour la Bretagne."),
    ),
]


# Occupations asked of the search service for a `q` of the occupation list.
OCCUPATION_SEARCH_LIMIT = 100
ROME_LIMIT_MESSAGE = _("Nombre de résultats : un entier de 1 à %(max)s.")


def _limit_field(default, maximum):
    message = ROME_LIMIT_MESSAGE % {"max": maximum}
    return serializers.IntegerField(
        required=False,
        default=default,
        min_value=1,
        max_value=maximum,
        error_messages={
            "invalid": message,
            "min_value": message,
            "max_value": message,
            "max_string_length": message,
        },
    )


class NormalizeQuery(serializers.Serializer):
    """`limit` of the normalisation; `q` is free text, read as given."""

    limit = _limit_field(default=3, maximum=20)


class SuggestQuery(serializers.Serializer):
    target = serializers.ChoiceField(
        choices=["occupation", "skill"],
        required=False,
        allow_blank=True,
        error_messages={
            "invalid_choice": _("Cible inconnue « {input} » : valeurs possibles occupation, skill.")
        },
    )
    limit = _limit_field(default=10, maximum=20)


class OccupationFilter(serializers.Serializer):
    domain = serializers.RegexField(
        r"^[A-Za-z][0-9]{2}$",
        required=False,
        allow_blank=True,
        max_length=3,
        error_messages={
            "invalid": _(
                "Un domaine professionnel s'écrit d'une lettre et deux chiffres, par exemple H29."
            ),
            "max_length": _(
                "Un domaine professionnel s'écrit d'une lettre et deux chiffres, par exemple H29."
            ),
        },
    )
    grand_domain = serializers.RegexField(
        r"^[A-Za-z]$",
        required=False,
        allow_blank=True,
        max_length=1,
        error_messages={
            "invalid": _("Un grand domaine s'écrit d'une lettre, par exemple H."),
            "max_length": _("Un grand domaine s'écrit d'une lettre, par exemple H."),
        },
    )
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        error_messages={"max_length": _("Tapez 200 caractères au plus.")},
    )

    def validate_domain(self, value):
        value = value.upper()
        if value and not Domain.objects.filter(code=value).exists():
            raise serializers.ValidationError(
                _("Aucun domaine professionnel n'a le code « %(code)s ».") % {"code": value}
            )
        return value

    def validate_grand_domain(self, value):
        value = value.upper()
        if value and not GrandDomain.objects.filter(code=value).exists():
            raise serializers.ValidationError(
                _("Aucun grand domaine n'a le code « %(code)s ».") % {"code": value}
            )
        return value

    def filter(self, occupations):
        """Current occupations of the domain and grand domain asked for; with
        `q`, those the search service finds, best first."""
        data = self.validated_data
        occupations = occupations.current()
        if data.get("domain"):
            occupations = occupations.filter(domain__code=data["domain"])
        if data.get("grand_domain"):
            occupations = occupations.filter(domain__grand_domain__code=data["grand_domain"])
        if not data.get("q", "").strip():
            return occupations.order_by("code")
        ranked = []
        for suggestion in search.suggest(
            data["q"], target="occupation", limit=OCCUPATION_SEARCH_LIMIT
        ):
            if suggestion.occupation_id is not None and suggestion.occupation_id not in ranked:
                ranked.append(suggestion.occupation_id)
        if not ranked:
            return occupations.none()
        rank = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
        return occupations.filter(pk__in=ranked).order_by(rank, "code")


OCCUPATION_FILTER_PARAMETERS = [
    OpenApiParameter(
        "domain",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        pattern=r"^[A-Za-z][0-9]{2}$",
        description=_("Code du domaine professionnel ROME, par exemple H29."),
    ),
    OpenApiParameter(
        "grand_domain",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        pattern=r"^[A-Za-z]$",
        description=_("Lettre du grand domaine ROME, par exemple H pour l'industrie."),
    ),
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        description=_(
            "Recherche dans les libellés et les appellations (accents, casse, fautes de frappe "
            "légères ignorés) ; les résultats viennent alors du plus pertinent au moins pertinent."
        ),
    ),
]
