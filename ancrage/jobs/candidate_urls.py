"""The candidate's space (/candidat/): sign-up, profile, CV, visibility in the CV banks, who viewed the profile, their data."""

from django.urls import path  # noqa: F401

app_name = "jobs_candidate"

urlpatterns = []
