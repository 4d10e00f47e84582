"""The GPEC dashboard over every cluster of a network, for the platform's
administrators (/plateforme/gpec/)."""

from django.urls import path

from ancrage.gpec.views import network_dashboard

app_name = "network_gpec"

urlpatterns = [
    path("", network_dashboard.dashboard, name="dashboard"),
    path("export/", network_dashboard.export, name="export"),
]
