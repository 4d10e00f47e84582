"""The offers that match a candidate's profile (/candidat/offres-suggerees/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_match"

urlpatterns = []
