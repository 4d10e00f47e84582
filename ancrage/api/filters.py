"""Query parameters of the API's lists, validated like a form: a bad value
answers 400 with, for each parameter, why (in French)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from ancrage.clusters.models import Cluster
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
