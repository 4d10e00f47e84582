"""Staff follow-up: offers with few applications, candidates with none (/cluster/offres/suivi/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_followup"

urlpatterns = []
