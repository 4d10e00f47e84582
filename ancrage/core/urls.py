from django.urls import path

from ancrage.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("espace/", views.switch_context, name="switch_context"),
    path("mentions-legales/", views.legal_notice, name="legal_notice"),
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
]
