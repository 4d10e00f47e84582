"""The candidate's applications (/candidat/candidatures/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_my_applications"

urlpatterns = []
