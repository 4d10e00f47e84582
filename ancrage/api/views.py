from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import routers, viewsets
from rest_framework.permissions import AllowAny

from ancrage.api.filters import CLUSTER_FILTER_PARAMETERS, ClusterFilter
from ancrage.api.serializers import ClusterSerializer
from ancrage.clusters.models import Cluster


@method_decorator(login_not_required, name="dispatch")
class PublicAPIRootView(routers.APIRootView):
    """The API's entry point: links to its public lists."""

    permission_classes = [AllowAny]


@extend_schema_view(
    list=extend_schema(
        summary="Liste des clusters",
        parameters=CLUSTER_FILTER_PARAMETERS,
        responses={
            200: ClusterSerializer(many=True),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Paramètre invalide : pour chaque paramètre, la raison en français.",
            ),
        },
    ),
    retrieve=extend_schema(summary="Un cluster, par son identifiant (slug)"),
)
@method_decorator(login_not_required, name="dispatch")
class ClusterViewSet(viewsets.ReadOnlyModelViewSet):
    """Public list of the clusters on the platform."""

    serializer_class = ClusterSerializer
    permission_classes = [AllowAny]
    lookup_field = "slug"
    queryset = Cluster.objects.select_related("seat").order_by("name")

    def get_queryset(self):
        clusters = super().get_queryset()
        if self.action != "list":
            return clusters
        filters = ClusterFilter(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return filters.filter(clusters)
