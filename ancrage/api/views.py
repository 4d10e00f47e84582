from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from ancrage.api.serializers import ClusterSerializer
from ancrage.clusters.models import Cluster


@method_decorator(login_not_required, name="dispatch")
class ClusterViewSet(viewsets.ReadOnlyModelViewSet):
    """Public list of the clusters on the platform."""

    serializer_class = ClusterSerializer
    permission_classes = [AllowAny]
    lookup_field = "slug"
    queryset = Cluster.objects.select_related("seat").order_by("name")
