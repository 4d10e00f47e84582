from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from ancrage.api import views


class Router(DefaultRouter):
    APIRootView = views.PublicAPIRootView


router = Router()
router.register("clusters", views.ClusterViewSet, basename="cluster")

urlpatterns = [
    path("v1/", include((router.urls, "api"), namespace="api")),
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="api-schema"),
    path(
        "docs/",
        login_not_required(SpectacularSwaggerView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
]
