"""The company's applications, per offer (/organisation/candidatures/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_pipeline"

urlpatterns = []
