"""Applying to an offer (/offres/<offer_pk>/postuler/)."""

from django.urls import path

from ancrage.jobs.views import apply

app_name = "jobs_apply"

urlpatterns = [
    path("", apply.apply, name="apply"),
]
