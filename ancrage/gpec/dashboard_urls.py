"""The cluster's GPEC dashboard and its exports (/cluster/gpec/…)."""

from django.urls import path

from ancrage.gpec.views import dashboard

app_name = "gpec_dashboard"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("export/", dashboard.export, name="export"),
]
