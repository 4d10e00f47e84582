"""The offers that match a candidate's profile (/candidat/offres-suggerees/)."""

from django.urls import path

from ancrage.jobs.views import match

app_name = "jobs_match"

urlpatterns = [
    path("", match.suggested, name="suggested"),
]
