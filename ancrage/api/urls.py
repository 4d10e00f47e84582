from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from ancrage.api import offers, referentiel, views


class Router(DefaultRouter):
    APIRootView = views.PublicAPIRootView


router = Router()
router.register("clusters", views.ClusterViewSet, basename="cluster")
router.register("offers", offers.OfferViewSet, basename="offer")
router.register("referentiel/occupations", referentiel.OccupationViewSet, basename="occupation")

referentiel_urls = [
    path(
        "referentiel/normalize", referentiel.NormalizeView.as_view(), name="referentiel-normalize"
    ),
    path("referentiel/suggest", referentiel.SuggestView.as_view(), name="referentiel-suggest"),
    path(
        "referentiel/extract-skills",
        referentiel.ExtractSkillsView.as_view(),
        name="referentiel-extract-skills",
    ),
]

urlpatterns = [
    path("v1/", include((referentiel_urls + router.urls, "api"), namespace="api")),
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="api-schema"),
    path(
        "docs/",
        login_not_required(SpectacularSwaggerView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
]
