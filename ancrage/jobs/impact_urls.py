"""The job board's impact figures for the cluster's staff (/cluster/offres/impact/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_impact"

urlpatterns = []
