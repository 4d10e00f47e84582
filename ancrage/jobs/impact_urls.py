"""Impact figures of the cluster's job board (/cluster/offres/impact/)."""

from django.urls import path

from ancrage.jobs.views import impact

app_name = "jobs_impact"

urlpatterns = [
    path("", impact.impact_page, name="page"),
    path("export/", impact.export, name="export"),
]
