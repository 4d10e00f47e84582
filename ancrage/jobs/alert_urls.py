"""A candidate's saved searches and their email alerts (/candidat/recherches/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_alerts"

urlpatterns = []
